using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MotCua.Persistence;
using MotCua.Persistence.Identity;

namespace MotCua.Web.Api;

/// <summary>API authentication: the Identity cookie or a bearer JWT from <c>POST /api/v1/auth/token</c>, chosen per
/// request by a policy scheme (a <c>Bearer</c> Authorization header selects the JWT).</summary>
/// <remarks>The signing key is <c>Auth:JwtSigningKey</c> (base64, at least 32 bytes), shared by every web node. In
/// Development, when absent, a random key is generated once into <c>data/jwt-signing.key</c> (<see cref="DataRoot"/>,
/// git-ignored); elsewhere a missing key is a configuration error.</remarks>
public static class ApiAuth
{
    public const string Scheme = "MotCuaApi";
    public const string Policy = "MotCuaApi";
    public const string Issuer = "motcua";
    public const string Audience = "motcua-api";

    // 256: the Identity user-name column; a password longer than 1000 characters is no password a person types.
    public sealed record TokenRequest([property: MaxLength(256)] string? UserName, [property: MaxLength(1000)] string? Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static IServiceCollection AddMotCuaApiAuth(this IServiceCollection services)
    {
        services.AddSingleton<JwtKey>();
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtKey, TimeProvider>((o, key, clock) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Issuer,
                    ValidAudience = Audience,
                    IssuerSigningKey = key.SecurityKey,
                    NameClaimType = ClaimTypes.Name,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    // The app's clock, not the library's, so that token lifetimes follow the injected TimeProvider.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                            && (expires is null || now < expires.Value + parameters.ClockSkew);
                    },
                };
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());

        // API callers get status codes, not the login page.
        services.ConfigureApplicationCookie(o =>
        {
            var login = o.Events.OnRedirectToLogin;
            var denied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request) ? Status(ctx.Response, 401) : login(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request) ? Status(ctx.Response, 403) : denied(ctx);
        });
        return services;
    }

    public static RouteHandlerBuilder MapToken(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", async (
                TokenRequest body, UserManager<AppUser> users, SignInManager<AppUser> signIn, JwtKey key, TimeProvider clock,
                IConfiguration configuration) =>
            {
                if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                {
                    return ValidationFailed.One("userName", "Phải nhập tên đăng nhập và mật khẩu.").ToProblem();
                }

                var user = await users.FindByNameAsync(body.UserName) ?? await users.FindByEmailAsync(body.UserName);
                if (user is null)
                {
                    return ErrorMapping.Problem(StatusCodes.Status401Unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.", "auth.invalid_credentials");
                }

                var check = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
                if (check.IsLockedOut)
                {
                    return ErrorMapping.Problem(StatusCodes.Status401Unauthorized, "Tài khoản tạm khóa do đăng nhập sai nhiều lần.", "auth.locked_out");
                }

                if (!check.Succeeded)
                {
                    return ErrorMapping.Problem(StatusCodes.Status401Unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.", "auth.invalid_credentials");
                }

                var lifetime = TimeSpan.FromMinutes(configuration.GetValue("Auth:TokenLifetimeMinutes", 60));
                var now = clock.GetUtcNow().UtcDateTime;
                var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Subject = new ClaimsIdentity(
                    [
                        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString("D")),
                        new Claim(ClaimTypes.Name, user.UserName ?? ""),
                        new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                    ]),
                    Issuer = Issuer,
                    Audience = Audience,
                    IssuedAt = now,
                    NotBefore = now,
                    Expires = now + lifetime,
                    SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.HmacSha256),
                });
                return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds));
            })
            .AllowAnonymous()
            .WithName("CreateToken")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The HMAC key that signs and validates API tokens.</summary>
    public sealed class JwtKey(IConfiguration configuration, IHostEnvironment environment)
    {
        private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(Load(configuration, environment)));

        public SymmetricSecurityKey SecurityKey => _key.Value;

        private static byte[] Load(IConfiguration configuration, IHostEnvironment environment)
        {
            if (configuration["Auth:JwtSigningKey"] is { Length: > 0 } configured)
            {
                var bytes = Convert.FromBase64String(configured);
                return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("Auth:JwtSigningKey must be at least 32 bytes (base64).");
            }

            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException("Auth:JwtSigningKey is not configured (base64, at least 32 bytes, the same on every node).");
            }

            var path = DataRoot.Resolve(environment.ContentRootPath, "data/jwt-signing.key");
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process created it first: use theirs.
                }
            }

            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
