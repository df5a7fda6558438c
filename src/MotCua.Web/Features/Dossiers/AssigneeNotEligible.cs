using MotCua.Domain.Common;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The officer chosen in <c>Assign</c> is not an active handling officer of the dossier's competent unit
/// (<c>dossier.assignee_not_eligible</c>) → 422.</summary>
/// <remarks>The head assigns the dossier to an official of their own agency to appraise it (ND 61/2018 Art. 19, domain.md §2 roles);
/// a citizen, an unknown or locked account, or an officer of another unit cannot carry that step.</remarks>
public sealed record AssigneeNotEligible(string Reason)
    : Error("dossier.assignee_not_eligible",
        $"Chỉ được giao hồ sơ cho chuyên viên xử lý đang hoạt động của cơ quan có thẩm quyền giải quyết: {Reason}.");
