namespace MotCua.Web.Notifications;

/// <summary>Vietnamese phone numbers as SMS gateways expect them.</summary>
internal static class PhoneNumbers
{
    /// <summary>Normalises "0912 345 678", "+84912345678" or "84-912-345-678" to "84912345678".</summary>
    /// <returns>Null when the text is not a Vietnamese number (a 0 or 84 prefix and nine further digits).</returns>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = new string(text.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        var plus = compact.StartsWith('+');
        var digits = plus ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (!plus && digits.Length == 10 && digits[0] == '0')
        {
            return "84" + digits[1..];
        }

        return digits.Length == 11 && digits.StartsWith("84", StringComparison.Ordinal) && digits[2] != '0' ? digits : null;
    }
}
