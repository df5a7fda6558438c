using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Persistence.DataProtection;
using MotCua.Persistence.Dossiers;
using MotCua.Persistence.Holidays;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Outbox;

namespace MotCua.IntegrationTests.Persistence;

public sealed class EntityRoundTripTests
{
    // Whole microseconds: PostgreSQL timestamptz keeps microseconds, not .NET's 100 ns ticks.
    private static readonly DateTime ImportedAt = new DateTime(2026, 1, 5, 2, 30, 15, 123, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task OrganisationalUnit_RoundTrips_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", "UBND tỉnh", UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var commune = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân phường Tô Hiệu", "Phường Tô Hiệu", UnitLevel.Commune, "000.01.31.H56", province.Id, new DateOnly(2025, 7, 1));
        var district = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân thành phố Sơn La", null, UnitLevel.District, "000.00.31.H56", province.Id, new DateOnly(2008, 9, 3), new DateOnly(2025, 6, 30));
        district.Close(new DateOnly(2025, 6, 30), commune.Id);

        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(province, commune, district);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.OrganisationalUnits.ToDictionaryAsync(u => u.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, province, loaded[province.Id]);
            EntityAssert.AllMappedPropertiesEqual(db, commune, loaded[commune.Id]);
            EntityAssert.AllMappedPropertiesEqual(db, district, loaded[district.Id]);
            Assert.Equal(UnitLevel.District, loaded[district.Id].Level);
            Assert.Equal(new DateOnly(2025, 6, 30), loaded[district.Id].ValidTo);
            Assert.Equal(commune.Id, loaded[district.Id].SuccessorUnitId);

            // Dates and enums are queryable in SQL on both providers, not only after materialisation.
            var historicalOnReformDay = await db.OrganisationalUnits
                .Where(u => u.Level == UnitLevel.District && u.ValidTo < new DateOnly(2025, 7, 1))
                .Select(u => u.Id).ToListAsync(ct);
            Assert.Equal([district.Id], historicalOnReformDay);
        }
    }

    [Theory, AllDatabases]
    public async Task OneStopDesk_RoundTrips_WithWorkSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        DeskWorkSession[] sessions =
        [
            new(DayOfWeek.Monday, new TimeOnly(7, 30), new TimeOnly(11, 30)),
            new(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
            new(DayOfWeek.Saturday, new TimeOnly(7, 30), new TimeOnly(11, 30)),
        ];
        var desk = OneStopDesk.Create(Guid.NewGuid(), unit.Id, "Trung tâm Phục vụ hành chính công tỉnh Sơn La", OneStopDeskKind.ProvincialServiceCentre,
            new DateOnly(2025, 7, 1), new DateOnly(2030, 12, 31), sessions, new TimeOnly(15, 30));

        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(unit);
            db.OneStopDesks.Add(desk);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.OneStopDesks.SingleAsync(d => d.Id == desk.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, desk, loaded);
            Assert.Equal(sessions.OrderBy(s => s.DayOfWeek).ThenBy(s => s.Start), loaded.WorkSessions.OrderBy(s => s.DayOfWeek).ThenBy(s => s.Start));
            Assert.Equal(new TimeOnly(15, 30), loaded.SameDayCutoff);
        }
    }

    [Theory, AllDatabases]
    public async Task UserRoleAndAssignment_RoundTrip_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp tỉnh Sơn La", "Sở Tư pháp", UnitLevel.ProvincialDepartment, "000.03.00.H56", null, new DateOnly(2025, 7, 1));
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            FullName = "Nguyễn Thị Lan",
            UserName = "lan@example.vn",
            NormalizedUserName = "LAN@EXAMPLE.VN",
            Email = "lan@example.vn",
            NormalizedEmail = "LAN@EXAMPLE.VN",
            EmailConfirmed = true,
            PasswordHash = "hash",
            SecurityStamp = "stamp",
            ConcurrencyStamp = "concurrency",
            PhoneNumber = "0900000000",
            PhoneNumberConfirmed = true,
            TwoFactorEnabled = false,
            LockoutEnd = new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero),
            LockoutEnabled = true,
            AccessFailedCount = 3,
        };
        var role = new AppRole(nameof(StaffRole.HandlingOfficer)) { Id = Guid.NewGuid(), NormalizedName = "HANDLINGOFFICER", ConcurrencyStamp = "r" };
        var assignment = StaffRoleAssignment.Create(Guid.NewGuid(), user.Id, StaffRole.HandlingOfficer, unit.Id, includeDescendants: true, new DateOnly(2025, 7, 1), new DateOnly(2026, 12, 31));

        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(unit);
            db.Users.Add(user);
            db.Roles.Add(role);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = role.Id });
            db.StaffRoleAssignments.Add(assignment);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            EntityAssert.AllMappedPropertiesEqual(db, user, await db.Users.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, role, await db.Roles.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, assignment, await db.StaffRoleAssignments.SingleAsync(ct));
            var membership = await db.UserRoles.SingleAsync(ct);
            Assert.Equal((user.Id, role.Id), (membership.UserId, membership.RoleId));
        }
    }

    [Theory, AllDatabases]
    public async Task IdentityDetailsAndDataProtectionKey_RoundTrip_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var user = new AppUser { Id = Guid.NewGuid(), FullName = "Lê Văn An", UserName = "an@example.vn", NormalizedUserName = "AN@EXAMPLE.VN" };
        var role = new AppRole(nameof(StaffRole.Citizen)) { Id = Guid.NewGuid(), NormalizedName = "CITIZEN" };
        var userClaim = new IdentityUserClaim<Guid> { UserId = user.Id, ClaimType = "unit", ClaimValue = "000.00.41.H56" };
        var roleClaim = new IdentityRoleClaim<Guid> { RoleId = role.Id, ClaimType = "permission", ClaimValue = "dossier.submit" };
        var login = new IdentityUserLogin<Guid> { UserId = user.Id, LoginProvider = "VNeID", ProviderKey = "key-1", ProviderDisplayName = "VNeID" };
        var token = new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "ABC" };
        var key = new DataProtectionKeyEntity { FriendlyName = "key-1", Xml = "<key id=\"1\" />" };

        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            db.Roles.Add(role);
            db.UserClaims.Add(userClaim);
            db.RoleClaims.Add(roleClaim);
            db.UserLogins.Add(login);
            db.UserTokens.Add(token);
            db.DataProtectionKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            Assert.True(userClaim.Id > 0 && roleClaim.Id > 0 && key.Id > 0, "Identity columns must generate keys on both providers.");
            EntityAssert.AllMappedPropertiesEqual(db, userClaim, await db.UserClaims.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, roleClaim, await db.RoleClaims.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, login, await db.UserLogins.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, token, await db.UserTokens.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, key, await db.DataProtectionKeys.SingleAsync(ct));
        }
    }

    [Theory, AllDatabases]
    public async Task Procedure_RoundTrips_WithAllChildrenInOrder(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var full = CatalogueTestData.Create(CatalogueTestData.FullDraft());
        // The smallest shape: optional parts absent, Immediate time with fractional slices, agency without a level.
        var minimal = CatalogueTestData.Create(CatalogueTestData.FullDraft(code: "LOCAL.TEST-1", version: 1) with
        {
            ValidTo = null,
            OnlineLevel = OnlineLevel.None,
            Channels = ProcedureChannels.InPerson,
            Subjects = SubjectKinds.Individual,
            SubjectDescription = null,
            Agency = new CompetentAgency("Bộ phận Một cửa", null),
            Forms = [],
            Fees = [],
            Conditions = [],
            ExtendedProcessingTime = null,
            ProcessingTimeNote = null,
            ProcessingTime = new ProcessingTime(1, ProcessingTimeUnit.Immediate),
            InterAgency = false,
            FinancialObligation = false,
            FinancialObligationPausesClock = false,
            InternalProcess =
            [
                new ProcessStep(1, "Tiếp nhận", PerformerRole.DeskOfficer, null, 0.125m),
                new ProcessStep(2, "Xử lý", PerformerRole.HandlingOfficer, null, 0.875m),
            ],
        });

        await using (var db = database.CreateContext())
        {
            db.Procedures.AddRange(full, minimal);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Procedures.InListOrder().ToDictionaryAsync(p => p.Id, ct);
            ProcedureAssert.Same(db, full, loaded[full.Id]);
            ProcedureAssert.Same(db, minimal, loaded[minimal.Id]);
            Assert.Null(loaded[minimal.Id].ExtendedProcessingTime);
            Assert.Equal(6.375m, loaded[full.Id].InternalProcess[2].Slice);

            // Flags, value records and child tables are queryable in SQL, not only after materialisation.
            var byChildAndFlag = await db.Procedures
                .Where(p => p.Fees.Any(f => f.AmountVnd == 75_000)
                    && p.RequiredDocuments.Count(d => d.Copies == 2) == 2
                    && p.ExtendedProcessingTime!.Unit == ProcessingTimeUnit.CalendarDay
                    && p.Sector.Code == "XAYDUNG"
                    && p.Channels == (ProcedureChannels.InPerson | ProcedureChannels.Online | ProcedureChannels.Postal))
                .Select(p => p.Id)
                .ToListAsync(ct);
            Assert.Equal([full.Id], byChildAndFlag);
            Assert.Equal(2, await db.Procedures.CountAsync(p => p.Code == new ProcedureCode("1.000948.H38") || p.Code == new ProcedureCode("LOCAL.TEST-1"), ct));
        }
    }

    [Theory, AllDatabases]
    public async Task OutboxMessage_RoundTrips_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var pending = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = "dossier-received.7c9e.1.email",
            Channel = "Email",
            Recipient = "hang.nguyen@example.vn",
            Subject = "Đã tiếp nhận hồ sơ 000.00.11.H56-260220-0001",
            TextBody = "Kính gửi: Nguyễn Thị Hằng,\n\nỦy ban nhân dân đã tiếp nhận hồ sơ.",
            HtmlBody = null,
            CreatedAt = ImportedAt,
            AvailableAt = ImportedAt,
        };
        var done = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = "digest.u.h.2026-01-05",
            Channel = "Sms",
            Recipient = "0912345678",
            Subject = "",
            TextBody = "Ho so da co ket qua.",
            HtmlBody = "<p>Hồ sơ đã có kết quả.</p>",
            CreatedAt = ImportedAt,
            AvailableAt = ImportedAt.AddMinutes(2),
            Attempts = 3,
            PurgeAfterSend = true,
            LockedBy = "web-1:42:abc",
            LockedUntil = ImportedAt.AddMinutes(12),
            SentAt = ImportedAt.AddMinutes(3),
            MessageId = "<motcua.digest@tinh.gov.vn>",
            LastError = "notification.email_failed: Máy chủ thư điện tử tạm thời từ chối nhận thư (mã 451)",
            DeadLetteredAt = ImportedAt.AddDays(1),
        };

        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.AddRange(pending, done);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            EntityAssert.AllMappedPropertiesEqual(db, pending, await db.OutboxMessages.SingleAsync(m => m.Id == pending.Id, ct));
            EntityAssert.AllMappedPropertiesEqual(db, done, await db.OutboxMessages.SingleAsync(m => m.Id == done.Id, ct));
        }
    }

    [Fact]
    public async Task Model_EveryEntityType_HasARoundTripTest()
    {
        // Adding an entity to AppDbContext without a round-trip test above fails here: extend both together.
        Type[] covered =
        [
            typeof(OrganisationalUnit), typeof(OneStopDesk), typeof(DeskWorkSession), typeof(StaffRoleAssignment),
            typeof(AppUser), typeof(AppRole), typeof(IdentityUserRole<Guid>), typeof(IdentityUserClaim<Guid>),
            typeof(IdentityRoleClaim<Guid>), typeof(IdentityUserLogin<Guid>), typeof(IdentityUserToken<Guid>),
            typeof(HolidayScheduleEntity), typeof(HolidayScheduleDayEntity), typeof(DataProtectionKeyEntity),
            typeof(Procedure), typeof(RequiredDocument), typeof(FormTemplate), typeof(Fee), typeof(ProcessStep), typeof(LegalReference),
            typeof(OutboxMessage), typeof(DossierDocument),
            // Dossiers/DossierRoundTripTests.
            typeof(Dossier), typeof(SupplementRequest), typeof(ProcessingStep), typeof(Consultation), typeof(DossierHistoryEntry),
            typeof(DossierCodeCounter), typeof(RegisterBookCounter), typeof(DossierRegisterEntry), typeof(IdempotencyRecord),
            typeof(PersonalDataAccess), typeof(PersonalDataAccessHead), typeof(PublicLookupAttempt),
            // PortalAndAdminRoundTripTests.
            typeof(MotCua.Persistence.Portal.SubmissionDraft), typeof(MotCua.Persistence.Portal.SubmissionDraftFile),
            typeof(MotCua.Persistence.Administration.AdminAuditEntry),
            // FeedbackRoundTripTests.
            typeof(Domain.Feedback.SatisfactionRating), typeof(Domain.Feedback.SatisfactionRatingOfficer), typeof(Domain.Feedback.RatingFollowUp),
            // PaknRoundTripTests.
            typeof(Domain.Feedback.Pakn.PaknCase), typeof(Domain.Feedback.Pakn.PaknHistoryEntry), typeof(Domain.Feedback.Pakn.PaknReaction),
            // SurveyRoundTripTests.
            typeof(Domain.Feedback.Surveys.Questionnaire), typeof(Domain.Feedback.Surveys.SurveyCampaign), typeof(Domain.Feedback.Surveys.SurveyCampaignUnit),
            typeof(Domain.Feedback.Surveys.SurveyInvitation), typeof(Domain.Feedback.Surveys.SurveyResponse),
            // StatisticsRoundTripTests.
            typeof(MotCua.Persistence.Statistics.DossierDayStat), typeof(MotCua.Persistence.Statistics.DossierStatSnapshot),
            typeof(MotCua.Persistence.Statistics.DossierStatQueueItem),
            // ReportRunRoundTripTests.
            typeof(MotCua.Persistence.Reports.ReportRun), typeof(MotCua.Persistence.Statistics.StatisticsVersion),
            // ServiceIndex/ServiceIndexFigureRoundTripTests.
            typeof(MotCua.Persistence.ServiceIndex.ServiceIndexFigure),
            // ParIndex/ParFrameworkPersistenceTests.
            typeof(Domain.ParIndex.ParFramework),
            // ParIndex/ParAssessmentPersistenceTests.
            typeof(Domain.ParIndex.ParUnitAssessment), typeof(Domain.ParIndex.ParAssessmentChange),
            // ParIndex/ParCommitmentPersistenceTests.
            typeof(Domain.ParIndex.ParCommitment), typeof(Domain.ParIndex.ParCommitmentEvent),
            // ParIndex/ParAppraisalPersistenceTests.
            typeof(Domain.ParIndex.ParAppraisalAssignment), typeof(Domain.ParIndex.ParSurveyFigure),
            // ParIndex/ParRemediationPersistenceTests.
            typeof(Domain.ParIndex.ParRemediationPlan), typeof(Domain.ParIndex.ParRemediationEvent),
            // Reports/CchcReportPersistenceTests.
            typeof(Domain.Reports.CchcReport), typeof(Domain.Reports.CchcReportEvent),
            // ParIndex/ParPublicationPersistenceTests.
            typeof(Domain.ParIndex.ParPublication),
        ];
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, TestContext.Current.CancellationToken);
        await using var db = database.CreateContext();

        var mapped = db.Model.GetEntityTypes().Select(t => t.ClrType).Distinct();

        Assert.Equal(covered.Select(t => t.FullName).Order(), mapped.Select(t => t.FullName).Order());
    }

    [Theory, AllDatabases]
    public async Task HolidaySchedule_RoundTrips_WithDays(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var schedule = new HolidayScheduleEntity
        {
            Id = Guid.NewGuid(),
            Year = 2026,
            SourceDocument = "Thông báo 6150/TB-LĐTBXH",
            Confirmed = true,
            Note = "Tết Bính Ngọ",
            ImportedAt = ImportedAt,
            Days =
            [
                new() { Date = new DateOnly(2026, 2, 16), Kind = DayKind.Holiday, Description = "Tết Nguyên Đán" },
                new() { Date = new DateOnly(2026, 2, 21), Kind = DayKind.CompensatoryOff, Description = "Nghỉ bù", Source = "Điều 111(3)", Confirmed = false, Note = "Suy ra" },
                new() { Date = new DateOnly(2026, 1, 3), Kind = DayKind.MakeUpWorkday, Description = "Làm bù" },
            ],
        };

        await using (var db = database.CreateContext())
        {
            db.HolidaySchedules.Add(schedule);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.HolidaySchedules.Include(s => s.Days).SingleAsync(ct);
            EntityAssert.AllMappedPropertiesEqual(db, schedule, loaded);
            Assert.Equal(DateTimeKind.Utc, loaded.ImportedAt.Kind);
            Assert.Equal(ImportedAt, loaded.ImportedAt);
            Assert.Equal(3, loaded.Days.Count);
            foreach (var expected in schedule.Days)
            {
                EntityAssert.AllMappedPropertiesEqual(db, expected, loaded.Days.Single(d => d.Date == expected.Date));
            }

            var importedSince = await db.HolidaySchedules.CountAsync(s => s.ImportedAt >= ImportedAt.AddSeconds(-1), ct);
            Assert.Equal(1, importedSince);
        }
    }
}
