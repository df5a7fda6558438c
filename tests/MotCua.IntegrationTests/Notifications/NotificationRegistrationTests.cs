using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.IntegrationTests.Notifications;

public sealed class NotificationRegistrationTests
{
    [Fact]
    public async Task AddMotCuaNotifications_SmtpFromConfiguration_SendsThroughTheConfiguredServer()
    {
        await using var server = TestSmtpServer.Start();
        await using var provider = Build(new()
        {
            ["Smtp:Host"] = TestSmtpServer.Host,
            ["Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "Một cửa <motcua@tinh.gov.vn>",
            ["Smtp:MessageIdDomain"] = "motcua.tinh.gov.vn",
            ["Notifications:SmsTag"] = "TINH",
        });
        var templates = provider.GetRequiredService<NotificationTemplates>();
        var rendered = templates.ResultReady(new ResultReadyNotice("Bà Lan", "X-260220-0001", "Thủ tục", "Bộ phận Một cửa", null));

        var result = await provider.GetRequiredService<INotificationSender>()
            .SendAsync(rendered.ToEmail("lan@example.vn", "result-ready.1"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("<motcua.result-ready=2E1@motcua.tinh.gov.vn>", Assert.Single(server.Messages).MessageId);
        Assert.StartsWith("TINH: ", rendered.SmsText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smtp:From", "not an address")]
    [InlineData("Smtp:Port", "0")]
    [InlineData("Smtp:TimeoutSeconds", "0")]
    public async Task AddMotCuaNotifications_InvalidSmtpSetting_FailsValidation(string key, string value)
    {
        await using var provider = Build(new() { ["Smtp:Host"] = "127.0.0.1", [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddMotCuaNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
