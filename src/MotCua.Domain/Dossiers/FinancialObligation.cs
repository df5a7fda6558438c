namespace MotCua.Domain.Dossiers;

/// <summary>A request to pay taxes, fees or charges before the result (domain.md §2.6, T16–T17).</summary>
/// <param name="AmountVnd">Amount to pay, in đồng.</param>
/// <param name="Description">What is to be paid.</param>
/// <param name="RequestedAt">When the request was sent (UTC).</param>
/// <param name="PaidAt">When payment was confirmed (UTC).</param>
/// <param name="ReceiptNumber">The receipt (biên lai) number.</param>
public sealed record FinancialObligation(decimal AmountVnd, string? Description, DateTime RequestedAt, DateTime? PaidAt, string? ReceiptNumber);
