using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>A seeded random workload through the API: counter dossiers received every few rounds, and each round half
/// the dossiers take a step (transfer, assignment, appraisal, supplement asked and answered, approval, return, rarely a
/// withdrawal), with the clock moving 2 to 60 hours a round so that some run late; the statistics queue is applied in
/// small batches every <c>applyEvery</c> rounds. The harness needs long-lived tokens (<see cref="Settings"/>).</summary>
internal static class RandomWorkload
{
    /// <summary>Harness settings: tokens that outlive the workload's simulated months.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string> { ["Auth:TokenLifetimeMinutes"] = "525600" };

    public static async Task RunAsync(DossierApiHarness harness, int seed, int rounds, int applyEvery, CancellationToken ct)
    {
        var supplement = new { reason = "Thiếu giấy tờ", items = new[] { "Bản sao giấy xác nhận cư trú" } };
        (string User, string Trigger, object? Extra)[] moves =
        [
            (Desk, "Transfer", null), (Head, "Assign", new { officerId = DemoData.UserId(Handler) }), (Handler, "StartAppraisal", null),
            (Handler, "RequestSupplement", supplement), (Desk, "CompleteSupplement", null), (Handler, "SubmitForApproval", null),
            (Head, "Approve", null), (Desk, "ReturnResult", null), (Desk, "Withdraw", new { reason = "Công dân xin rút" }),
        ];
        var clients = new Dictionary<string, HttpClient>
        {
            [Desk] = await harness.ClientAsync(Desk, ct),
            [Head] = await harness.ClientAsync(Head, ct),
            [Handler] = await harness.ClientAsync(Handler, ct),
        };
        var random = new Random(seed);
        var dossiers = new List<(Guid Id, int Version)>();
        for (var round = 0; round < rounds; round++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(random.Next(2, 60)));
            if (round % 3 == 0)
            {
                var created = await harness.CreateAsync(clients[Desk], ct);
                dossiers.Add((created["id"]!.GetValue<Guid>(), created["version"]!.GetValue<int>()));
            }

            for (var i = 0; i < dossiers.Count; i++)
            {
                // Half the time a dossier waits this round; rarely it is withdrawn; otherwise the first step, in random
                // order, that the workflow allows is taken, so dossiers move on and some run late.
                if (random.Next(2) == 0)
                {
                    continue;
                }

                // Sometimes a document with one of the 766 group 5 flags (a terminal dossier refuses it; that is fine).
                if (random.Next(6) == 0)
                {
                    await UploadAsync(clients[Desk], dossiers[i].Id, DocumentFlags[random.Next(DocumentFlags.Length)], ct);
                }

                var tries = random.Next(25) == 0 ? [moves[^1]] : moves[..^1].OrderBy(_ => random.Next()).ToArray();
                foreach (var (user, trigger, extra) in tries)
                {
                    using var response = await FireAsync(clients[user], dossiers[i].Id, trigger, dossiers[i].Version, ct, extra);
                    if (response.IsSuccessStatusCode)
                    {
                        dossiers[i] = (dossiers[i].Id, (await ReadAsync(response, ct))["version"]!.GetValue<int>());
                        break;
                    }
                }
            }

            if (round % applyEvery == 0)
            {
                await harness.InScopeAsync(sp => DossierStatistics.ApplyQueuedAsync(sp.GetRequiredService<AppDbContext>(), batchSize: 5, ct));
            }
        }
    }

    private static readonly string[] DocumentFlags = ["digitised", "reusedFromDigitisedData", "isElectronicResult"];

    private static async Task UploadAsync(HttpClient desk, Guid dossier, string flag, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Documents.SampleFiles.Pdf()), "file", "tep.pdf" }, { new StringContent("Thành phần " + flag), "componentName" },
            { new StringContent("true"), flag },
        };
        form.First().Headers.ContentType = new("application/pdf");
        using var response = await desk.PostAsync($"/api/v1/dossiers/{dossier}/documents", form, ct);
    }
}
