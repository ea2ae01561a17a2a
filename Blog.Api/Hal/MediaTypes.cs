namespace Blog.Api.Hal;

public static class MediaTypes
{
    public const string HalJson = "application/hal+json";
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";
    public const string MergePatchJson = "application/merge-patch+json";
}
