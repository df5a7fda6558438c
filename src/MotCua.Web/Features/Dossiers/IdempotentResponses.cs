using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The <c>Idempotency-Key</c> contract of the dossier calls that receive (Create, and the transitions, Accept
/// among them): the same key from the same caller with the same request gets the first answer again; with another
/// request, 422.</summary>
/// <remarks>The record is added to the caller's unit of work and commits with the change it answers; its primary key
/// (caller, key) makes a concurrent retry fail on insert, after which <see cref="ReplayAsync{T}"/> reads the winner's
/// answer.</remarks>
public sealed class IdempotentResponses(AppDbContext db)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>What is wrong with a key longer than <see cref="MaxKeyLength"/>.</summary>
    public static readonly FieldMessage KeyTooLongMessage = new FieldMessage("idempotency.key_too_long", "Khóa tối đa {0} ký tự.", MaxKeyLength);

    /// <summary>The answer to a key longer than <see cref="MaxKeyLength"/>.</summary>
    public static ValidationFailed KeyTooLong() => ValidationFailed.One(Header, KeyTooLongMessage);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A key as the caller sent it, scoped to the caller and to the request it guards.</summary>
    public sealed record Key(string CallerId, string Value, string RequestHash);

    /// <summary>The key of a request, or <see langword="null"/> when the caller sent none.</summary>
    /// <param name="callerId">The authenticated caller.</param>
    /// <param name="key">The header's value.</param>
    /// <param name="operation">The operation and target (e.g. <c>POST /dossiers/{id}/transitions</c>), so that one key
    /// cannot answer two different calls.</param>
    /// <param name="body">The request body.</param>
    public static Key? For(Guid callerId, string? key, string operation, object body) =>
        string.IsNullOrEmpty(key)
            ? null
            : new Key(callerId.ToString("D"), key,
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(body, body.GetType(), Json)))));

    /// <summary>The stored answer to <paramref name="key"/>, if any; <see cref="IdempotencyKeyReused"/> when the key
    /// answered a different request.</summary>
    public async Task<Result<T>?> ReplayAsync<T>(Key key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var record = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.CallerId == key.CallerId && r.Key == key.Value, ct);
        if (record is null)
        {
            return null;
        }

        return record.RequestHash == key.RequestHash
            ? JsonSerializer.Deserialize<T>(record.ResponseBody, Json)!
            : new IdempotencyKeyReused(key.Value);
    }

    /// <summary>Adds the answer to the unit of work, to commit with the change it answers.</summary>
    public void Record<T>(Key key, Guid dossierId, int statusCode, T response, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(key);
        db.IdempotencyKeys.Add(new IdempotencyRecord
        {
            CallerId = key.CallerId,
            Key = key.Value,
            RequestHash = key.RequestHash,
            DossierId = dossierId,
            StatusCode = statusCode,
            ResponseBody = JsonSerializer.Serialize(response, Json),
            CreatedAt = nowUtc,
        });
    }
}
