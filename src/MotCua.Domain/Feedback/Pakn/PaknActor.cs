namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Who fires a PAKN trigger, as far as the workflow table is concerned (domain.md §10.4: reception officer,
/// handling agency, approver, publisher).</summary>
/// <remarks>Like <c>DossierActorRole</c>, separate from the access-control roles: the web layer maps an authenticated
/// user to one of these and checks the unit scope and, for <see cref="Citizen"/>, that the user is the submitter.</remarks>
public enum PaknActorRole
{
    /// <summary>The submitter (signed in on the portal).</summary>
    Citizen,

    /// <summary>The officer who receives, logs and classifies PAKN (Sở Tư pháp or legal unit, VPCP focal point, one-stop
    /// desk; ND 20/2008 Art. 9).</summary>
    ReceptionOfficer,

    /// <summary>The officer of the handling unit who reviews the case and drafts the answer (Art. 14).</summary>
    HandlingOfficer,

    /// <summary>The head of the handling unit or the authorised deputy, who decides (Art. 14(2)(d), 15).</summary>
    Approver,

    /// <summary>The officer who publishes answers on the portal (Art. 19).</summary>
    Publisher,

    /// <summary>An integration acting without a person: DVCQG synchronisation, an import, a job.</summary>
    System,
}

/// <summary>The person or system firing a trigger.</summary>
/// <param name="Id">The user id; <see langword="null"/> for <see cref="PaknActorRole.System"/>.</param>
/// <param name="Role">The role the table checks.</param>
public sealed record PaknActor(Guid? Id, PaknActorRole Role);
