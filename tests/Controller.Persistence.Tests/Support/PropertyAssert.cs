using System.Collections;
using System.Reflection;

namespace Controller.Persistence.Tests.Support;

/// <summary>Compares every scalar property of two entities, so a new column cannot be forgotten by a round-trip test.</summary>
public static class PropertyAssert
{
    public static void AllScalarsEqual<T>(T expected, T actual)
        where T : class
    {
        Assert.NotNull(actual);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            var isScalar = type.IsValueType || type == typeof(string) || type.IsArray;
            if (!isScalar)
            {
                continue;
            }

            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            if (want is IEnumerable wantItems and not string && got is IEnumerable gotItems)
            {
                Assert.True(wantItems.Cast<object>().SequenceEqual(gotItems.Cast<object>()), $"{typeof(T).Name}.{property.Name} differs");
            }
            else if (want is DateTimeOffset wantTime && got is DateTimeOffset gotTime)
            {
                // Compare instants; the store normalises offsets to UTC.
                Assert.True(wantTime.UtcTicks == gotTime.UtcTicks, $"{typeof(T).Name}.{property.Name}: expected {wantTime:O}, got {gotTime:O}");
            }
            else
            {
                Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: expected {want}, got {got}");
            }
        }
    }
}
