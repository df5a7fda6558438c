using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace MotCua.Web.Infrastructure;

/// <summary>The framework's own form messages in the page's language (issue 8 §6): model binding's ("The value 'x' is
/// not valid for Copies.") through <see cref="MvcOptions.ModelBindingMessageProvider"/>, and the default messages of the
/// validation attributes on page input models (<c>[MaxLength]</c>, the implicit <c>[Required]</c> of a non-nullable
/// string) through the DataAnnotations localizer, by giving every attribute without a message of its own a
/// <c>Validation_{attribute}</c> resource key.</summary>
/// <remarks>No message names its field: the name would be the property's English C# name on a Vietnamese page, and each
/// message stands under its input.</remarks>
public static class FormMessages
{
    private static readonly ResourceManager Resources = new("MotCua.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The attributes with a resource of their own; any other gets <c>Validation_Invalid</c>.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "Required", "MaxLength", "MinLength", "StringLength", "Range", "EmailAddress", "Phone", "Compare", "RegularExpression", "Url",
    };

    public static void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binding = options.ModelBindingMessageProvider;
        binding.SetAttemptedValueIsInvalidAccessor((value, _) => Text("Form_ValueNotValid", value));
        binding.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Text("Form_ValueNotValid", value));
        binding.SetValueIsInvalidAccessor(value => Text("Form_ValueNotValid", value));
        binding.SetUnknownValueIsInvalidAccessor(_ => Text("Form_ValueInvalid"));
        binding.SetNonPropertyUnknownValueIsInvalidAccessor(() => Text("Form_ValueInvalid"));
        binding.SetValueMustBeANumberAccessor(_ => Text("Form_ValueMustBeNumber"));
        binding.SetNonPropertyValueMustBeANumberAccessor(() => Text("Form_ValueMustBeNumber"));
        binding.SetValueMustNotBeNullAccessor(_ => Text("Form_ValueRequired"));
        binding.SetMissingBindRequiredValueAccessor(_ => Text("Form_ValueRequired"));
        binding.SetMissingKeyOrValueAccessor(() => Text("Form_ValueRequired"));
        binding.SetMissingRequestBodyRequiredValueAccessor(() => Text("Form_ValueRequired"));
        // After the DataAnnotations provider (registered with Razor Pages), so that the implicit [Required] is there too.
        options.ModelMetadataDetailsProviders.Add(new AttributeMessageKeys());
    }

    // Binding messages are built while the request is bound, in its culture (RequestLocalization runs first).
    private static string Text(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var format = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }

    /// <summary>Gives each validation attribute without a message of its own the key of its resource; the DataAnnotations
    /// localizer (<c>AddDataAnnotationsLocalization</c>) then reads it in the request's language, with the attribute's
    /// arguments (<c>{1}</c> the length or the lower bound, <c>{2}</c> the upper bound).</summary>
    private sealed class AttributeMessageKeys : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (string.IsNullOrEmpty(attribute.ErrorMessage) && attribute.ErrorMessageResourceName is null && attribute.ErrorMessageResourceType is null)
                {
                    var name = attribute.GetType().Name;
                    name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
                    attribute.ErrorMessage = "Validation_" + (Known.Contains(name) ? name : "Invalid");
                }
            }
        }
    }
}
