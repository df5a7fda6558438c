using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MotCua.Web.Features.Reports.Cchc;

/// <summary>A CCHC report (<see cref="CchcDocument"/>) as a Word document (OpenXml SDK, docs/dependencies.md): A4 portrait,
/// Times New Roman 13 pt as Nghị định 30/2020/NĐ-CP asks; the two-column header (authority, unit and number left; the
/// country's name, motto, place and date right) as a borderless table; "BÁO CÁO" and the title centred; the body's headings,
/// paragraphs and figure tables (bordered, header row repeated on each page); recipients and signature.</summary>
public static class CchcDocx
{
    private const string Font = "Times New Roman";

    public static byte[] Write(CchcDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(HeaderTable(document));
            body.Append(Para(document.Kind, bold: true, centre: true, size: 28, spaceBefore: 240));
            body.Append(Para(document.Title, bold: true, centre: true));
            body.Append(Para(document.PeriodLine, italic: true, centre: true, size: 24));
            body.Append(Para(document.StatusLine, italic: true, centre: true, size: 22));
            foreach (var block in document.Blocks)
            {
                switch (block.Kind)
                {
                    case "h1":
                        body.Append(Para(block.Text, bold: true, spaceBefore: 200));
                        break;
                    case "h2":
                        body.Append(Para(block.Text, bold: true, italic: true, spaceBefore: 120));
                        break;
                    case "table":
                        body.Append(Table(block));
                        break;
                    default:
                        body.Append(Para(block.Text, justify: true, firstLine: true));
                        break;
                }
            }

            body.Append(Footer(document));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table HeaderTable(CchcDocument d)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(Grid(2));
        var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2000", Type = TableWidthUnitValues.Pct }));
        if (d.Authority.Length > 0)
        {
            left.Append(Para(d.Authority, centre: true, size: 24));
        }

        left.Append(Para(d.Unit, bold: true, centre: true, size: 24));
        left.Append(Para(d.NumberLine, centre: true, size: 24));
        var right = new TableCell(new TableCellProperties(new TableCellWidth { Width = "3000", Type = TableWidthUnitValues.Pct }),
            Para(d.Country, bold: true, centre: true, size: 24), Para(d.Motto, bold: true, centre: true), Para(d.PlaceDate, italic: true, centre: true));
        table.Append(new TableRow(left, right));
        return table;
    }

    private static Table Table(CchcBlock block)
    {
        var border = new Func<BorderType, BorderType>(b =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4U;
            return b;
        });
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border(new TopBorder()), border(new BottomBorder()), border(new LeftBorder()), border(new RightBorder()),
                border(new InsideHorizontalBorder()), border(new InsideVerticalBorder()))));
        table.Append(Grid(block.Header?.Count ?? (block.Rows is { Count: > 0 } r ? r[0].Count : 1)));
        if (block.Header is { } header)
        {
            var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
            headerRow.Append(header.Select(h => new TableCell(Para(h, bold: true, centre: true, size: 20))));
            table.Append(headerRow);
        }

        var rows = block.Rows ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var bold = block.BoldLast && i == rows.Count - 1;
            table.Append(new TableRow(rows[i].Select((v, c) => new TableCell(Para(v, bold: bold, right: c > 0 && CchcReportExports.IsNumber(v), size: 20)))));
        }

        return table;
    }

    private static IEnumerable<OpenXmlElement> Footer(CchcDocument d)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(Grid(2));
        var left = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2500", Type = TableWidthUnitValues.Pct }),
            Para(d.RecipientsTitle, bold: true, italic: true, size: 24));
        left.Append(d.Recipients.Select(r => Para("- " + r, size: 22)));
        var right = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2500", Type = TableWidthUnitValues.Pct }),
            Para(d.SignatureTitle, bold: true, centre: true));
        table.Append(new TableRow(left, right));
        return [Para(string.Empty), table];
    }

    private static TableGrid Grid(int columns) => new(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9071 / columns).ToString(CultureInfo.InvariantCulture) }));

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool centre = false, bool right = false, bool justify = false,
        bool firstLine = false, int size = 26, int spaceBefore = 0)
    {
        // Children in the schema's order: spacing, indentation, justification; fonts, bold, italic, size.
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "60" });
        if (firstLine)
        {
            properties.Append(new Indentation { FirstLine = "567" });
        }

        if (centre || right || justify)
        {
            properties.Append(new Justification { Val = centre ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Both });
        }

        var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
