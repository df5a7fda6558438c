using Microsoft.Extensions.Options;
using MotCua.Persistence;

namespace MotCua.Web.Documents;

/// <summary>Registers the document content store.</summary>
public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDocumentContentStore"/> (file system, configuration section <c>Documents</c>: <c>Root</c>,
    /// <c>MaxBytes</c>); a relative root is resolved like every data path (<see cref="DataRoot"/>).
    /// </summary>
    public static IServiceCollection AddMotCuaDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DocumentStoreOptions>()
            .Bind(configuration.GetSection(DocumentStoreOptions.SectionName))
            .Validate(o => o.MaxBytes > 0, "Documents:MaxBytes must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Documents:Root must be set.")
            .ValidateOnStart();
        services.AddSingleton<IDocumentContentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DocumentStoreOptions>>().Value;
            var root = DataRoot.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Root);
            return new FileSystemDocumentContentStore(
                root, options.MaxBytes, sp.GetRequiredService<ILogger<FileSystemDocumentContentStore>>());
        });
        return services;
    }
}
