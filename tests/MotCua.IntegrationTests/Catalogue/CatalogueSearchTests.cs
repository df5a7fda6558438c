using MotCua.Domain.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;

namespace MotCua.IntegrationTests.Catalogue;

public sealed class CatalogueSearchTests
{
    [Theory, AllDatabases]
    public async Task SearchAsync_AnyAccentAndCase_FindsBirthRegistrationFirst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();

        foreach (var query in new[] { "dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "Đăng ký khai sinh", "  dăng  KY   khai sinh " })
        {
            var page = await CatalogueQueries.SearchAsync(db, query, CatalogueTestData.Today, null, null, new CataloguePaging(), ct);

            Assert.NotEmpty(page.Items);
            Assert.Equal(("1.001193", 2, "Đăng ký khai sinh"), (page.Items[0].Code, page.Items[0].Version, page.Items[0].Name));
            Assert.All(page.Items, s => Assert.True(ProcedureSearch.Matches(Domain.Common.VietnameseText.Fold(s.Code + " " + s.Name + " " + s.SectorName), query), s.Name));
            Assert.Equal(page.Items.Count, page.TotalCount);
        }
    }

    [Theory, AllDatabases]
    public async Task SearchAsync_PhraseInsideNames_RanksEarliestPhraseFirstAndPhraseBeforeScatteredWords(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();

        var page = await CatalogueQueries.SearchAsync(db, "khai sinh", CatalogueTestData.Today, null, null, new CataloguePaging(1, 100), ct);

        Assert.Equal("Đăng ký khai sinh", page.Items[0].Name);
        var positions = page.Items.Select(i => Domain.Common.VietnameseText.Fold(i.Name).IndexOf("khai sinh", StringComparison.Ordinal)).ToList();
        var withPhrase = positions.TakeWhile(p => p >= 0).ToList();
        Assert.True(withPhrase.Count > 1, "several names hold the phrase");
        Assert.Equal(withPhrase.Order(), withPhrase);
        var atSamePosition = page.Items.Take(withPhrase.Count).Where((_, i) => positions[i] == positions[0]).Select(i => i.Name.Length).ToList();
        Assert.Equal(atSamePosition.Order(), atSamePosition);
        Assert.All(positions.Skip(withPhrase.Count), p => Assert.Equal(-1, p));
    }

    [Theory, AllDatabases]
    public async Task SearchAsync_MatchesTheInMemoryCatalogueForManyQueries(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();
        var catalogue = ProcedureCatalogue.Create(MotCua.Persistence.Seeding.CatalogueSeeder.LoadEmbeddedFixture()).Value;

        foreach (var query in new[] { "", "ho tich", "CHỨNG THỰC", "giấy phép", "xây dựng nhà", "hộ kinh doanh", "bảo trợ", "1.00", "zzz" })
        {
            var page = await CatalogueQueries.SearchAsync(db, query, CatalogueTestData.Today, null, null, new CataloguePaging(1, 100), ct);

            var expected = catalogue.Search(query, CatalogueTestData.Today).Select(p => p.Id).Order();
            Assert.Equal(expected, page.Items.Select(i => i.Id).Order());
        }
    }

    [Theory, AllDatabases]
    public async Task SearchAsync_ExactCode_PutsThatProcedureFirst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();

        var page = await CatalogueQueries.SearchAsync(db, "2.000815", CatalogueTestData.Today, null, null, new CataloguePaging(), ct);
        var lowerCase = await CatalogueQueries.SearchAsync(db, "local.gplx-doi", CatalogueTestData.Today, null, null, new CataloguePaging(), ct);

        Assert.Equal(("2.000815", 2), (page.Items[0].Code, page.Items[0].Version));
        Assert.Equal(1, page.TotalCount);
        Assert.Equal("LOCAL.GPLX-DOI", Assert.Single(lowerCase.Items).Code);
    }

    [Theory, AllDatabases]
    public async Task SearchAsync_PercentAndUnderscore_AreLiteral(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using (var seed = database.CreateContext())
        {
            seed.Procedures.Add(CatalogueTestData.Create(CatalogueTestData.FullDraft("LOCAL.LIKE-1", 1, "Thủ tục thử 100% trực tuyến")));
            seed.Procedures.Add(CatalogueTestData.Create(CatalogueTestData.FullDraft("LOCAL.LIKE-2", 1, "Thủ tục thử mã_số")));
            await seed.SaveChangesAsync(ct);
        }

        await using var db = database.CreateContext();
        async Task<string[]> Codes(string query) =>
            (await CatalogueQueries.SearchAsync(db, query, CatalogueTestData.Today, null, null, new CataloguePaging(1, 100), ct)).Items.Select(i => i.Code).ToArray();

        Assert.Equal(["LOCAL.LIKE-1"], await Codes("100%"));
        Assert.Equal(["LOCAL.LIKE-2"], await Codes("mã_số"));
        // Unescaped, "%" and "_" would match every procedure.
        Assert.Equal(["LOCAL.LIKE-1"], await Codes("%"));
        Assert.Equal(["LOCAL.LIKE-2"], await Codes("_"));
        Assert.Empty(await Codes("dang%sinh"));
        Assert.Empty(await Codes("m_ so"));
        Assert.Empty(await Codes("\\"));
    }

    [Theory, AllDatabases]
    public async Task SearchAsync_VersionNotInForce_IsExcluded(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();

        var before = await CatalogueQueries.SearchAsync(db, "1.001193", new DateOnly(2025, 6, 30), null, null, new CataloguePaging(), ct);
        var after = await CatalogueQueries.SearchAsync(db, "1.001193", new DateOnly(2025, 7, 1), null, null, new CataloguePaging(), ct);
        var beforeAnything = await CatalogueQueries.SearchAsync(db, "", new DateOnly(2000, 1, 1), null, null, new CataloguePaging(), ct);

        Assert.Equal(1, Assert.Single(before.Items).Version);
        Assert.Equal(2, Assert.Single(after.Items).Version);
        Assert.Empty(beforeAnything.Items);
        Assert.Equal(0, beforeAnything.TotalCount);
    }

    [Theory, AllDatabases]
    public async Task SearchAsync_LevelSectorAndPaging_FilterAndSplitResults(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();
        var inForce = CatalogueSeederFixture.InForce(CatalogueTestData.Today);

        var province = await CatalogueQueries.SearchAsync(db, null, CatalogueTestData.Today, ProcedureLevel.Province, null, new CataloguePaging(1, 100), ct);
        var civilStatus = await CatalogueQueries.SearchAsync(db, null, CatalogueTestData.Today, null, "HOTICH", new CataloguePaging(1, 100), ct);
        var page1 = await CatalogueQueries.SearchAsync(db, null, CatalogueTestData.Today, null, null, new CataloguePaging(1, 10), ct);
        var page2 = await CatalogueQueries.SearchAsync(db, null, CatalogueTestData.Today, null, null, new CataloguePaging(2, 10), ct);

        Assert.Equal(inForce.Count(p => p.Level == ProcedureLevel.Province), province.TotalCount);
        Assert.All(province.Items, i => Assert.Equal(ProcedureLevel.Province, i.Level));
        Assert.Equal(inForce.Count(p => p.Sector.Code == "HOTICH"), civilStatus.TotalCount);
        Assert.All(civilStatus.Items, i => Assert.Equal("HOTICH", i.SectorCode));
        Assert.Equal(inForce.Count, page1.TotalCount);
        Assert.Equal((10, 10), (page1.Items.Count, page2.Items.Count));
        Assert.Empty(page1.Items.Select(i => i.Id).Intersect(page2.Items.Select(i => i.Id)));
        Assert.Equal((inForce.Count + 9) / 10, page1.PageCount);
        Assert.True(page1.HasNext && !page1.HasPrevious && page2.HasPrevious);
    }

    [Theory, AllDatabases]
    public async Task GetByCodeAsync_KnownUnknownAndMalformedCodes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();
        var expected = CatalogueSeederFixture.InForce(CatalogueTestData.Today).Single(p => p.Code.Value == "1.001193");

        var found = await CatalogueQueries.GetByCodeAsync(db, "1.001193", CatalogueTestData.Today, ct);

        Assert.NotNull(found);
        ProcedureAssert.Same(db, expected, found);
        Assert.Null(await CatalogueQueries.GetByCodeAsync(db, "9.999999", CatalogueTestData.Today, ct));
        Assert.Null(await CatalogueQueries.GetByCodeAsync(db, "' OR 1=1 --", CatalogueTestData.Today, ct));
        Assert.Null(await CatalogueQueries.GetByCodeAsync(db, "1.001193", new DateOnly(2010, 1, 1), ct));
    }

    [Theory, AllDatabases]
    public async Task SectorsAsync_ListsEachSectorInForceOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        await using var db = database.CreateContext();

        var sectors = await CatalogueQueries.SectorsAsync(db, CatalogueTestData.Today, ct);

        var expected = CatalogueSeederFixture.InForce(CatalogueTestData.Today).Select(p => p.Sector.Code).Distinct().Order();
        Assert.Equal(expected, sectors.Select(s => s.Code).Order());
    }
}
