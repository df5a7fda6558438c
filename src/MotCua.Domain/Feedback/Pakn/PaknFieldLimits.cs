namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The longest (and shortest) text each PAKN field may hold: the column sizes of the EF configuration and the
/// limits the API checks at the edge, from this one place.</summary>
/// <remarks>Name, e-mail and address follow <c>DossierFieldLimits</c> so one person's data fits both; subject and
/// content are bounded so that a case still prints on a few pages of the PAKN register [design].</remarks>
public static class PaknFieldLimits
{
    public const int SubmitterName = 300;
    public const int SubmitterPhone = 40;
    public const int SubmitterEmail = 320;
    public const int SubmitterAddress = 500;

    /// <summary>Shortest subject: a few words.</summary>
    public const int MinSubject = 5;

    public const int Subject = 300;

    /// <summary>Shortest content: ND 20/2008 Art. 7 wants clear content, which a word or two is not.</summary>
    public const int MinContent = 20;

    public const int Content = 10_000;

    /// <summary>A reason: refusal, supplement request, forwarding, a citizen's reply.</summary>
    public const int Reason = 2000;

    /// <summary>The name of the body a case is forwarded to.</summary>
    public const int BodyName = 300;

    /// <summary>The note on one review criterion.</summary>
    public const int ReviewNote = 2000;

    /// <summary>Shortest answer.</summary>
    public const int MinAnswer = 20;

    /// <summary>The answer and the published answer.</summary>
    public const int Answer = 20_000;

    /// <summary>A history entry's note.</summary>
    public const int Note = 2000;

    /// <summary>The identifier in the system a case was imported from.</summary>
    public const int ExternalId = 64;
}
