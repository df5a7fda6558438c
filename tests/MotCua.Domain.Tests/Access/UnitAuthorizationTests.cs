using MotCua.Domain.Access;

namespace MotCua.Domain.Tests.Access;

public sealed class UnitAuthorizationTests
{
    private static readonly Guid Province = Guid.NewGuid();
    private static readonly Guid Department = Guid.NewGuid();
    private static readonly Guid Division = Guid.NewGuid();
    private static readonly Guid Commune = Guid.NewGuid();
    private static readonly Guid User = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly Dictionary<Guid, Guid?> ParentOf = new()
    {
        [Province] = null,
        [Department] = Province,
        [Division] = Department,
        [Commune] = Province,
    };

    private static StaffRoleAssignment Assign(StaffRole role, Guid unit, bool descendants = false, DateOnly? from = null, DateOnly? to = null) =>
        StaffRoleAssignment.Create(Guid.NewGuid(), User, role, unit, descendants, from ?? new DateOnly(2025, 7, 1), to);

    [Fact]
    public void MayAct_DirectAssignment_Allows() =>
        Assert.True(UnitAuthorization.MayAct([Assign(StaffRole.DeskOfficer, Commune)], StaffRole.DeskOfficer, Commune, Today, ParentOf));

    [Fact]
    public void MayAct_OtherRoleOnSameUnit_Denies() =>
        Assert.False(UnitAuthorization.MayAct([Assign(StaffRole.DeskOfficer, Commune)], StaffRole.AgencyHead, Commune, Today, ParentOf));

    [Fact]
    public void MayAct_SiblingUnit_Denies() =>
        Assert.False(UnitAuthorization.MayAct([Assign(StaffRole.HandlingOfficer, Department)], StaffRole.HandlingOfficer, Commune, Today, ParentOf));

    [Fact]
    public void MayAct_ChildWithoutIncludeDescendants_Denies() =>
        Assert.False(UnitAuthorization.MayAct([Assign(StaffRole.Administrator, Province)], StaffRole.Administrator, Division, Today, ParentOf));

    [Fact]
    public void MayAct_GrandchildWithIncludeDescendants_Allows() =>
        Assert.True(UnitAuthorization.MayAct([Assign(StaffRole.Administrator, Province, descendants: true)], StaffRole.Administrator, Division, Today, ParentOf));

    [Fact]
    public void MayAct_DescendantAssignmentDoesNotReachParent_Denies() =>
        Assert.False(UnitAuthorization.MayAct([Assign(StaffRole.AgencyHead, Division, descendants: true)], StaffRole.AgencyHead, Department, Today, ParentOf));

    [Theory]
    [InlineData("2025-06-30", false)]
    [InlineData("2025-07-01", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", false)]
    public void MayAct_AssignmentDates_AreInclusive(string date, bool expected)
    {
        var assignment = Assign(StaffRole.HandlingOfficer, Department, from: new DateOnly(2025, 7, 1), to: new DateOnly(2026, 6, 30));

        Assert.Equal(expected, UnitAuthorization.MayAct([assignment], StaffRole.HandlingOfficer, Department,
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ParentOf));
    }

    [Fact]
    public void MayAct_ExpiredDescendantAssignmentAndCurrentDirectOne_UsesCurrent()
    {
        var expired = Assign(StaffRole.AgencyHead, Province, descendants: true, from: new DateOnly(2020, 1, 1), to: new DateOnly(2025, 6, 30));
        var current = Assign(StaffRole.AgencyHead, Commune);

        Assert.True(UnitAuthorization.MayAct([expired, current], StaffRole.AgencyHead, Commune, Today, ParentOf));
        Assert.False(UnitAuthorization.MayAct([expired, current], StaffRole.AgencyHead, Division, Today, ParentOf));
    }

    [Fact]
    public void MayAct_NoAssignments_Denies() =>
        Assert.False(UnitAuthorization.MayAct([], StaffRole.Administrator, Province, Today, ParentOf));

    [Fact]
    public void MayAct_UnitMissingFromParentMap_OnlyDirectAssignmentsApply() =>
        Assert.False(UnitAuthorization.MayAct([Assign(StaffRole.Administrator, Province, descendants: true)], StaffRole.Administrator, Guid.NewGuid(), Today, ParentOf));

    [Fact]
    public void AncestorsOf_Division_NearestFirst() =>
        Assert.Equal([Department, Province], UnitAuthorization.AncestorsOf(Division, ParentOf));

    [Fact]
    public void AncestorsOf_Cycle_Throws()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var cyclic = new Dictionary<Guid, Guid?> { [a] = b, [b] = a };

        Assert.Throws<InvalidOperationException>(() => UnitAuthorization.AncestorsOf(a, cyclic).ToList());
    }

    [Fact]
    public void Create_CitizenAssignment_Throws() =>
        Assert.Throws<ArgumentException>(() => Assign(StaffRole.Citizen, Commune));

    [Fact]
    public void MayAct_RandomTrees_DescendantGrantMatchesAncestorWalk()
    {
        // Property: with IncludeDescendants on unit g, acting on u is allowed exactly when g is u or an ancestor of u.
        var random = new Random(20261122);
        for (var run = 0; run < 200; run++)
        {
            var units = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray();
            var parents = new Dictionary<Guid, Guid?> { [units[0]] = null };
            for (var i = 1; i < units.Length; i++)
            {
                parents[units[i]] = units[random.Next(i)];
            }

            var granted = units[random.Next(units.Length)];
            var target = units[random.Next(units.Length)];
            var expected = target == granted || IsAncestor(granted, target, parents);

            Assert.Equal(expected, UnitAuthorization.MayAct([Assign(StaffRole.Administrator, granted, descendants: true)], StaffRole.Administrator, target, Today, parents));
        }
    }

    private static bool IsAncestor(Guid candidate, Guid unit, Dictionary<Guid, Guid?> parents)
    {
        for (var p = parents[unit]; p is { } id; p = parents[id])
        {
            if (id == candidate)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void SubtreeOf_IncludesTheUnitAndEveryLevelBelow()
    {
        Assert.Equivalent(new[] { Province, Department, Division, Commune }, UnitAuthorization.SubtreeOf(Province, ParentOf), strict: true);
        Assert.Equivalent(new[] { Department, Division }, UnitAuthorization.SubtreeOf(Department, ParentOf), strict: true);
        Assert.Equal([Commune], UnitAuthorization.SubtreeOf(Commune, ParentOf));
    }

    [Fact]
    public void SubtreeOf_UnknownUnit_IsJustThatUnit() =>
        Assert.Equal([User], UnitAuthorization.SubtreeOf(User, ParentOf));

    [Fact]
    public void SubtreeOf_CycleInTheMap_Ends()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Equal(2, UnitAuthorization.SubtreeOf(a, new Dictionary<Guid, Guid?> { [a] = b, [b] = a }).Count);
    }
}
