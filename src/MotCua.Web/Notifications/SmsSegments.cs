namespace MotCua.Web.Notifications;

/// <summary>How many SMS segments a text costs (3GPP TS 23.038): Vietnamese with diacritics needs UCS-2, which is
/// why the templates write SMS without them.</summary>
internal static class SmsSegments
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "\f^{}\\[~]|€";

    public static (int Segments, string Encoding) Count(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c, StringComparison.Ordinal))
            {
                septets++;
            }
            else if (Gsm7Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                return (Split(text.Length, single: 70, concatenated: 67), "UCS-2");
            }
        }

        return (Split(septets, single: 160, concatenated: 153), "GSM-7");
    }

    private static int Split(int units, int single, int concatenated) =>
        units <= single ? 1 : (units + concatenated - 1) / concatenated;
}
