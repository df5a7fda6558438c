using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary>Who may touch a dossier's files: staff with a read role (write: a workflow role) on its units, or its owner
/// citizen.</summary>
public sealed class DocumentScope(AppDbContext db, DossierAccess access)
{
    /// <summary>A citizen tried to set a staff-only flag.</summary>
    public static readonly OutOfScope StaffOnlyFlags =
        new("chỉ cán bộ xử lý được đánh dấu tệp đã số hóa, tái sử dụng dữ liệu số hóa hoặc là kết quả điện tử");

    /// <summary>The caller and the dossier's state when the caller is staff with a read role (write: a workflow role) on
    /// the dossier's units, or its owner citizen. Another citizen gets 404 so that the dossier's existence is not
    /// disclosed; staff out of scope keep 403.</summary>
    public async Task<Result<Caller>> ResolveAsync(Guid id, ClaimsPrincipal user, bool write, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.ReceivingUnitId, d.CompetentUnitId, d.OwnerUserId, d.Status }).SingleOrDefaultAsync(ct);
        if (dossier is null)
        {
            return new NotFoundError($"hồ sơ {id}");
        }

        var isStaff = write
            ? (await access.ActorRolesAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct)).Count > 0
            : await access.MayReadAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct);
        if (isStaff || await access.IsOwnerAsync(userId, dossier.OwnerUserId, ct))
        {
            return new Caller(userId, !isStaff, dossier.Status);
        }

        var denied = await access.DeniedAsync(userId, id, ct);
        return write && denied is not NotFoundError ? new OutOfScope("không có vai trò xử lý trên hồ sơ này") : denied;
    }

    /// <summary>The caller, whether they act as the owner citizen, and the dossier's state.</summary>
    public sealed record Caller(Guid UserId, bool IsOwner, DossierStatus Status);
}
