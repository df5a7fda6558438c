using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using MotCua.Domain.Common;
using MotCua.Web.Api;

namespace MotCua.Web.Pages;

/// <summary>How an engine error reaches a page in every area: field errors under their inputs, anything else as a
/// page-level message; a Vietnamese page gives the API's Vietnamese messages, an English page their translations by code.</summary>
public static class PageErrors
{
    // The resources IStringLocalizer<SharedResource> reads (ResourcesPath "Resources"); static so every call site keeps
    // its two-argument form.
    private static readonly ResourceManager Resources = new("MotCua.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Puts <paramref name="error"/> on the page: a field error under <paramref name="prefix"/> + the API's field
    /// name in PascalCase ("applicant.identityNumber" → "Input.Applicant.IdentityNumber"); <paramref name="flatten"/> drops
    /// a leading part of the API's name where the form holds those fields at its top level ("applicant." → "Input.FullName").</summary>
    public static void Add(ModelStateDictionary state, Error error, string prefix = "", string? flatten = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(error);
        if (error is not ValidationFailed failed)
        {
            state.AddModelError(string.Empty, Message(error));
            return;
        }

        foreach (var (field, messages) in failed.Fields)
        {
            var name = flatten is not null && field.StartsWith(flatten, StringComparison.Ordinal) ? field[flatten.Length..] : field;
            foreach (var message in messages)
            {
                state.AddModelError(prefix + Pascal(name), Text(message));
            }
        }
    }

    /// <summary>A field message in the page's language: a Vietnamese page shows the engine's own text (the API's); another
    /// language the <c>Field_{code}</c> resource (or, for an engine error reported on a field, <c>Error_{code}</c>) with the
    /// same arguments, nested messages included.</summary>
    public static string Text(FieldMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var culture = CultureInfo.CurrentUICulture;
        return IsVietnamese(culture)
            ? message.Text
            : message.Render(m => Resources.GetString("Field_" + m.Code, culture) ?? Resources.GetString("Error_" + m.Code, culture) ?? m.Format,
                CultureInfo.CurrentCulture);
    }

    /// <summary>All the messages of <paramref name="error"/> in the page's language, as one line: the field messages of a
    /// validation error, or the error's own message.</summary>
    public static string Describe(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is ValidationFailed failed ? string.Join(" ", failed.Fields.Values.SelectMany(m => m).Select(Text)) : Message(error);
    }

    /// <summary>The error's message in the page's language: the engine's messages are Vietnamese; an English page shows
    /// the error's translatable detail (<see cref="ITranslatableError"/>, with its particulars), else the
    /// <c>Error_{code}</c> resource when there is one (the engine's wording, without its particulars), and the
    /// Vietnamese message otherwise.</summary>
    public static string Message(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is ITranslatableError translatable)
        {
            return Text(translatable.Detail);
        }

        return IsVietnamese(CultureInfo.CurrentUICulture)
            ? error.Message
            : Resources.GetString("Error_" + error.Code, CultureInfo.CurrentUICulture) ?? error.Message;
    }

    /// <summary>Replaces the messages of model binding and of the input model's attributes (e.g. for letters typed into a
    /// number box) with <paramref name="message"/>; returns whether there was any, so the page stops before calling a
    /// handler with the field silently emptied.</summary>
    public static bool ReplaceBindingErrors(ModelStateDictionary state, string message)
    {
        ArgumentNullException.ThrowIfNull(state);
        var invalid = state.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid }).Select(e => e.Key).ToList();
        foreach (var key in invalid)
        {
            state[key]!.Errors.Clear();
            state.AddModelError(key, message);
        }

        return invalid.Count > 0;
    }

    private static bool IsVietnamese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "vi";

    // "applicant.identityNumber" → "Applicant.IdentityNumber": the page's input names.
    private static string Pascal(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
