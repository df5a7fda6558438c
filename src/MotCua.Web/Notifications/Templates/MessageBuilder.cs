using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MotCua.Web.Notifications.Templates;

/// <summary>Builds one message as blocks and renders it twice, as plain text and as simple HTML, so the two never
/// drift apart. Every value is HTML-encoded.</summary>
internal sealed class MessageBuilder
{
    // Vietnamese letters stay readable in the source; only markup-significant characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly List<Block> _blocks = [];

    public MessageBuilder Paragraph(string text)
    {
        _blocks.Add(new Block(BlockKind.Paragraph, [text]));
        return this;
    }

    /// <summary>Label–value lines, e.g. "Mã hồ sơ: …".</summary>
    public MessageBuilder Fields(params (string Label, string? Value)[] fields)
    {
        var lines = fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Label + ": " + f.Value).ToList();
        if (lines.Count > 0)
        {
            _blocks.Add(new Block(BlockKind.Lines, lines));
        }

        return this;
    }

    public MessageBuilder NumberedList(IEnumerable<string> items)
    {
        _blocks.Add(new Block(BlockKind.Numbered, items.ToList()));
        return this;
    }

    /// <summary>A heading line directly followed by its bullets.</summary>
    public MessageBuilder Section(string heading, IEnumerable<string> bullets)
    {
        _blocks.Add(new Block(BlockKind.Section, [heading, .. bullets]));
        return this;
    }

    public string RenderText()
    {
        var text = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            for (var i = 0; i < block.Lines.Count; i++)
            {
                var prefix = block.Kind switch
                {
                    BlockKind.Numbered => $"{i + 1}. ",
                    BlockKind.Section when i > 0 => "- ",
                    _ => string.Empty,
                };
                text.Append(prefix).Append(block.Lines[i]).Append('\n');
            }
        }

        return text.ToString();
    }

    public string RenderHtml(string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Encoder.Encode(title))
            .Append("</title></head>\n<body style=\"font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5\">\n");
        foreach (var block in _blocks)
        {
            var encoded = block.Lines.Select(Encoder.Encode);
            html.Append(block.Kind switch
            {
                BlockKind.Paragraph => "<p>" + string.Concat(encoded) + "</p>\n",
                BlockKind.Lines => "<p>" + string.Join("<br>\n", encoded) + "</p>\n",
                BlockKind.Section => "<p>" + encoded.First() + "</p>\n" + (block.Lines.Count > 1
                    ? "<ul>\n" + string.Concat(encoded.Skip(1).Select(l => "<li>" + l + "</li>\n")) + "</ul>\n"
                    : string.Empty),
                _ => "<ol>\n" + string.Concat(encoded.Select(l => "<li>" + l + "</li>\n")) + "</ol>\n",
            });
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private enum BlockKind
    {
        Paragraph,
        Lines,
        Numbered,
        Section,
    }

    private sealed record Block(BlockKind Kind, IReadOnlyList<string> Lines);
}
