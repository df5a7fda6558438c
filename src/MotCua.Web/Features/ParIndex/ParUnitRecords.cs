using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ParIndex;

/// <summary>What the PAR Index handlers (frameworks, self-assessments, commitments) share: the missing-field and
/// missing-revision answers, and saving with a conflict for a stale revision or a duplicate record.</summary>
internal static class ParUnitRecords
{
    public static ValidationFailed Missing(string field) =>
        ValidationFailed.One(field, new FieldMessage("par.field_required", "Thiếu \"{0}\".", field));

    public static ValidationFailed RevisionMissing() =>
        ValidationFailed.One("revision", new FieldMessage("par.revision_required", "Phải gửi phiên bản chỉnh sửa (revision) đã đọc."));

    /// <summary>A change of a unit's record: the revision read must be given (400) and current (409), and the caller
    /// <paramref name="allowed"/> to make it (403), after <paramref name="load"/> found the record and let the caller read it.</summary>
    public static async Task<Result<T>> ForChangeAsync<T>(int? revision, Func<Task<Result<T>>> load, Func<T, bool> allowed, string denied, Func<T, int> revisionOf)
    {
        if (revision is not { } expected)
        {
            return RevisionMissing();
        }

        var loaded = await load();
        if (loaded.IsFailure)
        {
            return loaded.Error;
        }

        if (!allowed(loaded.Value))
        {
            return new OutOfScope(denied);
        }

        var actual = revisionOf(loaded.Value);
        return actual != expected ? new StaleVersion(expected, actual) : loaded;
    }

    /// <summary>Saves, then reads the view; a concurrent change or a duplicate is <paramref name="onConflict"/>.</summary>
    public static async Task<Result<T>> SaveAsync<T>(AppDbContext db, Func<Task<T>> view, Func<Error> onConflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return onConflict();
        }

        return await view();
    }
}
