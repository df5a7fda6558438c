namespace MotCua.Domain.Common;

/// <summary>An expected failure: a business rule or input problem reported as a value, never thrown.</summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>deadline.negative_limit</c>.</param>
/// <param name="Message">A Vietnamese message that can be shown to the user.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "Error is the project-wide name (style.md §2.5); the code base is C# only.")]
public abstract record Error(string Code, string Message);
