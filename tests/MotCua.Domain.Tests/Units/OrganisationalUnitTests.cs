using MotCua.Domain.Units;

namespace MotCua.Domain.Tests.Units;

public sealed class OrganisationalUnitTests
{
    private static readonly DateOnly ReformDay = new(2025, 7, 1);

    [Theory]
    [InlineData("2025-06-30", false)]
    [InlineData("2025-07-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void IsValidOn_InclusiveRange_MatchesBothEnds(string date, bool expected)
    {
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân xã Mai Sơn", null, UnitLevel.Commune, "000.01.21.H56", null, ReformDay, new DateOnly(2026, 12, 31));

        Assert.Equal(expected, unit.IsValidOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsValidOn_OpenEnded_ValidFarInFuture()
    {
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.03.00.H56", null, ReformDay);

        Assert.True(unit.IsValidOn(new DateOnly(2099, 1, 1)));
        Assert.Null(unit.ValidTo);
    }

    [Fact]
    public void Create_DistrictWithoutEndDate_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân huyện Mai Sơn", null, UnitLevel.District, "000.00.21.H56", null, new DateOnly(2008, 1, 1)));

    [Fact]
    public void Create_DistrictEndingAfterReform_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân huyện Mai Sơn", null, UnitLevel.District, "000.00.21.H56", null, new DateOnly(2008, 1, 1), ReformDay));

    [Fact]
    public void Create_DistrictEndingOnLastDay_IsValidUntilThen()
    {
        var district = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân huyện Mai Sơn", null, UnitLevel.District, "000.00.21.H56", null, new DateOnly(2008, 1, 1), new DateOnly(2025, 6, 30));

        Assert.True(district.IsValidOn(new DateOnly(2025, 6, 30)));
        Assert.False(district.IsValidOn(ReformDay));
    }

    [Fact]
    public void Create_MalformedCode_Throws() =>
        Assert.Throws<FormatException>(() =>
            OrganisationalUnit.Create(Guid.NewGuid(), "Sở Y tế", null, UnitLevel.ProvincialDepartment, "H56", null, ReformDay));

    [Fact]
    public void Create_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            OrganisationalUnit.Create(Guid.NewGuid(), "Sở Y tế", null, UnitLevel.ProvincialDepartment, "000.05.00.H56", null, ReformDay, new DateOnly(2025, 1, 1)));

    [Fact]
    public void Create_LowerCaseCodeAndPaddedNames_StoresCanonicalForms()
    {
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "  Sở Y tế tỉnh Sơn La ", " ", UnitLevel.ProvincialDepartment, "000.05.00.h56", null, ReformDay);

        Assert.Equal("000.05.00.H56", unit.IdentifierCode);
        Assert.Equal("Sở Y tế tỉnh Sơn La", unit.Name);
        Assert.Null(unit.ShortName);
    }

    [Fact]
    public void Close_SetsLastDayAndSuccessor()
    {
        var district = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân huyện Yên Châu", null, UnitLevel.District, "000.00.22.H56", null, new DateOnly(2008, 1, 1), new DateOnly(2025, 6, 30));
        var successor = Guid.NewGuid();

        district.Close(new DateOnly(2025, 6, 30), successor);

        Assert.Equal(successor, district.SuccessorUnitId);
        Assert.Equal(new DateOnly(2025, 6, 30), district.ValidTo);
    }

    [Fact]
    public void Close_ItselfAsSuccessor_Throws()
    {
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Y tế", null, UnitLevel.ProvincialDepartment, "000.05.00.H56", null, ReformDay);

        Assert.Throws<ArgumentException>(() => unit.Close(new DateOnly(2026, 1, 1), unit.Id));
    }
}
