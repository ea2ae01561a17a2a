using AutoMapper;
using Blog.Api.Hal;
using Blog.Domain.Tokens;

namespace Blog.Api.Tokens;

public sealed class AccessTokenMappingProfile : Profile
{
    public AccessTokenMappingProfile()
    {
        CreateMap<AccessToken, AccessTokenDto>()
            .ForMember(dto => dto.Links, member => member.MapFrom<AccessTokenLinksResolver>())
            .ForMember(dto => dto.Scopes, member => member.MapFrom(token => AccessTokenScopeNames.Of(token.Scopes)));

        // The secret comes from the issue; everything else from the token, as for any other token.
        CreateMap<AccessToken, CreatedAccessTokenDto>(MemberList.None).IncludeBase<AccessToken, AccessTokenDto>();
        CreateMap<IssuedAccessToken, CreatedAccessTokenDto>()
            .IncludeMembers(issued => issued.Token)
            .ForMember(dto => dto.Token, member => member.MapFrom(issued => issued.Secret));
    }
}

public sealed class AccessTokenLinksResolver(HalLinks links) : IValueResolver<AccessToken, AccessTokenDto, AccessTokenLinks>
{
    public AccessTokenLinks Resolve(AccessToken source, AccessTokenDto destination, AccessTokenLinks destMember, ResolutionContext context) =>
        new(links.Token(source.Id), links.Tokens());
}
