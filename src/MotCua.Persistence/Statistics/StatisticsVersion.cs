namespace MotCua.Persistence.Statistics;

/// <summary>The version of the kept statistics: one row, raised by one in every transaction that changes them (an
/// applied batch of the queue, a rebuild). A report run records the version it read, so two runs with the same version
/// read the same counts.</summary>
public sealed class StatisticsVersion
{
    /// <summary>The only row's id.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
