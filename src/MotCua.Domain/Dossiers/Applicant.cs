namespace MotCua.Domain.Dossiers;

/// <summary>The applicant (chủ hồ sơ). Personal data: never log these fields.</summary>
/// <param name="FullName">Name of the person or organisation.</param>
/// <param name="IdentityNumber">Personal identification number (CCCD) or business code.</param>
/// <param name="Phone">Phone number for notifications.</param>
/// <param name="Email">E-mail address for notifications.</param>
/// <param name="Address">Postal address.</param>
public sealed record Applicant(string FullName, string? IdentityNumber, string? Phone, string? Email, string? Address);
