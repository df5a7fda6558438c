using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;

namespace MotCua.Web.Features.ParIndex;

/// <summary>A unit's SIPAS index for a year from MotCua's own survey campaigns (<c>../Surveys</c>): the overall index
/// (all respondents, in percent) of the latest closed or published campaign of that year that covers the unit, as
/// <see cref="SurveyIndexCalculator"/> computes it for the campaign's results. None when no such campaign covers the
/// unit, or when its cell is withheld (too few answers).</summary>
public sealed class ParSipasIndex(AppDbContext db)
{
    /// <summary>The figure and where it comes from.</summary>
    public sealed record Figure(decimal Value, int Responses, string Source);

    public async Task<Figure?> ForAsync(Guid unitId, int year, CancellationToken ct)
    {
        var campaigns = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Year == year && (c.Status == SurveyCampaignStatus.Closed || c.Status == SurveyCampaignStatus.Published))
            .ToListAsync(ct);
        foreach (var campaign in campaigns.Where(c => c.Unit(unitId) is not null).OrderByDescending(c => c.PublishedAt ?? c.ClosedAt))
        {
            var questionnaire = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(q => q.Id == campaign.QuestionnaireId, ct);
            var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id).ToListAsync(ct);
            var report = SurveyIndexCalculator.Compute(campaign, questionnaire, responses);
            if (report.Find(unitId, SurveyFactor.Overall) is { Value: { } value, N: { } n })
            {
                return new Figure(value, n, $"SIPAS {campaign.Year}: {campaign.Name} ({n} phiếu)");
            }
        }

        return null;
    }

    /// <summary>The <c>survey.sipas_index</c> figure of <see cref="ParSystemFormulas"/> for a system-sourced sub-criterion.</summary>
    public async Task<ParSystemFigure?> SystemFigureAsync(Guid unitId, int year, CancellationToken ct)
    {
        var figure = await ForAsync(unitId, year, ct);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return figure is null ? null : new ParSystemFigure("survey.sipas_index", figure.Responses, figure.Responses, figure.Value, figure.Source, from, to);
    }
}
