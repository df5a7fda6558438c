using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;

namespace MotCua.Domain.Tests.Feedback.Pakn;

// Publication (ND 20/2008 Art. 19): the answer goes out without personal data, within its own limit.
public class PaknPublicationTests
{
    private const string M = PaknRedaction.Mask;

    [Fact]
    public void SubmitForPublication_AnswerWithPersonalData_PublishedWithoutIt()
    {
        var d = new PaknDriver();
        var pakn = d.InState(PaknStatus.InProgress);
        d.Fire(pakn, new DraftPaknAnswerCommand(
            "Kính gửi ông Nguyễn Văn An (số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội; ĐT 0912345678; CCCD 001090000123): "
            + "Sở Tư pháp đã tiếp thu và sửa đổi quy định.", PaknDecisionForm.AmendWithinAuthority));
        d.Fire(pakn, PaknTrigger.Decide);

        d.Fire(pakn, PaknDriver.Sample(PaknTrigger.SubmitForPublication));

        Assert.Equal($"Kính gửi ông {M} ({M}; ĐT {M}; CCCD {M}): Sở Tư pháp đã tiếp thu và sửa đổi quy định.", pakn.PublishedAnswer);
        Assert.Contains("Nguyễn Văn An", pakn.AnswerText, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitForPublication_PublisherText_AlsoRedacted()
    {
        var d = new PaknDriver();
        var pakn = d.InState(PaknStatus.Decided);

        d.Fire(pakn, new SubmitPaknForPublicationCommand("Trả lời ông Nguyễn Văn An: quy định sẽ được sửa đổi trong năm 2026."));

        Assert.Equal($"Trả lời ông {M}: quy định sẽ được sửa đổi trong năm 2026.", pakn.PublishedAnswer);
    }

    [Fact]
    public void SubmitForPublication_SetsPublicationDueTwoWorkingDaysLater()
    {
        var d = new PaknDriver();
        var pakn = d.InState(PaknStatus.Decided, "2026-04-24 10:00");

        d.Fire(pakn, PaknDriver.Sample(PaknTrigger.SubmitForPublication), "2026-04-24 10:00");

        // Fri 24 Apr; 26/4 Giỗ Tổ (Sunday), Mon 27 compensatory, Thu 30/4 and Fri 1/5 holidays: Tue 28 (1), Wed 29 (2).
        Assert.Equal("2026-04-29 17:00", Vn.Format(pakn.PublicationDueAt!.Value));
        Assert.Equal("2026-04-24 10:00", Vn.Format(pakn.HandlingCompletedAt!.Value));
    }
}
