using AutoMapper;
using Blog.Api.Hal;
using Blog.Domain.Posts;

namespace Blog.Api.Revisions;

public sealed class RevisionMappingProfile : Profile
{
    public RevisionMappingProfile() =>
        CreateMap<PostRevision, RevisionDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<RevisionLinksResolver>());
}

public sealed class RevisionLinksResolver(HalLinks links) : IValueResolver<PostRevision, RevisionDto, RevisionLinks>
{
    public RevisionLinks Resolve(PostRevision source, RevisionDto destination, RevisionLinks destMember, ResolutionContext context) =>
        new(links.Revision(source.PostId, source.Version), links.Post(source.PostId));
}
