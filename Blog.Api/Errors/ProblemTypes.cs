namespace Blog.Api.Errors;

/// <summary>The <c>type</c> URI of each problem: the section of the RFC that defines its status code.</summary>
public static class ProblemTypes
{
    private const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-";

    public static string For(int status) => status switch
    {
        400 => Rfc9110 + "15.5.1",
        401 => Rfc9110 + "15.5.2",
        403 => Rfc9110 + "15.5.4",
        404 => Rfc9110 + "15.5.5",
        405 => Rfc9110 + "15.5.6",
        406 => Rfc9110 + "15.5.7",
        409 => Rfc9110 + "15.5.10",
        412 => Rfc9110 + "15.5.13",
        413 => Rfc9110 + "15.5.14",
        415 => Rfc9110 + "15.5.16",
        422 => Rfc9110 + "15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => Rfc9110 + "15.6.4",
        >= 500 => Rfc9110 + "15.6.1",
        _ => "about:blank",
    };
}
