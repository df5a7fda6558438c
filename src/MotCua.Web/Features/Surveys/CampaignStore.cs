using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Surveys;

/// <summary>Loads a campaign for a caller (404, or 403 outside their scope), saves it under its concurrency token (409
/// when someone else changed it first), and builds its view with the progress per unit.</summary>
public sealed class CampaignStore(AppDbContext db, SurveyAccess access)
{
    public async Task<Result<(SurveyCampaign Campaign, SurveyAccess.Scope Scope)>> LoadAsync(
        Guid id, ClaimsPrincipal user, bool manage, bool tracked, CancellationToken ct)
    {
        var scope = await access.ForAsync(user, ct);
        if (scope.IsFailure)
        {
            return scope.Error;
        }

        var query = tracked ? db.SurveyCampaigns : db.SurveyCampaigns.AsNoTracking();
        var campaign = await query.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return new NotFoundError($"đợt khảo sát {id}");
        }

        return !scope.Value.MayRead(campaign) ? SurveyAccess.NotReader()
            : manage && !scope.Value.MayManage(campaign) ? SurveyAccess.NotManager()
            : (campaign, scope.Value);
    }

    /// <summary>Saves a changed campaign read at <paramref name="version"/>; a concurrent change is a 409.</summary>
    public async Task<Result<CampaignView>> SaveAsync(SurveyCampaign campaign, SurveyAccess.Scope scope, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == campaign.Id).Select(c => c.Version).SingleOrDefaultAsync(ct);
            return new StaleVersion(version, current);
        }

        return await ViewAsync(campaign, scope, ct);
    }

    public async Task<CampaignView> ViewAsync(SurveyCampaign campaign, SurveyAccess.Scope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(scope);
        var invited = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.CampaignId == campaign.Id)
            .GroupBy(i => i.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitId, g => g.Count, ct);
        return CampaignMapping.ToView(campaign, await UnitNamesAsync(campaign, ct), invited, scope.MayManage(campaign));
    }

    /// <summary>The names of the campaign's units.</summary>
    public async Task<Dictionary<Guid, string>> UnitNamesAsync(SurveyCampaign campaign, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var ids = campaign.Units.Select(u => u.UnitId).ToList();
        return await db.OrganisationalUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
