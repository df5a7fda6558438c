namespace MotCua.Domain.Feedback.Surveys;

/// <summary>What a SIPAS question measures: one of the five factors (yếu tố) of the 2017 Đề án, or the service as a
/// whole (domain.md §9.1, [S] QĐ 2640/QĐ-BNV; to be checked against QĐ 1001/QĐ-BNV).</summary>
public enum SurveyFactor
{
    /// <summary>Tiếp cận dịch vụ: reaching the service (place, facilities, information on how to apply).</summary>
    AccessToService = 1,

    /// <summary>Thủ tục hành chính: the procedure itself (documents, fees, time).</summary>
    Procedure = 2,

    /// <summary>Công chức trực tiếp giải quyết công việc: the civil servant who handled the case.</summary>
    CivilServant = 3,

    /// <summary>Kết quả dịch vụ: the result received.</summary>
    ServiceResult = 4,

    /// <summary>Việc tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị: handling of suggestions and PAKN.</summary>
    FeedbackHandling = 5,

    /// <summary>The service as a whole: the overall-satisfaction question (QĐ 1383/QĐ-BNV line, [S-excerpt]) and the
    /// campaign's overall index.</summary>
    Overall = 6,
}

/// <summary>The factors other than <see cref="SurveyFactor.Overall"/>, in the order the Đề án lists them.</summary>
public static class SurveyFactors
{
    /// <summary>The five measured factors.</summary>
    public static readonly IReadOnlyList<SurveyFactor> Measured =
    [
        SurveyFactor.AccessToService, SurveyFactor.Procedure, SurveyFactor.CivilServant, SurveyFactor.ServiceResult,
        SurveyFactor.FeedbackHandling,
    ];

    /// <summary>The Vietnamese name of <paramref name="factor"/>, for messages and reports.</summary>
    public static string VietnameseName(SurveyFactor factor) => factor switch
    {
        SurveyFactor.AccessToService => "Tiếp cận dịch vụ",
        SurveyFactor.Procedure => "Thủ tục hành chính",
        SurveyFactor.CivilServant => "Công chức trực tiếp giải quyết công việc",
        SurveyFactor.ServiceResult => "Kết quả dịch vụ",
        SurveyFactor.FeedbackHandling => "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
        SurveyFactor.Overall => "Hài lòng chung",
        _ => factor.ToString(),
    };
}
