using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MotCua.Persistence;
using MotCua.Persistence.DataProtection;
using MotCua.Persistence.Identity;
using MotCua.Web.Api;
using MotCua.Web.Calendar;

namespace MotCua.Web.Infrastructure;

/// <summary>The platform every area stands on (clock, database, data protection, Identity, localisation, Razor Pages,
/// problem details, OpenAPI) and the request pipeline; Program.cs lists the areas themselves.</summary>
public static class ServiceRegistration
{
    /// <summary>Vietnamese first; English second.</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("vi-VN"), new("en")];

    /// <summary>Where <c>dotnet run</c> serves when nothing else is configured (README).</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddMotCuaPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // http://localhost:5080 unless ASPNETCORE_URLS, --urls, ASPNETCORE_HTTP_PORTS or Kestrel endpoints say otherwise
        // (a launch profile's applicationUrl would override the environment, so the default lives here).
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"]) && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseServerErrorBodies());

        var services = builder.Services;
        services.AddSingleton<TimeProvider>(new MicrosecondTimeProvider(TimeProvider.System));
        services.AddMotCuaDatabase();
        services.AddMotCuaDataProtection();
        services.AddMemoryCache();
        services.AddSingleton<CalendarService>();

        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "motcua.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorization();

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // Vietnamese unless the user picks English: the browser's Accept-Language is deliberately ignored.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages()
            // Validation is server-side (no jQuery validation script). With client validation on, an empty validation
            // summary renders <li style="display:none">, an inline style the Content-Security-Policy refuses.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(FormMessages.Configure);

        // Vietnamese text is written as characters, not as &#x...; entities (readable source, smaller pages).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMotCuaProblemDetails();
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseMotCuaPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMotCuaServerTiming(app.Configuration);
        // First (after the timer), so that error pages re-executed further down speak the language the failed request was in.
        app.UseRequestLocalization();
        // In every environment, Development included: errors are answered in Vietnamese, never as the developer exception
        // page (stack traces and source paths stay in the log): problem details under /api, an HTML page elsewhere
        // (ApiExceptionHandler leaves page requests to /Error, with the status it would have answered).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPages.Path,
            StatusCodeSelector = exception => ApiExceptionHandler.Classify(exception).Status,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMotCuaSecurityHeaders();
        app.UseWhen(ErrorPages.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !ErrorPages.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute(ErrorPages.Path + "/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        return app;
    }
}
