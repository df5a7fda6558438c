using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Persistence.Seeding;

namespace MotCua.Cli.Bench;

/// <summary>Bearer tokens for the benches, from the app's own token endpoint.</summary>
internal static class BenchAuth
{
    public static async Task<string> TokenAsync(HttpClient http, string user, string password, JsonSerializerOptions json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("api/v1/auth/token", new { userName = user, password }, json, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliInputException($"không kết nối được {http.BaseAddress}: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var hint = user == DemoData.BenchDeskUser.Email
                    ? " Tài khoản này do `motcua seed --preset scale` tạo; trên dữ liệu demo dùng --user tiepnhan@motcua.local --receipt-units 1."
                    : "";
                throw new CliInputException($"không lấy được token cho {user}: HTTP {(int)response.StatusCode}.{hint}");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(json, ct);
            return body.GetProperty("accessToken").GetString()!;
        }
    }
}
