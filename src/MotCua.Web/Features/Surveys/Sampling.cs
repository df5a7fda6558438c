using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Administration;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Features.Surveys;

/// <summary>POST /api/v1/surveys/campaigns/{id}/sample: draws the campaign's sample and issues the invitations
/// (domain.md §9.1 survey frame; README.md of the survey domain).</summary>
/// <remarks>
/// <para>The frame is every dossier whose result was first handed over (<c>Dossier.ReturnedAt</c>, Vietnam date) within
/// the campaign's served period, attributed to its <b>competent</b> unit: the unit that settled it is the one of the
/// campaign's tier (a department-level campaign surveys departments, whose dossiers are received at commune and
/// provincial desks).</para>
/// <para>The draw is <see cref="SurveySampler"/> with the campaign's seed. A unit never gets more invitations than its
/// quota: a dossier already invited is skipped (its keyed fingerprint is unique per campaign) and, when dossiers
/// returned since the last call rank before earlier ones, only the remaining places are filled, in draw order. So
/// calling again is safe and only issues what is missing.</para>
/// <para>The raw tokens are in this answer and in the invitation messages (<see cref="InvitationMessages"/>: SMS and
/// e-mail through the outbox to the dossier's contact, purged once sent), nowhere else (the store keeps their hashes):
/// print the others now. The answer is never stored, so this call does not honour <c>Idempotency-Key</c>. A lost token
/// is re-issued (POST …/invitations/reissue with the dossier code): a new token, the old one revoked.</para>
/// </remarks>
public static class Sampling
{
    public sealed record UnitSampleView(Guid UnitId, string UnitName, int Quota, int Candidates, int Drawn, int AlreadyInvited, int Issued);

    /// <summary>One invitation to print or send: the dossier it was drawn from (to address the letter), the raw token, the
    /// answer page's address, and how it was sent already (<c>Sms</c>, <c>Email</c>; empty: print the letter).</summary>
    public sealed record IssuedInvitationView(
        Guid UnitId, string UnitName, string DossierCode, string ApplicantName, string Token, string? Link, IReadOnlyList<string> SentBy);

    /// <summary>Whose token to re-issue: the dossier's code (as on the receipt).</summary>
    public sealed record ReissueRequest([property: System.ComponentModel.DataAnnotations.MaxLength(40)] string? DossierCode);

    public sealed record SampleResult(
        Guid CampaignId, long Seed, DateOnly ServedFrom, DateOnly ServedTo, IReadOnlyList<UnitSampleView> Units,
        IReadOnlyList<IssuedInvitationView> Invitations);

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/campaigns/{id:guid}/sample", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SampleAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SampleSurveyCampaign")
            .Produces<SampleResult>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/campaigns/{id:guid}/invitations/reissue", async (Guid id, ReissueRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ReissueAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ReissueSurveyInvitation")
            .Produces<IssuedInvitationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Another sampling of the campaign committed first (<c>survey.sampling_concurrent</c>) → 409.</summary>
    public sealed record SamplingConcurrent()
        : Error("survey.sampling_concurrent", "Một lượt chọn mẫu khác của đợt khảo sát vừa được ghi; hãy chọn mẫu lại để phát hành phần còn thiếu.");

    public sealed class Handler(
        AppDbContext db, CampaignStore store, SurveySecret secret, SurveyLinks links, InvitationMessages messages, AdminAuditLog audit, TimeProvider clock)
    {
        public async Task<Result<SampleResult>> SampleAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await store.LoadAsync(id, user, manage: true, tracked: false, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (campaign, scope) = loaded.Value;
            var sample = campaign.DrawSample(await FrameAsync(campaign, ct));
            if (sample.IsFailure)
            {
                return SurveyErrorMapping.ForApi(sample.Error);
            }

            var existing = await db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == id)
                .Select(i => new { i.UnitId, i.DossierKey }).ToListAsync(ct);
            var keys = existing.Select(i => i.DossierKey).ToHashSet(StringComparer.Ordinal);
            var invited = existing.GroupBy(i => i.UnitId).ToDictionary(g => g.Key, g => g.Count());
            var today = VietnamTime.Today(clock);
            var issued = new List<(SampledDossier Drawn, string Token)>();
            var units = new List<(UnitSample Sample, int Already, int Issued)>();
            foreach (var unit in sample.Value.Units)
            {
                var (already, fresh) = (0, 0);
                foreach (var drawn in unit.Drawn)
                {
                    if (keys.Contains(InvitationToken.DossierKey(campaign.Id, drawn.DossierId, secret.Bytes)))
                    {
                        already++;
                        continue;
                    }

                    if (invited.GetValueOrDefault(unit.UnitId) + fresh >= unit.Quota)
                    {
                        break;
                    }

                    var invitation = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn, secret.Bytes, today).Value;
                    db.SurveyInvitations.Add(invitation.Invitation);
                    issued.Add((drawn, invitation.Token));
                    fresh++;
                }

                units.Add((unit, already, fresh));
                if (fresh > 0)
                {
                    audit.Add(scope.UserId, "survey.sample", campaign.Id, unit.UnitId, new { issued = fresh, seed = sample.Value.Seed });
                }
            }

            // The messages go in the same transaction as the invitations: both or neither.
            var names = await store.UnitNamesAsync(campaign, ct);
            var sentBy = await messages.EnqueueAsync(
                campaign, [.. issued.Select(i => new InvitationMessages.Issued(i.Drawn.DossierId, i.Drawn.UnitId, i.Token))], names, Now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return new SamplingConcurrent();
            }

            return await ResultAsync(campaign, sample.Value.Seed, units, issued, names, sentBy, ct);
        }

        /// <summary>A new token for the respondent of a dossier whose invitation is unanswered: the old token is revoked,
        /// the new one sent like at sampling and shown once. The audit records who did it for which campaign and unit,
        /// not the dossier.</summary>
        public async Task<Result<IssuedInvitationView>> ReissueAsync(Guid id, ReissueRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await store.LoadAsync(id, user, manage: true, tracked: false, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (campaign, scope) = loaded.Value;
            var code = DossierCode.Parse(body.DossierCode?.Trim());
            if (code.IsFailure)
            {
                return ValidationFailed.One("dossierCode",
                    new FieldMessage("survey.reissue_dossier_code", "Nhập mã hồ sơ như trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."));
            }

            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code.Value)
                .Select(d => new { d.Id, d.Applicant.FullName }).SingleOrDefaultAsync(ct);
            var key = dossier is null ? null : InvitationToken.DossierKey(campaign.Id, dossier.Id, secret.Bytes);
            var invitation = key is null ? null : await db.SurveyInvitations.SingleOrDefaultAsync(i => i.CampaignId == id && i.DossierKey == key, ct);
            if (invitation is null)
            {
                // The same words whether the dossier is unknown or was not drawn.
                return new NotFoundError($"lời mời khảo sát của hồ sơ {code.Value.Format()} trong đợt khảo sát này");
            }

            var token = invitation.Reissue(campaign, VietnamTime.Today(clock));
            if (token.IsFailure)
            {
                return SurveyErrorMapping.ForApi(token.Error);
            }

            var names = await store.UnitNamesAsync(campaign, ct);
            var sentBy = await messages.EnqueueAsync(campaign, [new InvitationMessages.Issued(dossier!.Id, invitation.UnitId, token.Value)], names, Now, ct);
            audit.Add(scope.UserId, "survey.reissue", campaign.Id, invitation.UnitId, new { });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered, or re-issued by someone else, meanwhile.
                db.ChangeTracker.Clear();
                return new StaleVersion(invitation.Version - 1, invitation.Version);
            }

            return new IssuedInvitationView(invitation.UnitId, names.GetValueOrDefault(invitation.UnitId, ""), code.Value.Format(), dossier.FullName,
                token.Value, links.For(token.Value), sentBy[dossier.Id]);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        /// <summary>The candidates: dossiers returned within the served period whose competent unit is in scope.</summary>
        private async Task<List<SamplingCandidate>> FrameAsync(SurveyCampaign campaign, CancellationToken ct)
        {
            var from = VietnamTime.StartOfDayUtc(campaign.ServedFrom);
            var to = VietnamTime.StartOfDayUtc(campaign.ServedTo.AddDays(1));
            var unitIds = campaign.Units.Select(u => u.UnitId).ToList();
            var rows = await db.Dossiers.AsNoTracking()
                .Where(d => d.ReturnedAt >= from && d.ReturnedAt < to && unitIds.Contains(d.CompetentUnitId))
                .Select(d => new { d.Id, d.CompetentUnitId, d.ReturnedAt })
                .ToListAsync(ct);
            return [.. rows.Select(r => new SamplingCandidate(r.Id, r.CompetentUnitId, VietnamTime.BusinessDate(r.ReturnedAt!.Value)))];
        }

        private async Task<SampleResult> ResultAsync(
            SurveyCampaign campaign, long seed, List<(UnitSample Sample, int Already, int Issued)> units,
            List<(SampledDossier Drawn, string Token)> issued, Dictionary<Guid, string> names, IReadOnlyDictionary<Guid, IReadOnlyList<string>> sentBy,
            CancellationToken ct)
        {
            var ids = issued.Select(i => i.Drawn.DossierId).ToList();
            var dossiers = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Code, d.Applicant.FullName })
                .ToDictionaryAsync(d => d.Id, ct);
            var invitations = issued
                .Select(i => new IssuedInvitationView(
                    i.Drawn.UnitId, names.GetValueOrDefault(i.Drawn.UnitId, ""), dossiers[i.Drawn.DossierId].Code?.Format() ?? "",
                    dossiers[i.Drawn.DossierId].FullName, i.Token, links.For(i.Token), sentBy[i.Drawn.DossierId]))
                .OrderBy(i => VietnameseText.Fold(i.UnitName), StringComparer.Ordinal).ThenBy(i => i.DossierCode, StringComparer.Ordinal)
                .ToList();
            var rows = units
                .Select(u => new UnitSampleView(u.Sample.UnitId, names.GetValueOrDefault(u.Sample.UnitId, ""), u.Sample.Quota, u.Sample.Candidates,
                    u.Sample.Drawn.Count, u.Already, u.Issued))
                .OrderBy(u => VietnameseText.Fold(u.UnitName), StringComparer.Ordinal)
                .ToList();
            return new SampleResult(campaign.Id, seed, campaign.ServedFrom, campaign.ServedTo, rows, invitations);
        }
    }
}

/// <summary>The address of the anonymous answer page of an invitation (<c>/Portal/Survey?token=…</c>), on the portal's
/// public origin (<see cref="RatingLinks.Origin"/>).</summary>
public sealed class SurveyLinks(RatingLinks links)
{
    public string? For(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return links.Origin() is { } origin ? $"{origin}/Portal/Survey?token={Uri.EscapeDataString(token)}" : null;
    }
}
