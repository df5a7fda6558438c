using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MotCua.Web.Features.Reports.Exports;

/// <summary>A report run (<see cref="ReportSheet"/>) as an Excel workbook laid out as the printed form: the title block
/// (form number and legal basis left, title and period centre, reporting unit, receiving unit and unit of count right),
/// the two-level header with merged cells and the column numbers (1)…(N), the lines (percentages with two decimals), the
/// form's notes and the run's provenance; A4 landscape, header repeated on every printed page. Written with the OpenXml
/// SDK (docs/dependencies.md: templated headers); the reports have one line per sector, channel or unit, a few hundred at
/// most, so nothing needs streaming.</summary>
public static class ReportXlsx
{
    /// <summary>The first header row; the group row, then the column names, then the column numbers.</summary>
    public const int HeaderRow = 6;

    /// <summary>The row of the first line of the table.</summary>
    public const int FirstDataRow = HeaderRow + 3;

    private const uint Title = 1, BoldLeft = 2, ItalicCentre = 3, Header = 4, TextCell = 5, NumberCell = 6, BoldTextCell = 7,
        BoldNumberCell = 8, PlainLeft = 9, ItalicLeft = 10, BoldCentre = 11, CentredCell = 12, PercentCell = 13, BoldPercentCell = 14;

    public static byte[] Write(ReportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new MergeCells();
            TitleBlock(sheet, data, merges);
            HeaderBlock(sheet, data, merges);
            var row = (uint)FirstDataRow;
            foreach (var line in sheet.Lines)
            {
                var strong = line.Kind != "sector";
                var cells = new List<Cell> { Text(Ref(0, row), line.Number, CentredCell), Text(Ref(1, row), line.Label, strong ? BoldTextCell : TextCell) };
                cells.AddRange(line.Values.Select((v, i) => Number(
                    Ref(2 + i, row), v, sheet.Percent[i] ? (strong ? BoldPercentCell : PercentCell) : (strong ? BoldNumberCell : NumberCell))));
                data.Append(new Row(cells) { RowIndex = row++ });
            }

            row++;
            foreach (var note in sheet.Notes.Concat(sheet.Provenance))
            {
                Merged(data, merges, row++, 0, sheet.ColumnCount - 1, note, ItalicLeft, height: 30);
            }

            part.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new Columns(
                    new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
                    new Column { Min = 2, Max = 2, Width = 40, CustomWidth = true },
                    new Column { Min = 3, Max = (uint)sheet.ColumnCount, Width = 11.5, CustomWidth = true }),
                data,
                merges,
                new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
                // Paper 9 is A4 (ECMA-376 §18.18.43); one page wide, as many pages long as the lines need.
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            workbook.Workbook.Append(
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheet.SheetName }),
                new DefinedNames(new DefinedName($"'{sheet.SheetName}'!${HeaderRow}:${HeaderRow + 2}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }

        return stream.ToArray();
    }

    /// <summary>The A1-style reference of a zero-based column and a one-based row.</summary>
    public static string Ref(int column, uint row) => $"{(char)('A' + column)}{row.ToString(CultureInfo.InvariantCulture)}";

    private static void TitleBlock(ReportSheet sheet, SheetData data, MergeCells merges)
    {
        // Left: columns A–C; centre: D to the fourth last (D–J of Biểu 06's 13); right: the last three (K–M).
        var last = sheet.ColumnCount - 1;
        (string Left, uint LeftStyle, string Centre, uint CentreStyle, string Right)[] lines =
        [
            (sheet.FormCode, BoldLeft, sheet.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), Title, sheet.ReportingUnit),
            (sheet.LegalBasis, ItalicLeft, sheet.PeriodName, BoldCentre, sheet.ReceivingUnit),
            ("", PlainLeft, sheet.PeriodRange, ItalicCentre, sheet.UnitOfCount),
            ("", PlainLeft, sheet.PeriodRule, ItalicCentre, ""),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            var row = (uint)(i + 1);
            var (left, leftStyle, centre, centreStyle, right) = lines[i];
            var cells = new Row { RowIndex = row, Height = i < 2 ? 48 : 20, CustomHeight = true };
            cells.Append(Text(Ref(0, row), left, leftStyle), Text(Ref(3, row), centre, centreStyle), Text(Ref(last - 2, row), right, PlainLeft));
            data.Append(cells);
            merges.Append(Merge(Ref(0, row), Ref(2, row)), Merge(Ref(3, row), Ref(last - 3, row)), Merge(Ref(last - 2, row), Ref(last, row)));
        }
    }

    private static void HeaderBlock(ReportSheet sheet, SheetData data, MergeCells merges)
    {
        var (groupRow, nameRow, indexRow) = ((uint)HeaderRow, (uint)HeaderRow + 1, (uint)HeaderRow + 2);
        var groups = new Row { RowIndex = groupRow, Height = 32, CustomHeight = true };
        var names = new Row { RowIndex = nameRow, Height = 48, CustomHeight = true };
        groups.Append(Text(Ref(0, groupRow), sheet.Columns[0], Header), Text(Ref(1, groupRow), sheet.Columns[1], Header));
        names.Append(Text(Ref(0, nameRow), "", Header), Text(Ref(1, nameRow), "", Header));
        merges.Append(Merge(Ref(0, groupRow), Ref(0, nameRow)), Merge(Ref(1, groupRow), Ref(1, nameRow)));
        var column = 2;
        for (var g = 0; g < sheet.GroupSpans.Count; g++)
        {
            var first = column;
            for (var i = 0; i < sheet.GroupSpans[g]; i++, column++)
            {
                // Every cell of a merged range carries the border, or Excel draws the range's border only partly.
                groups.Append(Text(Ref(column, groupRow), i == 0 ? sheet.Groups[g] : "", Header));
                names.Append(Text(Ref(column, nameRow), sheet.Columns[column], Header));
            }

            merges.Append(Merge(Ref(first, groupRow), Ref(column - 1, groupRow)));
        }

        var index = new Row { RowIndex = indexRow };
        index.Append(Enumerable.Range(1, sheet.ColumnCount)
            .Select(c => Text(Ref(c - 1, indexRow), "(" + c.ToString(CultureInfo.InvariantCulture) + ")", Header)));
        data.Append(groups, names, index);
    }

    private static void Merged(SheetData data, MergeCells merges, uint row, int first, int last, string text, uint style, double height)
    {
        data.Append(new Row(Text(Ref(first, row), text, style)) { RowIndex = row, Height = height, CustomHeight = true });
        merges.Append(Merge(Ref(first, row), Ref(last, row)));
    }

    private static MergeCell Merge(string from, string to) => new() { Reference = $"{from}:{to}" };

    private static Cell Text(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(string reference, decimal value, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.Number,
        StyleIndex = style,
        CellValue = new CellValue(value),
    };

    // Times New Roman, as Nghị định 30/2020/NĐ-CP asks of administrative documents; the indexes are the constants above.
    private static Stylesheet Styles()
    {
        static Font Font(bool bold = false, bool italic = false, double size = 11)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (italic)
            {
                font.Append(new Italic());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
            return font;
        }

        // Number format 2 is the built-in "0.00" (ECMA-376 §18.8.30), for the percentages.
        static CellFormat Format(uint font, uint border, HorizontalAlignmentValues horizontal, bool wrap = true, uint numberFormat = 0) => new(
            new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            FontId = font,
            BorderId = border,
            FillId = 0,
            NumberFormatId = numberFormat,
            ApplyFont = true,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
            ApplyNumberFormat = numberFormat != 0,
        };

        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new Fonts(Font(), Font(bold: true), Font(italic: true), Font(bold: true, size: 13)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                Format(3, 0, HorizontalAlignmentValues.Center),
                Format(1, 0, HorizontalAlignmentValues.Left),
                Format(2, 0, HorizontalAlignmentValues.Center),
                Format(1, 1, HorizontalAlignmentValues.Center),
                Format(0, 1, HorizontalAlignmentValues.Left),
                Format(0, 1, HorizontalAlignmentValues.Right, wrap: false),
                Format(1, 1, HorizontalAlignmentValues.Left),
                Format(1, 1, HorizontalAlignmentValues.Right, wrap: false),
                Format(0, 0, HorizontalAlignmentValues.Left),
                Format(2, 0, HorizontalAlignmentValues.Left),
                Format(1, 0, HorizontalAlignmentValues.Center),
                Format(0, 1, HorizontalAlignmentValues.Center),
                Format(0, 1, HorizontalAlignmentValues.Right, wrap: false, numberFormat: 2),
                Format(1, 1, HorizontalAlignmentValues.Right, wrap: false, numberFormat: 2)));
    }
}
