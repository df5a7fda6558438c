using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierHistoryChainTests
{
    private static readonly Driver D = new();

    private static Dossier WithHistory()
    {
        var dossier = D.Submit("2026-03-09 08:00");
        D.Fire(dossier, Accept, "2026-03-09 09:00");
        D.Fire(dossier, Transfer, "2026-03-09 10:00");
        D.Fire(dossier, Assign, "2026-03-09 11:00");
        D.Fire(dossier, new TriggerCommand(StartAppraisal, "Bắt đầu"), "2026-03-10 08:00");
        D.Fire(dossier, new RequestSupplementCommand("Thiếu", ["Bản vẽ"]), "2026-03-10 09:00");
        Assert.Equal(6, dossier.History.Count);
        return dossier;
    }

    private static void Set(DossierHistoryEntry entry, string property, object? value) =>
        typeof(DossierHistoryEntry).GetProperty(property)!.SetValue(entry, value);

    [Fact]
    public void Verify_UntouchedHistory_IsIntact()
    {
        var dossier = WithHistory();
        Assert.Null(DossierHistoryChain.Verify(dossier.History, dossier.HistoryHash));
        Assert.Equal(dossier.History[^1].Hash, dossier.HistoryHash);
        Assert.Equal("", dossier.History[0].PreviousHash);
        Assert.All(dossier.History.Skip(1), (e, i) => Assert.Equal(dossier.History[i].Hash, e.PreviousHash));
    }

    public static TheoryData<string, object?> Tamperings() => new()
    {
        { nameof(DossierHistoryEntry.Note), "sửa ghi chú" },
        { nameof(DossierHistoryEntry.At), new DateTime(2026, 3, 9, 1, 0, 1, DateTimeKind.Utc) },
        { nameof(DossierHistoryEntry.ActorId), Guid.Empty },
        { nameof(DossierHistoryEntry.ActorRole), DossierActorRole.AgencyHead },
        { nameof(DossierHistoryEntry.From), DossierStatus.Appraising },
        { nameof(DossierHistoryEntry.To), DossierStatus.Returned },
        { nameof(DossierHistoryEntry.Trigger), Approve },
        { nameof(DossierHistoryEntry.Data), "{}" },
        { nameof(DossierHistoryEntry.OriginalAppointmentAt), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        { nameof(DossierHistoryEntry.CurrentAppointmentAt), null },
        { nameof(DossierHistoryEntry.DossierId), Guid.Empty },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Verify_AnyFieldChanged_ReportsThatEntry(string property, object? value)
    {
        var dossier = WithHistory();
        Set(dossier.History[2], property, value);

        Assert.Equal(2, DossierHistoryChain.Verify(dossier.History, dossier.HistoryHash));
    }

    [Fact]
    public void Verify_HashRecomputedAfterTampering_NextEntryBreaks()
    {
        var dossier = WithHistory();
        var entry = dossier.History[2];
        Set(entry, nameof(DossierHistoryEntry.Note), "giả mạo");
        Set(entry, nameof(DossierHistoryEntry.Hash), DossierHistoryChain.ComputeHash(entry));

        Assert.Equal(3, DossierHistoryChain.Verify(dossier.History, dossier.HistoryHash));
    }

    [Fact]
    public void Verify_MiddleEntryDeleted_Detected()
    {
        var dossier = WithHistory();
        var entries = dossier.History.ToList();
        entries.RemoveAt(3);
        Assert.Equal(3, DossierHistoryChain.Verify(entries, dossier.HistoryHash));
    }

    [Fact]
    public void Verify_LastEntryDeleted_DetectedThroughTheHeadHash()
    {
        var dossier = WithHistory();
        var entries = dossier.History.Take(5).ToList();
        Assert.Null(DossierHistoryChain.Verify(entries));
        Assert.Equal(5, DossierHistoryChain.Verify(entries, dossier.HistoryHash));
    }

    [Fact]
    public void Verify_EntriesReordered_Detected()
    {
        var dossier = WithHistory();
        var entries = dossier.History.ToList();
        (entries[1], entries[2]) = (entries[2], entries[1]);
        Assert.Equal(1, DossierHistoryChain.Verify(entries, dossier.HistoryHash));
    }

    [Fact]
    public void ComputeHash_FirstEntry_IsSha256OfTheDocumentedCanonicalForm()
    {
        var entry = WithHistory().History[0];
        static string F(string? v) => v is null ? "-;" : $"{v.Length}:{v};";
        var canonical = string.Concat(
            F("motcua.dossier-history.v1"), F(entry.DossierId.ToString()), F("0"),
            F(entry.At.Ticks.ToString(CultureInfo.InvariantCulture)), F(entry.ActorId?.ToString()), F("Citizen"), F(null),
            F("OnlineSubmitted"), F("Submit"), F(null), F(null), F(null), F(null), F(""));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), entry.Hash);
    }

    [Fact]
    public void Fire_Failure_AppendsNothing()
    {
        var dossier = WithHistory();
        var hash = dossier.HistoryHash;
        Assert.True(D.Try(dossier, new TriggerCommand(Approve), "2026-03-11 09:00").IsFailure);
        Assert.Equal(6, dossier.History.Count);
        Assert.Equal(hash, dossier.HistoryHash);
        Assert.Equal(6, dossier.Version);
    }

    [Fact]
    public void History_Entries_CarryActorTimesAndAppointments()
    {
        var dossier = WithHistory();
        var accept = dossier.History[1];
        Assert.Equal((DossierStatus.OnlineSubmitted, DossierStatus.Received, Accept), (accept.From!.Value, accept.To, accept.Trigger));
        Assert.Equal(Vn.Utc("2026-03-09 09:00"), accept.At);
        Assert.Equal(DossierActorRole.DeskOfficer, accept.ActorRole);
        Assert.NotNull(accept.ActorId);
        Assert.Equal(dossier.OriginalAppointmentAt, accept.OriginalAppointmentAt);
        Assert.Contains("\"code\":\"000.00.01.H26-260309-0001\"", accept.Data, StringComparison.Ordinal);
        Assert.Equal("Bắt đầu", dossier.History[4].Note);
        Assert.Equal(Enumerable.Range(0, 6), dossier.History.Select(e => e.Sequence));
    }
}
