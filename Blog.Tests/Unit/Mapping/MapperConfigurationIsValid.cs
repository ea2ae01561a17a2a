using AutoMapper.Internal;

namespace Blog.Tests.Unit.Mapping;

public sealed class MapperConfigurationIsValid
{
    [Test]
    public void MapsEveryDestinationMemberOfEveryProfile() =>
        Assert.That(() => MappingProfiles.Create().AssertConfigurationIsValid(), Throws.Nothing);

    /// <summary>
    /// AutoMapper below 15.1.4 recurses without bound on a self-referential map (GHSA-rvv3-g6hj-g44x). No member of
    /// any map here is mapped by another map, so no map can reach itself, and none needs MaxDepth.
    /// </summary>
    [Test]
    public void NoMapNestsAnotherMap()
    {
        var configuration = MappingProfiles.Create().Internal();
        var typeMaps = configuration.GetAllTypeMaps();
        var mappedPairs = typeMaps.Select(map => map.Types).ToHashSet();

        var nested = typeMaps
            .SelectMany(map => map.PropertyMaps.Select(member => (Map: map, Member: member)))
            .Where(pair => pair.Member.SourceType is { } source && mappedPairs.Contains(new(source, pair.Member.DestinationType)))
            .Select(pair => $"{pair.Map.Types.SourceType.Name} -> {pair.Map.Types.DestinationType.Name}.{pair.Member.DestinationName}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(typeMaps, Is.Not.Empty);
            Assert.That(nested, Is.Empty);
        });
    }
}
