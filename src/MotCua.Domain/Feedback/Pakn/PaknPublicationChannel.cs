namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Where a handling result is made public (ND 20/2008 Art. 19).</summary>
public enum PaknPublicationChannel
{
    /// <summary>The unit's website or the portal.</summary>
    Portal,

    /// <summary>Mass media.</summary>
    MassMedia,

    /// <summary>A letter to the submitter.</summary>
    LetterToSubmitter,

    /// <summary>Another form.</summary>
    Other,
}
