namespace MotCua.Domain.Common;

/// <summary>Rules shared by every free-text field a person types (comments, reasons, answers): the one place that
/// says which characters are refused, so the API's request validation and the domain agree.</summary>
public static class FreeText
{
    /// <summary>Whether <paramref name="text"/> holds a control character other than tab, carriage return and line
    /// feed: NUL and friends break PostgreSQL text columns, printed forms and CSV exports.</summary>
    public static bool HasControlCharacters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsForbidden(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A control character that a typed text may not hold.</summary>
    public static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');
}
