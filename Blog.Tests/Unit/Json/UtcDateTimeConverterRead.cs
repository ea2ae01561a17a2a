using System.Text.Json;
using Blog.Api.Json;

namespace Blog.Tests.Unit.Json;

public sealed class UtcDateTimeConverterRead
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new UtcDateTimeConverter() } };

    [TestCase("\"2030-06-01T09:00:00Z\"")]
    [TestCase("\"2030-06-01T11:00:00+02:00\"")]
    [TestCase("\"2030-06-01T04:00:00-05:00\"")]
    [TestCase("\"2030-06-01T09:00:00.000Z\"")]
    public void ReadsAnInstantWithItsOffsetAsUtc(string json)
    {
        var value = JsonSerializer.Deserialize<DateTime?>(json, Options);

        Assert.That(value, Is.EqualTo(new DateTime(2030, 6, 1, 9, 0, 0, DateTimeKind.Utc)));
        Assert.That(value!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [TestCase("\"2030-06-01T09:00:00\"")]
    [TestCase("\"2030-06-01\"")]
    public void RefusesADateWithoutAnOffset(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTime?>(json, Options));

    [TestCase("\"0001-01-01T00:00:00+05:00\"")]
    [TestCase("\"9999-12-31T23:59:59.9999999-05:00\"")]
    [TestCase("\"not a date\"")]
    public void RefusesWhatIsNoInstantInUtc(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTime?>(json, Options));
}
