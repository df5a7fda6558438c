using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Web.Access;

namespace MotCua.Web.Api;

/// <summary>API authentication: the Identity cookie or a bearer JWT from <c>POST /api/v1/auth/token</c>, chosen per
/// request by a policy scheme (a <c>Bearer</c> Authorization header selects the JWT; unsafe methods always do, so the
/// cookie only reads). Every cookie and token is checked against the account's security stamp (<see cref="SessionStamps"/>).</summary>
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
        services.AddSingleton<TokenThrottle>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SessionRevocationInterceptor>();
        services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SessionRevocationInterceptor>()));
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                HasBearer(http.Request) || !IsSafe(http.Request.Method)
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
                    RequireExpirationTime = true,
                    // The app's clock, not the library's, so that token lifetimes follow the injected TimeProvider. A token
                    // without exp would never end: refused.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                            && expires is not null && now < expires.Value + parameters.ClockSkew;
                    },
                };
                o.Events = new JwtBearerEvents
                {
                    // Logout, lockout, password change and role removal change the account's stamp: older tokens end.
                    OnTokenValidated = async ctx =>
                    {
                        var services = ctx.HttpContext.RequestServices;
                        if (ctx.Principal is null || !await services.GetRequiredService<SessionStamps>()
                                .IsTokenCurrentAsync(ctx.Principal, services.GetRequiredService<AppDbContext>(), ctx.HttpContext.RequestAborted))
                        {
                            ctx.Fail("The session was revoked.");
                        }
                    },
                    OnChallenge = async ctx =>
                    {
                        ctx.HandleResponse();
                        ctx.Response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
                        var problem = !HasBearer(ctx.Request) && ctx.Request.Headers.Cookie.Count > 0
                            ? ErrorMapping.Problem(StatusCodes.Status401Unauthorized,
                                "Thao tác ghi qua API (POST, PUT, PATCH, DELETE) phải gửi mã truy cập Bearer; cookie đăng nhập không được chấp nhận.",
                                "auth.bearer_required")
                            : ErrorMapping.Problem(StatusCodes.Status401Unauthorized,
                                "Chưa đăng nhập, hoặc phiên đăng nhập đã hết hạn hay đã bị thu hồi.", "auth.unauthenticated");
                        await problem.ExecuteAsync(ctx.HttpContext);
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
            // Checked on every request (Identity's own validator looks only every 30 minutes and ignores lockout).
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var services = ctx.HttpContext.RequestServices;
                if (ctx.Principal is null || !await services.GetRequiredService<SessionStamps>()
                        .IsCookieCurrentAsync(ctx.Principal, services.GetRequiredService<AppDbContext>(), ctx.HttpContext.RequestAborted))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        return services;
    }

    public static RouteHandlerBuilder MapToken(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", async (
                TokenRequest body, UserManager<AppUser> users, SignInManager<AppUser> signIn, JwtKey key, TimeProvider clock,
                IConfiguration configuration, TokenThrottle throttle) =>
            {
                if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                {
                    return ValidationFailed.One("userName", new FieldMessage("auth.credentials_required", "Phải nhập tên đăng nhập và mật khẩu.")).ToProblem();
                }

                if (!throttle.TryAcquireForAccount(users.NormalizeName(body.UserName.Trim())))
                {
                    return ErrorMapping.Problem(StatusCodes.Status429TooManyRequests,
                        "Quá nhiều lần xin mã truy cập cho tài khoản này; vui lòng thử lại sau.", "api.rate_limited");
                }

                var user = await users.FindByNameAsync(body.UserName) ?? await users.FindByEmailAsync(body.UserName);
                if (user is null || await users.IsLockedOutAsync(user))
                {
                    // The same password hashing as for a real check, so that an unknown or locked name does not answer
                    // measurably faster than a known one.
                    DummyPassword.Verify(users.PasswordHasher, body.Password);
                    return user is null
                        ? ErrorMapping.Problem(StatusCodes.Status401Unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.", "auth.invalid_credentials")
                        : ErrorMapping.Problem(StatusCodes.Status401Unauthorized, "Tài khoản tạm khóa do đăng nhập sai nhiều lần.", "auth.locked_out");
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
                        new Claim(SessionStamps.TokenClaim, SessionStamps.Fingerprint(user.SecurityStamp)),
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
            .RequireRateLimiting(TokenThrottle.ClientPolicy)
            .WithName("CreateToken")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>POST /api/v1/auth/logout: ends every token and cookie session of the caller's account (new security
    /// stamp). Bearer only, like every unsafe API call.</summary>
    public static RouteHandlerBuilder MapLogout(RouteGroupBuilder api) =>
        api.MapPost("/auth/logout", async (ClaimsPrincipal principal, UserManager<AppUser> users) =>
            {
                if (await users.GetUserAsync(principal) is { } user)
                {
                    await users.UpdateSecurityStampAsync(user);
                }

                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policy)
            .WithName("RevokeTokens")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    // The login cookie rides along on cross-site requests the user never meant (a foreign form posting to the API), so
    // only reads accept it; anything that changes data needs the bearer token a script has to hold explicitly.
    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>A password hash of nothing anyone knows, verified when the account is unknown or locked.</summary>
    private static class DummyPassword
    {
        private static string? _hash;

        public static void Verify(IPasswordHasher<AppUser> hasher, string password)
        {
            var dummy = new AppUser();
            _hash ??= hasher.HashPassword(dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            _ = hasher.VerifyHashedPassword(dummy, _hash, password);
        }
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
