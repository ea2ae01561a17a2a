using AutoMapper;
using Blog.Api.Hal;
using Blog.Domain.Users;

namespace Blog.Api.Users;

public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        CreateMap<User, UserDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<UserLinksResolver>());
        CreateMap<User, MeDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<MeLinksResolver>());
    }
}

public sealed class UserLinksResolver(HalLinks links) : IValueResolver<User, UserDto, UserLinks>
{
    public UserLinks Resolve(User source, UserDto destination, UserLinks destMember, ResolutionContext context) =>
        new(links.User(source.Username), links.PostsBy(source.Username));
}

public sealed class MeLinksResolver(HalLinks links) : IValueResolver<User, MeDto, MeLinks>
{
    public MeLinks Resolve(User source, MeDto destination, MeLinks destMember, ResolutionContext context) =>
        new(links.Me(), links.User(source.Username), links.PostsBy(source.Username), links.Tokens(), links.OwnPosts());
}
