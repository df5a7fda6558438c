using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>A questionnaire field breaks a rule (<c>survey.questionnaire_invalid</c>).</summary>
/// <param name="Field">The field path, e.g. <c>questions[2].text</c>.</param>
/// <param name="Reason">Why, in Vietnamese.</param>
/// <remarks>The message names the field in words ("câu hỏi thứ 3, nội dung"), not by its path, because the editor page
/// shows it to the person who typed it; the path stays in <see cref="Field"/> for the API's error key.</remarks>
public sealed record QuestionnaireInvalid(string Field, string Reason)
    : Error("survey.questionnaire_invalid", $"Bộ câu hỏi không hợp lệ – {QuestionnaireFieldNames.Describe(Field)}: {Reason}.");

/// <summary>The Vietnamese words for a questionnaire field path (<c>questions[2].options[0]</c> → "câu hỏi thứ 3,
/// phương án thứ 1").</summary>
public static partial class QuestionnaireFieldNames
{
    /// <summary>The words for <paramref name="field"/>; an unknown part is kept as it is.</summary>
    public static string Describe(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return string.Join(", ", field.Split('.').Select(Part));
    }

    private static string Part(string part)
    {
        var indexed = Indexed().Match(part);
        if (indexed.Success)
        {
            var position = int.Parse(indexed.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            return indexed.Groups[1].Value switch
            {
                "questions" => $"câu hỏi thứ {position}",
                "options" => $"phương án thứ {position}",
                _ => part,
            };
        }

        return part switch
        {
            "code" => "mã",
            "title" => "tiêu đề",
            "methodDecision" => "văn bản quy định phương pháp",
            "questions" => "danh sách câu hỏi",
            "demographics" => "thông tin về người trả lời",
            "text" => "nội dung câu hỏi",
            "order" => "thứ tự",
            "options" => "các phương án",
            "factor" => "yếu tố",
            "kind" => "loại câu hỏi",
            "format" => "cách trả lời",
            _ => part,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([A-Za-z]+)\[(\d{1,4})\]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Indexed();
}

/// <summary>Two questions of one version share a code (<c>survey.duplicate_question_code</c>).</summary>
public sealed record DuplicateQuestionCode(string QuestionCode)
    : Error("survey.duplicate_question_code",
        $"Mã câu hỏi '{QuestionCode}' bị trùng; mỗi câu hỏi trong một phiên bản phải có mã riêng.");

/// <summary>A factor is asked about but has no satisfaction question, so it has no index
/// (<c>survey.factor_without_satisfaction</c>).</summary>
public sealed record FactorWithoutSatisfactionQuestion(SurveyFactor Factor)
    : Error("survey.factor_without_satisfaction",
        $"Yếu tố \"{SurveyFactors.VietnameseName(Factor)}\" có câu hỏi nhưng chưa có câu hỏi về sự hài lòng, nên không tính được chỉ số của yếu tố này.");

/// <summary>More than one overall-satisfaction question (<c>survey.overall_question_count</c>).</summary>
public sealed record TooManyOverallQuestions(int Count)
    : Error("survey.overall_question_count",
        $"Bộ câu hỏi chỉ được có một câu hỏi về sự hài lòng chung (đang có {Count}).");

/// <summary>A published version cannot change (<c>survey.questionnaire_published</c>).</summary>
public sealed record QuestionnaireAlreadyPublished(string QuestionnaireCode, int Version)
    : Error("survey.questionnaire_published",
        $"Phiên bản {Version} của bộ câu hỏi {QuestionnaireCode} đã công bố nên không sửa được; hãy tạo phiên bản mới từ phiên bản này.");

/// <summary>The action needs a published version (<c>survey.questionnaire_not_published</c>).</summary>
public sealed record QuestionnaireNotPublished(string QuestionnaireCode, int Version)
    : Error("survey.questionnaire_not_published",
        $"Phiên bản {Version} của bộ câu hỏi {QuestionnaireCode} chưa được công bố.");

/// <summary>A campaign field breaks a rule (<c>survey.campaign_invalid</c>).</summary>
/// <param name="Field">The field path, e.g. <c>units[1].quota</c>.</param>
/// <param name="Reason">Why, as a clause (no capital, no full stop).</param>
public sealed record CampaignInvalid(string Field, FieldMessage Reason)
    : TranslatableError(new FieldMessage("survey.campaign_invalid", "Đợt khảo sát không hợp lệ ({0}): {1}.", Field, Reason));

/// <summary>The campaign's overall index is the overall question's, but the questionnaire has none
/// (<c>survey.overall_question_missing</c>).</summary>
public sealed record OverallQuestionMissing()
    : Error("survey.overall_question_missing",
        "Cách tính chỉ số chung theo câu hỏi về sự hài lòng chung cần bộ câu hỏi có một câu hỏi loại này.");

/// <summary>The campaign's state does not allow the step (<c>survey.transition_not_allowed</c>).</summary>
public sealed record CampaignTransitionNotAllowed(SurveyCampaignStatus From, SurveyCampaignTrigger Trigger)
    : Error("survey.transition_not_allowed",
        $"Không thể {SurveyCampaignWorkflow.VietnameseName(Trigger)} khi đợt khảo sát đang ở trạng thái \"{SurveyCampaignWorkflow.VietnameseName(From)}\".");

/// <summary>Only a draft campaign can be changed (<c>survey.campaign_not_editable</c>).</summary>
public sealed record CampaignNotEditable(SurveyCampaignStatus Status)
    : Error("survey.campaign_not_editable",
        $"Chỉ sửa được đợt khảo sát ở trạng thái dự thảo (đang ở trạng thái \"{SurveyCampaignWorkflow.VietnameseName(Status)}\").");

/// <summary>Sampling and invitations happen only while sampling or collecting (<c>survey.not_sampling</c>).</summary>
public sealed record CampaignNotSampling(SurveyCampaignStatus Status)
    : Error("survey.not_sampling",
        $"Chỉ chọn mẫu và gửi lời mời khi đợt khảo sát đang chọn mẫu hoặc đang thu phiếu (đang ở trạng thái \"{SurveyCampaignWorkflow.VietnameseName(Status)}\").");

/// <summary>Responses are taken only while collecting (<c>survey.not_collecting</c>).</summary>
public sealed record CampaignNotCollecting(SurveyCampaignStatus Status)
    : Error("survey.not_collecting", "Đợt khảo sát hiện không nhận phiếu trả lời.");

/// <summary>The date lies outside the collection period (<c>survey.outside_collection_period</c>).</summary>
public sealed record OutsideCollectionPeriod(DateOnly Date, SurveyPeriod Period)
    : Error("survey.outside_collection_period",
        $"Ngày {Date:dd/MM/yyyy} nằm ngoài thời gian thu phiếu (từ {Period.From:dd/MM/yyyy} đến {Period.To:dd/MM/yyyy}).");

/// <summary>The unit is not surveyed by the campaign (<c>survey.unit_not_in_scope</c>).</summary>
public sealed record UnitNotInScope(Guid UnitId)
    : Error("survey.unit_not_in_scope", "Đơn vị không thuộc phạm vi của đợt khảo sát.");

/// <summary>The unit has its quota of responses; no more paper ballots (<c>survey.unit_quota_reached</c>).</summary>
public sealed record UnitQuotaReached(Guid UnitId, int Quota)
    : Error("survey.unit_quota_reached",
        $"Đơn vị đã đủ {Quota} phiếu theo cỡ mẫu; không nhập thêm phiếu giấy.");

/// <summary>No invitation has this token (<c>survey.invitation_not_found</c>); for the web layer, which looks the token
/// up by its hash.</summary>
public sealed record InvitationNotFound()
    : Error("survey.invitation_not_found", "Đường dẫn khảo sát không đúng hoặc không còn hiệu lực.");

/// <summary>The invitation was answered already (<c>survey.invitation_used</c>).</summary>
public sealed record InvitationAlreadyUsed()
    : Error("survey.invitation_used", "Phiếu khảo sát của lời mời này đã được gửi; mỗi lời mời chỉ trả lời một lần.");

/// <summary>An answer names a question the version does not have (<c>survey.unknown_question</c>).</summary>
public sealed record UnknownQuestion(string QuestionCode)
    : Error("survey.unknown_question", $"Câu hỏi '{QuestionCode}' không có trong bộ câu hỏi.");

/// <summary>A required question is not answered (<c>survey.answer_required</c>).</summary>
public sealed record AnswerRequired(string QuestionCode)
    : Error("survey.answer_required", $"Chưa trả lời câu hỏi bắt buộc '{QuestionCode}'.");

/// <summary>A value lies off the question's scale or option list (<c>survey.answer_out_of_range</c>).</summary>
public sealed record AnswerOutOfRange(string QuestionCode, int Value, int Max)
    : Error("survey.answer_out_of_range", $"Câu trả lời cho câu hỏi '{QuestionCode}' phải từ 1 đến {Max}.");

/// <summary>An answer has the wrong shape, is too long or holds control characters (<c>survey.answer_invalid</c>).</summary>
/// <param name="QuestionCode">The question.</param>
/// <param name="Reason">Why, as a clause (no capital, no full stop).</param>
public sealed record AnswerInvalid(string QuestionCode, FieldMessage Reason)
    : TranslatableError(new FieldMessage("survey.answer_invalid", "Câu trả lời cho câu hỏi '{0}' không hợp lệ: {1}.", QuestionCode, Reason));

/// <summary>Nothing answered (<c>survey.response_empty</c>).</summary>
public sealed record ResponseEmpty()
    : Error("survey.response_empty", "Phiếu khảo sát chưa có câu trả lời nào.");

/// <summary>The response states something about the respondent that the questionnaire does not ask, or a value that
/// does not exist (<c>survey.demographic_invalid</c>).</summary>
public sealed record DemographicInvalid(DemographicItem Item, string Reason)
    : Error("survey.demographic_invalid", $"Thông tin về người trả lời không hợp lệ: {Reason}.");
