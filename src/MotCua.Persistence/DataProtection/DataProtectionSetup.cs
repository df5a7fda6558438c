using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Persistence.DataProtection;

/// <summary>Registration of <see cref="DatabaseXmlRepository"/>.</summary>
public static class DataProtectionSetup
{
    /// <summary>Stores the key ring in <see cref="AppDbContext"/> under the application name "MotCua".</summary>
    public static IServiceCollection AddMotCuaDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("MotCua");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));
        return services;
    }
}
