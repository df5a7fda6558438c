using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The validation of a campaign's input.</summary>
internal static class SurveyCampaignRules
{
    /// <summary>Checks <paramref name="spec"/> against <paramref name="questionnaire"/>; returns the method decision to keep.</summary>
    public static Result<string> Validate(SurveyCampaignSpec spec, Questionnaire questionnaire)
    {
        if (questionnaire.Status != QuestionnaireStatus.Published)
        {
            return new QuestionnaireNotPublished(questionnaire.Code, questionnaire.Version);
        }

        if (spec.Year is < SurveyCampaign.FirstYear or > SurveyCampaign.LastYear)
        {
            return new CampaignInvalid("year", $"năm khảo sát phải từ {SurveyCampaign.FirstYear} đến {SurveyCampaign.LastYear}");
        }

        var name = spec.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > SurveyCampaign.MaxNameLength || FreeText.HasControlCharacters(name))
        {
            return new CampaignInvalid("name", $"tên đợt khảo sát phải có từ 1 đến {SurveyCampaign.MaxNameLength} ký tự, không chứa ký tự điều khiển");
        }

        if (!Enum.IsDefined(spec.Level))
        {
            return new CampaignInvalid("level", "cấp khảo sát không tồn tại");
        }

        var method = string.IsNullOrWhiteSpace(spec.MethodDecision) ? questionnaire.MethodDecision : spec.MethodDecision.Trim();
        if (method.Length > Questionnaire.MaxMethodDecisionLength || FreeText.HasControlCharacters(method))
        {
            return new CampaignInvalid("methodDecision", $"văn bản quy định phương pháp dài quá {Questionnaire.MaxMethodDecisionLength} ký tự hoặc chứa ký tự điều khiển");
        }

        var periods = Periods(spec);
        if (periods is not null)
        {
            return periods;
        }

        var units = Units(spec);
        if (units is not null)
        {
            return units;
        }

        var indexMethod = IndexMethod(spec.IndexMethod ?? SurveyIndexMethod.Default, questionnaire);
        return indexMethod is null ? method : indexMethod;
    }

    private static CampaignInvalid? Periods(SurveyCampaignSpec spec)
    {
        if (!spec.ServedPeriod.IsOrdered)
        {
            return new CampaignInvalid("servedPeriod", "ngày bắt đầu sau ngày kết thúc");
        }

        if (!spec.CollectionPeriod.IsOrdered)
        {
            return new CampaignInvalid("collectionPeriod", "ngày bắt đầu sau ngày kết thúc");
        }

        // A respondent answers about a result already received: the frame cannot end after collection does.
        return spec.ServedPeriod.To > spec.CollectionPeriod.To
            ? new CampaignInvalid("servedPeriod", "kỳ nhận kết quả được khảo sát phải kết thúc trước khi hết thời gian thu phiếu")
            : null;
    }

    private static CampaignInvalid? Units(SurveyCampaignSpec spec)
    {
        var units = spec.Units ?? [];
        if (units.Count is 0 or > SurveyCampaign.MaxUnits)
        {
            return new CampaignInvalid("units", $"phải có từ 1 đến {SurveyCampaign.MaxUnits} đơn vị được khảo sát");
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < units.Count; i++)
        {
            var (unit, quota) = units[i] ?? throw new ArgumentException($"units[{i}] is null.", nameof(spec));
            ArgumentNullException.ThrowIfNull(unit);
            if (!seen.Add(unit.Id))
            {
                return new CampaignInvalid($"units[{i}]", $"{unit.Name} được nêu hai lần");
            }

            if (quota is < 1 or > SurveyCampaign.MaxQuota)
            {
                return new CampaignInvalid($"units[{i}].quota", $"cỡ mẫu phải từ 1 đến {SurveyCampaign.MaxQuota}");
            }

            if (ProcedureLevels.SettledBy(unit.Level) != spec.Level)
            {
                return new CampaignInvalid($"units[{i}]", $"{unit.Name} không thuộc cấp được khảo sát");
            }

            // A unit that did not exist on any day of the frame served nobody in it (2025 mergers, domain.md §0.3).
            if (unit.ValidFrom > spec.ServedPeriod.To || unit.ValidTo < spec.ServedPeriod.From)
            {
                return new CampaignInvalid($"units[{i}]", $"{unit.Name} không hoạt động trong kỳ nhận kết quả được khảo sát");
            }
        }

        return null;
    }

    private static Error? IndexMethod(SurveyIndexMethod method, Questionnaire questionnaire)
    {
        if (!Enum.IsDefined(method.Overall) || !Enum.IsDefined(method.Factor))
        {
            return new CampaignInvalid("indexMethod", "cách tính chỉ số không tồn tại");
        }

        if (method.MinCellSize is < 1 or > SurveyIndexMethod.MaxMinCellSize)
        {
            return new CampaignInvalid("indexMethod.minCellSize", $"số người trả lời tối thiểu để công bố phải từ 1 đến {SurveyIndexMethod.MaxMinCellSize}");
        }

        return method.Overall == OverallIndexRule.Top2BoxOverallQuestion && questionnaire.OverallQuestion is null
            ? new OverallQuestionMissing()
            : null;
    }
}
