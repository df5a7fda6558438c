using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MotCua.Web.Forms;

/// <summary>Renders a form's view model to a complete, self-contained HTML document ready to print.</summary>
public sealed class FormRenderer(ILoggerFactory loggerFactory)
{
    // The default encoder writes every Vietnamese letter as a numeric entity (&#x1EBF;): valid, but unreadable and
    // three times larger. Markup characters (< > & " ') are still encoded, so user input cannot inject HTML.
    private static readonly IServiceProvider RenderServices = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <summary>The HTML of one form: <c>&lt;!DOCTYPE html&gt;</c> to <c>&lt;/html&gt;</c>, with its style sheet and QR
    /// code inlined.</summary>
    /// <exception cref="ArgumentException">A <see cref="FormDocument"/> subtype this renderer does not know (a bug).</exception>
    public Task<string> RenderHtmlAsync(FormDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            ReceiptSlipModel => RenderAsync<ReceiptSlipForm>(model),
            SupplementRequestModel => RenderAsync<SupplementRequestForm>(model),
            RefusalModel => RenderAsync<RefusalForm>(model),
            ApologyModel => RenderAsync<ApologyForm>(model),
            ControlSheetModel => RenderAsync<ControlSheetForm>(model),
            RegisterBookModel => RenderAsync<RegisterBookForm>(model),
            _ => throw new ArgumentException($"No template for {model.GetType().Name}.", nameof(model)),
        };
    }

    /// <summary>The paper a form prints on (TT 01/2018/TT-VPCP Art. 9(2)).</summary>
    public static PaperSize PaperOf(FormDocument model) =>
        model is RegisterBookModel ? PaperSize.A4Landscape : PaperSize.A5Portrait;

    /// <summary>A download name such as <c>mau-01-000.00.01.H26-260205-0001.pdf</c>.</summary>
    public static string FileName(FormDocument model, string extension = "pdf")
    {
        ArgumentNullException.ThrowIfNull(model);
        var (number, subject) = model switch
        {
            ReceiptSlipModel m => ("01", m.DossierCode),
            SupplementRequestModel m => ("02", m.DossierCode),
            RefusalModel m => ("03", m.DossierCode ?? "khong-ma"),
            ApologyModel m => ("04", m.DossierCode),
            ControlSheetModel m => ("05", m.DossierCode),
            RegisterBookModel m => ("06", $"{m.Year}-{m.BookNumber}"),
            _ => throw new ArgumentException($"No template for {model.GetType().Name}.", nameof(model)),
        };
        var safe = string.Concat(subject.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-'));
        return $"mau-{number}-{safe}.{extension}";
    }

    /// <summary>The HTML of any print component (a report's print view) with <paramref name="parameters"/>, rendered as the
    /// forms are (same encoder, no HTTP context).</summary>
    public async Task<string> RenderComponentAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // One renderer per call: each has its own dispatcher, so concurrent requests do not queue behind one another.
        await using var renderer = new HtmlRenderer(RenderServices, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return root.ToHtmlString();
        });
    }

    private Task<string> RenderAsync<TComponent>(FormDocument model)
        where TComponent : IComponent =>
        RenderComponentAsync<TComponent>(new Dictionary<string, object?> { ["Model"] = model });
}
