using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 8 §7 (c): a dossier that needs two other agencies (liên thông, ND 61/2018 Art. 22): the handling
/// officer sends it along the chain, records each agency's completion, takes it back, and the result is returned; the
/// control sheet (steps table) shows each agency's handover, deadline and result.</summary>
public sealed class InterAgencyJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task InterAgencyDossier_GoesThroughTwoAgencies_AndIsReturned(DatabaseProvider provider)
    {
        var procedure = await Catalogue.ProvincialProcedureAsync();
        await using var desk = await Session.StartAsync(servers, chromium, provider);
        await using var head = await Session.StartAsync(servers, chromium, provider);
        await using var handler = await Session.StartAsync(servers, chromium, provider);
        await desk.LoginAsync(ProvincialDesk);
        await head.LoginAsync(Head);
        await handler.LoginAsync(Handler);

        var received = await desk.ReceiveAtCounterAsync(Province, procedure, new Receipt("Lường Văn Chiến"), "interagency");
        await desk.DeskActAsync(received.Id, "Transfer");
        await head.AssignToHandlerAsync(received.Id);
        await handler.WorkActAsync(received.Id, "StartAppraisal");
        await handler.WorkActAsync(received.Id, "SendToInterAgency",
            form => form.Locator("textarea[name='Input.Agencies']").FillAsync("Công an xã Chiềng Đen; 1\nChi cục Thuế khu vực I; 2"),
            shot: "interagency-send-consequence");
        var steps = handler.Page.Locator("section[aria-labelledby=steps-title] tbody");
        await Assertions.Expect(steps).ToContainTextAsync("Công an xã Chiềng Đen");
        await Assertions.Expect(steps).ToContainTextAsync("Chi cục Thuế khu vực I");

        foreach (var agency in new[] { "Công an xã Chiềng Đen", "Chi cục Thuế khu vực I" })
        {
            await handler.WorkActAsync(received.Id, "CompleteInterAgencyStep",
                form => form.Locator("input[name='Input.AgencyName']").FillAsync(agency));
        }

        await handler.WorkActAsync(received.Id, "ReturnFromInterAgency");
        var agencyRows = steps.Locator("tr").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Công an xã|Chi cục Thuế") });
        await Assertions.Expect(agencyRows).ToHaveCountAsync(2);
        foreach (var row in await agencyRows.AllAsync())
        {
            // Completed on the day it was handed over: each agency is early (trước hạn), never left open.
            await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync("Trước hạn");
        }

        await handler.CheckAsync("interagency-back");
        await handler.WorkActAsync(received.Id, "SubmitForApproval");
        await head.WorkActAsync(received.Id, "Approve");
        await desk.DeskActAsync(received.Id, "ReturnResult");
        await Assertions.Expect(desk.Page.Locator("#timeliness")).ToHaveTextAsync("Trước hạn");
        await desk.CheckAsync("interagency-returned");
    }
}
