using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Web.Api;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>GET /api/v1/admin/procedures and /api/v1/admin/procedures/{code}/versions: the catalogue as its administrator
/// sees it: the search of the public catalogue (<see cref="CatalogueQueries.SearchAsync"/>, without diacritics), and every
/// version of a procedure with its validity and its internal notes (<see cref="Provenance"/>, administrators only:
/// issue 8 §6).</summary>
public static class ProcedureVersions
{
    /// <summary>One version, with what an administrator edits and the internal notes on where the data came from.</summary>
    public sealed record VersionView(
        Guid Id, string Code, int Version, DateOnly ValidFrom, DateOnly? ValidTo, bool InForceToday,
        string Name, string SectorName, ProcedureLevel Level, ProcedureChannels Channels, OnlineLevel OnlineLevel,
        ProcessingTime ProcessingTime, IReadOnlyList<RequiredDocument> RequiredDocuments, IReadOnlyList<Fee> Fees,
        IReadOnlyList<ProcessStep> Steps, string SupplementPolicy, bool FinancialObligation, bool FinancialObligationPausesClock,
        Provenance Provenance)
    {
        public static VersionView Of(Procedure p, DateOnly today)
        {
            ArgumentNullException.ThrowIfNull(p);
            return new(p.Id, p.Code.Value, p.Version, p.ValidFrom, p.ValidTo, p.IsInForceOn(today), p.Name, p.Sector.Name, p.Level,
                p.Channels, p.OnlineLevel, p.ProcessingTime, p.RequiredDocuments, p.Fees, p.InternalProcess, p.SupplementPolicy,
                p.FinancialObligation, p.FinancialObligationPausesClock, p.Provenance);
        }
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/procedures", async (string? q, int? page, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SearchAsync(q, page, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminSearchProcedures")
            .WithSummary("The catalogue in force today, searched without diacritics (province administrators)")
            .Produces<ProcedureOptions.Page>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/procedures/{code}/versions", async (string code, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.VersionsAsync(code, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminListProcedureVersions")
            .WithSummary("Every version of a procedure, oldest first, with its internal notes (province administrators)")
            .Produces<IReadOnlyList<VersionView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ProvinceAdministrator admin)
    {
        public async Task<Result<ProcedureOptions.Page>> SearchAsync(string? q, int? page, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            var paging = new CataloguePaging(Math.Max(page ?? 1, 1), CataloguePaging.DefaultPageSize);
            var found = await CatalogueQueries.SearchAsync(db, q, VietnamTime.Today(clock), level: null, sectorCode: null, paging, ct);
            return new ProcedureOptions.Page(found.Items, found.TotalCount, paging.Page, paging.PageSize, found.PageCount);
        }

        public async Task<Result<IReadOnlyList<VersionView>>> VersionsAsync(string code, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            var versions = await LoadAsync(db, code, tracking: false, ct);
            if (versions.Count == 0)
            {
                return new NotFoundError($"thủ tục {code}");
            }

            var today = VietnamTime.Today(clock);
            return Result.Success<IReadOnlyList<VersionView>>([.. versions.Select(v => VersionView.Of(v, today))]);
        }
    }

    /// <summary>Every version of <paramref name="code"/> (any letter case), oldest first, with its lists in order.</summary>
    internal static async Task<List<Procedure>> LoadAsync(AppDbContext db, string? code, bool tracking, CancellationToken ct)
    {
        var normalised = new ProcedureCode((code ?? "").Trim().ToUpperInvariant());
        if (!ProcedureCode.IsWellFormed(normalised.Value))
        {
            return [];
        }

        var query = db.Procedures.AsSplitQuery().InListOrder().Where(p => p.Code == normalised);
        return await (tracking ? query : query.AsNoTracking()).OrderBy(p => p.Version).ToListAsync(ct);
    }
}
