namespace MotCua.Web.Documents;

/// <summary>Configuration section <c>Documents</c>.</summary>
public sealed class DocumentStoreOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Documents";

    /// <summary>The store's root folder; relative paths are resolved against the application's content root.
    /// Several web nodes must share it (a network mount) until an object storage implementation replaces it.</summary>
    public string Root { get; set; } = "data/documents";

    /// <summary>The largest accepted upload in bytes (inclusive). Default 20 MB.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}
