using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Web;

/// <summary>Issue 8 §6: "Vietnamese with correct diacritics and no English leaking into the Vietnamese UI (and the
/// reverse); clear messages on every validation error". Every message a form can answer with — the engine's field
/// errors, model binding's ("abc" in a number box), the input model's attributes (a name too long), the page's own —
/// must be in the page's language. Rather than list forms (and miss the next one), each role's browser follows every
/// same-site link from its home page, as <see cref="FormTokenCrawlTests"/> does, and sends every form it finds three
/// times in each language: empty, with "abc" in every field, and with over-long text; the error messages of each answer
/// must hold no Vietnamese letter on an English page and no English word on a Vietnamese one.</summary>
/// <remarks>On SQLite only: the language of a message does not depend on the database, and the crawl is long.</remarks>
public sealed partial class FieldErrorLanguageTests
{
    private const string SurveyOfficer = "noivu@motcua.local";

    private static readonly string[] Languages = ["en", "vi"];

    /// <summary>Each role, where it starts, and the forms (paths, ids as <c>{id}</c>) that must answer with at least one
    /// error in each language, so that a crawl that misses them does not pass.</summary>
    public static TheoryData<string?, string, string[]> Roles => new()
    {
        { null, "/", ["/Account/Register", "/Account/Login", "/Portal/Pakn/Send", "/Portal/Lookup", "/Portal/Rate"] },
        { Citizen, "/Portal/MyDossiers", ["/Portal/Submit", "/Portal/MyDossiers/{id}"] },
        { Desk, "/Desk", ["/Desk/Receive", "/Desk/Dossier/{id}", "/Desk/Correct/{id}", "/Work/Pakn/Log", "/Work/Pakn/Import"] },
        { Handler, "/Work", ["/Work/Dossier/{id}"] },
        { Head, "/Work", ["/Work/Dossier/{id}", "/Reports", "/ServiceIndex", "/Dashboard"] },
        { Admin, "/Admin", ["/Admin/Units/Create", "/Admin/Units/Close/{id}", "/Admin/Users/Create", "/Admin/Users/Detail/{id}", "/Admin/Desks/Edit/{id}/{id}", "/Admin/Calendar", "/Admin/Catalogue/Edit"] },
        { SurveyOfficer, "/Surveys", ["/Surveys/New", "/Surveys/Questionnaire"] },
    };

    private enum Variant
    {
        Empty,
        Junk,
        Long,
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task EveryFormError_IsInThePageLanguage(string? user, string home, string[] mustAnswer)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(DatabaseProvider.Sqlite, ct);

        await PageCrawl.SeedDossiersAsync(harness, ct);
        // And one in appraisal, for the handler's actions.
        var owner = await harness.ClientAsync(Citizen, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        await FireStepsAsync(await harness.CreateOnlineAsync(owner, ct), 1, ct,
            (desk, "Accept", null), (desk, "Transfer", null), (head, "Assign", new { officerId = MotCua.Persistence.Seeding.DemoData.UserId(Handler) }),
            (handler, "StartAppraisal", null));
        // Forms behind a search or a choice that links do not reach: the online form (from the catalogue, longer than
        // the crawl), the counter form (from the procedure search), a unit's desks, a procedure's edit form (past the
        // crawl's page limit since the PAR Index pages joined the menu), the public rating sheet.
        string[] seeds = user switch
        {
            Citizen => [$"/Portal/Submit?procedure={await Portal.SubmitPageTests.ProcedureIdAsync(harness, Portal.SubmitPageTests.OnlineProcedure, ct)}"],
            Desk => [$"/Desk/Receive?procedureId={harness.Procedure.Id}"],
            Admin => [$"/Admin/Desks?unit={Unit(TuHieu)}", $"/Admin/Catalogue/Edit?code={Uri.EscapeDataString(harness.Procedure.Code.ToString())}"],
            null => ["/Portal/Rate"],
            _ => [],
        };

        var browser = user is null ? harness.Anonymous() : (await harness.SignInAsync(user, ct)).Browser;
        var forms = await CrawlAsync(browser, [home, .. seeds], ct);

        var failures = new List<string>();
        var answered = new HashSet<(string Path, string Language)>();
        var messages = 0;
        foreach (var form in forms)
        {
            foreach (var variant in Enum.GetValues<Variant>())
            {
                foreach (var language in Languages)
                {
                    foreach (var action in form.Actions)
                    {
                        using var response = await SendAsync(browser, form, action, variant, language, ct);
                        var where = $"{language} {variant} {form.Method} {action}";
                        if (response.StatusCode >= HttpStatusCode.InternalServerError)
                        {
                            failures.Add($"{where}: {(int)response.StatusCode}");
                            continue;
                        }

                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            continue;
                        }

                        foreach (var message in Errors(await response.Content.ReadAsStringAsync(ct)))
                        {
                            messages++;
                            answered.Add((Normalise(action), language));
                            if (Leak(message, language) is { } leak)
                            {
                                failures.Add($"{where}: {leak} in “{message}”");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(messages > 0, $"no form answered with an error as {user ?? "anonymous"} ({forms.Count} forms)");
        var unanswered = mustAnswer.SelectMany(p => Languages.Where(l => !answered.Contains((p, l))).Select(l => $"{p} ({l})")).ToList();
        Assert.True(unanswered.Count == 0, "Forms that never answered with an error: " + string.Join(", ", unanswered)
            + "\nForms sent: " + string.Join(", ", forms.SelectMany(f => f.Actions).Select(Normalise).Distinct().Order()));
        Assert.True(failures.Count == 0, $"{failures.Count} messages not in the page's language:\n" + string.Join("\n", failures.Distinct().Take(80)));
    }

    /// <summary>What gives a message away as in the wrong language, or <see langword="null"/>.</summary>
    private static string? Leak(string message, string language)
    {
        if (ResourceKey().Match(message) is { Success: true } key)
        {
            return $"the resource key {key.Value}";
        }

        if (language == "en")
        {
            return VietnameseLetter().Match(message) is { Success: true } letter ? $"the Vietnamese letter “{letter.Value}”" : null;
        }

        return EnglishWord().Match(message) is { Success: true } word ? $"the English word “{word.Value}”" : null;
    }

    private sealed record Field(string Name, string Type, string? Value);

    private sealed record Form(string Method, bool Multipart, IReadOnlyList<string> Actions, IReadOnlyList<Field> Fields, IReadOnlyList<string> Selects);

    /// <summary>Every form with something to type or choose, once per shape (action with ids as <c>{id}</c>, field names).</summary>
    private static async Task<List<Form>> CrawlAsync(HttpClient browser, IEnumerable<string> start, CancellationToken ct)
    {
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<Form>();
        await PageCrawl.VisitAsync(browser, start, (path, html) =>
        {
            foreach (Match match in PageCrawl.Form().Matches(html))
            {
                if (Parse(match, path) is { } form
                    && shapes.Add(form.Method + " " + string.Join(" ", form.Actions.Select(Normalise)) + " "
                        + string.Join(" ", form.Fields.Select(f => Index().Replace(f.Name, "[]")).Concat(form.Selects).Distinct().Order())))
                {
                    forms.Add(form);
                }
            }
        }, ct);
        return forms;
    }

    private static Form? Parse(Match match, string page)
    {
        var open = Attributes(match.Groups["open"].Value);
        var body = match.Groups["body"].Value;
        var method = open.GetValueOrDefault("method", "get").ToUpperInvariant();
        var action = open.GetValueOrDefault("action") is { Length: > 0 } a ? a : page;
        if (SkippedForm().IsMatch(action))
        {
            return null;
        }

        var fields = new List<Field>();
        var selects = new List<string>();
        // Where each submit button sends the form (its formaction, else the form's action), as a browser does.
        var actions = new List<string>();
        foreach (Match input in Input().Matches(body))
        {
            var attributes = Attributes(input.Value);
            var tag = input.Groups["tag"].Value.ToLowerInvariant();
            var type = attributes.GetValueOrDefault("type", tag == "button" ? "submit" : "text").ToLowerInvariant();
            if (tag == "button" || type is "submit" or "image")
            {
                var target = attributes.GetValueOrDefault("formaction") is { Length: > 0 } other ? other : action;
                if (type is "submit" or "image" && !actions.Contains(target))
                {
                    actions.Add(target);
                }

                continue;
            }

            if (attributes.GetValueOrDefault("name") is not { Length: > 0 } name)
            {
                continue;
            }

            switch (tag)
            {
                case "select":
                    selects.Add(name);
                    break;
                case "textarea":
                    fields.Add(new Field(name, "textarea", null));
                    break;
                default:
                    fields.Add(new Field(name, type, attributes.GetValueOrDefault("value")));
                    break;
            }
        }

        // A form with nothing to type or choose (sign out, a confirmation button) has no field error to give.
        if (selects.Count == 0 && fields.All(f => f.Type is "hidden" or "submit" or "button" or "checkbox" or "file"))
        {
            return null;
        }

        return new Form(method, open.GetValueOrDefault("enctype") == "multipart/form-data", actions.Count > 0 ? actions : [action], fields, selects);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, Form form, string action, Variant variant, string language, CancellationToken ct)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var field in form.Fields)
        {
            var value = field.Type switch
            {
                "hidden" => field.Value ?? "",
                "checkbox" or "file" or "submit" or "button" or "reset" or "image" => null,
                "radio" => variant == Variant.Empty || values.Any(v => v.Key == field.Name) ? null : "abc",
                "number" or "date" or "datetime-local" or "time" or "month" or "week" or "range" => variant == Variant.Empty ? "" : "abc",
                _ => variant switch
                {
                    Variant.Empty => "",
                    Variant.Junk => "abc",
                    _ => new string('x', 5000),
                },
            };
            if (value is not null)
            {
                values.Add(new(field.Name, value));
            }
        }

        values.AddRange(form.Selects.Distinct().Select(s => new KeyValuePair<string, string>(s, variant == Variant.Empty ? "" : "abc")));
        var url = WebUtility.HtmlDecode(action);
        url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"culture={language}&ui-culture={language}";
        if (form.Method != "POST")
        {
            return await browser.GetAsync(url + string.Concat(values.Where(v => v.Key != "__RequestVerificationToken")
                .Select(v => $"&{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}")), ct);
        }

        if (!form.Multipart)
        {
            using var content = new FormUrlEncodedContent(values);
            return await browser.PostAsync(url, content, ct);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            multipart.Add(new StringContent(value, Encoding.UTF8), key);
        }

        return await browser.PostAsync(url, multipart, ct);
    }

    /// <summary>The texts a page shows as errors: the validation summaries, the messages under the fields and the alerts.</summary>
    private static IEnumerable<string> Errors(string html)
    {
        var summaries = Summary().Matches(html).SelectMany(s => Item().Matches(s.Groups["items"].Value)).Select(i => i.Groups["text"].Value);
        var fields = FieldErrorSpan().Matches(html).Select(m => m.Groups["text"].Value);
        // An alert's own text (a summary's heading, a page-level message); the summary inside it is read above.
        var alerts = Alert().Matches(html).Select(m => Summary().Replace(Element(html, m.Index, m.Groups["tag"].Value), ""));
        return summaries.Concat(fields).Concat(alerts).Select(Text).Where(t => t.Length > 0);
    }

    /// <summary>The element that opens at <paramref name="start"/>, up to its own closing tag (nested ones counted).</summary>
    private static string Element(string html, int start, string tag)
    {
        var depth = 0;
        foreach (Match m in new Regex($"<(?<close>/)?{tag}\\b[^>]*>", RegexOptions.IgnoreCase).Matches(html, start))
        {
            depth += m.Groups["close"].Success ? -1 : 1;
            if (depth == 0)
            {
                return html[start..(m.Index + m.Length)];
            }
        }

        return html[start..];
    }

    private static string Text(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    /// <summary>An action's path with ids as <c>{id}</c>, without its query.</summary>
    private static string Normalise(string action) => GuidPattern().Replace(WebUtility.HtmlDecode(action).Split('?')[0], "{id}");

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute().Matches(tag))
        {
            attributes.TryAdd(a.Groups["name"].Value, WebUtility.HtmlDecode(a.Groups["value"].Value));
        }

        return attributes;
    }

    [GeneratedRegex("""<(?<tag>input|select|textarea|button)\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("""(?<name>[\w:-]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s>"']+))""")]
    private static partial Regex Attribute();

    /// <summary>Not sent: signing out and the language switch (they would end or change the crawl's session).</summary>
    [GeneratedRegex("""^/(Account/Logout|Language)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex SkippedForm();

    [GeneratedRegex("""class="[^"]*\bvalidation-summary-errors\b[^"]*"[^>]*>\s*<ul>(?<items>.*?)</ul>""", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("""<li>(?<text>.*?)</li>""", RegexOptions.Singleline)]
    private static partial Regex Item();

    /// <summary>asp-validation-for's message, and the pages' own <c>field-error</c> spans.</summary>
    [GeneratedRegex("""<span\b[^>]*class="(?:[^"]*\bfield-validation-error\b[^"]*|field-error)"[^>]*>(?<text>.*?)</span>""", RegexOptions.Singleline)]
    private static partial Regex FieldErrorSpan();

    [GeneratedRegex("""<(?<tag>p|div)\b[^>]*role="alert"[^>]*>""")]
    private static partial Regex Alert();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    /// <summary>A letter only Vietnamese writes (with its tone or vowel mark, or đ).</summary>
    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ]")]
    private static partial Regex VietnameseLetter();

    /// <summary>English words no Vietnamese sentence holds (identifiers such as <c>limit</c> or <c>Feedback</c> may).</summary>
    [GeneratedRegex(@"\b(the|is|are|must|not|valid|invalid|required|field|value|enter|choose|cannot|please|characters)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    /// <summary>A resource the page asked for and did not find.</summary>
    [GeneratedRegex(@"\b(Field|Error|Validation|Form)_[A-Za-z]")]
    private static partial Regex ResourceKey();
}
