using MotCua.Domain.Catalogue;

namespace MotCua.Domain.Tests.Catalogue;

public class ProcedureCatalogueTests
{
    private static readonly DateOnly Reform = new(2025, 7, 1);

    [Fact]
    public void VersionOn_TwoConsecutiveVersions_PicksTheOneInForce()
    {
        var v1 = ADraft.Create(version: 1, from: new DateOnly(2016, 1, 1), to: Reform.AddDays(-1));
        var v2 = ADraft.Create(version: 2, from: Reform);
        var catalogue = ProcedureCatalogue.Create([v2, v1]).Value;
        var code = new ProcedureCode("1.004873");

        Assert.Same(v1, catalogue.VersionOn(code, new DateOnly(2025, 6, 30)));
        Assert.Same(v2, catalogue.VersionOn(code, Reform));
        Assert.Same(v2, catalogue.VersionOn(code, new DateOnly(2030, 1, 1)));
        Assert.Null(catalogue.VersionOn(code, new DateOnly(2015, 12, 31)));
        Assert.Equal([v1, v2], catalogue.Versions(code));
    }

    [Fact]
    public void VersionOn_UnknownCode_IsNull()
    {
        var catalogue = ProcedureCatalogue.Create([ADraft.Create()]).Value;
        Assert.Null(catalogue.VersionOn(new ProcedureCode("9.999999"), Reform));
    }

    [Fact]
    public void Create_OverlappingPeriods_ReportsBothVersions()
    {
        var v1 = ADraft.Create(version: 1, from: new DateOnly(2016, 1, 1), to: Reform);
        var v2 = ADraft.Create(version: 2, from: Reform);
        var result = ProcedureCatalogue.Create([v1, v2]);

        var rejected = Assert.IsType<CatalogueRejected>(result.Error);
        Assert.Equal(new OverlappingVersions("1.004873", 1, 2), Assert.Single(rejected.Errors));
    }

    [Fact]
    public void Create_TwoOpenEndedVersions_Overlap()
    {
        var result = ProcedureCatalogue.Create([ADraft.Create(version: 1, from: new DateOnly(2016, 1, 1)), ADraft.Create(version: 2, from: Reform)]);
        Assert.IsType<OverlappingVersions>(Assert.Single(Assert.IsType<CatalogueRejected>(result.Error).Errors));
    }

    [Fact]
    public void Create_SameVersionNumberTwice_ReportsDuplicate()
    {
        var a = ADraft.Create(version: 1, from: new DateOnly(2016, 1, 1), to: new DateOnly(2016, 12, 31));
        var b = ADraft.Create(version: 1, from: new DateOnly(2017, 1, 1));
        var errors = Assert.IsType<CatalogueRejected>(ProcedureCatalogue.Create([a, b]).Error).Errors;
        Assert.Equal(new DuplicateVersion("1.004873", 1), Assert.Single(errors));
    }

    [Fact]
    public void Create_DifferentCodesSamePeriod_IsFine()
    {
        var result = ProcedureCatalogue.Create([ADraft.Create("1.004873"), ADraft.Create("1.001193")]);
        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.Codes.Count);
    }

    [Fact]
    public void Search_AccentlessQuery_FindsProcedureInForce()
    {
        var old = ADraft.Create("1.004873", 1, new DateOnly(2016, 1, 1), Reform.AddDays(-1));
        var current = ADraft.Create("1.004873", 2, Reform);
        var catalogue = ProcedureCatalogue.Create([old, current]).Value;

        Assert.Equal([current], catalogue.Search("xac nhan tinh trang hon nhan", new DateOnly(2026, 1, 5)));
        Assert.Equal([old], catalogue.Search("XÁC NHẬN TÌNH TRẠNG", new DateOnly(2020, 1, 5)));
        Assert.Empty(catalogue.Search("khai sinh", new DateOnly(2026, 1, 5)));
    }
}
