using MotCua.Web.Api;

namespace MotCua.Web.Features.Administration;

/// <summary>The administrator area's engine (README.md beside this file): units, staff accounts and role assignments,
/// desks, all under <c>/api/v1/admin</c> and scoped by <see cref="AdminScope"/>.</summary>
public static class AdministrationSetup
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<AdminScope>();
        services.AddScoped<AdminAuditLog>();
        services.AddScoped<AdminUnits.ListHandler>();
        services.AddScoped<AdminUnits.CreateHandler>();
        services.AddScoped<AdminUnits.CloseHandler>();
        services.AddScoped<AdminUsers.Accounts>();
        services.AddScoped<AdminUsers.ListHandler>();
        services.AddScoped<AdminUsers.GetHandler>();
        services.AddScoped<AdminUsers.CreateHandler>();
        services.AddScoped<AdminUsers.AccountHandler>();
        services.AddScoped<AdminUsers.RoleHandler>();
        services.AddScoped<AdminDesks.ListHandler>();
        services.AddScoped<AdminDesks.ChangeHandler>();
        return services;
    }

    public static RouteGroupBuilder MapAdministration(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var admin = api.MapGroup("/admin").RequireAuthorization(ApiAuth.Policy).WithTags("Administration");
        AdminUnits.Map(admin);
        AdminUsers.Map(admin);
        AdminDesks.Map(admin);
        return api;
    }
}
