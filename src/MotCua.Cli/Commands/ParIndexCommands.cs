using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.Persistence;

namespace MotCua.Cli.Commands;

/// <summary>`motcua parindex …`: the PAR Index (domain.md §11; src/MotCua.Domain/ParIndex/README.md).</summary>
internal static class ParIndexCommands
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create(CliContext cli) => new("parindex", "Bộ chỉ số cải cách hành chính (PAR Index)")
    {
        Score(cli),
        Export(cli),
    };

    /// <summary>`score --framework f.json --assessment a.json`: scores one unit's assessment under a framework, both in the
    /// documented JSON, and prints per sub-criterion points, per area and criterion totals, the total, the applicable
    /// maximum, the percentage and the band. Any problem in either file: every problem on one line, exit 2.</summary>
    private static Command Score(CliContext cli)
    {
        var framework = new Option<string>("--framework") { Description = "Tệp JSON bộ chỉ số (định dạng motcua.parindex.framework/1)", Required = true };
        var assessment = new Option<string>("--assessment") { Description = "Tệp JSON bản đánh giá của một đơn vị (motcua.parindex.assessment/1); '-' là đầu vào chuẩn", Required = true };
        var command = new Command("score", "Tính điểm một bản đánh giá theo bộ chỉ số") { framework, assessment };
        command.SetAction(async (parse, ct) =>
        {
            var (definition, frameworkProblems) = ParFrameworkJson.Parse(await CliParse.ReadFileAsync(parse.GetRequiredValue(framework), ct));
            if (definition is null)
            {
                throw new CliInputException($"tệp bộ chỉ số không hợp lệ: {Join(frameworkProblems.Where(p => !p.IssueOnly))}");
            }

            var (input, assessmentProblems) = ParAssessmentJson.Parse(await CliParse.ReadFileAsync(parse.GetRequiredValue(assessment), ct));
            if (input is null)
            {
                throw new CliInputException($"tệp bản đánh giá không hợp lệ: {Join(assessmentProblems)}");
            }

            if (input.Matches(definition) is { Count: > 0 } mismatch)
            {
                throw new CliInputException(Join(mismatch));
            }

            var (result, problems) = ParScorer.Score(definition.Tree, definition.Level, input.Inputs);
            if (result is null)
            {
                throw new CliInputException($"bản đánh giá không chấm được: {Join(problems)}");
            }

            await cli.Output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                unit = input.Unit,
                framework = new { code = definition.Code, year = definition.Year, level = definition.Level.ToString(), version = definition.Version },
                subCriteria = result.SubCriteria.Select(s => new
                {
                    code = s.Code,
                    area = s.AreaCode,
                    criterion = s.CriterionCode,
                    maxPoints = s.MaxPoints,
                    applicable = s.Applicable,
                    scored = s.Scored,
                    points = s.Points,
                }),
                areas = result.Areas.Select(a => new
                {
                    code = a.Code,
                    bonusPenalty = a.IsBonusPenalty,
                    points = a.Points,
                    applicableMax = a.ApplicableMax,
                    criteria = a.Criteria.Select(c => new { code = c.Code, points = c.Points, applicableMax = c.ApplicableMax }),
                }),
                scoredTotal = result.ScoredTotal,
                bonusPenalty = result.BonusPenalty,
                total = result.Total,
                applicableMax = result.ApplicableMax,
                percentage = result.Percentage,
                band = result.Band?.Code,
            }, Output));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`export --year 2026 --level department [--unit province] [--version n]`: prints a stored framework in the
    /// documented JSON (the latest version unless one is named).</summary>
    private static Command Export(CliContext cli)
    {
        var year = new Option<string>("--year") { Description = "Năm đánh giá", Required = true };
        var level = new Option<string>("--level") { Description = "department hoặc commune", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Mã định danh hoặc id của UBND tỉnh; mặc định tỉnh duy nhất trong cơ sở dữ liệu" };
        var version = new Option<int?>("--version") { Description = "Phiên bản; mặc định phiên bản mới nhất" };
        var command = new Command("export", "Xuất bộ chỉ số đã lưu ra JSON") { year, level, unit, version };
        command.SetAction(async (parse, ct) =>
        {
            var y = CliParse.Year(parse.GetRequiredValue(year), 2000, 2100);
            var l = CliParse.Enum<ParLevel>(parse.GetRequiredValue(level), "cấp (department, commune)");
            await using var db = DatabaseSetup.CreateContext(cli.Database());
            await DatabaseMigrator.MigrateAsync(db, ct);
            var provinces = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Level == UnitLevel.Province)
                .Select(u => new { u.Id, u.IdentifierCode }).ToListAsync(ct);
            var text = parse.GetValue(unit);
            var chosen = text is null
                ? provinces.Count == 1 ? provinces[0] : throw new CliInputException("có nhiều hoặc không có UBND tỉnh; chọn bằng --unit.")
                : provinces.FirstOrDefault(p => p.IdentifierCode == text || string.Equals(p.Id.ToString(), text, StringComparison.OrdinalIgnoreCase))
                    ?? throw new CliInputException($"không có UBND tỉnh có mã định danh hoặc id '{text}'.");
            var query = db.ParFrameworks.AsNoTracking().Where(f => f.ProvinceUnitId == chosen.Id && f.Year == y && f.Level == l);
            if (parse.GetValue(version) is { } v)
            {
                query = query.Where(f => f.Version == v);
            }

            var found = await query.OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct)
                ?? throw new CliInputException($"không có bộ chỉ số năm {y}, cấp {l} của tỉnh này.");
            await cli.Output.WriteLineAsync(ParFrameworkJson.Write(found.Definition));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Join(IEnumerable<ParProblem> problems) => string.Join("; ", problems.Select(p => p.ToString()));
}
