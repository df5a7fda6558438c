using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>POST /api/v1/public/dossiers/{code}/detail <c>{"digits":"1234"}</c>: the progress of a dossier (each step
/// with its dates and due time, the status timeline, the appointment, whether the result is ready) for whoever holds
/// the code AND the last 4 digits of the applicant's phone or identity number. Anonymous; no personal data.</summary>
/// <remarks>
/// <para>The digits travel in the body, never in the URL (URLs end up in proxy and browser logs). A wrong code and
/// wrong digits get the same 404, so the answer does not tell whether a code exists.</para>
/// <para>Attempts are limited in the database, so every web node enforces the same limit: per dossier code
/// (<c>RateLimits:PublicLookupDetail:FailuresPerCode</c>, default 5) and per client address
/// (<c>…:FailuresPerClient</c>, default 20) per fixed window (<c>…:WindowSeconds</c>, default 900). Each attempt is
/// counted before the digits are compared, with one atomic upsert per key, so concurrent guesses on several nodes cannot
/// exceed the limit; a correct answer gives its attempt back, so only failures use it up. Over the limit → 429 with
/// <c>Retry-After</c> (the end of the window). Rules and legal grounds: Features/Dossiers/README.md, "Public lookup".</para>
/// </remarks>
public static class PublicDossierDetail
{
    /// <summary>How many trailing digits the applicant gives.</summary>
    public const int DigitCount = TrailingDigits.Count;

    public sealed record Body(string? Digits);

    public sealed record StepView(
        int Index, string Kind, string Name, string? AgencyName, DateTime? StartedAt, DateTime? DueAt, DateTime? CompletedAt, string? Timeliness);

    public sealed record TimelineEntry(DateTime At, string Status, string StepReached);

    public sealed record View(
        string Code, string ProcedureCode, string ProcedureName, string Status, int DvcqgStatus, string StepReached,
        DateTime? ReceivedAt, DateTime? OriginalAppointmentAt, DateTime? AppointmentAt, DateTime? ProcessingEndedAt,
        DateTime? ReturnedAt, bool ResultReady, IReadOnlyList<StepView> Steps, IReadOnlyList<TimelineEntry> Timeline);

    /// <summary>The attempt limits, read from configuration on each call.</summary>
    public sealed record Limits(int FailuresPerCode, int FailuresPerClient, int WindowSeconds)
    {
        public static Limits From(IConfiguration configuration) => new(
            configuration.GetValue("RateLimits:PublicLookupDetail:FailuresPerCode", 5),
            configuration.GetValue("RateLimits:PublicLookupDetail:FailuresPerClient", 20),
            Math.Max(1, configuration.GetValue("RateLimits:PublicLookupDetail:WindowSeconds", 900)));
    }

    /// <summary>Too many failed attempts for this code or this client in the current window.</summary>
    public sealed record TooManyAttempts(int RetryAfterSeconds)
        : Error("public_lookup.too_many_attempts",
            $"Đã nhập sai thông tin xác minh quá nhiều lần; vui lòng thử lại sau {(RetryAfterSeconds + 59) / 60} phút.");

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/dossiers/{code}/detail", async (string code, Body body, HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var result = await handler.Handle(code, body, http.Connection.RemoteIpAddress, ct);
                if (result is { IsFailure: true, Error: TooManyAttempts limited })
                {
                    http.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return ErrorMapping.Problem(StatusCodes.Status429TooManyRequests, limited.Message, limited.Code);
                }

                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("PublicDossierDetail")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public sealed class Handler(AppDbContext db, IMemoryCache cache, TimeProvider clock, IConfiguration configuration)
    {
        public async Task<Result<View>> Handle(string text, Body? body, IPAddress? client, CancellationToken ct)
        {
            var dossier = await VerifyAsync(text, body?.Digits, client, ct);
            return dossier.IsSuccess ? await ViewAsync(dossier.Value, ct) : dossier.Error;
        }

        /// <summary>The dossier with code <paramref name="text"/> (untracked, with its steps and history) when
        /// <paramref name="digits"/> are the last digits of its applicant's phone or identity number, under the attempt
        /// limits above; every anonymous use of a dossier by its code (the progress page, the rating by QR code) goes
        /// through here.</summary>
        public async Task<Result<Dossier>> VerifyAsync(string text, string? digits, IPAddress? client, CancellationToken ct)
        {
            var parsed = DossierCode.Parse(text);
            if (parsed.IsFailure)
            {
                return parsed.Error;
            }

            if (!TrailingDigits.IsWellFormed(digits))
            {
                return ValidationFailed.One("digits", new FieldMessage("lookup.digits_invalid",
                    "Nhập đúng {0} chữ số cuối của số điện thoại hoặc số định danh cá nhân của người nộp hồ sơ.", DigitCount));
            }

            var code = parsed.Value;
            var subject = "code:" + code.Format();
            if (await TakeAttemptAsync(subject, client, ct) is { } limited)
            {
                return limited;
            }

            var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Steps).Include(d => d.History).AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Code == code, ct);
            var matched = dossier is not null && TrailingDigits.MatchAny(digits, dossier.Applicant.Phone, dossier.Applicant.IdentityNumber);
            await SettleAttemptAsync(subject, client, matched, ct);
            if (!matched)
            {
                return new NotFoundError("hồ sơ có mã và thông tin xác minh đã nhập");
            }

            return dossier!;
        }

        /// <summary>Counts one attempt to use <paramref name="subjectKey"/> (e.g. <c>code:…</c>) from
        /// <paramref name="client"/>; past the limits per subject or per client, the answer to give instead. Every
        /// anonymous "code plus second factor" check (dossiers, PAKN) goes through this gate.</summary>
        public async Task<TooManyAttempts?> TakeAttemptAsync(string subjectKey, IPAddress? client, CancellationToken ct)
        {
            var limits = Limits.From(configuration);
            var (now, window) = Window(limits);
            var perSubject = await PublicLookupAttempts.TakeAsync(db, subjectKey, window, ct);
            var perClient = await PublicLookupAttempts.TakeAsync(db, ClientKey(client), window, ct);
            return perSubject > limits.FailuresPerCode || perClient > limits.FailuresPerClient
                ? new TooManyAttempts((int)(window + limits.WindowSeconds - now))
                : null;
        }

        /// <summary>Only failures count: a success gives the attempt back; a failure purges old windows, here where an
        /// attacker's traffic is already bounded.</summary>
        public async Task SettleAttemptAsync(string subjectKey, IPAddress? client, bool succeeded, CancellationToken ct)
        {
            var limits = Limits.From(configuration);
            var (_, window) = Window(limits);
            if (!succeeded)
            {
                await PublicLookupAttempts.PurgeAsync(db, window - limits.WindowSeconds, ct);
                return;
            }

            foreach (var key in new[] { subjectKey, ClientKey(client) })
            {
                await PublicLookupAttempts.GiveBackAsync(db, key, window, ct);
            }
        }

        private (long Now, long Window) Window(Limits limits)
        {
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            return (now, now - (now % limits.WindowSeconds));
        }

        private async Task<View> ViewAsync(Dossier dossier, CancellationToken ct)
        {
            var procedure = await PublicDossierLookup.Handler.ProcedureAsync(db, cache, dossier.ProcedureId, ct);
            var steps = dossier.Steps.OrderBy(s => s.Index).Select(s => new StepView(
                s.Index, s.Kind.ToString(), StepName(s.Kind), s.AgencyName, s.HandedOverAt, s.Deadline, s.CompletedAt, s.Result?.ToString())).ToList();
            // Statuses and instants only: notes, reasons and actors stay with staff.
            var timeline = dossier.History.OrderBy(h => h.Sequence)
                .Select(h => new TimelineEntry(h.At, DossierWorkflow.ApiName(h.To), PublicDossierLookup.Handler.StepOf(h.To))).ToList();
            return new View(
                dossier.Code!.Value.Format(), procedure.Code, procedure.Name, DossierWorkflow.ApiName(dossier.Status),
                DossierWorkflow.DvcqgStatusCode(dossier.Status), PublicDossierLookup.Handler.StepOf(dossier.Status),
                dossier.ReceivedAt, dossier.OriginalAppointmentAt, dossier.CurrentAppointmentAt, dossier.ProcessingEndedAt,
                dossier.ReturnedAt, dossier.Status is DossierStatus.ResultAtDesk or DossierStatus.Returned, steps, timeline);
        }

        // The address is pseudonymised before it is stored (it is personal data); an IPv6 client is keyed by its /64,
        // which one household or phone controls whole.
        private static string ClientKey(IPAddress? address)
        {
            if (address is { IsIPv4MappedToIPv6: true })
            {
                address = address.MapToIPv4();
            }

            var bytes = address?.GetAddressBytes() ?? [];
            if (address?.AddressFamily == AddressFamily.InterNetworkV6)
            {
                Array.Clear(bytes, 8, 8);
            }

            return "client:" + Convert.ToHexStringLower(SHA256.HashData([.. "motcua.public-lookup.client:"u8, .. bytes]));
        }

        private static string StepName(ProcessingStepKind kind) => kind switch
        {
            ProcessingStepKind.Reception => "Tiếp nhận hồ sơ",
            ProcessingStepKind.CompetentAgency => "Cơ quan có thẩm quyền giải quyết",
            ProcessingStepKind.InterAgency => "Cơ quan phối hợp giải quyết",
            ProcessingStepKind.ReturnToDesk => "Trả kết quả",
            _ => kind.ToString(),
        };
    }
}
