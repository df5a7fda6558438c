using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.ProvinceAdmin;

/// <summary>The province administrator's calendar API (issue 8 §4): a holiday added by hand applies to new dossiers at once
/// (no restart) while existing ones keep their appointment; the year view carries lunar dates and sources; the JSON the
/// CLI reads is exported, previewed and imported with Vietnamese errors.</summary>
public sealed class CalendarAdminApiTests
{
    [Theory, AllDatabases]
    public async Task PutDay_Holiday_MovesNewAppointments_ExistingDossiersKeepTheirs(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var admin = await harness.ClientAsync(CatalogueAdminApiTests.Admin, ct);
        var existing = await harness.CreateAsync(desk, ct);
        var appointment = existing["appointmentAt"]!.GetValue<DateTime>();

        // Wednesday 25/11/2026, the first working day the existing dossier counts.
        using var put = await admin.PutAsJsonAsync("/api/v1/admin/calendar/2026/days/2026-11-25",
            new { kind = "Holiday", description = "Nghỉ thử nghiệm", source = "Quyết định 99/QĐ-TTg (thử nghiệm)" }, ct);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(ct));
        var year = await ReadAsync(put, ct);
        var day = year["months"]![10]!["days"]![24]!;
        Assert.Equal(("2026-11-25", "Holiday", false, "Quyết định 99/QĐ-TTg (thử nghiệm)"),
            (day["date"]!.GetValue<string>(), day["kind"]!.GetValue<string>(), day["isWorking"]!.GetValue<bool>(), day["source"]!.GetValue<string>()));
        Assert.Equal(VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 11, 25)) is var l ? $"{l.Day}/{l.Month}" : "", day["lunar"]!.GetValue<string>());

        var added = await harness.CreateAsync(desk, ct);
        var kept = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{existing["id"]}", ct), ct);
        Assert.Equal(appointment, kept["currentAppointmentAt"]!.GetValue<DateTime>());
        Assert.Equal(NextWorkingDay(appointment), added["appointmentAt"]!.GetValue<DateTime>());

        using var removed = await admin.DeleteAsync("/api/v1/admin/calendar/2026/days/2026-11-25", ct);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(appointment, (await harness.CreateAsync(desk, ct))["appointmentAt"]!.GetValue<DateTime>());
    }

    [Theory, AllDatabases]
    public async Task PutDay_AgainstTheScheduleRules_AnswersVietnameseFieldErrors(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(CatalogueAdminApiTests.Admin, ct);

        using var weekday = await admin.PutAsJsonAsync("/api/v1/admin/calendar/2026/days/2026-12-02",
            new { kind = "MakeUpWorkday", description = "Làm bù", source = "Công văn thử" }, ct);
        using var missing = await admin.PutAsJsonAsync("/api/v1/admin/calendar/2026/days/2026-12-31", new { kind = "Holiday" }, ct);
        using var otherYear = await admin.PutAsJsonAsync("/api/v1/admin/calendar/2026/days/2027-03-03",
            new { kind = "Holiday", description = "Nghỉ", source = "Công văn thử" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, weekday.StatusCode);
        Assert.StartsWith("Ngày làm bù 2026-12-02 phải là thứ Bảy hoặc Chủ nhật", (await ReadAsync(weekday, ct))["errors"]!["kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var errors = (await ReadAsync(missing, ct))["errors"]!.AsObject();
        Assert.Equal(["description", "source"], errors.Select(e => e.Key).Order().ToArray());
        Assert.Equal("Ngày 2027-03-03 không thuộc năm 2026.", (await ReadAsync(otherYear, ct))["errors"]!["date"]![0]!.GetValue<string>());
        var year = await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/calendar/2026", ct);
        Assert.DoesNotContain(year!["entries"]!.AsArray(), e => e!["date"]!.GetValue<string>() is "2026-12-02" or "2026-12-31");
    }

    [Theory, AllDatabases]
    public async Task Import_PreviewListsTheDifferences_ApplyStores_ExportGivesTheSameJson(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(CatalogueAdminApiTests.Admin, ct);
        // 2030 has no official schedule: the export is the statutory default, unconfirmed, as the CLI's.
        var exported = await admin.GetStringAsync("/api/v1/admin/calendar/2030/export", ct);
        var schedule = HolidayScheduleJson.Deserialize(exported).Schedule!;
        Assert.Equal(HolidayScheduleJson.Serialize(HolidaySchedule.StatutoryDefault(2030)), exported);

        var edited = schedule with
        {
            SourceDocument = "Thông báo 1/TB-BNV (thử nghiệm)",
            Entries = [.. schedule.Entries, new HolidayScheduleEntry(new DateOnly(2030, 12, 31), DayKind.SwapOff, "Hoán đổi", "Thông báo 1/TB-BNV")],
        };
        var json = HolidayScheduleJson.Serialize(edited);
        using var preview = await admin.PostAsync("/api/v1/admin/calendar/import?preview=true", new StringContent(json, Encoding.UTF8, "application/json"), ct);
        Assert.True(preview.StatusCode == HttpStatusCode.OK, await preview.Content.ReadAsStringAsync(ct));
        var summary = await ReadAsync(preview, ct);
        Assert.False(summary["applied"]!.GetValue<bool>());
        Assert.False(summary["replaces"]!.GetValue<bool>());
        Assert.Equal("2030-12-31", Assert.Single(summary["added"]!.AsArray())!["date"]!.GetValue<string>());
        Assert.Equal(schedule.Entries.Count, summary["unchanged"]!.GetValue<int>());
        Assert.Equal(exported, await admin.GetStringAsync("/api/v1/admin/calendar/2030/export", ct));

        using var apply = await admin.PostAsync("/api/v1/admin/calendar/import", new StringContent(json, Encoding.UTF8, "application/json"), ct);
        Assert.True((await ReadAsync(apply, ct))["applied"]!.GetValue<bool>());
        Assert.Equal(json, await admin.GetStringAsync("/api/v1/admin/calendar/2030/export", ct));
        var year = await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/calendar/2030", ct);
        Assert.True(year!["official"]!.GetValue<bool>());
        Assert.Equal("SwapOff", year["months"]![11]!["days"]![30]!["kind"]!.GetValue<string>());

        using var broken = await admin.PostAsync("/api/v1/admin/calendar/import",
            new StringContent(json.Replace("\"SwapOff\"", "\"Nghi\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.StartsWith("JSON không hợp lệ", (await ReadAsync(broken, ct))["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // The appointment one working day later (the demo desk works Monday to Friday; no holiday follows in late 2026).
    private static DateTime NextWorkingDay(DateTime appointment)
    {
        var next = appointment.AddDays(1);
        while (VietnamTime.ToLocal(next).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
