using MotCua.Domain.Catalogue;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Feedback.Pakn.PaknContentCategory;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknCaseTests
{
    private static readonly PaknDriver D = new();

    [Fact]
    public void Submit_Portal_ReceivedWithTidiedDataAndOneHistoryEntry()
    {
        var data = PaknDriver.Data() with
        {
            DossierId = Guid.CreateVersion7(),
            ProcedureCode = new ProcedureCode("1.000948.H38"),
            Categories = [ProposedSolution, UnsuitableToReality, UnsuitableToReality],
            Submitter = PaknSamples.Person with { FullName = "  Nguyễn Văn An ", Phone = "+84 912.345.678", Email = " ", AccountId = Guid.CreateVersion7() },
        };

        var pakn = D.Submit(data: data);

        Assert.Equal(PaknStatus.Received, pakn.Status);
        Assert.Equal((1, 1), (pakn.Version, pakn.History.Count));
        Assert.Equal((null, PaknStatus.Received, Submit), (pakn.History[0].From, pakn.History[0].To, pakn.History[0].Trigger));
        Assert.Equal(("Nguyễn Văn An", "0912345678", (string?)null), (pakn.Submitter.FullName, pakn.Submitter.Phone, pakn.Submitter.Email));
        Assert.Equal(data.Submitter.AccountId, pakn.Submitter.AccountId);
        Assert.Equal([UnsuitableToReality, ProposedSolution], pakn.Categories);
        Assert.Equal((PaknDriver.ReceivingUnit, PaknDriver.ReceivingUnit), (pakn.ReceivingUnitId, pakn.HandlingUnitId));
        Assert.Equal(pakn.SubmittedAt, pakn.ClockStartedAt);
        Assert.Equal(pakn.RecordedAt, pakn.SubmittedAt);
        Assert.Null(pakn.Classification);
    }

    [Theory]
    [InlineData("", "Hà Nội", "0912345678", "fullName")]
    [InlineData("Nguyễn Văn An", " ", "0912345678", "address")]
    [InlineData("Nguyễn Văn An", "Hà Nội", "", "phone")]
    [InlineData("Nguyễn Văn An", "Hà Nội", "12345", "phone")]
    public void Submit_MissingArticle7Data_SubmitterInvalid(string name, string address, string phone, string field)
    {
        var data = PaknDriver.Data() with { Submitter = new PaknSubmitter(name, address, phone) };

        var result = PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.Citizen));

        var error = Assert.IsType<PaknSubmitterInvalid>(result.Error);
        Assert.Equal("pakn.submitter_invalid", error.Code);
        Assert.Equal([field], error.Problems.Keys);
        Assert.Contains(error.Problems[field].Text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_BadEmail_SubmitterInvalid()
    {
        var data = PaknDriver.Data() with { Submitter = PaknSamples.Person with { Email = "khong-phai-email" } };

        var error = Assert.IsType<PaknSubmitterInvalid>(PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.Citizen)).Error);

        Assert.Equal(["email"], error.Problems.Keys);
    }

    public static TheoryData<string, string> BadTexts() => new()
    {
        { "Góp", "Nội dung phản ánh đủ dài để được tiếp nhận." },
        { new string('a', PaknFieldLimits.Subject + 1), "Nội dung phản ánh đủ dài để được tiếp nhận." },
        { "Tiêu đề hợp lệ", "Quá ngắn" },
        { "Tiêu đề hợp lệ", new string('a', PaknFieldLimits.Content + 1) },
        { "Tiêu đề hợp lệ", "Nội dung có ký tự điều khiển \u0007 không hợp lệ." },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void Submit_TextOutOfLimits_InvalidValue(string subject, string content)
    {
        var data = PaknDriver.Data() with { Subject = subject, Content = content };

        Assert.Equal("pakn.invalid_value", PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.Citizen)).Error.Code);
    }

    [Theory]
    [InlineData(PaknActorRole.Citizen, PaknChannel.Portal, true)]
    [InlineData(PaknActorRole.Citizen, PaknChannel.DeskPaper, false)]
    [InlineData(PaknActorRole.Citizen, PaknChannel.Phone, false)]
    [InlineData(PaknActorRole.ReceptionOfficer, PaknChannel.DeskPaper, true)]
    [InlineData(PaknActorRole.ReceptionOfficer, PaknChannel.Phone, true)]
    [InlineData(PaknActorRole.System, PaknChannel.Import, true)]
    [InlineData(PaknActorRole.System, PaknChannel.Email, true)]
    [InlineData(PaknActorRole.System, PaknChannel.DeskPaper, false)]
    public void Submit_RoleAndChannel_OnlyPlausiblePairs(PaknActorRole role, PaknChannel channel, bool allowed)
    {
        var result = PaknCase.Submit(PaknDriver.Data(channel: channel), D.Ctx(PaknDriver.T0, role));

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Equal("pakn.invalid_value", result.Error.Code);
        }
    }

    [Theory]
    [InlineData(PaknActorRole.HandlingOfficer)]
    [InlineData(PaknActorRole.Approver)]
    [InlineData(PaknActorRole.Publisher)]
    public void Submit_StaffOtherThanReception_RoleNotAllowed(PaknActorRole role) =>
        Assert.IsType<PaknRoleNotAllowed>(PaknCase.Submit(PaknDriver.Data(), D.Ctx(PaknDriver.T0, role)).Error);

    [Fact]
    public void Submit_LetterLoggedNextDay_ClockFromTheLetter()
    {
        var data = PaknDriver.Data(channel: PaknChannel.DeskPaper) with { SubmittedAtUtc = Vn.Utc("2026-02-27 15:00") };

        var pakn = D.Submit(data: data, role: PaknActorRole.ReceptionOfficer);

        Assert.Equal("2026-02-27 15:00", Vn.Format(pakn.ClockStartedAt));
        Assert.Equal(PaknDriver.T0, Vn.Format(pakn.RecordedAt));
    }

    [Theory]
    [InlineData("2026-03-03 09:00", null)] // submitted in the future
    [InlineData("2026-02-20 09:00", "2026-02-19 09:00")] // transferred before it was submitted
    [InlineData("2026-02-20 09:00", "2026-03-05 09:00")] // transferred in the future
    public void Submit_ImpossibleTimes_InvalidTime(string submitted, string? transferred)
    {
        var data = PaknDriver.Data(channel: PaknChannel.Import) with
        {
            SubmittedAtUtc = Vn.Utc(submitted),
            TransferredInAtUtc = transferred is null ? null : Vn.Utc(transferred),
        };

        Assert.Equal("pakn.invalid_time", PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.System)).Error.Code);
    }

    [Fact]
    public void Submit_CodeOfAnotherYear_YearMismatch()
    {
        var data = PaknDriver.Data() with { TrackingCode = PaknTrackingCode.Generate(2025) };

        var error = Assert.IsType<PaknTrackingCodeYearMismatch>(PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.Citizen)).Error);

        Assert.Equal(("pakn.tracking_code_year_mismatch", 2025, 2026), (error.Code, error.CodeYear, error.SubmissionYear));
    }

    [Fact]
    public void Submit_SolutionWithoutAnIssue_InvalidCategories()
    {
        var data = PaknDriver.Data() with { Categories = [ProposedSolution] };

        Assert.Equal("pakn.invalid_categories", PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.Citizen)).Error.Code);
    }

    [Fact]
    public void Submit_MalformedProcedureCode_InvalidValue()
    {
        var data = PaknDriver.Data() with { ProcedureCode = new ProcedureCode("không phải mã") };

        Assert.Equal("pakn.invalid_value", PaknCase.Submit(data, D.Ctx(PaknDriver.T0, PaknActorRole.Citizen)).Error.Code);
    }

    [Fact]
    public void Classify_Regulation_SetsClassificationUnitAndCategories()
    {
        var pakn = D.Submit();

        D.Fire(pakn, new ClassifyPaknCommand(PaknClassification.Regulation, PaknKind.Feedback, [Inconsistent, Illegal], PaknDriver.HandlingUnit));

        Assert.Equal((PaknStatus.Classified, PaknClassification.Regulation, PaknKind.Feedback), (pakn.Status, pakn.Classification, pakn.Kind));
        Assert.Equal(PaknDriver.HandlingUnit, pakn.HandlingUnitId);
        Assert.Equal([Inconsistent, Illegal], pakn.Categories);
        Assert.Equal(Vn.Utc(PaknDriver.T0), pakn.ClassifiedAt);
        Assert.Equal($"Regulation; Feedback; 3,4; {PaknDriver.HandlingUnit:D}", pakn.History[^1].Detail);
    }

    [Theory]
    [InlineData(PaknClassification.Regulation, PaknKind.Petition, new[] { UnsuitableToReality })] // petition without a proposal
    [InlineData(PaknClassification.Regulation, PaknKind.Feedback, new[] { UnsuitableToReality, ProposedSolution })] // proposal in a feedback
    [InlineData(PaknClassification.StaffConduct, PaknKind.Feedback, new[] { Illegal })] // conduct without content 1
    [InlineData(PaknClassification.Regulation, PaknKind.Feedback, new[] { PaknContentCategory.StaffConduct })] // regulation about conduct only
    [InlineData(PaknClassification.Regulation, PaknKind.Petition, new[] { ProposedSolution })] // 7 alone
    [InlineData(PaknClassification.Regulation, PaknKind.Feedback, new[] { (PaknContentCategory)9 })]
    public void Classify_ContentsThatDoNotFit_InvalidCategoriesAndNothingChanges(
        PaknClassification classification, PaknKind kind, PaknContentCategory[] categories)
    {
        var pakn = D.Submit();

        var result = D.Try(pakn, new ClassifyPaknCommand(classification, kind, categories, PaknDriver.HandlingUnit));

        Assert.Equal("pakn.invalid_categories", result.Error.Code);
        Assert.Equal((PaknStatus.Received, 1, (PaknClassification?)null), (pakn.Status, pakn.Version, pakn.Classification));
    }

    [Fact]
    public void Classify_InitiativeAlone_IsAPetitionAboutRegulation()
    {
        var pakn = D.Submit();

        D.Fire(pakn, new ClassifyPaknCommand(PaknClassification.Regulation, PaknKind.Petition, [NewRegulationInitiative], PaknDriver.HandlingUnit));

        Assert.Equal(PaknStatus.Classified, pakn.Status);
    }

    [Fact]
    public void Classify_NoCategories_FieldRequired() =>
        Assert.Equal("pakn.field_required",
            D.Try(D.Submit(), new ClassifyPaknCommand(PaknClassification.Regulation, PaknKind.Feedback, [], PaknDriver.HandlingUnit)).Error.Code);

    [Fact]
    public void Refuse_RecordsReasonAndCloses()
    {
        var pakn = D.Submit();

        var entry = D.Fire(pakn, Refuse, "2026-03-03 10:00");

        Assert.Equal(PaknStatus.NotAccepted, pakn.Status);
        Assert.Equal(entry.Detail, pakn.RefusalReason);
        Assert.Equal("2026-03-03 10:00", Vn.Format(pakn.ClosedAt!.Value));
    }

    [Fact]
    public void Forward_RecordsTheRecipient()
    {
        var pakn = D.Submit();
        var unit = Guid.CreateVersion7();

        D.Fire(pakn, new ForwardPaknCommand(" Bộ Tài chính ", "Thuộc thẩm quyền của Bộ.", unit));

        Assert.Equal(("Bộ Tài chính", unit), (pakn.ForwardedToName, pakn.ForwardedToUnitId));
        Assert.Equal("Bộ Tài chính: Thuộc thẩm quyền của Bộ.", pakn.History[^1].Detail);
    }

    [Fact]
    public void ProvideSupplement_CorrectedContact_ReplacesItButKeepsTheAccount()
    {
        var account = Guid.CreateVersion7();
        var pakn = D.Submit(data: PaknDriver.Data() with { Submitter = PaknSamples.Person with { AccountId = account } });
        D.Fire(pakn, RequestSupplement);

        D.Fire(pakn, new ProvidePaknSupplementCommand("Địa chỉ đúng là số 14.", PaknSamples.Person with { Address = "Số 14 phố Hàng Bạc, Hà Nội" }));

        Assert.Equal(("Số 14 phố Hàng Bạc, Hà Nội", account), (pakn.Submitter.Address, pakn.Submitter.AccountId));
        Assert.Equal("Địa chỉ đúng là số 14.", pakn.History[^1].Detail);
        Assert.Equal(PaknStatus.Received, pakn.Status);
    }

    [Fact]
    public void RequestSupplement_Twice_FirstRequestTimeKept()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, RequestSupplement, "2026-03-03 09:00");
        D.Fire(pakn, ProvideSupplement, "2026-03-04 09:00");
        D.Fire(pakn, StartHandling, "2026-03-05 09:00");

        D.Fire(pakn, RequestSupplement, "2026-03-06 09:00");

        Assert.Equal("2026-03-03 09:00", Vn.Format(pakn.FirstSupplementRequestedAt!.Value));
        Assert.Equal(PaknStatus.InProgress, pakn.SupplementRequestedFrom);
    }

    [Fact]
    public void RecordReview_Partial_MergesByCriterion()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, StartHandling);

        D.Fire(pakn, new RecordPaknReviewCommand([new(PaknReviewCriterion.Simplicity, PaknReviewVerdict.NotMet, "Yêu cầu 3 bản sao là thừa.")]));
        D.Fire(pakn, new RecordPaknReviewCommand(
        [
            new(PaknReviewCriterion.Necessity, PaknReviewVerdict.Met),
            new(PaknReviewCriterion.Simplicity, PaknReviewVerdict.NotMet, "Chỉ cần 1 bản sao."),
        ]));

        Assert.Equal([PaknReviewCriterion.Necessity, PaknReviewCriterion.Simplicity], pakn.Review.Select(r => r.Criterion));
        Assert.Equal("Chỉ cần 1 bản sao.", pakn.Review[1].Note);
        Assert.Equal("Necessity=Met; Simplicity=NotMet", pakn.History[^1].Detail);
        Assert.False(PaknReview.IsComplete(pakn.Review));
    }

    [Fact]
    public void RecordReview_NotMetWithoutNote_InvalidValue()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, StartHandling);

        var result = D.Try(pakn, new RecordPaknReviewCommand([new(PaknReviewCriterion.Feasibility, PaknReviewVerdict.NotMet)]));

        Assert.Equal("pakn.invalid_value", result.Error.Code);
        Assert.Empty(pakn.Review);
    }

    [Fact]
    public void RecordReview_SameCriterionTwice_InvalidValue()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, StartHandling);
        var item = new PaknReviewItem(PaknReviewCriterion.Feasibility, PaknReviewVerdict.Met);

        Assert.Equal("pakn.invalid_value", D.Try(pakn, new RecordPaknReviewCommand([item, item])).Error.Code);
    }

    [Fact]
    public void RecordReview_ConductCase_NotApplicable()
    {
        var pakn = D.InState(PaknStatus.InProgress, classification: PaknClassification.StaffConduct);

        var result = D.Try(pakn, PaknDriver.Sample(RecordReview));

        Assert.Equal("pakn.review_not_applicable", result.Error.Code);
        Assert.DoesNotContain(RecordReview, pakn.AllowedTriggers(PaknActorRole.HandlingOfficer));
    }

    [Fact]
    public void Decide_AmendWithIncompleteReview_ReviewIncompleteListsTheMissingCriteria()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, StartHandling);
        D.Fire(pakn, new RecordPaknReviewCommand([new(PaknReviewCriterion.Necessity, PaknReviewVerdict.Met)]));
        D.Fire(pakn, new DraftPaknAnswerCommand(PaknDriver.Answer, PaknDecisionForm.AmendWithinAuthority));

        var error = Assert.IsType<PaknReviewIncomplete>(D.Try(pakn, PaknDriver.Sample(Decide)).Error);

        Assert.Equal("pakn.review_incomplete", error.Code);
        Assert.Equal(PaknReview.Criteria.Skip(1), error.Missing);
        Assert.Equal(PaknStatus.InProgress, pakn.Status);
    }

    [Fact]
    public void Decide_ExplanationWithoutReview_Decided()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, StartHandling);
        D.Fire(pakn, new DraftPaknAnswerCommand(PaknDriver.Answer, PaknDecisionForm.Explanation));

        var entry = D.Fire(pakn, Decide, "2026-03-05 10:00");

        Assert.Equal((PaknStatus.Decided, PaknDecisionForm.Explanation), (pakn.Status, pakn.DecisionForm));
        Assert.Equal(entry.ActorId, pakn.DecidedById);
        Assert.Equal("Explanation", entry.Detail);
    }

    [Fact]
    public void Decide_NoDraft_AnswerMissingAndNotOffered()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, StartHandling);

        Assert.Equal("pakn.answer_missing", D.Try(pakn, PaknDriver.Sample(Decide)).Error.Code);
        Assert.Empty(pakn.AllowedTriggers(PaknActorRole.Approver));
    }

    [Theory]
    [InlineData(PaknClassification.StaffConduct, PaknDecisionForm.AmendWithinAuthority)]
    [InlineData(PaknClassification.StaffConduct, PaknDecisionForm.Explanation)]
    [InlineData(PaknClassification.Regulation, PaknDecisionForm.HandledUnderApplicableProcedure)]
    public void DraftAnswer_FormThatDoesNotFitTheClassification_DecisionFormNotAllowed(PaknClassification classification, PaknDecisionForm form)
    {
        var pakn = D.InState(PaknStatus.InProgress, classification: classification);

        var result = D.Try(pakn, new DraftPaknAnswerCommand(PaknDriver.Answer, form));

        Assert.Equal("pakn.decision_form_not_allowed", result.Error.Code);
    }

    [Fact]
    public void ConductCase_HandledUnderApplicableProcedure_PublishedWithoutReview()
    {
        var pakn = D.InState(PaknStatus.Published, classification: PaknClassification.StaffConduct);

        Assert.Equal(PaknDecisionForm.HandledUnderApplicableProcedure, pakn.DecisionForm);
        Assert.Empty(pakn.Review);
        Assert.Equal([PaknPublicationChannel.Portal], pakn.PublicationChannels);
    }

    [Fact]
    public void ReturnForRevision_BackToHandlingWithTheReason()
    {
        var pakn = D.InState(PaknStatus.Decided);

        var entry = D.Fire(pakn, ReturnForRevision);

        Assert.Equal(PaknStatus.InProgress, pakn.Status);
        Assert.Equal("Bổ sung căn cứ pháp lý trong câu trả lời.", entry.Detail);
    }

    [Fact]
    public void RecordReactions_Totals_Replaced()
    {
        var pakn = D.InState(PaknStatus.Published);
        D.Fire(pakn, new RecordPaknReactionsCommand(3, 1));

        D.Fire(pakn, new RecordPaknReactionsCommand(2, 5));

        Assert.Equal((2, 5), (pakn.Likes, pakn.Dislikes));
        Assert.Equal("likes=2; dislikes=5", pakn.History[^1].Detail);
    }

    [Fact]
    public void RecordReactions_Negative_InvalidValue() =>
        Assert.Equal("pakn.invalid_value", D.Try(D.InState(PaknStatus.Published), new RecordPaknReactionsCommand(-1, 0)).Error.Code);

    [Fact]
    public void ReplySatisfied_StaysPublished()
    {
        var pakn = D.InState(PaknStatus.Published);

        D.Fire(pakn, new PaknReasonCommand(ReplySatisfied, "Cảm ơn Sở."), role: PaknActorRole.Citizen);

        Assert.Equal((PaknStatus.Published, true, "Cảm ơn Sở.", 0), (pakn.Status, pakn.SubmitterSatisfied, pakn.SubmitterReply, pakn.ReopenCount));
    }

    [Fact]
    public void ReplyDissatisfied_WithoutReason_InvalidValue() =>
        Assert.Equal("pakn.invalid_value", D.Try(D.InState(PaknStatus.Published), new PaknReasonCommand(ReplyDissatisfied, " ")).Error.Code);

    [Fact]
    public void Publish_Channels_Recorded()
    {
        var pakn = D.InState(PaknStatus.AwaitingPublication);

        D.Fire(pakn, new PublishPaknCommand([PaknPublicationChannel.LetterToSubmitter, PaknPublicationChannel.Portal]), "2026-03-03 10:00");

        Assert.Equal([PaknPublicationChannel.Portal, PaknPublicationChannel.LetterToSubmitter], pakn.PublicationChannels);
        Assert.Equal("2026-03-03 10:00", Vn.Format(pakn.PublishedAt!.Value));
        Assert.Equal("Portal, LetterToSubmitter", pakn.History[^1].Detail);
    }

    [Fact]
    public void Fire_NonUtcNow_Throws()
    {
        var pakn = D.Submit();
        var context = D.Ctx(PaknDriver.T0, PaknActorRole.ReceptionOfficer) with { NowUtc = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Unspecified) };

        Assert.Throws<ArgumentException>(() => pakn.Fire(PaknDriver.Sample(Refuse), context));
    }
}
