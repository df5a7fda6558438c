using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

/// <summary>One line of the counter checklist: a required document of the procedure version and how the desk received
/// it. Printed in the "Thành phần hồ sơ" table of Form 01 (TT 01/2018 Form 01; ND 61/2018 Art. 17(1)).</summary>
/// <param name="DocumentIndex">The 0-based position of the document in the version's <c>RequiredDocuments</c>.</param>
/// <param name="Name">The document's name, copied from the version (a later catalogue version never renames it).</param>
/// <param name="ReceivedAs">The form handed in: original, certified copy, copy (checked against the original) or scan.</param>
/// <param name="Copies">How many copies were handed in.</param>
public sealed record ChecklistItem(int DocumentIndex, string Name, DocumentForms ReceivedAs, int Copies);

/// <summary>What the desk ticked for one required document: its index, the form received and the number of copies.</summary>
public sealed record ChecklistTick(int DocumentIndex, DocumentForms ReceivedAs, int Copies);

/// <summary>Builds a dossier's checklist from the desk's ticks against the procedure version's required documents.</summary>
public static class DossierChecklist
{
    /// <summary>The most copies of one document the desk may record (a sanity bound, not a legal figure).</summary>
    public const int MaxCopies = 99;

    private static readonly DocumentForms[] SingleForms = [DocumentForms.Original, DocumentForms.CertifiedCopy, DocumentForms.Copy, DocumentForms.Scan];

    /// <summary>The checklist for <paramref name="ticks"/>, in the version's document order, or the first problem:
    /// an index outside the version's list or given twice, a form that is not exactly one form or that the procedure does
    /// not accept for that document (ND 63/2010 Art. 8(2)(c) fixes the accepted forms), or a number of copies outside
    /// 1–<see cref="MaxCopies"/>.</summary>
    public static Result<IReadOnlyList<ChecklistItem>> Build(IReadOnlyList<RequiredDocument> required, IEnumerable<ChecklistTick> ticks)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(ticks);
        var items = new List<ChecklistItem>();
        foreach (var tick in ticks)
        {
            if (tick.DocumentIndex < 0 || tick.DocumentIndex >= required.Count)
            {
                return new InvalidChecklist($"giấy tờ số {tick.DocumentIndex + 1} không có trong thành phần hồ sơ của thủ tục");
            }

            var document = required[tick.DocumentIndex];
            if (items.Exists(i => i.DocumentIndex == tick.DocumentIndex))
            {
                return new InvalidChecklist($"\"{document.Name}\" được ghi hai lần");
            }

            if (Array.IndexOf(SingleForms, tick.ReceivedAs) < 0)
            {
                return new InvalidChecklist($"\"{document.Name}\": phải chọn một hình thức (bản chính, bản sao chứng thực, bản sao hoặc bản chụp)");
            }

            if ((document.Forms & tick.ReceivedAs) == 0)
            {
                return new InvalidChecklist($"\"{document.Name}\": thủ tục không chấp nhận hình thức này");
            }

            if (tick.Copies is < 1 or > MaxCopies)
            {
                return new InvalidChecklist($"\"{document.Name}\": số lượng phải từ 1 đến {MaxCopies}");
            }

            items.Add(new ChecklistItem(tick.DocumentIndex, document.Name, tick.ReceivedAs, tick.Copies));
        }

        return items.OrderBy(i => i.DocumentIndex).ToList();
    }
}
