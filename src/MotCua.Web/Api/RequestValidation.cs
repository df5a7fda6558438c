using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Web.Api;

/// <summary>Checks every API request at the edge, before any handler or database sees it, from the limits declared on
/// the request types (<see cref="MaxLengthAttribute"/> with the constants the EF configurations use, such as
/// <see cref="Domain.Dossiers.DossierFieldLimits"/>; <see cref="EachMaxLengthAttribute"/> for the items of a list).</summary>
/// <remarks>Refused with 400 and a Vietnamese message per field: text longer than its column (PostgreSQL would fail,
/// SQLite would store it whole); control characters such as NUL (PostgreSQL text cannot hold NUL) and unpaired UTF-16
/// surrogates (not encodable as UTF-8); <c>null</c> items in a list; lists longer than their limit; instants without a
/// UTC offset or outside <see cref="VietnamTime.MinInstant"/>–<see cref="VietnamTime.MaxInstant"/>. A string with no
/// declared limit (route and query values) gets <see cref="DefaultMaxLength"/>; a list, <see cref="DefaultMaxItems"/>.</remarks>
public static class RequestValidation
{
    public const int DefaultMaxLength = 4000;
    public const int DefaultMaxItems = 100;

    /// <summary>Headers the API reads as text and may store.</summary>
    private static readonly string[] TextHeaders = ["Idempotency-Key"];

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();
    private static readonly ConcurrentDictionary<MethodInfo, string[]> ParameterNames = new();

    /// <summary>Adds the checks to every endpoint of <paramref name="builder"/>.</summary>
    public static TBuilder ValidateRequests<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            Validate(context) is { } errors ? new ValidationFailed(errors).ToProblem() : await next(context));

    /// <summary>The field errors of the request, or <see langword="null"/> when it passes.</summary>
    public static Dictionary<string, FieldMessage[]>? Validate(EndpointFilterInvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Errors();
        foreach (var header in TextHeaders)
        {
            foreach (var value in context.HttpContext.Request.Headers[header])
            {
                CheckText(value ?? "", header, DefaultMaxLength, errors);
            }
        }

        var names = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } method
            ? ParameterNames.GetOrAdd(method, m => [.. m.GetParameters().Select(p => p.Name ?? "")])
            : [];
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            // A body's fields are named as in the JSON ("applicant.fullName"); route and query values by their name.
            var argument = context.Arguments[i];
            var name = argument is not null && IsRequestType(argument.GetType()) ? "" : i < names.Length ? names[i] : $"arg{i}";
            CheckValue(argument, name, null, null, errors, depth: 0);
        }

        return errors.Result;
    }

    private static void CheckValue(object? value, string path, int? maxLength, int? maxItemLength, Errors errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckText(text, path, maxLength ?? DefaultMaxLength, errors);
                return;
            case DateTime instant:
                CheckInstant(instant, path, errors);
                return;
            case IEnumerable list when IsRequestType(value.GetType()) is false && value.GetType().IsGenericType:
                CheckList(list, path, maxLength ?? DefaultMaxItems, maxItemLength, errors, depth);
                return;
            default:
                if (depth < 8 && IsRequestType(value.GetType()))
                {
                    foreach (var member in Members.GetOrAdd(value.GetType(), Describe))
                    {
                        CheckValue(member.Get(value), path.Length == 0 ? member.Name : $"{path}.{member.Name}", member.MaxLength,
                            member.EachMaxLength, errors, depth + 1);
                    }
                }

                return;
        }
    }

    private static void CheckList(IEnumerable list, string path, int limit, int? maxItemLength, Errors errors, int depth)
    {
        var index = 0;
        foreach (var item in list)
        {
            if (index == limit)
            {
                errors.Add(path, new FieldMessage("request.max_items", "Tối đa {0} phần tử.", limit));
                return;
            }

            if (item is null)
            {
                errors.Add($"{path}[{index}]", new FieldMessage("request.null_item", "Danh sách không được chứa phần tử rỗng (null)."));
            }
            else
            {
                CheckValue(item, $"{path}[{index}]", maxItemLength, null, errors, depth + 1);
            }

            index++;
        }
    }

    private static void CheckText(string text, string path, int maxLength, Errors errors)
    {
        if (text.Length > maxLength)
        {
            errors.Add(path, new FieldMessage("request.max_length", "Tối đa {0} ký tự.", maxLength));
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (FreeText.IsForbidden(c))
            {
                errors.Add(path, new FieldMessage("request.control", "Không được chứa ký tự điều khiển (như NUL)."));
                return;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                errors.Add(path, new FieldMessage("request.unpaired_surrogate", "Chuỗi chứa ký tự Unicode không hợp lệ."));
                return;
            }
        }
    }

    private static void CheckInstant(DateTime instant, string path, Errors errors)
    {
        if (instant.Kind == DateTimeKind.Unspecified)
        {
            errors.Add(path, new FieldMessage("request.instant_offset", "Thời điểm thiếu múi giờ: phải ghi rõ độ lệch UTC (Z hoặc +07:00)."));
        }
        else if (!VietnamTime.IsSupported(instant))
        {
            errors.Add(path, new FieldMessage("request.instant_range", "Thời điểm phải nằm trong khoảng từ năm {0} đến năm {1}.",
                VietnamTime.ToLocal(VietnamTime.MinInstant).Year, VietnamTime.ToLocal(VietnamTime.MaxInstant).Year));
        }
    }

    // The API's own request types (records in the MotCua assemblies); framework arguments are not walked.
    private static bool IsRequestType(Type type) =>
        type is { IsClass: true, Namespace: not null } && type.Namespace.StartsWith("MotCua.", StringComparison.Ordinal)
        && type.Assembly == typeof(RequestValidation).Assembly;

    private static Member[] Describe(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.PropertyType != typeof(Type))
            .Select(p => new Member(
                JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p.GetValue,
                p.GetCustomAttribute<MaxLengthAttribute>()?.Length,
                p.GetCustomAttribute<EachMaxLengthAttribute>()?.Length)),
    ];

    private sealed record Member(string Name, Func<object?, object?> Get, int? MaxLength, int? EachMaxLength);

    private sealed class Errors
    {
        private Dictionary<string, FieldMessage[]>? _errors;

        public Dictionary<string, FieldMessage[]>? Result => _errors;

        public void Add(string field, FieldMessage message)
        {
            _errors ??= new Dictionary<string, FieldMessage[]>(StringComparer.Ordinal);
            _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }
    }
}

/// <summary>The longest text each item of a list of strings may hold.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EachMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
