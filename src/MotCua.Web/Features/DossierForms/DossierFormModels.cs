using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Maps a stored dossier (with its procedure, units, desk and register line) onto the view models of Forms
/// 01–06 (TT 01/2018/TT-VPCP). A form the dossier has not reached yet is a <see cref="FormNotApplicable"/> value.</summary>
public sealed class DossierFormModels(AppDbContext db)
{
    /// <summary>The forms served per dossier; 06 is per unit and year.</summary>
    public static readonly IReadOnlyList<string> DossierForms = ["01", "02", "03", "04", "05"];

    /// <summary>The view model of form <paramref name="form"/> ("01"–"05") for <paramref name="dossier"/>.</summary>
    public async Task<Result<FormDocument>> BuildAsync(Dossier dossier, string form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var receiving = await db.OrganisationalUnits.AsNoTracking().SingleAsync(u => u.Id == dossier.ReceivingUnitId, ct);
        var heading = await HeadingAsync(receiving, ct);
        var place = receiving.ShortName ?? receiving.Name;
        var deskName = await DeskNameAsync(dossier.ReceivingUnitId, ct) ?? receiving.Name;
        var code = dossier.Code?.Format();
        switch (form)
        {
            case "01":
                {
                    if (code is null || dossier.ReceivedAt is not { } receivedAt || dossier.CurrentAppointmentAt is not { } appointment)
                    {
                        return new FormNotApplicable(form, "hồ sơ chưa được tiếp nhận");
                    }

                    var register = await db.DossierRegisterEntries.AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == dossier.Id, ct);
                    var receiptEntry = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.ReceiveAtCounter or DossierTrigger.Accept);
                    return new ReceiptSlipModel
                    {
                        Agency = heading,
                        PlaceName = place,
                        DeskName = deskName,
                        DossierCode = code,
                        ApplicantName = dossier.Applicant.FullName,
                        ApplicantAddress = dossier.Applicant.Address,
                        ApplicantPhone = dossier.Applicant.Phone,
                        ApplicantEmail = dossier.Applicant.Email,
                        RequestedContent = procedure.Name,
                        Documents = [.. procedure.RequiredDocuments.Select(d => new ReceivedDocument(d.Name, d.Forms, d.Copies))],
                        LegalProcessingTime = LegalTime(dossier),
                        ReceivedAtUtc = receivedAt,
                        AppointmentAtUtc = appointment,
                        ReturnPlace = deskName,
                        RegisterBook = register is null ? "" : register.Year.ToString(CultureInfo.InvariantCulture),
                        RegisterNumber = register?.Number ?? 0,
                        ReceivingOfficerName = await UserNameAsync(receiptEntry?.ActorId, ct),
                    };
                }

            case "02":
                {
                    if (dossier.Supplements.MaxBy(s => s.RequestedAt) is not { } request)
                    {
                        return new FormNotApplicable(form, "chưa có yêu cầu bổ sung, hoàn thiện hồ sơ");
                    }

                    var entry = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.RequestSupplement or DossierTrigger.RequestDeskSupplement);
                    return new SupplementRequestModel
                    {
                        Agency = heading,
                        PlaceName = place,
                        IssuedAtUtc = request.RequestedAt,
                        DeskName = deskName,
                        DossierCode = code ?? "",
                        ApplicantName = dossier.Applicant.FullName,
                        RequestedContent = procedure.Name,
                        Items = request.Items.Count > 0 ? request.Items : [request.Reason],
                        Reason = request.Reason,
                        OfficerName = await UserNameAsync(entry?.ActorId, ct),
                    };
                }

            case "03":
                {
                    var refusal = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.RefuseAtCounter or DossierTrigger.RefuseAtReceipt or DossierTrigger.Reject);
                    if (refusal is null)
                    {
                        return new FormNotApplicable(form, "hồ sơ không bị từ chối tiếp nhận hoặc từ chối giải quyết");
                    }

                    // After appraisal the competent agency refuses (ND 61/2018 Art. 19(8)); docs/dossier-rules.md.
                    var competent = refusal.Trigger == DossierTrigger.Reject
                        ? await db.OrganisationalUnits.AsNoTracking().SingleAsync(u => u.Id == dossier.CompetentUnitId, ct)
                        : null;
                    return new RefusalModel
                    {
                        Agency = competent is null ? heading : await HeadingAsync(competent, ct),
                        PlaceName = place,
                        IssuedAtUtc = refusal.At,
                        DeskName = deskName,
                        DossierCode = code,
                        ApplicantName = dossier.Applicant.FullName,
                        RequestedContent = procedure.Name,
                        Reason = refusal.DataText("reason") ?? refusal.Note ?? "",
                        OfficerName = await UserNameAsync(refusal.ActorId, ct),
                        RefusingAgencyName = competent?.Name,
                        OfficerRole = competent is null ? RefusalModel.DeskOfficerRole
                            : refusal.ActorRole == DossierActorRole.AgencyHead ? "Thủ trưởng cơ quan" : "Người xử lý hồ sơ",
                    };
                }

            case "04":
                {
                    if (dossier.Apology is not { } apology || code is null || dossier.ReceivedAt is not { } receivedAt)
                    {
                        return new FormNotApplicable(form, "chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả");
                    }

                    var competent = await db.OrganisationalUnits.AsNoTracking().SingleAsync(u => u.Id == dossier.CompetentUnitId, ct);
                    return new ApologyModel
                    {
                        Agency = await HeadingAsync(competent, ct),
                        PlaceName = place,
                        IssuedAtUtc = apology.IssuedAt,
                        RecipientName = dossier.Applicant.FullName,
                        AgencyNameInText = competent.Name,
                        ReceivedAtUtc = receivedAt,
                        DossierCode = code,
                        OriginalAppointmentAtUtc = apology.PreviousAppointmentAt,
                        Reason = apology.Reason,
                        NewAppointmentAtUtc = apology.NewAppointmentAt,
                        SignerTitleLines = ["THỦ TRƯỞNG CƠ QUAN"],
                        SignerName = apology.SignerName,
                    };
                }

            case "05":
                {
                    if (code is null || dossier.Steps.All(s => s.HandedOverAt is null))
                    {
                        return new FormNotApplicable(form, "hồ sơ chưa được chuyển xử lý");
                    }

                    var units = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
                    string Name(Guid? unit, string? fallback) =>
                        unit is { } id && units.TryGetValue(id, out var n) ? n : fallback ?? "";
                    var competentName = Name(dossier.CompetentUnitId, null);
                    var rows = dossier.Steps.Where(s => s.HandedOverAt is not null).OrderBy(s => s.Index)
                        .Select(s => new ControlSheetRow(
                            Name(s.FromUnitId, s.Kind is ProcessingStepKind.Reception ? deskName : competentName),
                            Name(s.ToUnitId, s.AgencyName ?? (s.Kind is ProcessingStepKind.ReturnToDesk or ProcessingStepKind.Reception ? deskName : competentName)),
                            s.HandedOverAt!.Value, "", "",
                            s.Result switch
                            {
                                Timeliness.Early => HandoverResult.Early,
                                Timeliness.OnTime => HandoverResult.OnTime,
                                Timeliness.Late => HandoverResult.Late,
                                _ => null,
                            },
                            null))
                        .ToList();
                    return new ControlSheetModel
                    {
                        Agency = heading,
                        DossierCode = code,
                        ProcessingAgency = competentName,
                        CoordinatingAgencies = [.. dossier.Steps.Where(s => s.Kind == ProcessingStepKind.InterAgency && s.AgencyName is not null).Select(s => s.AgencyName!).Distinct()],
                        Rows = rows,
                    };
                }

            default:
                return new NotFoundError($"mẫu số {form}");
        }
    }

    /// <summary>The register book (Form 06) of a unit's desks for one year, in register order.</summary>
    public async Task<Result<(RegisterBookModel Model, IReadOnlyList<Guid> DossierIds)>> RegisterAsync(Guid unitId, int year, CancellationToken ct)
    {
        var unit = await db.OrganisationalUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return new NotFoundError($"đơn vị {unitId}");
        }

        var desks = await db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == unitId).Select(d => d.Id).ToListAsync(ct);
        var entries = await db.DossierRegisterEntries.AsNoTracking()
            .Where(r => desks.Contains(r.DeskId) && r.Year == year)
            .OrderBy(r => r.Number)
            .ToListAsync(ct);
        var ids = entries.Select(e => e.DossierId).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery()
            .Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var procedureIds = dossiers.Values.Select(d => d.ProcedureId).Distinct().ToList();
        var procedures = await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var units = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = entries.Where(e => dossiers.ContainsKey(e.DossierId)).Select(e =>
        {
            var d = dossiers[e.DossierId];
            DateTime? At(DossierTrigger trigger) => d.History.Where(h => h.Trigger == trigger).Select(h => (DateTime?)h.At).FirstOrDefault();
            return new RegisterBookRow
            {
                Number = e.Number,
                DossierCode = d.Code?.Format() ?? "",
                ProcedureName = procedures.GetValueOrDefault(d.ProcedureId, ""),
                ApplicantName = d.Applicant.FullName,
                ApplicantContact = string.Join(", ", new[] { d.Applicant.Address, d.Applicant.Phone }.Where(s => !string.IsNullOrWhiteSpace(s))),
                HandlingAgency = units.GetValueOrDefault(d.CompetentUnitId, ""),
                ReceivedAtUtc = d.ReceivedAt ?? d.SubmittedAt,
                AppointmentAtUtc = d.CurrentAppointmentAt ?? d.OriginalAppointmentAt ?? d.SubmittedAt,
                HandedToAgencyAtUtc = At(DossierTrigger.Transfer),
                ResultReceivedAtUtc = At(DossierTrigger.Approve),
                ReturnedAtUtc = d.ReturnedAt,
            };
        }).ToList();
        var model = new RegisterBookModel
        {
            Agency = await HeadingAsync(unit, ct),
            Year = year,
            BookNumber = "01",
            Rows = rows,
        };
        return (model, ids);
    }

    private static string LegalTime(Dossier dossier)
    {
        var value = dossier.TimeLimitValue.ToString(dossier.TimeLimitValue < 10 ? "00.##" : "0.##", CultureInfo.InvariantCulture);
        return dossier.TimeLimitUnit switch
        {
            ProcessingTimeUnit.WorkingDay => $"{value} ngày làm việc",
            ProcessingTimeUnit.CalendarDay => $"{value} ngày",
            ProcessingTimeUnit.WorkingHour => $"{value} giờ làm việc",
            ProcessingTimeUnit.Month => $"{value} tháng",
            ProcessingTimeUnit.Immediate => "Trong ngày",
            _ => $"{value} {dossier.TimeLimitUnit}",
        };
    }

    private async Task<AgencyHeading> HeadingAsync(OrganisationalUnit unit, CancellationToken ct)
    {
        var parent = unit.ParentId is { } parentId
            ? await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).SingleOrDefaultAsync(ct)
            : null;
        return new AgencyHeading(parent?.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), unit.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
    }

    private Task<string?> DeskNameAsync(Guid unitId, CancellationToken ct) =>
        db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == unitId).OrderByDescending(d => d.ValidFrom).Select(d => d.Name).FirstOrDefaultAsync(ct);

    private async Task<string> UserNameAsync(Guid? userId, CancellationToken ct) =>
        userId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "" : "";
}
