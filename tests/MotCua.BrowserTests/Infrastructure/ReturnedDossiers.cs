using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>A counter dossier carried to the end through the pages (receive, transfer, assign, appraise, submit, approve,
/// return in person): what the rating journeys start from.</summary>
public static class ReturnedDossiers
{
    /// <summary>The returned dossier, the last 4 digits of its applicant's phone (the second factor) and its Form 01 HTML.</summary>
    public sealed record Returned(Guid Id, string Code, string Digits, string Form01);

    public static async Task<Returned> CreateAsync(AppServer server, Chromium chromium, string applicant, string shots)
    {
        ArgumentNullException.ThrowIfNull(server);
        var procedure = await Catalogue.ProvincialProcedureAsync();
        await using var desk = await Session.StartAsync(server, chromium);
        await using var head = await Session.StartAsync(server, chromium);
        await using var handler = await Session.StartAsync(server, chromium);
        await desk.LoginAsync(ProvincialDesk);
        await head.LoginAsync(Head);
        await handler.LoginAsync(Handler);

        var received = await desk.ReceiveAtCounterAsync(Province, procedure, new Receipt(applicant), shots);
        var form01 = await desk.Page.Context.APIRequest.GetAsync($"/api/v1/dossiers/{received.Id}/forms/01");
        Assert.Equal(200, form01.Status);
        var slip = await form01.TextAsync();
        await desk.DeskActAsync(received.Id, "Transfer");
        await head.AssignToHandlerAsync(received.Id);
        await handler.WorkActAsync(received.Id, "StartAppraisal");
        await handler.WorkActAsync(received.Id, "SubmitForApproval");
        await head.WorkActAsync(received.Id, "Approve");
        await desk.DeskActAsync(received.Id, "ReturnResult");

        await using var db = server.CreateContext();
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == received.Id)
            .Select(d => new { d.Status, d.Applicant.Phone }).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DossierStatus.Returned, dossier.Status);
        var digits = new string([.. dossier.Phone!.Where(char.IsAsciiDigit)]);
        return new Returned(received.Id, received.Code, digits[^4..], slip);
    }
}
