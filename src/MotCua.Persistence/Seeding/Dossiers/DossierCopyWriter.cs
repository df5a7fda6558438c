using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Dossiers;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>
/// Writes dossiers with PostgreSQL binary COPY into the tables EF maps (migration 0003), with the column values EF would
/// write: enums by name, instants as <c>timestamptz</c>, the code formatted, supplement items as the same JSON array.
/// One transaction per batch; children after their dossiers so the foreign keys hold.
/// </summary>
public sealed class DossierCopyWriter(NpgsqlConnection connection)
{
    // Same encoder as the EF value converter of SupplementRequest.Items, so the text is byte-identical.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Rows written so far, all tables together.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes one batch in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<Dossier> dossiers, IReadOnlyList<DossierRegisterEntry> register, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(register);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CopyAsync("Dossiers", DossierColumns, dossiers, WriteDossier, ct);
        await CopyAsync("DossierSupplements", ["Id", "DossierId", "Stage", "RequestedAt", "Reason", "Items", "CompletedAt"],
            dossiers.SelectMany(d => d.Supplements.Select(s => (d.Id, s))), WriteSupplement, ct);
        await CopyAsync("DossierSteps", ["Id", "DossierId", "Index", "Kind", "FromUnitId", "ToUnitId", "AgencyName", "Slice", "HandedOverAt", "Deadline", "CompletedAt", "Result"],
            dossiers.SelectMany(d => d.Steps.Select(s => (d.Id, s))), WriteStep, ct);
        await CopyAsync("DossierConsultations", ["Id", "DossierId", "AgencyName", "RequestedAt", "OpinionDeadline", "AnsweredAt", "Opinion"],
            dossiers.SelectMany(d => d.Consultations.Select(c => (d.Id, c))), WriteConsultation, ct);
        await CopyAsync("DossierHistory", ["Id", "DossierId", "Sequence", "At", "ActorId", "ActorRole", "From", "To", "Trigger", "Note", "Data", "OriginalAppointmentAt", "CurrentAppointmentAt", "PreviousHash", "Hash"],
            dossiers.SelectMany(d => d.History), WriteHistory, ct);
        await CopyAsync("DossierRegisterEntries", ["DossierId", "DeskId", "Year", "Number"], register, WriteRegister, ct);
        await transaction.CommitAsync(ct);
    }

    private static readonly string[] DossierColumns =
    [
        "Id", "Code", "ProcedureId", "ProcedureVersion", "ReceivingUnitId", "CompetentUnitId", "Channel",
        "ApplicantFullName", "ApplicantIdentityNumber", "ApplicantPhone", "ApplicantEmail", "ApplicantAddress",
        "Status", "AssignedOfficerId", "SubmittedAt", "ReceivedAt", "ClockStartedAt", "TimeLimitValue", "TimeLimitUnit",
        "DeadlinePolicy", "SupplementPolicy", "FinancialObligationPausesClock", "CalendarVersion", "OriginalAppointmentAt",
        "CurrentAppointmentAt", "ProcessingEndedAt", "ReturnedAt", "ExtensionCount", "ApologyReason",
        "ApologyPreviousAppointmentAt", "ApologyNewAppointmentAt", "ApologySignerName", "ApologyIssuedAt", "ApologyIssuedLate",
        "FinancialObligationAmountVnd", "FinancialObligationDescription", "FinancialObligationRequestedAt",
        "FinancialObligationPaidAt", "FinancialObligationReceiptNumber", "MarkedLateByRepeatedSupplement", "InterAgencySentAt",
        "Version", "HistoryHash",
    ];

    private async Task CopyAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }

        Rows += (long)await importer.CompleteAsync(ct);
    }

    private static void WriteDossier(NpgsqlBinaryImporter w, Dossier d)
    {
        w.Write(d.Id, NpgsqlDbType.Uuid);
        Text(w, d.Code?.Format());
        w.Write(d.ProcedureId, NpgsqlDbType.Uuid);
        w.Write(d.ProcedureVersion, NpgsqlDbType.Integer);
        w.Write(d.ReceivingUnitId, NpgsqlDbType.Uuid);
        w.Write(d.CompetentUnitId, NpgsqlDbType.Uuid);
        Text(w, d.Channel.ToString());
        Text(w, d.Applicant.FullName);
        Text(w, d.Applicant.IdentityNumber);
        Text(w, d.Applicant.Phone);
        Text(w, d.Applicant.Email);
        Text(w, d.Applicant.Address);
        Text(w, d.Status.ToString());
        Uuid(w, d.AssignedOfficerId);
        w.Write(d.SubmittedAt, NpgsqlDbType.TimestampTz);
        Instant(w, d.ReceivedAt);
        Instant(w, d.ClockStartedAt);
        w.Write(d.TimeLimitValue, NpgsqlDbType.Numeric);
        Text(w, d.TimeLimitUnit.ToString());
        Text(w, d.DeadlinePolicy.ToString());
        Text(w, d.SupplementPolicy.ToString());
        w.Write(d.FinancialObligationPausesClock, NpgsqlDbType.Boolean);
        Text(w, d.CalendarVersion);
        Instant(w, d.OriginalAppointmentAt);
        Instant(w, d.CurrentAppointmentAt);
        Instant(w, d.ProcessingEndedAt);
        Instant(w, d.ReturnedAt);
        w.Write(d.ExtensionCount, NpgsqlDbType.Integer);
        Text(w, d.Apology?.Reason);
        Instant(w, d.Apology?.PreviousAppointmentAt);
        Instant(w, d.Apology?.NewAppointmentAt);
        Text(w, d.Apology?.SignerName);
        Instant(w, d.Apology?.IssuedAt);
        Nullable(w, d.Apology?.IssuedLate, NpgsqlDbType.Boolean);
        Nullable(w, d.FinancialObligation?.AmountVnd, NpgsqlDbType.Numeric);
        Text(w, d.FinancialObligation?.Description);
        Instant(w, d.FinancialObligation?.RequestedAt);
        Instant(w, d.FinancialObligation?.PaidAt);
        Text(w, d.FinancialObligation?.ReceiptNumber);
        w.Write(d.MarkedLateByRepeatedSupplement, NpgsqlDbType.Boolean);
        Instant(w, d.InterAgencySentAt);
        w.Write(d.Version, NpgsqlDbType.Integer);
        Text(w, d.HistoryHash);
    }

    private static void WriteSupplement(NpgsqlBinaryImporter w, (Guid DossierId, SupplementRequest S) row)
    {
        var s = row.S;
        w.Write(s.Id, NpgsqlDbType.Uuid);
        w.Write(row.DossierId, NpgsqlDbType.Uuid);
        Text(w, s.Stage.ToString());
        w.Write(s.RequestedAt, NpgsqlDbType.TimestampTz);
        Text(w, s.Reason);
        Text(w, JsonSerializer.Serialize(s.Items, Json));
        Instant(w, s.CompletedAt);
    }

    private static void WriteStep(NpgsqlBinaryImporter w, (Guid DossierId, ProcessingStep S) row)
    {
        var s = row.S;
        w.Write(s.Id, NpgsqlDbType.Uuid);
        w.Write(row.DossierId, NpgsqlDbType.Uuid);
        w.Write(s.Index, NpgsqlDbType.Integer);
        Text(w, s.Kind.ToString());
        Uuid(w, s.FromUnitId);
        Uuid(w, s.ToUnitId);
        Text(w, s.AgencyName);
        Nullable(w, s.Slice, NpgsqlDbType.Numeric);
        Instant(w, s.HandedOverAt);
        Instant(w, s.Deadline);
        Instant(w, s.CompletedAt);
        Text(w, s.Result?.ToString());
    }

    private static void WriteConsultation(NpgsqlBinaryImporter w, (Guid DossierId, Consultation C) row)
    {
        var c = row.C;
        w.Write(c.Id, NpgsqlDbType.Uuid);
        w.Write(row.DossierId, NpgsqlDbType.Uuid);
        Text(w, c.AgencyName);
        w.Write(c.RequestedAt, NpgsqlDbType.TimestampTz);
        w.Write(c.OpinionDeadline, NpgsqlDbType.TimestampTz);
        Instant(w, c.AnsweredAt);
        Text(w, c.Opinion);
    }

    private static void WriteHistory(NpgsqlBinaryImporter w, DossierHistoryEntry h)
    {
        w.Write(h.Id, NpgsqlDbType.Uuid);
        w.Write(h.DossierId, NpgsqlDbType.Uuid);
        w.Write(h.Sequence, NpgsqlDbType.Integer);
        w.Write(h.At, NpgsqlDbType.TimestampTz);
        Uuid(w, h.ActorId);
        Text(w, h.ActorRole.ToString());
        Text(w, h.From?.ToString());
        Text(w, h.To.ToString());
        Text(w, h.Trigger.ToString());
        Text(w, h.Note);
        Text(w, h.Data);
        Instant(w, h.OriginalAppointmentAt);
        Instant(w, h.CurrentAppointmentAt);
        Text(w, h.PreviousHash);
        Text(w, h.Hash);
    }

    private static void WriteRegister(NpgsqlBinaryImporter w, DossierRegisterEntry r)
    {
        w.Write(r.DossierId, NpgsqlDbType.Uuid);
        w.Write(r.DeskId, NpgsqlDbType.Uuid);
        w.Write(r.Year, NpgsqlDbType.Integer);
        w.Write(r.Number, NpgsqlDbType.Integer);
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Uuid(NpgsqlBinaryImporter w, Guid? value) => Nullable(w, value, NpgsqlDbType.Uuid);

    private static void Instant(NpgsqlBinaryImporter w, DateTime? value) => Nullable(w, value, NpgsqlDbType.TimestampTz);

    private static void Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            w.Write(v, type);
        }
        else
        {
            w.WriteNull();
        }
    }
}
