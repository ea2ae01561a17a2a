using System.Net;
using Blog.Infrastructure.Data;
using Blog.Tests.Integration;

namespace Blog.Tests.Reliability;

/// <summary>
/// Two instances of the service, as separate processes on one database, each with a home folder of its own (where
/// data protection keeps its keys unless told otherwise): a cursor sealed by one opens on the other, because the keys
/// are kept in the database they share.
/// </summary>
[Category("Reliability")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class CursorAcrossInstances(DatabaseProvider provider)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> homes = [];

    [TearDown]
    public void DeleteTheHomeFolders()
    {
        foreach (var home in homes)
        {
            Directory.Delete(home, recursive: true);
        }

        homes.Clear();
    }

    [Test]
    public async Task ANextLinkFromOneInstanceOpensOnTheOther()
    {
        using var database = TestDatabase.Create(provider);
        using var http = new HttpClient();
        using var first = await StartInstanceAsync(database, http);
        using var second = await StartInstanceAsync(database, http);
        using var toFirst = new HttpClient { BaseAddress = first.BaseAddress };
        using var toSecond = new HttpClient { BaseAddress = second.BaseAddress };
        var one = new BlogClient(toFirst);
        var other = new BlogClient(toSecond);
        var author = await one.RegisterAsync();
        var older = await one.CreatePostAsync(author, "Older", "The second page");
        await one.CreatePostAsync(author, "Newer", "The first page");

        var next = new Uri(BlogClient.Href(await one.GetJsonAsync("/posts?size=1"), "next"));
        using var response = await other.Http.GetAsync(next.PathAndQuery);
        var page = await BlogClient.ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToJsonString());
        Assert.That(page["_embedded"]!["posts"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(older["id"]!.GetValue<string>()));
    }

    private async Task<BlogServerProcess> StartInstanceAsync(TestDatabase database, HttpClient http)
    {
        var home = Directory.CreateTempSubdirectory("blog-instance-home-").FullName;
        homes.Add(home);
        var settings = database.Settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        settings["HOME"] = home;
        var sqlitePath = database.Provider == DatabaseProvider.Sqlite ? database.SqlitePath : "";
        return await BlogServerProcess.StartAsync(BlogServerProcess.LocateApiDll(), sqlitePath, http, StartTimeout, settings: settings);
    }
}
