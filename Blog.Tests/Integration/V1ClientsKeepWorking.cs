using System.Net;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A client that knows only v1 sends title and body: it must neither publish a draft nor drop tags by doing so.</summary>
public sealed class V1ClientsKeepWorking(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Test]
    public async Task APutWithOnlyTitleAndBodyKeepsADraftADraftAndKeepsItsTags()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft", tags = new[] { "dotnet", "http" } });

        var replaced = await Client.ReplacePostAsync(draft, author, new { title = "Edited", body = "By a v1 client" });

        Assert.Multiple(() =>
        {
            Assert.That(replaced["title"]!.GetValue<string>(), Is.EqualTo("Edited"));
            Assert.That(replaced["status"]!.GetValue<string>(), Is.EqualTo("draft"));
            Assert.That(replaced["publishedDate"], Is.Null);
            Assert.That(replaced["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()), Is.EqualTo(new[] { "dotnet", "http" }));
        });
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(draft, "self")), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task APutWithOnlyTitleAndBodyKeepsTheSchedule()
    {
        var author = await Client.RegisterAsync();
        var at = PublishingRequests.Instant(DateTimeOffset.UtcNow.AddDays(3));
        var scheduled = await Client.WritePostAsync(author, new { title = "Later", body = "Body", publishedDate = at });

        var replaced = await Client.ReplacePostAsync(scheduled, author, new { title = "Still later", body = "Body" });

        Assert.That(replaced["publishedDate"]!.GetValue<string>(), Is.EqualTo(at));
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(scheduled, "self")), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task APutOfWhatAGetReturnedChangesNothingButWhatWasEdited()
    {
        var author = await Client.RegisterAsync();
        var post = await Client.WritePostAsync(author, new { title = "Out", body = "Body", tags = new[] { "dotnet" } });
        var echoed = post.DeepClone();
        echoed["title"] = "Edited";

        var replaced = await Client.ReplacePostAsync(post, author, echoed);

        Assert.Multiple(() =>
        {
            Assert.That(replaced["title"]!.GetValue<string>(), Is.EqualTo("Edited"));
            Assert.That(replaced["publishedDate"]!.GetValue<string>(), Is.EqualTo(post["publishedDate"]!.GetValue<string>()));
            Assert.That(replaced["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()), Is.EqualTo(new[] { "dotnet" }));
        });
    }

    [Test]
    public async Task APatchOfTheTitleKeepsADraftADraft()
    {
        var author = await Client.RegisterAsync();
        var draft = await Client.WritePostAsync(author, new { title = "Draft", body = "Body", status = "draft", tags = new[] { "dotnet" } });

        var patched = await Client.PatchPostAsync(draft, author, """{"title":"Edited"}""");

        Assert.That(patched["status"]!.GetValue<string>(), Is.EqualTo("draft"));
        Assert.That(patched["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()), Is.EqualTo(new[] { "dotnet" }));
    }

    [Test]
    public async Task ACreateWithOnlyTitleAndBodyIsPublicAtOnce()
    {
        var author = await Client.RegisterAsync();

        var post = await Client.CreatePostAsync(author, "v1", "Post");

        Assert.That(post["status"]!.GetValue<string>(), Is.EqualTo("published"));
        Assert.That(post["tags"]!.AsArray(), Is.Empty);
        Assert.That(await Client.StatusOfAsync(BlogClient.Href(post, "self")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(PublishingRequests.Ids(await Client.GetJsonAsAsync($"/posts?author={author}", null)), Is.EqualTo(new[] { PublishingRequests.Id(post) }));
    }

    [Test]
    public async Task AnIdempotentRetryOfAV1CreateReplaysAndTheSameKeyForADraftIsRefused()
    {
        var author = await Client.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await Client.CreatePostResponseAsync(author, "Once", "Only", request => request.Headers.Add("Idempotency-Key", key));
        using var retry = await Client.CreatePostResponseAsync(author, "Once", "Only", request => request.Headers.Add("Idempotency-Key", key));
        using var asADraft = await Client.WritePostResponseAsync(
            author, new { title = "Once", body = "Only", status = "draft" }, request => request.Headers.Add("Idempotency-Key", key));

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(asADraft.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        });
    }
}
