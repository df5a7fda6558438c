using System.Globalization;
using Microsoft.Playwright;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>What the desk officer, the handling officer and the agency head do in their pages, as a person does it (find,
/// fill, look at the consequence, confirm). The journeys compose these steps; the pages, not the API, are under test.</summary>
public static class Officers
{
    public const string Desk = "tiepnhan@motcua.local";

    /// <summary>A desk officer of the provincial public-service centre (demo account), who
    /// receives province-level procedures at the counter; Tô Hiệu's desk receives commune-level ones only.</summary>
    public const string ProvincialDesk = "tiepnhan.tinh@motcua.local";

    /// <summary>The province, host of the provincial public-service centre.</summary>
    public const string Province = "000.00.00.H56";
    public const string Handler = "chuyenvien@motcua.local";
    public const string Head = "lanhdao@motcua.local";

    /// <summary>The Tô Hiệu commune desk, where <see cref="Desk"/> works.</summary>
    public const string TuHieu = "000.00.41.H56";

    /// <summary>The Department of Justice, where <see cref="Handler"/> and <see cref="Head"/> work.</summary>
    public const string Justice = "000.00.03.H56";

    /// <summary>A counter receipt as the officer types it.</summary>
    public sealed record Receipt(string FullName, DossierChannel Channel = DossierChannel.InPerson,
        ResultReturnMethod ReturnMethod = ResultReturnMethod.AtDesk, string? ReturnAddress = null);

    /// <summary>The dossier just received: its id (from the page address), code and the appointment the preview showed.</summary>
    public sealed record Received(Guid Id, string Code, string AppointmentShown);

    /// <summary>At the desk of <paramref name="unitCode"/>: "receive a new dossier", the procedure found by its name typed
    /// without diacritics, applicant, every checklist item received, return method; the appointment previewed, then
    /// confirmed.</summary>
    public static async Task<Received> ReceiveAtCounterAsync(this Session desk, string unitCode, Procedure procedure, Receipt receipt, string shots)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(receipt);
        var page = desk.Page;
        await desk.GotoAsync($"/Desk/Receive?unit={DemoData.UnitId(unitCode)}");
        await page.Locator("#q").FillAsync(VietnameseText.Fold(procedure.Name));
        await page.Locator($"input[name=channel][value={receipt.Channel}]").CheckAsync();
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.Locator($"a[href*='procedureId={procedure.Id}']").First.ClickAsync();

        var competent = page.Locator("select#Input_CompetentUnitId");
        if (await competent.CountAsync() > 0)
        {
            await competent.SelectOptionAsync(DemoData.UnitId(Justice).ToString());
        }

        await page.Locator("#Input_Applicant_FullName").FillAsync(receipt.FullName);
        await page.Locator("#Input_Applicant_IdentityNumber").FillAsync("014195" + Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
        await page.Locator("#Input_Applicant_Phone").FillAsync("0912 " + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_Applicant_Address").FillAsync("Bản Hụm, xã Chiềng Đen");
        foreach (var box in await page.Locator("input[type=checkbox][name$='.Received']").AllAsync())
        {
            await box.CheckAsync();
        }

        await page.Locator($"input[name='Input.ReturnMethod'][value={receipt.ReturnMethod}]").CheckAsync();
        if (receipt.ReturnAddress is { } address)
        {
            await page.Locator("#Input_ReturnAddress").FillAsync(address);
        }

        await desk.SubmitAsync(page.Locator("button[formaction*='handler=Preview']"));
        var shown = (await page.Locator("#appointment b").InnerTextAsync()).Trim();
        await desk.CheckAsync(shots + "-receive-preview");
        await page.Locator("button[formaction*='handler=Confirm']").ClickAsync();
        await page.WaitForURLAsync("**/Desk/Dossier/**");
        var id = Guid.Parse(new Uri(page.Url).Segments[^1].TrimEnd('/'));
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await desk.CheckAsync(shots + "-received");
        var code = (await page.Locator("h1").InnerTextAsync()).Split(' ')[^1];
        return new Received(id, code, shown);
    }

    /// <summary>Takes <paramref name="trigger"/> on the desk's dossier page, after <paramref name="fill"/> fills its form.</summary>
    public static async Task DeskActAsync(this Session desk, Guid id, string trigger, Func<ILocator, Task>? fill = null)
    {
        ArgumentNullException.ThrowIfNull(desk);
        await desk.GotoAsync($"/Desk/Dossier/{id}");
        var form = desk.Page.Locator("form.action-form").Filter(new() { Has = desk.Page.Locator($"input[name='Action.Trigger'][value={trigger}]") });
        if (fill is not null)
        {
            await fill(form);
        }

        await desk.SubmitAsync(form.Locator("button[type=submit]"));
        Assert.True(await desk.Page.Locator(".error-summary:not(:empty)").CountAsync() == 0, $"{trigger}: " + await desk.ErrorsShownAsync());
    }

    /// <summary>Takes <paramref name="trigger"/> on the work page: an action that needs input is filled and previewed, and
    /// its consequence on the appointment is shown before it is confirmed; the page then says it is done.</summary>
    public static async Task WorkActAsync(this Session officer, Guid id, string trigger, Func<ILocator, Task>? fill = null, string? shot = null)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var page = officer.Page;
        await officer.GotoAsync($"/Work/Dossier/{id}");
        var form = page.Locator($"#action-{trigger}");
        if (fill is not null)
        {
            await fill(form);
            await officer.SubmitAsync(form.Locator("button[formaction*='handler=Preview']"));
            form = page.Locator($"#action-{trigger}");
        }

        Assert.True(await form.Locator($"#consequence-{trigger}").CountAsync() == 1, $"{trigger}: no consequence shown. " + await officer.ErrorsShownAsync());
        if (shot is not null)
        {
            await officer.CheckAsync(shot);
        }

        await officer.SubmitAsync(form.Locator("button[formaction*='handler=Fire']"));
        Assert.True(page.Url.Contains("done=" + trigger, StringComparison.OrdinalIgnoreCase), $"{trigger} not done: " + await officer.ErrorsShownAsync());
    }

    /// <summary>The head's assignment of <paramref name="id"/> to the demo handling officer, chosen by name from the list.</summary>
    public static Task AssignToHandlerAsync(this Session head, Guid id) =>
        head.WorkActAsync(id, "Assign", form => form.Locator("select[name='Input.OfficerId']").SelectOptionAsync(DemoData.UserId(Handler).ToString()));

    /// <summary>A <c>datetime-local</c> value for a UTC instant, in Vietnam time.</summary>
    public static string LocalInput(DateTime utc) => VietnamTime.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
