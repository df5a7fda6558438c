using System.Text.Json.Nodes;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Catalogue.Fixture;

namespace MotCua.Domain.Tests.Catalogue;

public class ProcedureFixtureTests
{
    private static readonly string SeedJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "procedures.json"));

    private static IReadOnlyList<Procedure> Seed()
    {
        var result = ProcedureFixture.Parse(SeedJson);
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        return result.Value;
    }

    private static IReadOnlyList<CatalogueError> ParseErrors(string json)
    {
        var result = ProcedureFixture.Parse(json);
        Assert.True(result.IsFailure);
        return Assert.IsType<CatalogueRejected>(result.Error).Errors;
    }

    private static JsonObject FirstSeedEntry() =>
        JsonNode.Parse(SeedJson)!["procedures"]!.AsArray()
            .Select(n => n!.AsObject())
            .First(o => (string?)o["code"] == "1.004873")
            .DeepClone().AsObject();

    private static string FixtureOf(params JsonObject[] entries) =>
        new JsonObject { ["schemaVersion"] = 1, ["procedures"] = new JsonArray(entries) }.ToJsonString();

    [Fact]
    public void Parse_CommittedSeed_LoadsWithoutErrors()
    {
        var result = ProcedureFixture.Parse(SeedJson);
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
    }

    [Fact]
    public void Parse_CommittedSeed_HasAtLeastFortyProcedureCodes()
    {
        Assert.True(Seed().Select(p => p.Code).Distinct().Count() >= 40);
    }

    [Fact]
    public void Parse_CommittedSeed_EverySliceSumEqualsItsLimit()
    {
        foreach (var procedure in Seed())
        {
            decimal total = 0;
            foreach (var step in procedure.InternalProcess)
            {
                total += step.Slice;
            }

            Assert.True(total == procedure.ProcessingTime.Value, $"{procedure.Code} v{procedure.Version}: {total} != {procedure.ProcessingTime.Value}");
        }
    }

    [Fact]
    public void Parse_CommittedSeed_VersionsOfACodeNeverOverlap()
    {
        foreach (var group in Seed().GroupBy(p => p.Code))
        {
            var versions = group.OrderBy(p => p.ValidFrom).ToList();
            Assert.Equal(versions.Count, versions.Select(v => v.Version).Distinct().Count());
            for (var i = 1; i < versions.Count; i++)
            {
                Assert.True(versions[i - 1].ValidTo is { } end && end < versions[i].ValidFrom, $"{group.Key}: versions overlap");
            }
        }
    }

    [Fact]
    public void Parse_CommittedSeed_CoversRequiredAreas()
    {
        var procedures = Seed();
        var sectors = procedures.Select(p => p.Sector.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "HOTICH", "CHUNGTHUC", "CUTRU", "HKD", "XAYDUNG", "DATDAI", "BTXH", "NCC", "LLTP", "GPLX", "GDDT", "ATTP", "MOITRUONG", "DAUTU" }, sectors);
        Assert.Contains(procedures, p => p.Level == ProcedureLevel.Province);
        Assert.True(procedures.Count(p => p.InterAgency) >= 3);
        Assert.All(procedures, p => Assert.False(string.IsNullOrWhiteSpace(p.Provenance.Source)));
    }

    [Fact]
    public void Parse_CommittedSeed_BirthRegistrationHasTwoVersions()
    {
        var catalogue = ProcedureCatalogue.Create(Seed()).Value;
        var code = new ProcedureCode("1.001193");

        Assert.Equal(1, catalogue.VersionOn(code, new DateOnly(2020, 3, 2))!.Version);
        var current = catalogue.VersionOn(code, new DateOnly(2026, 3, 2))!;
        Assert.Equal(2, current.Version);
        Assert.Equal(ProcessingTimeUnit.Immediate, current.ProcessingTime.Unit);
        Assert.Contains(catalogue.Search("dang ky khai sinh", new DateOnly(2026, 3, 2)), p => p.Code == code);
    }

    [Fact]
    public void Parse_CommittedSeed_IdsAreDeterministic()
    {
        var first = Seed().Select(p => p.Id).ToList();
        var second = Seed().Select(p => p.Id).ToList();
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal(ProcedureFixture.IdFor("1.001193", 2), Seed().Single(p => p.Code.Value == "1.001193" && p.Version == 2).Id);
    }

    [Fact]
    public void Parse_CopiesAsText_NamesCodeAndField()
    {
        var entry = FirstSeedEntry();
        entry["requiredDocuments"]![0]!["copies"] = "two";

        var error = Assert.IsType<MalformedEntry>(Assert.Single(ParseErrors(FixtureOf(entry))));
        Assert.Equal("1.004873", error.ProcedureCode);
        Assert.Equal("requiredDocuments[0].copies", error.Field);
    }

    [Fact]
    public void Parse_UnknownLevel_NamesLevel()
    {
        var entry = FirstSeedEntry();
        entry["level"] = "District";

        var error = Assert.IsType<MalformedEntry>(Assert.Single(ParseErrors(FixtureOf(entry))));
        Assert.Equal("level", error.Field);
    }

    [Fact]
    public void Parse_MisspelledProperty_IsRejected()
    {
        var entry = FirstSeedEntry();
        entry["nmae"] = "typo";

        var error = Assert.IsType<MalformedEntry>(Assert.Single(ParseErrors(FixtureOf(entry))));
        Assert.Equal("1.004873", error.ProcedureCode);
    }

    [Fact]
    public void Parse_MissingCopies_ReportsRequiredField()
    {
        var entry = FirstSeedEntry();
        entry["requiredDocuments"]![0]!.AsObject().Remove("copies");

        Assert.Equal(new FieldRequired("1.004873", "requiredDocuments[0].copies"), Assert.Single(ParseErrors(FixtureOf(entry))));
    }

    [Fact]
    public void Parse_SliceChanged_ReportsMismatch()
    {
        var entry = FirstSeedEntry();
        entry["internalProcess"]![0]!["slice"] = 2;

        var error = Assert.IsType<SlicesDoNotSumToLimit>(Assert.Single(ParseErrors(FixtureOf(entry))));
        Assert.Equal("1.004873", error.ProcedureCode);
        Assert.Equal(3m, error.Limit);
        Assert.Equal(4.5m, error.SliceTotal);
    }

    [Fact]
    public void Parse_BadConfidence_IsRejected()
    {
        var entry = FirstSeedEntry();
        entry["confidence"] = "high";

        var error = Assert.IsType<FieldInvalid>(Assert.Single(ParseErrors(FixtureOf(entry))));
        Assert.Equal("confidence", error.Field);
    }

    [Fact]
    public void Parse_OneBadEntryAmongGood_ReportsOnlyTheBadOne()
    {
        var good = FirstSeedEntry();
        var bad = FirstSeedEntry();
        bad["code"] = "1.001193";
        bad["name"] = "";

        var error = Assert.Single(ParseErrors(FixtureOf(good, bad)));
        Assert.Equal(new FieldRequired("1.001193", "name"), error);
    }

    [Fact]
    public void Parse_SameCodeOverlappingVersions_IsRejected()
    {
        var v1 = FirstSeedEntry();
        var v2 = FirstSeedEntry();
        v2["version"] = 2;

        Assert.Equal(new OverlappingVersions("1.004873", 1, 2), Assert.Single(ParseErrors(FixtureOf(v1, v2))));
    }

    [Fact]
    public void Parse_EntryWithoutCode_IsNamedByPosition()
    {
        var good = FirstSeedEntry();
        var bad = FirstSeedEntry();
        bad.Remove("code");

        Assert.Equal(new FieldRequired("(entry 1)", "code"), Assert.Single(ParseErrors(FixtureOf(good, bad))));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"procedures\": 3}")]
    public void Parse_WrongDocumentShape_IsRejected(string json)
    {
        Assert.Single(ParseErrors(json));
    }
}
