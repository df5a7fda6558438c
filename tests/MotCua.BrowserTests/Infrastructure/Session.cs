using Microsoft.Playwright;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>One person at one browser: a fresh Chromium context (own cookies) on the app for one database, with or without
/// JavaScript; records what the page itself reports as broken (script errors, Content-Security-Policy refusals).</summary>
public sealed class Session : IAsyncDisposable
{
    /// <summary>Every demo account's password (README).</summary>
    public const string DemoPassword = "MotCua@2026";

    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly bool _javaScript;
    private IBrowserContext? _analysis;

    private Session(AppServer server, IBrowserContext context, IPage page, bool javaScript)
    {
        _javaScript = javaScript;
        Server = server;
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A failed resource load is reported for every 4xx document too (the error-page tests); CSP refusals and
            // script errors are real defects.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (_problems)
                {
                    _problems.Add("console: " + message.Text);
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                LastDocumentStatus = response.Status;
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add("script error: " + error);
            }
        };
    }

    public AppServer Server { get; }

    public IPage Page { get; }

    /// <summary>The HTTP status of the last document the page navigated to (a form post's answer included).</summary>
    public int LastDocumentStatus { get; private set; }

    public static async Task<Session> StartAsync(Servers servers, Chromium chromium, DatabaseProvider provider, bool javaScript = true, int width = 1280)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(chromium);
        return await StartAsync(await servers.ForAsync(provider), chromium, javaScript, width);
    }

    /// <summary>A session on a server of the test's own: one that changes global state (the calendar) or moves time
    /// (<see cref="AppServer.Clock"/>). <paramref name="width"/> is the viewport's width in CSS pixels: 360 is the phone a
    /// citizen scans a QR code with.</summary>
    public static async Task<Session> StartAsync(AppServer server, Chromium chromium, bool javaScript = true, int width = 1280)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(chromium);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 780 : 900 },
            IsMobile = width < 600,
            HasTouch = width < 600,
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(15_000);
        return new Session(server, context, await context.NewPageAsync(), javaScript);
    }

    /// <summary>Opens <paramref name="path"/> and returns the response's status.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response?.Status ?? 0;
    }

    /// <summary>Clicks a form's submit button and waits until the document the server answered with (after any redirect)
    /// has committed and loaded. Both events are subscribed before the click: <c>WaitForLoadStateAsync</c> after the
    /// click checks the state and then subscribes, and a load that lands between the two is missed (a 15-s timeout on
    /// CI with "NetworkIdle event fired" and no "load"); it could also return for the old document before the new one
    /// commits.</summary>
    public async Task SubmitAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var committed = 0;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == Page.MainFrame)
            {
                Volatile.Write(ref committed, 1);
            }
        }

        void OnLoad(object? sender, IPage page)
        {
            if (Volatile.Read(ref committed) == 1)
            {
                loaded.TrySetResult();
            }
        }

        Page.FrameNavigated += OnNavigated;
        Page.Load += OnLoad;
        try
        {
            await button.ClickAsync();
            if (await Task.WhenAny(loaded.Task, Task.Delay(TimeSpan.FromSeconds(20))) != loaded.Task)
            {
                throw new TimeoutException($"No new page loaded within 20 s of the submit; still on {Page.Url}.");
            }
        }
        finally
        {
            Page.FrameNavigated -= OnNavigated;
            Page.Load -= OnLoad;
        }
    }

    /// <summary>The error messages the page shows (summary and fields), for a failure message that says what went wrong.</summary>
    public async Task<string> ErrorsShownAsync() =>
        string.Join(" | ", await Page.Locator(".error-summary:not(:empty), .field-error:not(:empty), .notice-error").AllInnerTextsAsync());

    /// <summary>Signs in through the login page as a demo user (or any account) and waits for the landing page.</summary>
    public async Task LoginAsync(string email, string password = DemoPassword)
    {
        await GotoAsync("/Account/Login");
        await Page.Locator("#Input_Email").FillAsync(email);
        await Page.Locator("#Input_Password").FillAsync(password);
        await SubmitAsync(Page.Locator("main form button[type=submit]"));
        Assert.False(Page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), $"Login as {email} failed: still on {Page.Url}");
    }

    /// <summary>axe-core and the 360-px layout at both widths, with screenshots (<see cref="Axe"/>), and no script or CSP
    /// error on the page so far.</summary>
    public async Task CheckAsync(string name)
    {
        if (_javaScript)
        {
            await Axe.CheckAsync(Page, name);
        }
        else
        {
            await CheckWithoutJavaScriptAsync(name);
        }

        lock (_problems)
        {
            Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));
        }
    }

    // The page as this script-less browser got it, served again at the same address to a scripted page that axe can run in
    // (the stylesheet and everything else load normally from the app).
    private async Task CheckWithoutJavaScriptAsync(string name)
    {
        _analysis ??= await Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var analysed = await _analysis.NewPageAsync();
        try
        {
            var url = Page.Url;
            var html = await Page.ContentAsync();
            await analysed.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html; charset=utf-8",
                Body = html,
            }));
            await analysed.GotoAsync(url);
            await Axe.CheckAsync(Page, name, analysed);
        }
        finally
        {
            await analysed.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_analysis is not null)
        {
            await _analysis.DisposeAsync();
        }

        await _context.DisposeAsync();
    }
}
