using MotCua.Domain.Common;

namespace MotCua.Web.Documents;

/// <summary>
/// Stores the bytes of uploaded documents by their SHA-256, outside the database; the metadata (dossier, component,
/// original file name, digitisation flags) lives in the database and refers to <see cref="StoredContent.Sha256Hex"/>.
/// </summary>
/// <remarks>
/// A seam: the file system implementation serves one node or several nodes sharing a mounted folder; an object
/// storage implementation can replace it without touching callers. Content is immutable once stored, so the same
/// hash always names the same bytes and duplicates are stored once.
/// </remarks>
public interface IDocumentContentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end, checks size and type, and stores it under its SHA-256.
    /// </summary>
    /// <param name="content">The uploaded bytes; read once, forward only, never disposed here.</param>
    /// <param name="declaredContentType">The media type the client declared (e.g. the multipart part's
    /// Content-Type); empty or <c>application/octet-stream</c> means "no claim".</param>
    /// <param name="fileName">The client's file name, used only to check its extension; never logged or stored.</param>
    /// <param name="cancellationToken">Cancels the upload; nothing is left behind.</param>
    /// <returns>The hash, length and detected media type, or a <see cref="DocumentError"/>.</returns>
    Task<Result<StoredContent>> PutAsync(
        Stream content, string? declaredContentType, string? fileName, CancellationToken cancellationToken = default);

    /// <summary>Opens stored content for reading; the caller disposes the stream.</summary>
    Task<Result<Stream>> OpenReadAsync(string sha256Hex, CancellationToken cancellationToken = default);

    /// <summary>Whether content with this hash is stored; false for a malformed hash.</summary>
    Task<bool> ExistsAsync(string sha256Hex, CancellationToken cancellationToken = default);
}
