using MotCua.Domain.Feedback.Pakn;

namespace MotCua.Web.Features.Pakn;

/// <summary>PAKN (issue 9 §2; ND 20/2008; domain.md §10): handlers, the deadline settings and the endpoints.</summary>
public static class PaknSetup
{
    /// <summary>Where the deadline versions live in configuration: a list of <see cref="PaknDeadlineSettings"/>
    /// (<c>EffectiveFrom</c>, <c>Source</c>, <c>Verified</c>, the five working-day limits). Absent: the built-in
    /// <see cref="PaknDeadlineSchedule.Default"/>. A list that does not validate stops the application at start.</summary>
    public const string DeadlinesSection = "Pakn:Deadlines";

    public static IServiceCollection AddPakn(this IServiceCollection services)
    {
        services.AddSingleton(provider => Schedule(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<PaknAccess>();
        services.AddScoped<PaknContexts>();
        services.AddScoped<PaknNotifier>();
        services.AddScoped<SubmitPakn.Handler>();
        services.AddScoped<ReadPakn.Handler>();
        services.AddScoped<ListPakn.Handler>();
        services.AddScoped<TransitionPakn.Handler>();
        services.AddScoped<PublicPakn.Handler>();
        services.AddScoped<PaknReactions.Handler>();
        services.AddScoped<ImportPakn.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapPakn(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var staff = api.MapGroup("/pakn").RequireAuthorization(Api.ApiAuth.Policy).WithTags("PAKN");
        SubmitPakn.MapStaff(staff);
        ListPakn.Map(staff);
        ReadPakn.Map(staff);
        TransitionPakn.Map(staff);
        ImportPakn.Map(staff);
        var open = api.MapGroup("/public/pakn").WithTags("Public");
        SubmitPakn.MapPublic(open);
        PublicPakn.Map(open);
        PaknReactions.Map(open);
        return api;
    }

    /// <summary>The deadline versions from <see cref="DeadlinesSection"/>, or the default ones.</summary>
    /// <exception cref="InvalidOperationException">The configured list is invalid.</exception>
    public static PaknDeadlineSchedule Schedule(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(DeadlinesSection).Get<List<PaknDeadlineSettings>>();
        if (configured is not { Count: > 0 })
        {
            return PaknDeadlineSchedule.Default;
        }

        var schedule = PaknDeadlineSchedule.Create(configured);
        return schedule.IsSuccess
            ? schedule.Value
            : throw new InvalidOperationException($"{DeadlinesSection}: {schedule.Error.Message}");
    }
}
