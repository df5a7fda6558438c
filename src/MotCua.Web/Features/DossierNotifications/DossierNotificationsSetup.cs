using MotCua.Web.Jobs;
using MotCua.Web.Notifications;

namespace MotCua.Web.Features.DossierNotifications;

/// <summary>What a dossier tells its applicant (through the outbox) and what the agency head's digest lists.</summary>
public static class DossierNotificationsSetup
{
    public static IServiceCollection AddDossierNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMotCuaNotifications(configuration);
        services.AddScoped<DossierNotifier>();
        services.AddScoped<CitizenNotifications>();
        services.AddScoped<IDueWorkSource, DossierDueWorkSource>();
        return services;
    }
}
