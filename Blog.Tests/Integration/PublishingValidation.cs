using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>Bad publishing members are 400s with a field error, and change nothing.</summary>
public sealed class PublishingValidation(DatabaseProvider provider) : IntegrationTest(provider)
{
    [TestCase("""{"title":"T","body":"B","status":"scheduled"}""", "status")]
    [TestCase("""{"title":"T","body":"B","status":"Published"}""", "status")]
    [TestCase("""{"title":"T","body":"B","status":7}""", null)]
    [TestCase("""{"title":"T","body":"B","status":"draft","publishedDate":"2030-01-01T00:00:00Z"}""", "publishedDate")]
    [TestCase("""{"title":"T","body":"B","publishedDate":"tomorrow"}""", "publishedDate")]
    [TestCase("""{"title":"T","body":"B","publishedDate":"2030-01-01T00:00:00"}""", "publishedDate")]
    [TestCase("""{"title":"T","body":"B","publishedDate":"2030-01-01"}""", "publishedDate")]
    [TestCase("""{"title":"T","body":"B","tags":["no spaces"]}""", "tags")]
    public async Task RefusesACreate(string json, string? field)
    {
        var author = await Client.RegisterAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, await Client.RootLinkAsync("posts"), author, BlogClient.Json(json));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        }

        Assert.That(PublishingRequests.TotalItems(await Client.GetJsonAsAsync(await Client.MyPostsLinkAsync(), author)), Is.Zero);
    }

    [TestCase("""{"publishedDate":null}""", "publishedDate")]
    [TestCase("""{"status":"published","publishedDate":null}""", "publishedDate")]
    [TestCase("""{"status":null}""", "status")]
    [TestCase("""{"status":"gone"}""", "status")]
    [TestCase("""{"status":"draft","publishedDate":"2030-01-01T00:00:00Z"}""", "publishedDate")]
    [TestCase("""{"tags":null}""", "tags")]
    [TestCase("""{"publishedDate":"2030-01-01T00:00:00.000"}""", "publishedDate")]
    public async Task RefusesAMergePatch(string json, string field)
    {
        var author = await Client.RegisterAsync();
        var post = await Client.WritePostAsync(author, new { title = "T", body = "B", tags = new[] { "kept" } });

        using var response = await Client.PatchPostResponseAsync(post, author, json);

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        var unchanged = await Client.GetJsonAsAsync(BlogClient.Href(post, "self"), null);
        Assert.That(unchanged["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()), Is.EqualTo(new[] { "kept" }));
        Assert.That(unchanged["updatedDate"]!.GetValue<string>(), Is.EqualTo(post["updatedDate"]!.GetValue<string>()));
    }

    [Test]
    public async Task AcceptsStatusDraftWithANullPublishedDateInAMergePatch()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.WritePostAsync(author, new { title = "T", body = "B" });

        var draft = await Client.PatchPostAsync(post, author, """{"status":"draft","publishedDate":null}""");

        Assert.That(draft["status"]!.GetValue<string>(), Is.EqualTo("draft"));
    }

    [Test]
    public async Task RefusesAPutOfADraftWithAPublishedDate()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.WritePostAsync(author, new { title = "T", body = "B" });

        using var response = await Client.SendAsync(
            HttpMethod.Put, BlogClient.Href(post, "self"), author, BlogClient.Json("""{"title":"T","body":"B","status":"draft","publishedDate":"2030-01-01T00:00:00Z"}"""));

        var problem = await BlogClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["publishedDate"], Is.Not.Null, problem.ToJsonString());
    }
}
