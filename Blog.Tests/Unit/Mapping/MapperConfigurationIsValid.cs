namespace Blog.Tests.Unit.Mapping;

public sealed class MapperConfigurationIsValid
{
    [Test]
    public void MapsEveryDestinationMemberOfEveryProfile() =>
        Assert.That(() => MappingProfiles.Create().AssertConfigurationIsValid(), Throws.Nothing);
}
