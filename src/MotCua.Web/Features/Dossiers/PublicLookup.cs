using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>GET /api/v1/public/dossiers/{code}: what anyone holding the code may see (procedure, status, appointment,
/// step reached). No personal data; anonymous; rate-limited per client IP. The steps with their dates and the result's
/// availability need the second factor (<see cref="PublicDossierDetail"/>).</summary>
public static class PublicDossierLookup
{
    public const string RateLimitPolicy = "public-lookup";

    public sealed record View(
        string Code, string ProcedureCode, string ProcedureName, string Status, int DvcqgStatus, string StepReached,
        DateTime? ReceivedAt, DateTime? AppointmentAt, DateTime? ProcessingEndedAt, DateTime? ReturnedAt);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/dossiers/{code}", async (string code, Handler handler, CancellationToken ct) =>
                (await handler.Handle(code, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PublicDossierLookup")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    // A procedure version's code and name never change once stored (a new version gets a new id), so they are cached
    // per node by procedure id.
    public sealed class Handler(AppDbContext db, IMemoryCache cache)
    {
        private static readonly TimeSpan ProcedureLifetime = TimeSpan.FromMinutes(10);

        public async Task<Result<View>> Handle(string text, CancellationToken ct)
        {
            var parsed = DossierCode.Parse(text);
            if (parsed.IsFailure)
            {
                return parsed.Error;
            }

            var code = parsed.Value;
            var row = await db.Dossiers.AsNoTracking()
                .Where(d => d.Code == code)
                .Select(d => new { d.ProcedureId, d.Status, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.ReturnedAt })
                .SingleOrDefaultAsync(ct);
            if (row is null)
            {
                return new NotFoundError($"hồ sơ {code.Format()}");
            }

            var procedure = await ProcedureAsync(db, cache, row.ProcedureId, ct);
            return new View(code.Format(), procedure.Code, procedure.Name, DossierWorkflow.ApiName(row.Status),
                DossierWorkflow.DvcqgStatusCode(row.Status), StepOf(row.Status), row.ReceivedAt, row.CurrentAppointmentAt,
                row.ProcessingEndedAt, row.ReturnedAt);
        }

        /// <summary>A procedure version's code and name, from the per-node cache.</summary>
        internal static async Task<(string Code, string Name)> ProcedureAsync(AppDbContext db, IMemoryCache cache, Guid procedureId, CancellationToken ct) =>
            await cache.GetOrCreateAsync(("motcua.public-lookup.procedure", procedureId), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = ProcedureLifetime;
                var loaded = await db.Procedures.AsNoTracking().Where(p => p.Id == procedureId)
                    .Select(p => new { p.Code, p.Name }).SingleAsync(ct);
                return (Code: loaded.Code.Value, loaded.Name);
            });

        /// <summary>The step as a citizen understands it, in Vietnamese.</summary>
        internal static string StepOf(DossierStatus status) => status switch
        {
            DossierStatus.OnlineSubmitted or DossierStatus.DeskSupplementPending => "Chờ tiếp nhận",
            DossierStatus.Received => "Đã tiếp nhận",
            DossierStatus.Transferred or DossierStatus.Assigned or DossierStatus.Appraising or DossierStatus.Verifying
                or DossierStatus.Consulting or DossierStatus.InterAgencyProcessing => "Đang giải quyết",
            DossierStatus.AwaitingSignature => "Chờ phê duyệt",
            DossierStatus.SupplementRequested => "Chờ bổ sung hồ sơ",
            DossierStatus.AwaitingFinancialObligation => "Chờ thực hiện nghĩa vụ tài chính",
            DossierStatus.ResultAtDesk => "Có kết quả, chờ trả",
            DossierStatus.Returned => "Đã trả kết quả",
            DossierStatus.RefusedAtReceipt or DossierStatus.RejectedAfterAppraisal => "Từ chối",
            DossierStatus.Withdrawn => "Đã rút hồ sơ",
            DossierStatus.Stopped => "Dừng xử lý",
            _ => status.ToString(),
        };
    }
}
