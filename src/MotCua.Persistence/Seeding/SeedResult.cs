namespace MotCua.Persistence.Seeding;

/// <summary>What a seeding run added (zero everywhere when the data was already there).</summary>
public sealed record SeedResult(string Preset, int RolesAdded, int UnitsAdded, int DesksAdded, int UsersAdded, int AssignmentsAdded, int ProceduresAdded)
{
    /// <summary>Demo dossiers added (see <c>DemoDossierSeeder</c>).</summary>
    public int DossiersAdded { get; init; }

    /// <summary>Published SIPAS questionnaires added (see <c>DemoSurveySeeder</c>).</summary>
    public int QuestionnairesAdded { get; init; }

    /// <summary>Demo PAR Index frameworks added (see <c>DemoParIndexSeeder</c>).</summary>
    public int ParFrameworksAdded { get; init; }

    public int Total => RolesAdded + UnitsAdded + DesksAdded + UsersAdded + AssignmentsAdded + ProceduresAdded + DossiersAdded + QuestionnairesAdded
        + ParFrameworksAdded;
}
