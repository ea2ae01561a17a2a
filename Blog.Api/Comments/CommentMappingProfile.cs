using AutoMapper;
using Blog.Api.Hal;
using Blog.Domain.Comments;

namespace Blog.Api.Comments;

public sealed class CommentMappingProfile : Profile
{
    public CommentMappingProfile() =>
        CreateMap<Comment, CommentDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<CommentLinksResolver>());
}

public sealed class CommentLinksResolver(HalLinks links) : IValueResolver<Comment, CommentDto, CommentLinks>
{
    public CommentLinks Resolve(Comment source, CommentDto destination, CommentLinks destMember, ResolutionContext context) =>
        new(links.Comment(source.Id), links.Post(source.PostId), links.User(source.AuthorName));
}
