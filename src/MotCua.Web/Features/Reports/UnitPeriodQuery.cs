using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Reports;

/// <summary>The common start of every read of a unit over a period (the feedback rates, Biểu 06, next the scorecard):
/// the caller is signed in, chose a unit they may read (role and unit, as the work list), and a period within the years
/// 2000–2100 and at most <c>maxDays</c> long, the current calendar month by default (DVCQG computes calendar months,
/// quarters and years); the unit comes with its child units (domain.md §8.3: a province includes its departments and
/// communes).</summary>
public sealed class UnitPeriodQuery(AppDbContext db, DossierAccess access, TimeProvider clock)
{
    /// <summary>The resolved unit, its subtree and the period's first and last days.</summary>
    public sealed record Scope(Guid UnitId, HashSet<Guid> Units, DateOnly First, DateOnly Last);

    public async Task<Result<Scope>> ResolveAsync(Guid? unit, DateOnly? from, DateOnly? to, int maxDays, ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        if (unit is not { } unitId)
        {
            return ValidationFailed.One("unit", new FieldMessage("period.unit_required", "Chọn đơn vị."));
        }

        if (from is { Year: < 2000 or > 2100 } || to is { Year: < 2000 or > 2100 })
        {
            return ValidationFailed.One(from is { Year: < 2000 or > 2100 } ? "from" : "to", new FieldMessage("period.years", "Kỳ phải nằm trong các năm 2000–2100."));
        }

        var today = VietnamTime.Today(clock);
        var first = from ?? new DateOnly(today.Year, today.Month, 1);
        var last = to ?? first.AddMonths(1).AddDays(-1);
        if (last < first || last.DayNumber - first.DayNumber >= maxDays)
        {
            return ValidationFailed.One("to", new FieldMessage("period.invalid", "Kỳ phải có ngày kết thúc không trước ngày bắt đầu và dài tối đa {0} ngày.", maxDays));
        }

        if (!(await access.ReadableUnitsAsync(userId, ct)).Contains(unitId))
        {
            return new OutOfScope("đơn vị không thuộc phạm vi của bạn");
        }

        var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        return new Scope(unitId, [.. UnitAuthorization.SubtreeOf(unitId, parentOf)], first, last);
    }
}
