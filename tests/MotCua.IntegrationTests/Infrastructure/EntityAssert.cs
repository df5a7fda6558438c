using Microsoft.EntityFrameworkCore;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Compares every property EF maps for an entity type, so a newly mapped property is covered without editing tests.</summary>
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
            if (expectedValue is System.Collections.IEnumerable expectedItems and not string && actualValue is System.Collections.IEnumerable actualItems)
            {
                // Mapped collections (e.g. a JSON list column) compare by content, not by reference.
                Assert.Equal(expectedItems.Cast<object?>(), actualItems.Cast<object?>());
            }
            else
            {
                Assert.True(Equals(expectedValue, actualValue), $"{typeof(T).Name}.{property.Name}: expected {expectedValue}, got {actualValue}");
            }

            if (actualValue is DateTime instant)
            {
                Assert.True(instant.Kind == DateTimeKind.Utc, $"{typeof(T).Name}.{property.Name} came back with Kind={instant.Kind}.");
            }

            compared++;
        }

        Assert.True(compared > 0, $"No mapped CLR properties found on {typeof(T).Name}.");
    }
}
