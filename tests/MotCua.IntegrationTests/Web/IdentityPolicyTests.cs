using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;

namespace MotCua.IntegrationTests.Web;

public sealed class IdentityPolicyTests
{
    [Theory, AllDatabases]
    public async Task CreateAsync_PasswordPolicyAndUniqueEmail_AreEnforcedInVietnamese(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var weak = await users.CreateAsync(NewUser("a@example.vn"), "abc");
        Assert.Equal(
            ["PasswordRequiresDigit", "PasswordRequiresUpper", "PasswordTooShort"],
            weak.Errors.Select(e => e.Code).Order());
        Assert.Contains(weak.Errors, e => e.Description == "Mật khẩu phải có ít nhất 10 ký tự.");

        var nineChars = await users.CreateAsync(NewUser("b@example.vn"), "Abcdefgh1");
        Assert.Equal(["PasswordTooShort"], nineChars.Errors.Select(e => e.Code));

        Assert.True((await users.CreateAsync(NewUser("c@example.vn"), "Abcdefghi1")).Succeeded);

        var duplicate = NewUser("C@Example.vn");
        duplicate.UserName = "someone-else";
        var duplicateResult = await users.CreateAsync(duplicate, "Abcdefghi1");
        Assert.Equal(["DuplicateEmail"], duplicateResult.Errors.Select(e => e.Code));
    }

    private static AppUser NewUser(string email) => new() { UserName = email, Email = email, FullName = "Người dùng thử" };
}
