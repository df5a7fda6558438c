using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Forms;

namespace MotCua.IntegrationTests.Forms;

/// <summary>The forms' services as the web host registers them, with an in-memory configuration.</summary>
internal static class FormTestServices
{
    public static ServiceProvider Create(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddMotCuaForms()
            .BuildServiceProvider();
    }
}
