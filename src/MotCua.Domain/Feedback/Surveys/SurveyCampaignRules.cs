using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The validation of a campaign's input.</summary>
internal static class SurveyCampaignRules
{
    private static readonly FieldMessage StartAfterEnd = new FieldMessage("survey.reason.start_after_end", "ngày bắt đầu sau ngày kết thúc");

    /// <summary>Checks <paramref name="spec"/> against <paramref name="questionnaire"/>; returns the method decision to keep.</summary>
    public static Result<string> Validate(SurveyCampaignSpec spec, Questionnaire questionnaire)
    {
        if (questionnaire.Status != QuestionnaireStatus.Published)
        {
            return new QuestionnaireNotPublished(questionnaire.Code, questionnaire.Version);
        }

        if (spec.Year is < SurveyCampaign.FirstYear or > SurveyCampaign.LastYear)
        {
            return new CampaignInvalid("year", new FieldMessage("survey.reason.year_range", "năm khảo sát phải từ {0} đến {1}", SurveyCampaign.FirstYear, SurveyCampaign.LastYear));
        }

        var name = spec.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > SurveyCampaign.MaxNameLength || FreeText.HasControlCharacters(name))
        {
            return new CampaignInvalid("name", new FieldMessage("survey.reason.name_length", "tên đợt khảo sát phải có từ 1 đến {0} ký tự, không chứa ký tự điều khiển", SurveyCampaign.MaxNameLength));
        }

        if (!Enum.IsDefined(spec.Level))
        {
            return new CampaignInvalid("level", new FieldMessage("survey.reason.unknown_level", "cấp khảo sát không tồn tại"));
        }

        var method = string.IsNullOrWhiteSpace(spec.MethodDecision) ? questionnaire.MethodDecision : spec.MethodDecision.Trim();
        if (method.Length > Questionnaire.MaxMethodDecisionLength || FreeText.HasControlCharacters(method))
        {
            return new CampaignInvalid("methodDecision", new FieldMessage("survey.reason.method_decision", "văn bản quy định phương pháp dài quá {0} ký tự hoặc chứa ký tự điều khiển", Questionnaire.MaxMethodDecisionLength));
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
            return new CampaignInvalid("servedPeriod", StartAfterEnd);
        }

        if (!spec.CollectionPeriod.IsOrdered)
        {
            return new CampaignInvalid("collectionPeriod", StartAfterEnd);
        }

        // A respondent answers about a result already received: the frame cannot end after collection does.
        return spec.ServedPeriod.To > spec.CollectionPeriod.To
            ? new CampaignInvalid("servedPeriod", new FieldMessage("survey.reason.served_after_collection", "kỳ nhận kết quả được khảo sát phải kết thúc trước khi hết thời gian thu phiếu"))
            : null;
    }

    private static CampaignInvalid? Units(SurveyCampaignSpec spec)
    {
        var units = spec.Units ?? [];
        if (units.Count is 0 or > SurveyCampaign.MaxUnits)
        {
            return new CampaignInvalid("units", new FieldMessage("survey.reason.unit_count", "phải có từ 1 đến {0} đơn vị được khảo sát", SurveyCampaign.MaxUnits));
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < units.Count; i++)
        {
            var (unit, quota) = units[i] ?? throw new ArgumentException($"units[{i}] is null.", nameof(spec));
            ArgumentNullException.ThrowIfNull(unit);
            if (!seen.Add(unit.Id))
            {
                return new CampaignInvalid($"units[{i}]", new FieldMessage("survey.reason.unit_twice", "{0} được nêu hai lần", unit.Name));
            }

            if (quota is < 1 or > SurveyCampaign.MaxQuota)
            {
                return new CampaignInvalid($"units[{i}].quota", new FieldMessage("survey.reason.quota_range", "cỡ mẫu phải từ 1 đến {0}", SurveyCampaign.MaxQuota));
            }

            if (ProcedureLevels.SettledBy(unit.Level) != spec.Level)
            {
                return new CampaignInvalid($"units[{i}]", new FieldMessage("survey.reason.unit_level", "{0} không thuộc cấp được khảo sát", unit.Name));
            }

            // A unit that did not exist on any day of the frame served nobody in it (2025 mergers, domain.md §0.3).
            if (unit.ValidFrom > spec.ServedPeriod.To || unit.ValidTo < spec.ServedPeriod.From)
            {
                return new CampaignInvalid($"units[{i}]", new FieldMessage("survey.reason.unit_not_in_operation", "{0} không hoạt động trong kỳ nhận kết quả được khảo sát", unit.Name));
            }
        }

        return null;
    }

    private static Error? IndexMethod(SurveyIndexMethod method, Questionnaire questionnaire)
    {
        if (!Enum.IsDefined(method.Overall) || !Enum.IsDefined(method.Factor))
        {
            return new CampaignInvalid("indexMethod", new FieldMessage("survey.reason.unknown_index_method", "cách tính chỉ số không tồn tại"));
        }

        if (method.MinCellSize is < 1 or > SurveyIndexMethod.MaxMinCellSize)
        {
            return new CampaignInvalid("indexMethod.minCellSize", new FieldMessage("survey.reason.min_cell_range", "số người trả lời tối thiểu để công bố phải từ 1 đến {0}", SurveyIndexMethod.MaxMinCellSize));
        }

        return method.Overall == OverallIndexRule.Top2BoxOverallQuestion && questionnaire.OverallQuestion is null
            ? new OverallQuestionMissing()
            : null;
    }
}
