using System.Security.Claims;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Surveys;

/// <summary>Who may do what with SIPAS (role AND unit, through <see cref="DossierAccess"/>): the Department of Home
/// Affairs runs the survey (ND 61/2018 Art. 29; QĐ 2640/QĐ-BNV), so a Home Affairs appraiser writes questionnaires and
/// manages a campaign whose units are all within their scope, and types in paper ballots of those units;
/// administrators read campaigns within theirs. Nobody else, and no unit surveyed, touches a campaign: a unit must not
/// fill in its own results.</summary>
public sealed class SurveyAccess(DossierAccess access)
{
    /// <summary>The caller's survey scope today: the units they manage and the units they may read.</summary>
    public sealed record Scope(Guid UserId, IReadOnlySet<Guid> Managed, IReadOnlySet<Guid> Readable)
    {
        public bool MayManage(SurveyCampaign campaign) => Covers(Managed, campaign);

        public bool MayRead(SurveyCampaign campaign) => Covers(Readable, campaign);

        /// <summary>Whether the caller may write questionnaires (a Home Affairs role anywhere).</summary>
        public bool WritesQuestionnaires => Managed.Count > 0;

        private static bool Covers(IReadOnlySet<Guid> units, SurveyCampaign campaign)
        {
            ArgumentNullException.ThrowIfNull(campaign);
            return campaign.Units.All(u => units.Contains(u.UnitId));
        }
    }

    /// <summary>The caller's scope, or 403 when they hold no survey role at all.</summary>
    public async Task<Result<Scope>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var managed = await access.UnitsWithRoleAsync(userId, StaffRole.HomeAffairsAppraiser, ct);
        var readable = new HashSet<Guid>(managed);
        readable.UnionWith(await access.UnitsWithRoleAsync(userId, StaffRole.Administrator, ct));
        return readable.Count == 0
            ? new OutOfScope("chỉ cán bộ Sở Nội vụ (thẩm định) hoặc quản trị hệ thống được xem khảo sát sự hài lòng")
            : new Scope(userId, managed, readable);
    }

    public static OutOfScope NotManager() =>
        new("chỉ cán bộ Sở Nội vụ có phạm vi bao gồm mọi đơn vị của đợt khảo sát được thực hiện thao tác này");

    public static OutOfScope NotReader() => new("đợt khảo sát có đơn vị ngoài phạm vi của bạn");
}
