using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Edge;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Web;

/// <summary>A browser gets an HTML page in Vietnamese for every error outside /api (never JSON, a blank page or the
/// exception's text); /api keeps its problem details.</summary>
public sealed class ErrorPagesTests
{
    [Theory, AllDatabases]
    public async Task UnknownPage_AnswersVietnameseHtml404_AndApiKeepsProblemDetails(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var page = await client.GetAsync("/khong-co-trang-nay", ct);
        using var api = await client.GetAsync("/api/v1/khong-co", ct);
        var html = await page.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 id=\"error-title\">Không tìm thấy trang</h1>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory, AllDatabases]
    public async Task ErrorPage_VisitedDirectly_IsNotFound(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync("/Error/500", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task FormWithoutAntiforgeryToken_AnswersHtml400InEnglishWhenChosen(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.vn", ["Input.Password"] = "x" });

        using var response = await client.PostAsync("/Account/Login?culture=en", form, ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 id=\"error-title\">Bad request</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Yêu cầu không hợp lệ", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task FailingPage_AnswersHtml500WithoutInternals_FailingApiAnswersProblem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database).WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FailingEndpoints>()));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/hong", ct);
        using var posted = await client.PostAsync("/hong", new StringContent("x"), ct);
        using var api = await client.GetAsync("/api/hong", ct);
        var html = await page.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Hệ thống gặp lỗi", html, StringComparison.Ordinal);
        Assert.Contains("Mã tra cứu lỗi", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingEndpoints.Message, html, StringComparison.Ordinal);
        Assert.False(ApiFuzzer.LeaksInternals(html), html);
        Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
        Assert.Contains("Hệ thống gặp lỗi", await posted.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A page and an API address that fail with an unexpected exception.</summary>
    private sealed class FailingEndpoints : IStartupFilter
    {
        public const string Message = "Simulated failure with a secret";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path.Value is "/hong" or "/api/hong" ? throw new InvalidOperationException(Message) : nextMiddleware(context));
        };
    }
}
