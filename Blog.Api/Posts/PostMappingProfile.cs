using AutoMapper;
using Blog.Api.Hal;
using Blog.Domain.Posts;

namespace Blog.Api.Posts;

public sealed class PostMappingProfile : Profile
{
    public PostMappingProfile()
    {
        CreateMap<Post, PostDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<PostLinksResolver>())
            .ForMember(dto => dto.Status, member => member.MapFrom(post => PostStatusNames.Of(post.Status)));
    }
}

public sealed class PostLinksResolver(HalLinks links) : IValueResolver<Post, PostDto, PostLinks>
{
    public PostLinks Resolve(Post source, PostDto destination, PostLinks destMember, ResolutionContext context) =>
        new(
            links.Post(source.Id), links.User(source.AuthorName), links.Posts(), links.Revisions(source.Id), links.Comments(source.Id),
            source.Tags.Select(links.NamedTag).ToList());
}
