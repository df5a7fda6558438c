namespace MotCua.Domain.Common;

/// <summary>An expected failure, returned as a value instead of thrown.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>catalogue.field_required</c>.</param>
/// <param name="Message">Human-readable explanation for logs and developers.</param>
#pragma warning disable CA1716 // "Error" is only a keyword in Visual Basic; the project is C#.
public abstract record Error(string Code, string Message);
#pragma warning restore CA1716
