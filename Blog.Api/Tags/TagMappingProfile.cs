using AutoMapper;
using Blog.Api.Hal;
using Blog.Domain.Tags;

namespace Blog.Api.Tags;

public sealed class TagMappingProfile : Profile
{
    public TagMappingProfile()
    {
        CreateMap<TagSummary, TagDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<TagLinksResolver>());
    }
}

public sealed class TagLinksResolver(HalLinks links) : IValueResolver<TagSummary, TagDto, TagLinks>
{
    public TagLinks Resolve(TagSummary source, TagDto destination, TagLinks destMember, ResolutionContext context) =>
        new(links.Tag(source.Name), links.PostsTagged(source.Name));
}
