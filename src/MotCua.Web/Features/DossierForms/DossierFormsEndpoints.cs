using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Forms;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.DossierForms;

/// <summary>GET /api/v1/dossiers/{id}/forms/{form} (Forms 01–05) and GET /api/v1/units/{unitId}/register?year= (Form 06):
/// the HTML print view, or PDF with <c>?format=pdf</c>. Read rules and the personal-data log are those of
/// <see cref="GetDossier"/>; the owner citizen may print the forms addressed to them
/// (<see cref="DossierFormModels.ApplicantForms"/>).</summary>
public static class DossierFormsEndpoints
{
    public const string AuditPurposePrefix = "api.dossier.form.";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dossiers/{id:guid}/forms/{form}", async (Guid id, string form, string? format, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.DossierFormAsync(id, form, format, user, ct))
            .WithName("GetDossierForm")
            .WithMetadata(SecurityHeaders.PrintView)
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/units/{unitId:guid}/register", async (Guid unitId, int? year, string? format, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.RegisterAsync(unitId, year, format, user, ct))
            .WithName("GetRegisterBook")
            .WithMetadata(SecurityHeaders.PrintView)
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access, DossierFormModels models, FormRenderer renderer, PdfRenderer pdf)
    {
        public async Task<IResult> DossierFormAsync(Guid id, string form, string? format, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập").ToProblem();
            }

            if (!DossierFormModels.DossierForms.Contains(form))
            {
                return new NotFoundError($"mẫu số {form}").ToProblem();
            }

            var dossier = await db.Dossiers.AsNoTracking()
                .Include(d => d.History).Include(d => d.Steps).Include(d => d.Supplements)
                .AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Id == id, ct);
            if (dossier is null)
            {
                return new NotFoundError($"hồ sơ {id}").ToProblem();
            }

            // As GET /dossiers/{id}: staff with a read role, or the owner citizen; anyone else gets DeniedAsync's answer
            // (404 for a citizen, so that other people's dossiers stay invisible).
            var isOwner = await access.IsOwnerAsync(userId, dossier, ct);
            var isStaff = await access.MayReadAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct);
            if (!isOwner && !isStaff)
            {
                return (await access.DeniedAsync(userId, dossier.Id, ct)).ToProblem();
            }

            if (!isStaff && !DossierFormModels.ApplicantForms.Contains(form))
            {
                return new OutOfScope($"mẫu số {form} là hồ sơ nội bộ của cơ quan giải quyết").ToProblem();
            }

            var model = await models.BuildAsync(dossier, form, ct);
            if (model.IsFailure)
            {
                return model.Error.ToProblem();
            }

            // Every form prints the applicant's name: a staff read is logged before anything is returned (the owner
            // printing their own papers is not, as for the dossier itself).
            if (!isOwner)
            {
                await PersonalDataReadLog.AppendAsync(db, userId, dossier.Id, clock.GetUtcNow().UtcDateTime, AuditPurposePrefix + form, ct);
            }

            return await RenderAsync(model.Value, format, ct);
        }

        public async Task<IResult> RegisterAsync(Guid unitId, int? year, string? format, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập").ToProblem();
            }

            var unitExists = await db.OrganisationalUnits.AnyAsync(u => u.Id == unitId, ct);
            if (!unitExists)
            {
                return new NotFoundError($"đơn vị {unitId}").ToProblem();
            }

            if (!await access.MayReadAsync(userId, unitId, unitId, ct))
            {
                return new OutOfScope("sổ theo dõi không thuộc đơn vị của bạn").ToProblem();
            }

            var register = await models.RegisterAsync(unitId, year ?? VietnamTime.Today(clock).Year, ct);
            if (register.IsFailure)
            {
                return register.Error.ToProblem();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            await PersonalDataReadLog.EnqueueAsync(db, [.. register.Value.DossierIds.Select(d => new PersonalDataAccess
            {
                UserId = userId,
                DossierId = d,
                At = now,
                Purpose = AuditPurposePrefix + "06",
            })], ct);
            return await RenderAsync(register.Value.Model, format, ct);
        }

        private async Task<IResult> RenderAsync(FormDocument model, string? format, CancellationToken ct)
        {
            var html = await renderer.RenderHtmlAsync(model);
            if (!string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Content(html, "text/html; charset=utf-8");
            }

            var bytes = await pdf.RenderAsync(html, ct);
            return bytes.IsSuccess
                ? TypedResults.File(bytes.Value, "application/pdf", FormRenderer.FileName(model))
                : ErrorMapping.Problem(StatusCodes.Status503ServiceUnavailable, bytes.Error.Message, bytes.Error.Code);
        }
    }
}
