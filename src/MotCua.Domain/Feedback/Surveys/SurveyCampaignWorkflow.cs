using System.Collections.Frozen;
using static MotCua.Domain.Feedback.Surveys.SurveyCampaignStatus;
using static MotCua.Domain.Feedback.Surveys.SurveyCampaignTrigger;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The only place where campaign transitions are defined: a (state, trigger) pair missing from
/// <see cref="Transitions"/> is refused with <see cref="CampaignTransitionNotAllowed"/>.</summary>
/// <remarks>Strictly forward: there is no way back to <see cref="Draft"/> once invitations may exist (their tokens
/// were sent), nor back to <see cref="Collecting"/> once results may have been read. A wrong campaign is left
/// unpublished and a new one is created.</remarks>
public static class SurveyCampaignWorkflow
{
    /// <summary>The transition table: (from, trigger) → to.</summary>
    public static readonly FrozenDictionary<(SurveyCampaignStatus From, SurveyCampaignTrigger Trigger), SurveyCampaignStatus> Transitions =
        new Dictionary<(SurveyCampaignStatus, SurveyCampaignTrigger), SurveyCampaignStatus>
        {
            [(Draft, StartSampling)] = Sampling,
            [(Sampling, StartCollecting)] = Collecting,
            [(Collecting, Close)] = Closed,
            [(Closed, Publish)] = Published,
        }.ToFrozenDictionary();

    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="from"/>, or <see langword="null"/>.</summary>
    public static SurveyCampaignStatus? Next(SurveyCampaignStatus from, SurveyCampaignTrigger trigger) =>
        Transitions.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>The Vietnamese name of a state, for messages.</summary>
    public static string VietnameseName(SurveyCampaignStatus status) => status switch
    {
        Draft => "dự thảo",
        Sampling => "đang chọn mẫu",
        Collecting => "đang thu phiếu",
        Closed => "đã kết thúc thu phiếu",
        Published => "đã công bố kết quả",
        _ => status.ToString(),
    };

    /// <summary>The Vietnamese name of a step, for messages.</summary>
    public static string VietnameseName(SurveyCampaignTrigger trigger) => trigger switch
    {
        StartSampling => "bắt đầu chọn mẫu",
        StartCollecting => "bắt đầu thu phiếu",
        Close => "kết thúc thu phiếu",
        Publish => "công bố kết quả",
        _ => trigger.ToString(),
    };
}
