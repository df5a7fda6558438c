namespace MotCua.Web.Documents;

/// <summary>Content that is in the store.</summary>
/// <param name="Sha256Hex">The SHA-256 of the bytes, 64 lower-case hex digits: the content's address.</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="ContentType">The media type detected from the bytes (one of <see cref="DocumentContentTypes"/>).</param>
public sealed record StoredContent(string Sha256Hex, long Length, string ContentType);
