using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Forms;

namespace MotCua.IntegrationTests.Forms;

public sealed partial class FormHtmlTests : IDisposable
{
    private readonly ServiceProvider _services = FormTestServices.Create();

    private FormRenderer Renderer => _services.GetRequiredService<FormRenderer>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task RenderHtmlAsync_ReceiptSlip_ContainsEveryField()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.ReceiptSlip());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@page { size: A5 portrait", html, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", html, StringComparison.Ordinal);
        Assert.Contains("UBND TỈNH BẮC NINH", html, StringComparison.Ordinal);
        Assert.Contains("Bắc Ninh, ngày 05 tháng 02 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: 000.00.01.H26-260205-0012", html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", html, StringComparison.Ordinal);
        Assert.Contains("Số 12 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh", html, StringComparison.Ordinal);
        Assert.Contains("0912 345 678", html, StringComparison.Ordinal);
        Assert.Contains("nguyenvanan@example.vn", html, StringComparison.Ordinal);
        Assert.Contains("Cấp giấy phép xây dựng nhà ở riêng lẻ", html, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng nhận quyền sử dụng đất", html, StringComparison.Ordinal);
        Assert.Contains("Bản sao có chứng thực", html, StringComparison.Ordinal);
        Assert.Contains("Số lượng hồ sơ: 01 (bộ)", html, StringComparison.Ordinal);
        Assert.Contains("05 ngày làm việc", html, StringComparison.Ordinal);
        Assert.Contains("Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05 tháng 02 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("16 giờ 00 phút, ngày 12 tháng 02 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("Quyển số: 01/2026, Số thứ tự: 125", html, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", html, StringComparison.Ordinal);
        Assert.Contains("02 liên", html, StringComparison.Ordinal);
        Assert.Equal(4, DocumentRow().Count(html));
        Assert.Single(QrImages(html));
    }

    [Fact]
    public async Task RenderHtmlAsync_ReceiptSlip_KeepsVietnameseLettersReadable()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.ReceiptSlip());

        var letterEntities = Entity().Matches(html)
            .Select(m => (char)Convert.ToInt32(m.Groups[1].Value, 16))
            .Where(char.IsLetter);
        Assert.Empty(letterEntities);
        Assert.Contains("<title>Giấy tiếp nhận hồ sơ và hẹn trả kết quả", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtmlAsync_ReceiptSlipWithoutContact_PrintsBlanksToFillIn()
    {
        var model = FormSamples.ReceiptSlip() with { ApplicantPhone = null, ApplicantEmail = " " };

        var html = await Renderer.RenderHtmlAsync(model);

        Assert.Contains("Số điện thoại: ……………………", html, StringComparison.Ordinal);
        Assert.Contains("Email: ……………………", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtmlAsync_QrCode_IsAPngOfAVersion2SymbolForTheDossierCode()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.ReceiptSlip());

        var png = Convert.FromBase64String(Assert.Single(QrImages(html)));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // A 25-character code fits a version 2 symbol at level M: 25 modules plus a 4-module quiet zone on each
        // side, 8 pixels per module (ISO/IEC 18004 capacity table).
        Assert.Equal((25 + 8) * 8, PngWidth(png));
    }

    [Fact]
    public async Task RenderHtmlAsync_DifferentDossierCodes_GiveDifferentQrCodes()
    {
        var first = await Renderer.RenderHtmlAsync(FormSamples.ReceiptSlip());
        var second = await Renderer.RenderHtmlAsync(FormSamples.ReceiptSlip() with { DossierCode = "000.00.01.H26-260205-0013" });
        var again = await Renderer.RenderHtmlAsync(FormSamples.ReceiptSlip());

        Assert.NotEqual(Assert.Single(QrImages(first)), Assert.Single(QrImages(second)));
        Assert.Equal(Assert.Single(QrImages(first)), Assert.Single(QrImages(again)));
    }

    [Fact]
    public async Task RenderHtmlAsync_HostileInput_IsEncodedNotExecuted()
    {
        var model = FormSamples.ReceiptSlip() with
        {
            ApplicantName = "<script>alert('x')</script>",
            ApplicantAddress = "\"><img src=x onerror=alert(1)>",
            DossierCode = "X\"><script>alert(2)</script>",
            Documents = [new("</td></tr></table><h1>giả mạo</h1>", Domain.Catalogue.DocumentForms.Original, 1)],
        };

        var html = await Renderer.RenderHtmlAsync(model);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<h1>giả mạo", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtmlAsync_SupplementRequest_ListsItemsReasonAndContact()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.SupplementRequest());

        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG,", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mã hồ sơ: 000.00.01.H26-260205-0012", html, StringComparison.Ordinal);
        Assert.Contains("Bắc Ninh, ngày 06 tháng 02 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("1. Bản vẽ mặt bằng móng công trình (thiếu chữ ký của người thiết kế)", html, StringComparison.Ordinal);
        Assert.Contains("2. Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất", html, StringComparison.Ordinal);
        Assert.Contains("Lý do: Hồ sơ chưa đủ thành phần theo quy định tại Điều 95 Luật Xây dựng.", html, StringComparison.Ordinal);
        Assert.Contains("bà Lê Thị Cúc, số điện thoại 0222 3822 123", html, StringComparison.Ordinal);
        Assert.Contains("Người hướng dẫn", html, StringComparison.Ordinal);
        Assert.Single(QrImages(html));
    }

    [Fact]
    public async Task RenderHtmlAsync_Refusal_StatesTheReason()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.Refusal());

        Assert.Contains("Phiếu từ chối tiếp nhận", html, StringComparison.Ordinal);
        Assert.Contains("từ chối tiếp nhận,", html, StringComparison.Ordinal);
        Assert.Contains("Thửa đất nằm trong khu vực đã có quyết định thu hồi đất", html, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: 000.00.01.H26-260205-0012", html, StringComparison.Ordinal);
        Assert.Single(QrImages(html));
    }

    [Fact]
    public async Task RenderHtmlAsync_RefusalBeforeACodeWasIssued_HasNoCodeAndNoQr()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.Refusal() with { DossierCode = null });

        Assert.DoesNotContain("Mã hồ sơ", html, StringComparison.Ordinal);
        Assert.Empty(QrImages(html));
        Assert.Contains("Nguyễn Văn An", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtmlAsync_Apology_GivesReasonOriginalAndNewAppointment()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.Apology());

        Assert.Contains("Số: 07/PXL-TTPVHCC", html, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: <b>Ông Nguyễn Văn An</b>", html, StringComparison.Ordinal);
        Assert.Contains("vào lúc 08 giờ 30 phút, ngày 05 tháng 02 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: 000.00.01.H26-260205-0012.", html, StringComparison.Ordinal);
        Assert.Contains("16 giờ 00 phút, ngày 12 tháng 02 năm 2026. Tuy nhiên đến nay", html, StringComparison.Ordinal);
        Assert.Contains("Lý do: Cần lấy ý kiến của Sở Tài nguyên và Môi trường", html, StringComparison.Ordinal);
        // Months from March on take no leading zero (Nghị định 30/2020/NĐ-CP).
        Assert.Contains("<b>10 giờ 00 phút, ngày 09 tháng 3 năm 2026</b>", html, StringComparison.Ordinal);
        Assert.Contains("KT. GIÁM ĐỐC", html, StringComparison.Ordinal);
        Assert.Contains("PHÓ GIÁM ĐỐC", html, StringComparison.Ordinal);
        Assert.Contains("Phạm Văn Dũng", html, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", html, StringComparison.Ordinal);
        Assert.Single(QrImages(html));
    }

    [Fact]
    public async Task RenderHtmlAsync_ControlSheet_LabelsEachStepEarlyOnTimeOrLate()
    {
        var model = FormSamples.ControlSheet();
        model = model with { Rows = [.. model.Rows, model.Rows[0] with { Result = null, Note = "Chưa đánh giá" }] };

        var html = await Renderer.RenderHtmlAsync(model);

        Assert.Equal(["Trước hạn", "Đúng hạn", "Quá hạn", ""], ResultCells().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: 000.00.01.H26-260205-0012)", html, StringComparison.Ordinal);
        Assert.Contains("Cơ quan (bộ phận) giải quyết hồ sơ: Sở Xây dựng tỉnh Bắc Ninh", html, StringComparison.Ordinal);
        Assert.Contains("Sở Tài nguyên và Môi trường", html, StringComparison.Ordinal);
        Assert.Contains("1. Giao: Bộ phận TN&amp;TKQ<br>2. Nhận: Phòng Quản lý xây dựng", html, StringComparison.Ordinal);
        Assert.Contains("14 giờ 00 phút, ngày 05 tháng 02 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("15 giờ 45 phút, ngày 06 tháng 3 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Em", html, StringComparison.Ordinal);
        Assert.Contains("Chờ ý kiến Sở TN&amp;MT", html, StringComparison.Ordinal);
        Assert.Single(QrImages(html));
    }

    [Fact]
    public async Task RenderHtmlAsync_RegisterBook_IsA4LandscapeWithRowsInRegisterOrder()
    {
        var html = await Renderer.RenderHtmlAsync(FormSamples.RegisterBook(rows: 3));

        Assert.Contains("@page { size: A4 landscape", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A5 portrait", html, StringComparison.Ordinal);
        Assert.Contains("Quyển số: 01", html, StringComparison.Ordinal);
        Assert.Contains("Năm 2026", html, StringComparison.Ordinal);
        Assert.Equal(["124", "125", "126"], NumberCells().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("000.00.01.H26-260205-0013", html, StringComparison.Ordinal);
        Assert.Contains("Đỗ Thị Hoa", html, StringComparison.Ordinal);
        Assert.Contains("08h30<br />05/02/2026", html, StringComparison.Ordinal);
        Assert.Contains("16h00<br />12/02/2026", html, StringComparison.Ordinal);
        Assert.Contains("Trả qua bưu chính", html, StringComparison.Ordinal);
        Assert.Empty(QrImages(html));
    }

    [Fact]
    public async Task RenderHtmlAsync_RegisterBookEarlyInTheYear_PadsNumbersToTwoDigits()
    {
        var model = FormSamples.RegisterBook(rows: 1);
        model = model with { Rows = [model.Rows[0] with { Number = 1 }] };

        var html = await Renderer.RenderHtmlAsync(model);

        Assert.Equal(["01"], NumberCells().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void FileName_EachForm_NamesFormNumberAndSafeCode()
    {
        Assert.Equal("mau-01-000.00.01.H26-260205-0012.pdf", FormRenderer.FileName(FormSamples.ReceiptSlip()));
        Assert.Equal("mau-05-000.00.01.H26-260205-0012.html", FormRenderer.FileName(FormSamples.ControlSheet(), "html"));
        Assert.Equal("mau-06-2026-01.pdf", FormRenderer.FileName(FormSamples.RegisterBook()));
        Assert.Equal("mau-01-a--b.pdf", FormRenderer.FileName(FormSamples.ReceiptSlip() with { DossierCode = "a/\"b" }));
    }

    [Fact]
    public void PaperOf_RegisterBookAndSlips_FollowArticle9()
    {
        Assert.Equal(PaperSize.A4Landscape, FormRenderer.PaperOf(FormSamples.RegisterBook()));
        Assert.Equal(PaperSize.A5Portrait, FormRenderer.PaperOf(FormSamples.ControlSheet()));
    }

    // The encoder writes '+' in the base64 text as &#x2B; inside the attribute; browsers decode it back.
    private static List<string> QrImages(string html) =>
        [.. QrImage().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static int PngWidth(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];

    [GeneratedRegex("<img class=\"qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=&#;]+)\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("&#x([0-9A-Fa-f]+);")]
    private static partial Regex Entity();

    [GeneratedRegex("<tr>\\s*<td class=\"c\">\\d+</td>")]
    private static partial Regex DocumentRow();

    [GeneratedRegex("<td class=\"c\">(Trước hạn|Đúng hạn|Quá hạn|)</td>\\s*<td>")]
    private static partial Regex ResultCells();

    [GeneratedRegex("<tr>\\s*<td class=\"c\">(\\d+)</td>\\s*<td>000\\.")]
    private static partial Regex NumberCells();
}
