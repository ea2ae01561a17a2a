using AutoMapper;
using Blog.Api.Posts;

namespace Blog.Tests.Unit.Mapping;

public static class MappingProfiles
{
    /// <summary>Every profile of the API, as the API loads them.</summary>
    public static MapperConfiguration Create() =>
        new(config => config.AddMaps(typeof(PostMappingProfile).Assembly));
}
