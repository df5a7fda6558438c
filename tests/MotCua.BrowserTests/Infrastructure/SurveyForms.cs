using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>What the survey journeys type on Home Affairs' pages.</summary>
public static class SurveyForms
{
    public const string JusticeName = "Sở Tư pháp tỉnh Sơn La";

    /// <summary>Fills /Surveys/New for a province-level campaign over the last 30 days, collecting for the next 30, with
    /// the Department of Justice surveyed at <paramref name="quota"/>; <paramref name="beforeSubmit"/> runs on the filled
    /// form; returns the new campaign's id.</summary>
    public static async Task<Guid> NewCampaignAsync(
        Session session, string name, Guid questionnaireId, int quota, int? minCellSize = null, Func<Task>? beforeSubmit = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        var today = VietnamTime.Today(TimeProvider.System);
        await session.GotoAsync("/Surveys/New");
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_QuestionnaireId").SelectOptionAsync(questionnaireId.ToString());
        await page.Locator("#Input_ServedFrom").FillAsync(Iso(today.AddDays(-30)));
        await page.Locator("#Input_ServedTo").FillAsync(Iso(today));
        await page.Locator("#Input_CollectFrom").FillAsync(Iso(today));
        await page.Locator("#Input_CollectTo").FillAsync(Iso(today.AddDays(30)));
        if (minCellSize is { } min)
        {
            await page.Locator("#Input_MinCellSize").FillAsync(min.ToString(CultureInfo.InvariantCulture));
        }

        await page.Locator("tr", new() { HasText = JusticeName }).Locator("input.quota-input").FillAsync(quota.ToString(CultureInfo.InvariantCulture));
        if (beforeSubmit is not null)
        {
            await beforeSubmit();
        }

        await session.SubmitAsync(page.Locator("main form[method=post] button[type=submit]"));
        Assert.True(page.Url.Contains("/Surveys/Campaign/", StringComparison.Ordinal), "Not created: " + await session.ErrorsShownAsync());
        return Guid.Parse(new Uri(page.Url).Segments[^1].TrimEnd('/'));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
