using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.ServiceIndex;

namespace MotCua.Persistence.ServiceIndex;

/// <summary>Imports and reads <see cref="ServiceIndexFigure"/>s: the one set of checks for the API
/// (<c>POST /api/v1/serviceindex/figures</c>) and the command line (<c>motcua serviceindex import</c>).</summary>
public static class ImportedFigures
{
    /// <summary>One figure to import.</summary>
    public sealed record Input(string? Indicator, long? Numerator, long? Denominator, string? SourceNote);

    /// <summary>A problem with one input: the field (<c>figures[2].numerator</c>) and its message.</summary>
    public sealed record Problem(string Field, FieldMessage Message);

    /// <summary>Checks every input against the set in force on the period's last day; returns the problems (none when
    /// all are valid) and the figures with their indicator ids resolved.</summary>
    public static (IReadOnlyList<Problem> Problems, IReadOnlyList<IndicatorFigure> Figures) Check(IReadOnlyList<Input>? inputs, ScorecardPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var set = IndicatorSetJson.Default.For(period.Last);
        var problems = new List<Problem>();
        var figures = new List<IndicatorFigure>();
        if (inputs is not { Count: > 0 })
        {
            return ([new Problem("figures", new FieldMessage("serviceindex.figures_required", "Cần ít nhất một số liệu."))], figures);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var at = $"figures[{i}]";
            var input = inputs[i];
            var before = problems.Count;
            var definition = set.Find(input.Indicator ?? "");
            if (definition is null)
            {
                problems.Add(new Problem($"{at}.indicator", new FieldMessage(
                    "serviceindex.indicator_unknown", "Chỉ số '{0}' không có trong bộ chỉ số {1}.", input.Indicator ?? "", set.Version)));
            }

            if (input.Numerator is not >= 0)
            {
                problems.Add(new Problem($"{at}.numerator", new FieldMessage("serviceindex.count_invalid", "Tử số và mẫu số phải là số nguyên không âm.")));
            }

            if (input.Denominator is not >= 0)
            {
                problems.Add(new Problem($"{at}.denominator", new FieldMessage("serviceindex.count_invalid", "Tử số và mẫu số phải là số nguyên không âm.")));
            }

            var note = input.SourceNote?.Trim() ?? "";
            if (note.Length is 0 or > ServiceIndexFigure.SourceNoteMaxLength)
            {
                problems.Add(new Problem($"{at}.sourceNote", new FieldMessage(
                    "serviceindex.source_note", "Ghi rõ nguồn số liệu (tối đa {0} ký tự).", ServiceIndexFigure.SourceNoteMaxLength)));
            }

            if (problems.Count == before)
            {
                figures.Add(new IndicatorFigure(definition!.Id, input.Numerator!.Value, input.Denominator!.Value, note));
            }
        }

        var twice = figures.GroupBy(f => f.IndicatorId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            problems.Add(new Problem("figures", new FieldMessage("serviceindex.indicator_twice", "Chỉ số {0} có hai số liệu trong cùng một lần nhập.", twice.Key)));
        }

        return (problems, figures);
    }

    /// <summary>Adds or replaces the figures of <paramref name="unitId"/> for the period (checked by <see cref="Check"/>);
    /// the caller saves.</summary>
    public static async Task UpsertAsync(
        AppDbContext db, Guid unitId, ScorecardPeriod period, IReadOnlyList<IndicatorFigure> figures, Guid? importedBy, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(figures);
        var ids = figures.Select(f => f.IndicatorId).ToList();
        var existing = await db.ServiceIndexFigures
            .Where(f => f.UnitId == unitId && f.PeriodFirst == period.First && f.PeriodLast == period.Last && ids.Contains(f.IndicatorId))
            .ToDictionaryAsync(f => f.IndicatorId, StringComparer.Ordinal, ct);
        foreach (var figure in figures)
        {
            if (!existing.TryGetValue(figure.IndicatorId, out var row))
            {
                row = new ServiceIndexFigure { Id = Guid.CreateVersion7(), UnitId = unitId, PeriodFirst = period.First, PeriodLast = period.Last, IndicatorId = figure.IndicatorId };
                db.ServiceIndexFigures.Add(row);
            }

            row.Numerator = figure.Numerator;
            row.Denominator = figure.Denominator;
            row.SourceNote = figure.Note ?? "";
            row.ImportedById = importedBy;
            row.ImportedAt = nowUtc;
        }
    }

    /// <summary>The figures imported for exactly this unit and period, by indicator id, for each of <paramref name="units"/>.</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, IndicatorFigure>>> ForAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, ScorecardPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var rows = await db.ServiceIndexFigures.AsNoTracking()
            .Where(f => units.Contains(f.UnitId) && f.PeriodFirst == period.First && f.PeriodLast == period.Last)
            .ToListAsync(ct);
        return units.ToDictionary(u => u, u => rows.Where(r => r.UnitId == u)
            .ToDictionary(r => r.IndicatorId, r => new IndicatorFigure(r.IndicatorId, r.Numerator, r.Denominator, r.SourceNote), StringComparer.Ordinal));
    }
}
