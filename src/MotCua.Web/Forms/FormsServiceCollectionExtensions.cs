using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MotCua.Web.Forms;

public static class FormsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="FormRenderer"/> and <see cref="PdfRenderer"/>, with <see cref="PdfOptions"/> bound
    /// to the configuration section <c>Pdf</c> (e.g. <c>Pdf:ChromiumPath</c>).</summary>
    public static IServiceCollection AddMotCuaForms(this IServiceCollection services)
    {
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.SectionName);
        services.TryAddSingleton<FormRenderer>();
        services.TryAddSingleton<PdfRenderer>();
        return services;
    }
}
