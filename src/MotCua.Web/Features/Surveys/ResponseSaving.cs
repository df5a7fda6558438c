using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;

namespace MotCua.Web.Features.Surveys;

/// <summary>Saves one response in one transaction with what it changes: the campaign's counts (its version is the
/// concurrency token) and, for the web, the invitation's <c>IsUsed</c>. Every response of a campaign changes the same
/// campaign row, so a concurrent response makes this one's save fail; the attempt is then redone from a fresh read,
/// which also turns a second submission with the same token into "already used".</summary>
public sealed class ResponseSaving(AppDbContext db)
{
    /// <summary>Attempts before giving up with <see cref="SurveyBusy"/>.</summary>
    public const int Attempts = 8;

    /// <summary>Runs <paramref name="attempt"/> (which reads, validates and adds to the unit of work) and saves; redoes
    /// both on a concurrency conflict. <paramref name="onUniqueViolation"/> answers a unique violation (a concurrent
    /// retry of the same idempotency key), or <see langword="null"/> to let it throw.</summary>
    public async Task<Result<T>> SaveAsync<T>(
        Func<Task<Result<T>>> attempt, Func<Task<Result<T>?>>? onUniqueViolation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var i = 0; i < Attempts; i++)
        {
            var result = await attempt();
            if (result.IsFailure)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (onUniqueViolation is not null && DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                if (await onUniqueViolation() is { } answer)
                {
                    return answer;
                }

                throw;
            }
        }

        return new SurveyBusy();
    }
}

/// <summary>Too many responses to the campaign at the same moment (<c>survey.busy</c>) → 409; sending again works.</summary>
public sealed record SurveyBusy()
    : Error("survey.busy", "Đợt khảo sát đang nhận nhiều phiếu cùng lúc; vui lòng gửi lại sau giây lát.");
