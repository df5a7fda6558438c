using System.Globalization;

namespace MotCua.Domain.Common;

/// <summary>What is wrong with one input, said in Vietnamese and translatable: a stable <see cref="Code"/>, the
/// Vietnamese composite <see cref="Format"/> and its <see cref="Args"/>. The API answers with <see cref="Text"/>; a page
/// in another language shows its own text for the code (resource <c>Field_{code}</c>) with the same arguments, so that
/// an English page never shows a Vietnamese rule message (issue 8 §6).</summary>
/// <remarks>An argument may itself be a <see cref="FieldMessage"/> (a field's label, the name of a kind of day): it is
/// put in the same language as the message around it. The format is a literal in the code, never built from other
/// text, so that its translation can be checked against it.</remarks>
public sealed class FieldMessage : IEquatable<FieldMessage>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="code">Stable machine-readable code, e.g. <c>applicant.identity_number</c>.</param>
    /// <param name="format">The Vietnamese text, with <c>{0}</c>… for <paramref name="args"/>.</param>
    /// <param name="args">The particulars: numbers, dates, names, or nested messages.</param>
    public FieldMessage(string code, string format, params object?[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        Code = code;
        Format = format;
        Args = args;
    }

    /// <summary>The stable code a translation is keyed by.</summary>
    public string Code { get; }

    /// <summary>The Vietnamese composite format.</summary>
    public string Format { get; }

    /// <summary>The arguments of <see cref="Format"/>.</summary>
    public IReadOnlyList<object?> Args { get; }

    /// <summary>The message in Vietnamese, as the engine and the API give it.</summary>
    public string Text => Render(m => m.Format, Vietnamese);

    /// <summary>The message with <paramref name="formatOf"/> giving the format of it and of every nested message, the
    /// arguments formatted for <paramref name="culture"/>.</summary>
    public string Render(Func<FieldMessage, string> formatOf, IFormatProvider culture)
    {
        ArgumentNullException.ThrowIfNull(formatOf);
        var format = formatOf(this);
        return Args.Count == 0
            ? format
            : string.Format(culture, format, [.. Args.Select(a => a is FieldMessage nested ? nested.Render(formatOf, culture) : a)]);
    }

    /// <summary>An engine error reported under a field: its <see cref="ITranslatableError.Detail"/>, or else its code (a
    /// page in another language shows <c>Error_{code}</c>, the error's wording without its particulars) and message.</summary>
    public static FieldMessage From(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is ITranslatableError translatable ? translatable.Detail : new FieldMessage(error.Code, error.Message);
    }

    /// <inheritdoc />
    public bool Equals(FieldMessage? other) =>
        other is not null && Code == other.Code && Format == other.Format && Args.SequenceEqual(other.Args);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldMessage);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Format, Args.Count);

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>An error whose message has particulars (a field's name, a limit) that a page in another language must say
/// too: its <see cref="Error.Message"/> is <see cref="Detail"/>'s Vietnamese text, and <see cref="Detail"/> carries the
/// code and the arguments.</summary>
public interface ITranslatableError
{
    /// <summary>The error's message, translatable.</summary>
    FieldMessage Detail { get; }
}

/// <summary>An <see cref="Error"/> that is its <see cref="ITranslatableError.Detail"/>: the code and the Vietnamese
/// message both come from it.</summary>
public abstract record TranslatableError(FieldMessage Detail) : Error(Detail.Code, Detail.Text), ITranslatableError;
