using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

public sealed class CreatePost(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string TitleAndBody = "{\"title\":\"T\",\"body\":\"B\"}";

    [Test]
    public async Task Returns201WithLocationETagAndThePost()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.CreatePostResponseAsync(user, "First!", "First post!");
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/hal+json"));
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo(BlogClient.Href(post, "self")));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.ETag!.IsWeak, Is.False);
            Assert.That(post["title"]!.GetValue<string>(), Is.EqualTo("First!"));
            Assert.That(post["body"]!.GetValue<string>(), Is.EqualTo("First post!"));
            Assert.That(post["authorName"]!.GetValue<string>(), Is.EqualTo(user));
            Assert.That(BlogClient.Href(post, "author"), Does.EndWith($"/users/{user}"));
            Assert.That(BlogClient.Href(post, "collection"), Is.EqualTo("http://localhost/posts"));
        });
    }

    [Test]
    public async Task WritesAVersion7IdAndUtcMillisecondDates()
    {
        var post = await Client.CreatePostAsync(await Client.RegisterAsync());

        var id = Guid.Parse(post["id"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(id.Version, Is.EqualTo(7));
            Assert.That(post["id"]!.GetValue<string>(), Is.EqualTo(id.ToString("D")));
            Assert.That(post["postedDate"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(post["updatedDate"]!.GetValue<string>(), Is.EqualTo(post["postedDate"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task IgnoresServerOwnedMembersAClientSendsBack()
    {
        var user = await Client.RegisterAsync();
        var body = """{"id":"00000000-0000-7000-8000-000000000000","authorName":"someone-else","postedDate":"2000-01-01T00:00:00.000Z","_links":{"self":{"href":"x"}},"title":"T","body":"B"}""";

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json(body));
        var post = await BlogClient.ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(post["id"]!.GetValue<string>(), Is.Not.EqualTo("00000000-0000-7000-8000-000000000000"));
            Assert.That(post["authorName"]!.GetValue<string>(), Is.EqualTo(user));
            Assert.That(post["postedDate"]!.GetValue<string>(), Does.Not.StartWith("2000"));
        });
    }

    [Test]
    public async Task AcceptsHalJsonBodies()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json("""{"title":"T","body":"B"}""", "application/hal+json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task StoresTextThatLooksLikeSqlOrScriptVerbatim()
    {
        var user = await Client.RegisterAsync();
        const string title = "'); DROP TABLE Posts; --";
        const string body = "<script>alert('x')</script> 100% _under_ \\ \"quoted\" ünïcödé 🎉";

        var created = await Client.CreatePostAsync(user, title, body);
        var fetched = await Client.GetJsonAsync(BlogClient.Href(created, "self"));

        Assert.That(fetched["title"]!.GetValue<string>(), Is.EqualTo(title));
        Assert.That(fetched["body"]!.GetValue<string>(), Is.EqualTo(body));
    }

    [TestCase("{}", "title")]
    [TestCase("""{"title":"  ","body":"B"}""", "title")]
    [TestCase("""{"title":"T"}""", "body")]
    [TestCase("""{"title":"T","body":""}""", "body")]
    public async Task Returns400WithFieldErrorsForInvalidContent(string json, string field)
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json(json));
        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
    }

    [Test]
    public async Task Returns400ForATitleOver200Characters()
    {
        var user = await Client.RegisterAsync();

        using var tooLong = await Client.CreatePostResponseAsync(user, new string('t', 201));
        using var longest = await Client.CreatePostResponseAsync(user, new string('t', 200));

        var problem = await BlogClient.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["title"], Is.Not.Null);
        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Returns400ForABodyOver100000Characters()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.CreatePostResponseAsync(user, "T", new string('b', 100_001));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["body"], Is.Not.Null);
    }

    [TestCase("""{"title":"T",""", TestName = "{m}(truncated)")]
    [TestCase("""{"title" "T"}""", TestName = "{m}(missing colon)")]
    [TestCase("""[{"title":"T","body":"B"}]""", TestName = "{m}(array)")]
    [TestCase("\"just a string\"", TestName = "{m}(string)")]
    [TestCase("42", TestName = "{m}(number)")]
    [TestCase("""{"title":5,"body":"B"}""", TestName = "{m}(wrong member type)")]
    public async Task Returns400ForBodiesThatAreNotAJsonObjectOfStrings(string json)
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json(json));
        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        var text = problem.ToJsonString();
        Assert.That(text, Does.Contain("Path: $").Or.Contain("LineNumber"), "the error says where the JSON broke");
        Assert.That(text, Does.Not.Contain("Blog.Api").And.Not.Contain("System."), "no .NET type names leak");
    }

    [Test]
    public async Task Returns400ForAnEmptyBody()
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json(""));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/merge-patch+json")]
    public async Task Returns415ForANonJsonContentType(string mediaType)
    {
        var user = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, BlogClient.Json("""{"title":"T","body":"B"}""", mediaType));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Returns415NamingTheMediaTypesWithoutAContentType()
    {
        var user = await Client.RegisterAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"title":"T","body":"B"}"""));

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, content);

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo("Send the body as application/json or application/hal+json, in UTF-8."));
    }

    [TestCase("application/json; charset=")]
    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=latin1")]
    public async Task Returns415ForACharsetOtherThanUtf8(string contentType)
    {
        var user = await Client.RegisterAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"title\":\"t\",\"body\":\"b\"}x"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, content);

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task AcceptsAnExplicitUtf8Charset()
    {
        var user = await Client.RegisterAsync();
        var content = new StringContent(TitleAndBody, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", user, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Returns401WithBothChallengesWithoutCredentials()
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "/posts", content: BlogClient.Json("""{"title":"T","body":"B"}"""));

        await BlogClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(BlogClient.Challenges(response), Is.EqualTo(new[] { BlogClient.BasicChallenge, BlogClient.BearerChallenge }));
    }

    [Test]
    public async Task ChangesNothingWhenRefused()
    {
        var user = await Client.RegisterAsync();
        var before = (await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>();

        using var invalid = await Client.CreatePostResponseAsync(user, " ");
        using var anonymous = await Client.SendAsync(HttpMethod.Post, "/posts", content: BlogClient.Json("""{"title":"T","body":"B"}"""));

        var after = (await Client.GetJsonAsync($"/users/{user}"))["postCount"]!.GetValue<int>();
        Assert.That(after, Is.EqualTo(before));
    }
}
