using System.Collections;
using Microsoft.EntityFrameworkCore;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Compares every property EF maps for an entity type, so a newly mapped property is covered without editing tests.</summary>
/// <remarks>
/// Scalar properties are compared with <see cref="object.Equals(object, object)"/>, collections stored in one column
/// element by element, and complex properties (value records mapped to columns) by their value equality.
/// Owned collections are entity types of their own: compare them in the test.
/// </remarks>
public static class EntityAssert
{
    public static void AllMappedPropertiesEqual<T>(DbContext db, T expected, T actual)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var compared = 0;
        foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null || p.FieldInfo is not null))
        {
            var expectedValue = property.PropertyInfo?.GetValue(expected) ?? property.FieldInfo?.GetValue(expected);
            var actualValue = property.PropertyInfo?.GetValue(actual) ?? property.FieldInfo?.GetValue(actual);
            Assert.True(ValuesEqual(expectedValue, actualValue), $"{typeof(T).Name}.{property.Name}: expected {Show(expectedValue)}, got {Show(actualValue)}");
            if (actualValue is DateTime instant)
            {
                Assert.True(instant.Kind == DateTimeKind.Utc, $"{typeof(T).Name}.{property.Name} came back with Kind={instant.Kind}.");
            }

            compared++;
        }

        foreach (var complex in entityType.GetComplexProperties().Where(p => p.PropertyInfo is not null))
        {
            var expectedValue = complex.PropertyInfo!.GetValue(expected);
            var actualValue = complex.PropertyInfo.GetValue(actual);
            Assert.True(Equals(expectedValue, actualValue), $"{typeof(T).Name}.{complex.Name}: expected {expectedValue}, got {actualValue}");
            compared++;
        }

        Assert.True(compared > 0, $"No mapped CLR properties found on {typeof(T).Name}.");
    }

    private static bool ValuesEqual(object? expected, object? actual) =>
        expected is IEnumerable a and not string && actual is IEnumerable b and not string
            ? a.Cast<object?>().SequenceEqual(b.Cast<object?>())
            : Equals(expected, actual);

    private static string Show(object? value) =>
        value is IEnumerable items and not string ? "[" + string.Join(", ", items.Cast<object?>()) + "]" : $"{value}";
}
