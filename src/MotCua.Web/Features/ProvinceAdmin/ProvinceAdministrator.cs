using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>Who may change the province's procedure catalogue and working calendar: an administrator of the province
/// (role AND unit: <see cref="StaffRole.Administrator"/> on the top-level province unit, through
/// <see cref="DossierAccess.UnitsWithRoleAsync"/>).</summary>
/// <remarks>The catalogue a province publishes and the holiday schedule its desks count with serve every commune of the
/// province (ND 63/2010 Art. 15: the provincial People's Committee publishes the procedures of its province), so an
/// administrator of one commune or one department may not change them. A citizen gets "not found", as for a dossier that
/// is not theirs (the admin area is not disclosed); other staff get 403 naming the scope.</remarks>
public sealed class ProvinceAdministrator(AppDbContext db, DossierAccess access)
{
    /// <summary>Why the caller may not administer the catalogue and the calendar, or <see langword="null"/> when they may.</summary>
    public async Task<Error?> DenyAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var administered = await access.UnitsWithRoleAsync(userId, StaffRole.Administrator, ct);
        if (administered.Count > 0)
        {
            var provinces = await db.OrganisationalUnits.AsNoTracking()
                .Where(u => u.ParentId == null && u.Level == UnitLevel.Province).Select(u => u.Id).ToListAsync(ct);
            if (provinces.Exists(administered.Contains))
            {
                return null;
            }
        }

        if (await access.HasRoleAsync(userId, StaffRole.Citizen, ct) && (await access.ReadableUnitsAsync(userId, ct)).Count == 0)
        {
            return new NotFoundError("trang quản trị");
        }

        return new OutOfScope("danh mục thủ tục hành chính và lịch làm việc của tỉnh chỉ do quản trị viên cấp tỉnh thay đổi");
    }
}
