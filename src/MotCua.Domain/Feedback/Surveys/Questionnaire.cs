using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>One version of a SIPAS questionnaire (bộ câu hỏi, phiếu khảo sát): its questions, the method decision it
/// follows and the optional questions about the respondent (domain.md §9.1).</summary>
/// <remarks>
/// <para>Versioned like every rule set (domain.md §0.3): a version is a <see cref="QuestionnaireStatus.Draft"/> that
/// may be revised until it is published; a published version never changes, so every response is read against the
/// text it answered. A change is a new draft copied from a published version (<see cref="NewDraftVersion"/>) with the
/// next number; the store keeps (<see cref="Code"/>, <see cref="Version"/>) unique.</para>
/// <para>Content is always valid, drafts included (<see cref="QuestionnaireRules"/>): a campaign can only use a
/// published version, and the index needs every factor asked about to have a satisfaction question.</para>
/// </remarks>
public sealed class Questionnaire
{
    /// <summary>Longest questionnaire or question code.</summary>
    public const int MaxCodeLength = 32;

    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>Longest method decision reference.</summary>
    public const int MaxMethodDecisionLength = 200;

    /// <summary>Longest question text.</summary>
    public const int MaxQuestionTextLength = 1000;

    /// <summary>Most questions in a version.</summary>
    public const int MaxQuestions = 200;

    /// <summary>Fewest options of a single-choice question.</summary>
    public const int MinOptions = 2;

    /// <summary>Most options of a single-choice question.</summary>
    public const int MaxOptions = 20;

    /// <summary>Longest option text.</summary>
    public const int MaxOptionLength = 200;

    private readonly List<SurveyQuestion> _questions = [];
    private readonly List<DemographicItem> _demographics = [];

    private Questionnaire()
    {
        Code = string.Empty;
        Title = string.Empty;
        MethodDecision = string.Empty;
    }

    /// <summary>Identifier of this version.</summary>
    public Guid Id { get; private set; }

    /// <summary>The questionnaire's code, the same for all its versions (e.g. <c>SIPAS-XA</c>).</summary>
    public string Code { get; private set; }

    /// <summary>The version number, from 1.</summary>
    public int Version { get; private set; }

    /// <summary>The title printed on the sheet.</summary>
    public string Title { get; private set; }

    /// <summary>The decision setting the method (e.g. "QĐ 1001/QĐ-BNV").</summary>
    public string MethodDecision { get; private set; }

    /// <summary>Draft or published.</summary>
    public QuestionnaireStatus Status { get; private set; }

    /// <summary>The version this draft was copied from, if any.</summary>
    public int? CopiedFromVersion { get; private set; }

    /// <summary>When the version was created (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When it was published (UTC).</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>The questions, in sheet order.</summary>
    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    /// <summary>The optional questions about the respondent, in display order.</summary>
    public IReadOnlyList<DemographicItem> Demographics => _demographics;

    /// <summary>The overall-satisfaction question, if the version has one (at most one).</summary>
    public SurveyQuestion? OverallQuestion => _questions.FirstOrDefault(q => q.Kind == QuestionKind.Overall);

    /// <summary>The factors with satisfaction questions, in the Đề án's order: those that get an index.</summary>
    public IReadOnlyList<SurveyFactor> MeasuredFactors =>
        [.. SurveyFactors.Measured.Where(f => _questions.Any(q => q.Factor == f && q.FeedsFactorIndex))];

    /// <summary>The question with <paramref name="code"/> (case-insensitive), or <see langword="null"/>.</summary>
    public SurveyQuestion? Find(string code) =>
        _questions.FirstOrDefault(q => string.Equals(q.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Version 1 of a new questionnaire, as a draft.</summary>
    public static Result<Questionnaire> CreateDraft(Guid id, string code, QuestionnaireContent content, DateTime nowUtc)
    {
        var trimmed = QuestionnaireRules.Text(code);
        if (trimmed.Length is 0 or > MaxCodeLength || !QuestionnaireRules.IsCode(trimmed))
        {
            return new QuestionnaireInvalid("code",
                $"mã bộ câu hỏi gồm 1 đến {MaxCodeLength} chữ cái không dấu, chữ số, '.', '_' hoặc '-'");
        }

        var questionnaire = new Questionnaire
        {
            Id = id,
            Code = trimmed,
            Version = 1,
            Status = QuestionnaireStatus.Draft,
            CreatedAt = nowUtc,
        };
        var applied = questionnaire.Apply(content);
        return applied is null ? questionnaire : applied;
    }

    /// <summary>Replaces a draft's content.</summary>
    public Result<Questionnaire> Revise(QuestionnaireContent content)
    {
        if (Status == QuestionnaireStatus.Published)
        {
            return new QuestionnaireAlreadyPublished(Code, Version);
        }

        var applied = Apply(content);
        if (applied is not null)
        {
            return applied;
        }

        Revision++;
        return this;
    }

    /// <summary>Publishes a draft: from now on it is immutable and campaigns may use it.</summary>
    public Result<Questionnaire> Publish(DateTime nowUtc)
    {
        if (Status == QuestionnaireStatus.Published)
        {
            return new QuestionnaireAlreadyPublished(Code, Version);
        }

        Status = QuestionnaireStatus.Published;
        PublishedAt = nowUtc;
        Revision++;
        return this;
    }

    /// <summary>A new draft copied from this published version, numbered after the highest existing version.</summary>
    /// <param name="id">The new version's id.</param>
    /// <param name="latestVersion">The highest version number of <see cref="Code"/> in the store, so that drafting from
    /// an older version does not reuse a number.</param>
    /// <param name="nowUtc">Now.</param>
    public Result<Questionnaire> NewDraftVersion(Guid id, int latestVersion, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latestVersion, Version);
        if (Status != QuestionnaireStatus.Published)
        {
            return new QuestionnaireNotPublished(Code, Version);
        }

        var draft = new Questionnaire
        {
            Id = id,
            Code = Code,
            Version = latestVersion + 1,
            Title = Title,
            MethodDecision = MethodDecision,
            Status = QuestionnaireStatus.Draft,
            CopiedFromVersion = Version,
            CreatedAt = nowUtc,
        };
        // SurveyQuestion is an immutable record, so sharing the instances cannot let the draft change this version.
        draft._questions.AddRange(_questions);
        draft._demographics.AddRange(_demographics);
        return draft;
    }

    /// <summary>The content as input, to prefill a revision form.</summary>
    public QuestionnaireContent ToContent() => new(
        Title, MethodDecision,
        [.. _questions.Select(q => new QuestionSpec(q.Code, q.Factor, q.Kind, q.Text, q.Format, q.Order, q.Required, q.Options))],
        [.. _demographics]);

    private Error? Apply(QuestionnaireContent content)
    {
        var valid = QuestionnaireRules.Validate(content);
        if (valid.IsFailure)
        {
            return valid.Error;
        }

        Title = QuestionnaireRules.Text(content.Title);
        MethodDecision = QuestionnaireRules.Text(content.MethodDecision);
        _questions.Clear();
        _questions.AddRange(valid.Value.Questions);
        _demographics.Clear();
        _demographics.AddRange(valid.Value.Demographics);
        return null;
    }
}
