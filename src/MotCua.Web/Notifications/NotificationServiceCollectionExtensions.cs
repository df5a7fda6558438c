using System.Net.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MotCua.Persistence;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Notifications;

/// <summary>Registers the notification transport and templates.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="INotificationSender"/>, <see cref="IEmailSender"/> (SMTP, section <c>Smtp</c>),
    /// <see cref="ISmsSender"/> (<see cref="LoggingSmsSender"/> until a gateway is contracted) and
    /// <see cref="NotificationTemplates"/> (section <c>Notifications</c>).
    /// </summary>
    public static IServiceCollection AddMotCuaNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .Validate(o => MailAddress.TryCreate(o.From, out _), "Smtp:From must be an e-mail address.")
            .Validate(o => o.Port is > 0 and <= 65535, "Smtp:Port must be between 1 and 65535.")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 600, "Smtp:TimeoutSeconds must be between 1 and 600.")
            .ValidateOnStart();
        // A relative pickup folder lands under the data folder, like every other path MotCua writes (DataRoot).
        services.AddSingleton<IPostConfigureOptions<SmtpOptions>>(sp => new PostConfigureOptions<SmtpOptions>(Options.DefaultName, o =>
        {
            if (o.PickupDirectory is { Length: > 0 } pickup && sp.GetService<IHostEnvironment>() is { } environment)
            {
                o.PickupDirectory = DataRoot.Resolve(environment.ContentRootPath, pickup);
            }
        }));
        services.AddOptions<NotificationTemplateOptions>()
            .Bind(configuration.GetSection(NotificationTemplateOptions.SectionName));
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.TryAddSingleton<ISmsSender, LoggingSmsSender>();
        services.TryAddSingleton<INotificationSender, NotificationSender>();
        services.TryAddSingleton<NotificationTemplates>();
        return services;
    }
}
