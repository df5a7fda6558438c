using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Pages;

/// <summary>The evaluation sheet as a form posts it (<c>_RatingSheet.cshtml</c>), for every rating page: the portal, the
/// QR page and the desk kiosk. It only carries the answers to <see cref="RateDossier.Handler"/>, which checks them.</summary>
public sealed class RatingInput
{
    /// <summary>The 1–5 scale, most dissatisfied first (ND 61/2018 Art. 31(1); TT 01/2018 Art. 12).</summary>
    public static readonly IReadOnlyList<int> Scale = [5, 4, 3, 2, 1];

    public int? Overall { get; set; }

    public int? StaffAttitude { get; set; }

    public int? TimesContacted { get; set; }

    public int? AgenciesContacted { get; set; }

    /// <summary>"yes", "no" or nothing: a radio pair with a "not answered" default, not a checkbox, so that "no" is an answer.</summary>
    public string? UnofficialCost { get; set; }

    public string? Comment { get; set; }

    public RateDossier.RatingSheet ToSheet(string? channel) =>
        new(channel, Overall, TimesContacted, AgenciesContacted, StaffAttitude, Cost, Comment);

    public RateDossier.PublicRatingSheet ToPublic(string? digits) =>
        new(digits, Overall, TimesContacted, AgenciesContacted, StaffAttitude, Cost, Comment);

    private bool? Cost => UnofficialCost switch { "yes" => true, "no" => false, _ => null };
}
