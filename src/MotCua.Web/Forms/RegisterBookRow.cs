namespace MotCua.Web.Forms;

/// <summary>One dossier in the register book (Form 06).</summary>
public sealed record RegisterBookRow
{
    /// <summary>"Số thứ tự": continuous from 01 to the end of the year, never restarted by a new book (TT 01/2018 Art. 10).</summary>
    public required int Number { get; init; }

    public required string DossierCode { get; init; }

    public required string ProcedureName { get; init; }

    public int NumberOfSets { get; init; } = 1;

    public required string ApplicantName { get; init; }

    /// <summary>"Địa chỉ, số điện thoại".</summary>
    public string? ApplicantContact { get; init; }

    /// <summary>"Cơ quan chủ trì giải quyết".</summary>
    public required string HandlingAgency { get; init; }

    public required DateTime ReceivedAtUtc { get; init; }

    public required DateTime AppointmentAtUtc { get; init; }

    /// <summary>When the desk handed the dossier to the handling agency.</summary>
    public DateTime? HandedToAgencyAtUtc { get; init; }

    public string? HandedToAgencySignedBy { get; init; }

    /// <summary>When the desk received the result from the handling agency.</summary>
    public DateTime? ResultReceivedAtUtc { get; init; }

    public string? ResultReceivedSignedBy { get; init; }

    /// <summary>When the result was returned to the applicant.</summary>
    public DateTime? ReturnedAtUtc { get; init; }

    public string? ReturnedSignedBy { get; init; }

    public string? Note { get; init; }
}
