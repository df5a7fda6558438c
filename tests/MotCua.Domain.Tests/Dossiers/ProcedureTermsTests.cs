using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Tests.Catalogue;

namespace MotCua.Domain.Tests.Dossiers;

public class ProcedureTermsTests
{
    [Fact]
    public void From_CatalogueVersion_ReadsPoliciesByName()
    {
        var procedure = MotCua.Domain.Catalogue.Procedure.Create(ADraft.Valid() with { FinancialObligation = true, FinancialObligationPausesClock = true }).Value;
        var terms = ProcedureTerms.From(procedure);

        Assert.True(terms.IsSuccess);
        Assert.Equal(DeadlinePolicy.CalendarDayEnd, terms.Value.DeadlinePolicy);
        Assert.Equal(SupplementClockPolicy.SupplementRestart, terms.Value.SupplementPolicy);
        Assert.True(terms.Value.FinancialObligationPausesClock);
        Assert.Equal(procedure.ProcessingTime, terms.Value.TimeLimit);
        Assert.Equal(4, terms.Value.InternalSteps.Count);
    }

    [Theory]
    [InlineData("Weekly", "SupplementRestart", "deadline")]
    [InlineData("1", "SupplementRestart", "deadline")]
    public void From_UnknownDeadlinePolicyName_UnknownPolicy(string deadline, string supplement, string kind)
    {
        var procedure = MotCua.Domain.Catalogue.Procedure.Create(ADraft.Valid() with { DeadlinePolicy = deadline, SupplementPolicy = supplement });
        Assert.True(procedure.IsSuccess);
        Assert.Equal(kind, Assert.IsType<UnknownPolicy>(ProcedureTerms.From(procedure.Value).Error).Kind);
    }

    [Fact]
    public void From_PausingVersion_PausesAndRestartVersion_DoesNot()
    {
        var pausing = MotCua.Domain.Catalogue.Procedure.Create(ADraft.Valid() with
        {
            FinancialObligation = true,
            FinancialObligationPausesClock = true,
            SupplementPolicy = nameof(SupplementClockPolicy.SupplementPause),
        }).Value;

        var terms = ProcedureTerms.From(pausing).Value;
        var plain = ProcedureTerms.From(ADraft.Create()).Value;

        Assert.Equal((SupplementClockPolicy.SupplementPause, true), (terms.SupplementPolicy, terms.FinancialObligationPausesClock));
        Assert.Equal((SupplementClockPolicy.SupplementRestart, false), (plain.SupplementPolicy, plain.FinancialObligationPausesClock));
    }
}
