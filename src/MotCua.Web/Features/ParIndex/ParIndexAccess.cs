using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Who may see and change a province's PAR Index frameworks (role AND unit, through
/// <see cref="DossierAccess"/>): any staff role on a unit of the province's subtree reads them (every unit is scored by
/// them); only an administrator or a Home Affairs appraiser holding that role on the province unit itself (directly or
/// through a grant that covers its descendants from above) writes them: the framework is the province's decision.</summary>
public sealed class ParIndexAccess(AppDbContext db, DossierAccess access)
{
    private static readonly StaffRole[] Writers = [StaffRole.Administrator, StaffRole.HomeAffairsAppraiser];

    /// <summary>The caller's provinces: those they read and those they write.</summary>
    public sealed record Scope(Guid UserId, IReadOnlySet<Guid> Readable, IReadOnlySet<Guid> Writable)
    {
        public bool MayRead(Guid province) => Readable.Contains(province);

        public bool MayWrite(Guid province) => Writable.Contains(province);
    }

    /// <summary>The caller's scope, or 403 when they read no province's frameworks.</summary>
    public async Task<Result<Scope>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var units = await db.OrganisationalUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Level }).ToListAsync(ct);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var provinces = units.Where(u => u.Level == UnitLevel.Province).Select(u => u.Id).ToHashSet();
        var readable = new HashSet<Guid>();
        var writable = new HashSet<Guid>();
        foreach (var role in Enum.GetValues<StaffRole>().Where(r => r != StaffRole.Citizen))
        {
            var held = await access.UnitsWithRoleAsync(userId, role, ct);
            foreach (var unit in held)
            {
                if (provinces.Contains(unit))
                {
                    readable.Add(unit);
                    if (Writers.Contains(role))
                    {
                        writable.Add(unit);
                    }
                }
                else if (UnitAuthorization.AncestorsOf(unit, parentOf).FirstOrDefault(provinces.Contains) is var province && province != Guid.Empty)
                {
                    readable.Add(province);
                }
            }
        }

        return readable.Count == 0
            ? new OutOfScope("chỉ cán bộ của các đơn vị trong tỉnh được xem bộ chỉ số cải cách hành chính")
            : new Scope(userId, readable, writable);
    }

    public static OutOfScope NotWriter() =>
        new("chỉ quản trị hoặc Sở Nội vụ (thẩm định) của UBND tỉnh được sửa bộ chỉ số cải cách hành chính");

    public static OutOfScope NotReader() => new("bộ chỉ số thuộc tỉnh ngoài phạm vi của bạn");
}
