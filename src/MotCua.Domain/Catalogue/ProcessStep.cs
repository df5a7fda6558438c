namespace MotCua.Domain.Catalogue;

/// <summary>One step of the internal process with its slice of the processing time (TT 01/2018 Art. 8; ND 61/2018 Art. 19(6)).</summary>
/// <param name="Order">1-based position; orders are consecutive.</param>
/// <param name="Name">Vietnamese description of the step.</param>
/// <param name="Role">Who performs it.</param>
/// <param name="AgencyName">The other agency, required when <paramref name="Role"/> is <see cref="PerformerRole.OtherAgency"/>.</param>
/// <param name="Slice">Time allotted, in the procedure's <see cref="Calendar.ProcessingTimeUnit"/>; may be fractional.</param>
public sealed record ProcessStep(int Order, string Name, PerformerRole Role, string? AgencyName, decimal Slice);
