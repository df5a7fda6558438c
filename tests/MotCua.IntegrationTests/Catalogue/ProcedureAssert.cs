using MotCua.Domain.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Catalogue;

/// <summary>Compares a whole procedure aggregate: mapped columns, value records and every child list in order.</summary>
internal static class ProcedureAssert
{
    public static void Same(AppDbContext db, Procedure expected, Procedure actual)
    {
        EntityAssert.AllMappedPropertiesEqual(db, expected, actual);
        var label = $"{expected.Code} v{expected.Version}";
        Assert.True(expected.RequiredDocuments.SequenceEqual(actual.RequiredDocuments), $"{label}: required documents differ:\n{string.Join("\n", expected.RequiredDocuments)}\nvs\n{string.Join("\n", actual.RequiredDocuments)}");
        Assert.True(expected.Forms.SequenceEqual(actual.Forms), $"{label}: forms differ");
        Assert.True(expected.Fees.SequenceEqual(actual.Fees), $"{label}: fees differ");
        Assert.True(expected.InternalProcess.SequenceEqual(actual.InternalProcess), $"{label}: internal process differs");
        Assert.True(expected.LegalBasis.SequenceEqual(actual.LegalBasis), $"{label}: legal basis differs");
        Assert.True(expected.Conditions.SequenceEqual(actual.Conditions), $"{label}: conditions differ");
        Assert.Equal(expected.HasFees, actual.HasFees);
    }
}
