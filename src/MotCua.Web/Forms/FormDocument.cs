namespace MotCua.Web.Forms;

/// <summary>The data of one legal form of TT 01/2018/TT-VPCP (Mẫu số 01–06), ready to print.</summary>
/// <remarks>
/// Plain view models: the dossier workflow maps its aggregate onto them, so the templates do not depend on how
/// dossiers are stored. Instants are UTC <see cref="DateTime"/>s; the forms print them in Vietnam time.
/// </remarks>
public abstract record FormDocument
{
    /// <summary>The agency printed in the top-left corner.</summary>
    public required AgencyHeading Agency { get; init; }
}
