using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Persistence.ServiceIndex;

namespace MotCua.Cli.Commands;

/// <summary>`motcua serviceindex import --file figures.json`: imports the 766 figures MotCua cannot compute (national
/// databases, the portal's own counts), with the same checks as <c>POST /api/v1/serviceindex/figures</c>
/// (<see cref="ImportedFigures"/>). The file is a JSON array of
/// <c>{"unit": "000.00.01.H56" | unit id, "year": 2026, "quarter"?: 3, "month"?: 8, "indicator": "1.4", "numerator": 120,
/// "denominator": 130, "source": "Cổng DVCQG, 05/10/2026"}</c>; all of it is imported or, on any problem, none (exit 2).</summary>
internal static class ServiceIndexImportCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record Row(string? Unit, int? Year, int? Quarter, int? Month, string? Indicator, long? Numerator, long? Denominator, string? Source);

    public static Command Create(CliContext cli)
    {
        var file = new Option<string>("--file") { Description = "Tệp JSON: mảng {unit, year, quarter?, month?, indicator, numerator, denominator, source}; '-' là đầu vào chuẩn", Required = true };
        var command = new Command("import", "Nhập số liệu chỉ số 766 từ cơ sở dữ liệu quốc gia hoặc Cổng DVCQG") { file };
        command.SetAction(async (parse, ct) =>
        {
            List<Row> rows;
            try
            {
                rows = JsonSerializer.Deserialize<List<Row>>(await CliParse.ReadFileAsync(parse.GetRequiredValue(file), ct), Json) ?? [];
            }
            catch (JsonException e)
            {
                throw new CliInputException($"tệp số liệu không phải mảng JSON hợp lệ: {e.Message}");
            }

            await using var db = DatabaseSetup.CreateContext(cli.Database());
            await DatabaseMigrator.MigrateAsync(db, ct);
            var units = await db.OrganisationalUnits.AsNoTracking().Select(u => new { u.Id, u.IdentifierCode }).ToListAsync(ct);
            var batches = new List<(Guid Unit, ScorecardPeriod Period, IReadOnlyList<IndicatorFigure> Figures)>();
            foreach (var group in rows.GroupBy(r => (r.Unit, r.Year, r.Quarter, r.Month)))
            {
                var (unitText, year, quarter, month) = group.Key;
                var at = $"đơn vị {unitText}, năm {year}, quý {quarter}, tháng {month}";
                var unit = units.FirstOrDefault(u => u.IdentifierCode == unitText || u.Id.ToString() == unitText?.ToLowerInvariant())
                    ?? throw new CliInputException($"{at}: không có đơn vị có mã định danh hoặc id '{unitText}'.");
                var period = Period(year, quarter, month, at);
                var (problems, figures) = ImportedFigures.Check([.. group.Select(r => new ImportedFigures.Input(r.Indicator, r.Numerator, r.Denominator, r.Source))], period);
                if (problems.Count > 0)
                {
                    throw new CliInputException($"{at}: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message.Text}"))}");
                }

                batches.Add((unit.Id, period, figures));
            }

            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            foreach (var (unit, period, figures) in batches)
            {
                await ImportedFigures.UpsertAsync(db, unit, period, figures, importedBy: null, now, ct);
            }

            await db.SaveChangesAsync(ct);
            await cli.Output.WriteLineAsync($"Đã nhập {batches.Sum(b => b.Figures.Count)} số liệu cho {batches.Count} đơn vị và kỳ.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ScorecardPeriod Period(int? year, int? quarter, int? month, string at) => (year, quarter, month) switch
    {
        (null, _, _) or ( < 2000 or > 2100, _, _) => throw new CliInputException($"{at}: \"year\" phải từ 2000 đến 2100."),
        (_, not null, not null) => throw new CliInputException($"{at}: chọn \"quarter\" hoặc \"month\", không cả hai."),
        (_, { } q, null) when q is >= 1 and <= 4 => ScorecardPeriod.Quarter(year.Value, q),
        (_, null, { } m) when m is >= 1 and <= 12 => ScorecardPeriod.Month(year.Value, m),
        (_, null, null) => ScorecardPeriod.Year(year.Value),
        _ => throw new CliInputException($"{at}: quý phải từ 1 đến 4, tháng từ 1 đến 12."),
    };
}
