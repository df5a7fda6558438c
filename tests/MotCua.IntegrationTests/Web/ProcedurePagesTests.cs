using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Web;

public sealed partial class ProcedurePagesTests
{
    // 10:00 on 22/11/2026 in Vietnam: the post-reform versions are in force, the pre-2025-07-01 ones are not.
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Theory, AllDatabases]
    public async Task Search_UnaccentedQuery_ListsBirthRegistrationWithItsFacts(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = CreateClient(factory);

        using var response = await client.GetAsync("/Procedures?q=dang+ky+khai+sinh", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<label for=\"q\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"dang ky khai sinh\"", html, StringComparison.Ordinal);
        var first = FirstResult().Match(html);
        Assert.True(first.Success, "No result link found.");
        Assert.Equal(("/Procedures/1.001193", "Đăng ký khai sinh"), (first.Groups[1].Value, first.Groups[2].Value));
        Assert.Contains("Cấp xã", html, StringComparison.Ordinal);
        Assert.Contains("Trong ngày (sau 15 giờ: ngày làm việc tiếp theo)", html, StringComparison.Ordinal);
        Assert.Contains("Trực tuyến một phần", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng ký kết hôn", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Search_NoMatch_ShowsVietnameseNoResultsMessage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = CreateClient(factory);

        var html = await client.GetStringAsync("/Procedures?q=xyzzy", ct);

        Assert.Contains("Không tìm thấy thủ tục phù hợp với “xyzzy”", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(FirstResult(), html);
    }

    [Theory, AllDatabases]
    public async Task Search_BlankQuery_ListsEverythingOnPagesWithWorkingLinks(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = CreateClient(factory);

        var page1 = await client.GetStringAsync("/Procedures?level=Commune", ct);
        var next = NextLink().Match(page1);
        Assert.True(next.Success, "No next-page link.");
        var page2 = await client.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value), ct);

        Assert.Contains("Trang 1/", page1, StringComparison.Ordinal);
        Assert.Contains("Trang 2/", page2, StringComparison.Ordinal);
        Assert.Contains("level=Commune", next.Groups[1].Value, StringComparison.Ordinal);
        var firstPageLinks = ResultLinks().Matches(page1).Select(m => m.Groups[1].Value).ToList();
        var secondPageLinks = ResultLinks().Matches(page2).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(20, firstPageLinks.Count);
        Assert.NotEmpty(secondPageLinks);
        Assert.Empty(firstPageLinks.Intersect(secondPageLinks));
    }

    [Theory, AllDatabases]
    public async Task Detail_KnownCode_ShowsEveryMandatoryComponent(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = CreateClient(factory);

        using var response = await client.GetAsync("/Procedures/1.001193", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 id=\"procedure-title\" lang=\"vi\">Đăng ký khai sinh</h1>", html, StringComparison.Ordinal);
        string[] headings =
        [
            "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần, số lượng hồ sơ", "Thời hạn giải quyết", "Đối tượng thực hiện",
            "Cơ quan giải quyết", "Mẫu đơn, mẫu tờ khai", "Kết quả thực hiện", "Yêu cầu, điều kiện thực hiện", "Phí, lệ phí",
            "Căn cứ pháp lý", "Quy trình nội bộ",
        ];
        Assert.All(headings, h => Assert.Contains($">{h}</h2>", html, StringComparison.Ordinal));
        Assert.Contains("<th scope=\"row\">Tờ khai đăng ký khai sinh</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Số lượng</th>", html, StringComparison.Ordinal);
        Assert.Contains("Qua dịch vụ bưu chính công ích", html, StringComparison.Ordinal);
        Assert.Contains("Luật Hộ tịch", html, StringComparison.Ordinal);
        Assert.Contains("Phiên bản", html, StringComparison.Ordinal);
        Assert.Contains("Công chức tiếp nhận", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"sequence\" lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>Bước 2:", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Detail_InterAgencyProcedure_ShowsOtherAgencyStepAndSliceTotal(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = CreateClient(factory);

        var html = await client.GetStringAsync("/Procedures/3.000722", ct);

        Assert.Contains("Thủ tục liên thông", html, StringComparison.Ordinal);
        Assert.Contains("Cơ quan liên thông", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" colspan=\"3\">Tổng cộng</th>", html, StringComparison.Ordinal);
        Assert.Matches(TotalRow(), html);
    }

    [Theory, AllDatabases]
    public async Task Detail_UnknownCode_Returns404WithVietnameseMessage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = CreateClient(factory);

        using var response = await client.GetAsync("/Procedures/9.999999", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy thủ tục", html, StringComparison.Ordinal);
        Assert.Contains("Không có thủ tục mang mã “9.999999” đang có hiệu lực.", html, StringComparison.Ordinal);
    }

    private static HttpClient CreateClient(MotCuaWebFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new ManualClock(Now))))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("<h3 lang=\"vi\"><a href=\"([^\"]+)\">([^<]+)</a></h3>")]
    private static partial Regex FirstResult();

    [GeneratedRegex("<h3 lang=\"vi\"><a href=\"([^\"]+)\">")]
    private static partial Regex ResultLinks();

    [GeneratedRegex("Tổng cộng</th>\\s*<td>3 ngày làm việc</td>")]
    private static partial Regex TotalRow();

    [GeneratedRegex("<a(?=[^>]*rel=\"next\")[^>]*href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
