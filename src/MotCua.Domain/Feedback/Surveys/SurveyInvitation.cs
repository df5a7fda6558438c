using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The invitation of one sampled respondent: the only respondent record, and it holds no personal data.</summary>
/// <remarks>
/// <para>ND 61/2018 Art. 27(3) keeps evaluators' identities confidential, so the invitation keeps the campaign, the
/// unit (the response is attributed to it), the token's hash and a keyed fingerprint of the dossier
/// (<see cref="InvitationToken.DossierKey"/>), never the dossier id, the applicant or their contact. Whoever sends the
/// message reads the contact from the dossier at issue time and sends the raw token at once.</para>
/// <para>A response does not point back to its invitation, and the invitation records only <see cref="IsUsed"/>, not
/// when: nothing in the store links an answer to a dossier.</para>
/// </remarks>
public sealed class SurveyInvitation
{
    private SurveyInvitation()
    {
        TokenHash = string.Empty;
        DossierKey = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The campaign.</summary>
    public Guid CampaignId { get; private set; }

    /// <summary>The unit the respondent was served by.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>SHA-256 of the token (<see cref="InvitationToken.Hash"/>); unique, the lookup key.</summary>
    public string TokenHash { get; private set; }

    /// <summary>The dossier's keyed fingerprint in this campaign; unique per campaign.</summary>
    public string DossierKey { get; private set; }

    /// <summary>The Vietnam date the invitation was issued; a date, not an instant, like the response's.</summary>
    public DateOnly IssuedOn { get; private set; }

    /// <summary>Whether a response was given with it.</summary>
    public bool IsUsed { get; private set; }

    /// <summary>Optimistic-concurrency token: two submissions with one token give one response.</summary>
    public int Version { get; private set; }

    /// <summary>Issues the invitation of a drawn dossier, with a fresh token.</summary>
    /// <param name="id">The invitation's id.</param>
    /// <param name="campaign">The campaign, sampling or collecting.</param>
    /// <param name="drawn">The dossier, as drawn by <see cref="SurveyCampaign.DrawSample"/>.</param>
    /// <param name="secret">The invitation secret from configuration (<see cref="InvitationToken.DossierKey"/>).</param>
    /// <param name="issuedOn">Today in Vietnam.</param>
    public static Result<IssuedInvitation> Issue(
        Guid id, SurveyCampaign campaign, SampledDossier drawn, ReadOnlySpan<byte> secret, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(drawn);
        if (campaign.Status is not (SurveyCampaignStatus.Sampling or SurveyCampaignStatus.Collecting))
        {
            return new CampaignNotSampling(campaign.Status);
        }

        if (campaign.Unit(drawn.UnitId) is null)
        {
            return new UnitNotInScope(drawn.UnitId);
        }

        var token = InvitationToken.New();
        var invitation = new SurveyInvitation
        {
            Id = id,
            CampaignId = campaign.Id,
            UnitId = drawn.UnitId,
            TokenHash = InvitationToken.Hash(token),
            DossierKey = InvitationToken.DossierKey(campaign.Id, drawn.DossierId, secret),
            IssuedOn = issuedOn,
            Version = 1,
        };
        return new IssuedInvitation(invitation, token);
    }

    /// <summary>A new token for a respondent who lost theirs (issue 9 §3): the old token stops working at once, since only
    /// its hash identified the invitation and that hash is replaced. Only while the campaign samples or collects, and
    /// never once answered (a second response would otherwise be possible).</summary>
    /// <param name="campaign">The invitation's campaign.</param>
    /// <param name="issuedOn">Today in Vietnam: the new token's issue date.</param>
    /// <returns>The raw new token, once: send it at once and never store it.</returns>
    public Result<string> Reissue(SurveyCampaign campaign, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Id != CampaignId)
        {
            throw new ArgumentException("The invitation belongs to another campaign.", nameof(campaign));
        }

        if (campaign.Status is not (SurveyCampaignStatus.Sampling or SurveyCampaignStatus.Collecting))
        {
            return new CampaignNotSampling(campaign.Status);
        }

        if (IsUsed)
        {
            return new InvitationAlreadyUsed();
        }

        var token = InvitationToken.New();
        TokenHash = InvitationToken.Hash(token);
        IssuedOn = issuedOn;
        Version++;
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is this invitation's (constant-time comparison of the hashes).</summary>
    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(InvitationToken.Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    internal Error? Use()
    {
        if (IsUsed)
        {
            return new InvitationAlreadyUsed();
        }

        IsUsed = true;
        Version++;
        return null;
    }
}

/// <summary>A new invitation and its raw token: send the token in the invitation message at once and never store it.</summary>
/// <param name="Invitation">The invitation to store.</param>
/// <param name="Token">The raw token, for the link.</param>
public sealed record IssuedInvitation(SurveyInvitation Invitation, string Token);
