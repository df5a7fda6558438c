using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 01, the receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả): once received.</summary>
internal static class ReceiptSlipBuilder
{
    public const string Form = "01";

    public static async Task<Result<FormDocument>> BuildAsync(AppDbContext db, FormBasis basis, RatingLinks ratingLinks, CancellationToken ct)
    {
        var dossier = basis.Dossier;
        if (basis.Code is not { } code || dossier.ReceivedAt is not { } receivedAt || dossier.CurrentAppointmentAt is not { } appointment)
        {
            return new FormNotApplicable(Form, "hồ sơ chưa được tiếp nhận");
        }

        var register = await db.DossierRegisterEntries.AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == dossier.Id, ct);
        var receiptEntry = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.ReceiveAtCounter or DossierTrigger.Accept);
        return new ReceiptSlipModel
        {
            Agency = basis.Heading,
            PlaceName = basis.Place,
            DeskName = basis.DeskName,
            DossierCode = code,
            ApplicantName = dossier.Applicant.FullName,
            ApplicantAddress = dossier.Applicant.Address,
            ApplicantPhone = dossier.Applicant.Phone,
            ApplicantEmail = dossier.Applicant.Email,
            RequestedContent = basis.Procedure.Name,
            // What the desk ticked at the counter; a dossier without a checklist (online, or received before it existed)
            // prints the procedure's list as before.
            Documents = dossier.Checklist.Count > 0
                ? [.. dossier.Checklist.Select(c => new ReceivedDocument(c.Name, c.ReceivedAs, c.Copies))]
                : [.. basis.Procedure.RequiredDocuments.Select(d => new ReceivedDocument(d.Name, d.Forms, d.Copies))],
            LegalProcessingTime = LegalTime(dossier),
            ReceivedAtUtc = receivedAt,
            AppointmentAtUtc = appointment,
            // QĐ 45/2016 Art. 4: the applicant chose at receipt to get the result at the desk or by post at an address.
            ReturnPlace = dossier.ReturnMethod == ResultReturnMethod.Postal
                ? $"Nhận qua dịch vụ bưu chính công ích, tại địa chỉ: {dossier.ReturnAddress}"
                : basis.DeskName,
            RegisterBook = register is null ? "" : register.Year.ToString(CultureInfo.InvariantCulture),
            RegisterNumber = register?.Number ?? 0,
            ReceivingOfficerName = await FormLookups.UserNameAsync(db, receiptEntry?.ActorId, ct),
            RatingUrl = ratingLinks.For(code),
        };
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
}
