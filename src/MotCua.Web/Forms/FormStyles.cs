namespace MotCua.Web.Forms;

/// <summary>The print style sheet, inlined into every form so that the HTML is self-contained.</summary>
internal static class FormStyles
{
    public static string For(PaperSize paper) => Common + (paper == PaperSize.A4Landscape ? A4Landscape : A5Portrait);

    // Nghị định 30/2020/NĐ-CP sets A4 sizes (body 13–14 pt, national title 12–13 pt, wider left margin for
    // binding); A5 is 0.74 of A4's width, so the A5 forms scale them down to about 10 pt and 9 pt.
    private const string A5Portrait = """
        @page { size: A5 portrait; margin: 8mm 10mm 8mm 15mm; }
        html { font-size: 10pt; }
        .heading { font-size: 9pt; }
        .motto .slogan { font-size: 9.5pt; }
        """;

    private const string A4Landscape = """
        @page { size: A4 landscape; margin: 15mm 12mm 12mm 20mm; }
        html { font-size: 11pt; }
        .heading { font-size: 10pt; }
        .motto .slogan { font-size: 11pt; }
        """;

    private const string Common = """
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body {
          font-family: "Times New Roman", Times, "Liberation Serif", Tinos, "Nimbus Roman", "DejaVu Serif", serif;
          line-height: 1.22; color: #000; background: #fff;
          -webkit-print-color-adjust: exact; print-color-adjust: exact;
        }
        p { margin: 0 0 1mm 0; text-align: justify; }
        .heading { display: flex; justify-content: space-between; align-items: flex-start; line-height: 1.25; }
        .heading .agency { width: 40%; text-align: center; text-transform: uppercase; }
        .heading .motto { width: 60%; text-align: center; }
        .agency .name { font-weight: bold; }
        .rule { display: block; width: 30%; margin: 1mm auto 0; border-top: 0.6pt solid #000; }
        .motto .country { font-weight: bold; white-space: nowrap; }
        .motto .slogan { display: inline-block; font-weight: bold; padding-bottom: 0.6mm;
          border-bottom: 0.6pt solid #000; white-space: nowrap; }
        .docno { margin-top: 1.5mm; font-size: 10pt; text-transform: none; }
        .place-date { margin: 1.5mm 0 1mm; text-align: right; font-style: italic; }
        .title-block { position: relative; min-height: 19mm; margin: 1mm 0 2mm; padding: 1mm 21mm 0; text-align: center; }
        .title-block .qr { position: absolute; right: 0; top: 0; width: 19mm; height: 19mm; image-rendering: pixelated; }
        .title { margin: 0; font-size: 12pt; font-weight: bold; text-transform: uppercase; line-height: 1.25; }
        .subtitle { margin-top: 0.5mm; font-style: italic; }
        .code { margin-top: 1mm; font-weight: bold; }
        .field { margin: 0 0 0.8mm 0; }
        .rating-qr { display: flex; gap: 2mm; align-items: center; margin-top: 1.5mm; font-size: 8.5pt; line-height: 1.2;
          break-inside: avoid; page-break-inside: avoid; }
        .rating-qr .qr { width: 15mm; height: 15mm; flex: none; image-rendering: pixelated; }
        .rating-qr p { margin: 0; overflow-wrap: anywhere; }
        table.grid { width: 100%; border-collapse: collapse; margin: 0.5mm 0 1.5mm; font-size: 9.5pt; line-height: 1.2; }
        table.grid th, table.grid td { border: 0.6pt solid #000; padding: 0.6mm 1.2mm; vertical-align: top; }
        table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
        table.grid td.c { text-align: center; }
        table.grid thead { display: table-header-group; }
        table.grid tr { break-inside: avoid; page-break-inside: avoid; }
        .signatures { display: flex; justify-content: space-between; margin-top: 2.5mm; break-inside: avoid; page-break-inside: avoid; }
        .signatures.single { justify-content: flex-end; }
        .signature { width: 48%; text-align: center; }
        .signature .role { font-weight: bold; text-transform: uppercase; }
        .signature .hint { font-style: italic; font-size: 9pt; }
        .signature .space { height: 13mm; }
        .signature .signer { font-weight: bold; }
        .footnote { margin-top: 2mm; font-size: 7.5pt; line-height: 1.2; font-style: italic; text-align: justify; }
        .carbon { font-size: 9pt; }
        .carbon .lead { font-weight: bold; font-style: italic; }
        .apology-footer { display: flex; justify-content: space-between; margin-top: 3mm; break-inside: avoid; }
        .apology-footer .carbon { width: 45%; }
        .apology-footer .signature { width: 52%; }
        .handover .when { margin-bottom: 1mm; }
        .handover .people { display: flex; justify-content: space-between; font-size: 8.5pt; }
        .handover .people > div { width: 49%; text-align: center; }
        .handover .people .sign { height: 7mm; }
        .handover .people .who { font-weight: bold; }
        .register-title { text-align: center; margin: 2mm 0 3mm; }
        .register-title .title { font-size: 14pt; }
        table.register { font-size: 8.5pt; line-height: 1.2; }
        table.register th { font-size: 8pt; }
        table.control th { font-size: 8.5pt; }
        table.register td.sign { min-width: 14mm; }
        table.register .index th { font-weight: normal; font-style: italic; font-size: 7.5pt; padding: 0.3mm; }
        """;
}
