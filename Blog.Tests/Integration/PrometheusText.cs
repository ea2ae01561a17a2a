using System.Globalization;
using System.Text.RegularExpressions;

namespace Blog.Tests.Integration;

/// <summary>The samples of a Prometheus text exposition (version 0.0.4): name, labels and value, one a line.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string name, params (string Name, string Value)[] labels) =>
    [
        .. Text.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success && match.Groups["name"].Value == name)
            .Select(match => (Labels: (IReadOnlyDictionary<string, string>)LabelPair().Matches(match.Groups["labels"].Value)
                    .ToDictionary(pair => pair.Groups[1].Value, pair => Regex.Unescape(pair.Groups[2].Value)),
                Value: double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .Where(sample => labels.All(label => sample.Labels.TryGetValue(label.Name, out var value) && value == label.Value)),
    ];

    /// <summary>The sum of the samples named <paramref name="name"/> with these labels (0 when there are none).</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) => Samples(name, labels).Sum(sample => sample.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
