namespace Blog.Api.Hal;

/// <summary>Every linked route has a name, so that links are generated, never written by hand.</summary>
public static class RouteNames
{
    public const string Root = "root";
    public const string Posts = "posts";
    public const string Post = "post";
    public const string Revisions = "revisions";
    public const string Revision = "revision";
    public const string Comments = "comments";
    public const string Comment = "comment";
    public const string Users = "users";
    public const string User = "user";
    public const string Me = "me";
    public const string OwnPosts = "ownPosts";
    public const string Tokens = "tokens";
    public const string Token = "token";
    public const string Tags = "tags";
    public const string Tag = "tag";
}
