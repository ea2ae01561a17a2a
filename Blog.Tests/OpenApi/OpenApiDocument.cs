using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Blog.Tests.Integration;
using Blog.Infrastructure.Data;

namespace Blog.Tests.OpenApi;

/// <summary>
/// The OpenAPI document against the service it describes: real requests, in process, for every operation and
/// every status the contract (docs API.md) names, each response held against the document.
/// </summary>
public sealed class OpenApiDocument(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string MergePatch = "application/merge-patch+json";

    /// <summary>The operations the contract names, and only those: a generated client needs all of them and nothing else.</summary>
    private static readonly string[] ContractOperations =
    [
        "GET /", "GET /posts", "POST /posts", "GET /posts/{id}", "PUT /posts/{id}", "PATCH /posts/{id}",
        "DELETE /posts/{id}", "POST /users", "GET /users", "GET /users/{username}", "GET /me", "GET /health",
        "GET /me/tokens", "POST /me/tokens", "GET /me/tokens/{id}", "DELETE /me/tokens/{id}",
        "GET /me/posts", "GET /posts/{id}/revisions", "GET /posts/{id}/revisions/{version}",
        "GET /posts/{id}/comments", "POST /posts/{id}/comments", "GET /comments/{id}", "PATCH /comments/{id}", "DELETE /comments/{id}",
        "GET /tags", "GET /tags/{name}",
    ];

    /// <summary>The operations that need a user.</summary>
    private static readonly string[] Writes =
    [
        "POST /posts", "PUT /posts/{id}", "PATCH /posts/{id}", "DELETE /posts/{id}", "GET /me",
        "GET /me/tokens", "POST /me/tokens", "GET /me/tokens/{id}", "DELETE /me/tokens/{id}",
        "GET /me/posts", "GET /posts/{id}/revisions", "GET /posts/{id}/revisions/{version}",
        "POST /posts/{id}/comments", "PATCH /comments/{id}", "DELETE /comments/{id}",
    ];

    /// <summary>Tokens are created with a password: a token cannot make another.</summary>
    private const string BasicOnly = "POST /me/tokens";

    /// <summary>The (operation, status) pairs the brief and the contract name; each must have been driven and checked.</summary>
    private static readonly string[] ExpectedPairs =
    [
        "GET / 200", "GET / 406",
        "GET /posts 200", "GET /posts 304", "GET /posts 400", "GET /posts 401",
        "POST /posts 201", "POST /posts 400", "POST /posts 401", "POST /posts 415", "POST /posts 422",
        "GET /posts/{id} 200", "GET /posts/{id} 304", "GET /posts/{id} 404",
        "PUT /posts/{id} 200", "PUT /posts/{id} 400", "PUT /posts/{id} 403", "PUT /posts/{id} 404", "PUT /posts/{id} 412", "PUT /posts/{id} 415",
        "PATCH /posts/{id} 200", "PATCH /posts/{id} 400", "PATCH /posts/{id} 403", "PATCH /posts/{id} 404", "PATCH /posts/{id} 412", "PATCH /posts/{id} 415",
        "DELETE /posts/{id} 204", "DELETE /posts/{id} 403", "DELETE /posts/{id} 404", "DELETE /posts/{id} 412",
        "POST /users 201", "POST /users 400", "POST /users 409", "POST /users 415",
        "GET /users 200", "GET /users 400",
        "GET /users/{username} 200", "GET /users/{username} 404",
        "GET /me 200", "GET /me 401",
        "GET /health 200",
        "POST /posts 403",
        "GET /me/tokens 200", "GET /me/tokens 400", "GET /me/tokens 401",
        "POST /me/tokens 201", "POST /me/tokens 400", "POST /me/tokens 401", "POST /me/tokens 403", "POST /me/tokens 415",
        "GET /me/tokens/{id} 200", "GET /me/tokens/{id} 404",
        "DELETE /me/tokens/{id} 204", "DELETE /me/tokens/{id} 403", "DELETE /me/tokens/{id} 404",
        "GET /me/posts 200", "GET /me/posts 400", "GET /me/posts 401",
        "GET /posts/{id}/revisions 200", "GET /posts/{id}/revisions 400", "GET /posts/{id}/revisions 401", "GET /posts/{id}/revisions 403", "GET /posts/{id}/revisions 404",
        "GET /posts/{id}/revisions/{version} 200", "GET /posts/{id}/revisions/{version} 403", "GET /posts/{id}/revisions/{version} 404",
        "GET /posts/{id}/comments 200", "GET /posts/{id}/comments 304", "GET /posts/{id}/comments 400", "GET /posts/{id}/comments 404",
        "POST /posts/{id}/comments 201", "POST /posts/{id}/comments 400", "POST /posts/{id}/comments 401", "POST /posts/{id}/comments 404",
        "POST /posts/{id}/comments 415", "POST /posts/{id}/comments 422",
        "GET /comments/{id} 200", "GET /comments/{id} 304", "GET /comments/{id} 404",
        "PATCH /comments/{id} 200", "PATCH /comments/{id} 400", "PATCH /comments/{id} 401", "PATCH /comments/{id} 403", "PATCH /comments/{id} 404",
        "PATCH /comments/{id} 412", "PATCH /comments/{id} 415",
        "DELETE /comments/{id} 204", "DELETE /comments/{id} 403", "DELETE /comments/{id} 404", "DELETE /comments/{id} 412",
        "GET /tags 200", "GET /tags 304", "GET /tags 400", "GET /tags/{name} 200", "GET /tags/{name} 304", "GET /tags/{name} 404",
    ];

    private OpenApiSpec spec = null!;

    /// <summary>Like <see cref="IntegrationTest.Client"/>, but keeping each request body so it can be checked too.</summary>
    private BlogClient client = null!;

    [OneTimeSetUp]
    public async Task LoadTheDocument()
    {
        client = new BlogClient(Factory.CreateDefaultClient(new RequestBodyRecorder()));
        spec = await OpenApiSpec.LoadAsync(client.Http);
        await TestContext.Out.WriteLineAsync($"The document is OpenAPI {spec.Version}.");
    }

    [OneTimeTearDown]
    public void DisposeTheClient() => client.Http.Dispose();

    [Test]
    public void IsOpenApi3()
    {
        Assert.That(spec.Version, Does.Match(@"^3\.[01]\.\d+$"));
    }

    [Test]
    public void ListsExactlyTheOperationsOfTheContract()
    {
        var documented = spec.Operations.Select(operation => operation.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ContractOperations.Except(documented), Is.Empty, "operations of the contract missing from the document");
            Assert.That(documented.Except(ContractOperations), Is.Empty, "operations in the document that the contract does not have");
        });
    }

    [Test]
    public void GivesEveryOperationAUniqueOperationId()
    {
        var operations = spec.Operations.ToList();
        var missing = operations.Where(operation => string.IsNullOrWhiteSpace(operation.Operation["operationId"]?.GetValue<string>())).Select(operation => operation.Name);
        var duplicated = operations
            .Where(operation => operation.Operation["operationId"] is not null)
            .GroupBy(operation => operation.Operation["operationId"]!.GetValue<string>())
            .Where(group => group.Count() > 1)
            .Select(group => $"'{group.Key}' on {string.Join(" and ", group.Select(operation => operation.Name))}");

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "operations without an operationId");
            Assert.That(duplicated, Is.Empty, "operationIds used more than once");
        });
    }

    [Test]
    public void DeclaresAnHttpBasicSecurityScheme()
    {
        var schemes = spec.Root["components"]?["securitySchemes"]?.AsObject() ?? [];

        Assert.That(
            BasicSchemeNames(),
            Is.Not.Empty,
            $"components.securitySchemes has no scheme with type http and scheme basic: {schemes.ToJsonString()}");
    }

    [Test]
    public void DeclaresAnHttpBearerSecurityScheme()
    {
        var schemes = spec.Root["components"]?["securitySchemes"]?.AsObject() ?? [];

        Assert.That(
            SchemeNames("bearer"),
            Is.Not.Empty,
            $"components.securitySchemes has no scheme with type http and scheme bearer: {schemes.ToJsonString()}");
    }

    [Test]
    public void TakesABearerTokenWhereverItTakesBasicButWhereATokenIsCreated()
    {
        var basic = BasicSchemeNames();
        var bearer = SchemeNames("bearer");
        Assert.Multiple(() =>
        {
            foreach (var operation in spec.Operations)
            {
                var requirements = spec.Security(operation).Select(requirement => requirement!.AsObject()).ToList();
                var takesBasic = requirements.Any(requirement => requirement.Any(scheme => basic.Contains(scheme.Key)));
                var takesBearer = requirements.Any(requirement => requirement.Any(scheme => bearer.Contains(scheme.Key)));
                Assert.That(takesBearer, Is.EqualTo(takesBasic && operation.Name != BasicOnly), $"{operation.Name}: {Show(requirements)}");
            }

            Assert.That(spec.Operations.Any(operation => operation.Name == BasicOnly), Is.True, $"{BasicOnly} is missing from the document");
        });
    }

    [Test]
    public void AsksForBasicCredentialsOnWritesAndMeButNotOnRegistrationOrReads()
    {
        var basic = BasicSchemeNames();
        var operations = spec.Operations.ToDictionary(operation => operation.Name);
        Assert.Multiple(() =>
        {
            foreach (var (name, operation) in operations)
            {
                var requirements = spec.Security(operation).Select(requirement => requirement!.AsObject()).ToList();
                var mayGoWithout = requirements.Count == 0 || requirements.Any(requirement => requirement.Count == 0);
                var asksForBasic = requirements.Any(requirement => requirement.Any(scheme => basic.Contains(scheme.Key)));
                if (Writes.Contains(name))
                {
                    Assert.That(asksForBasic && !mayGoWithout, Is.True, $"{name} needs a user but its security is {Show(requirements)}");
                }
                else
                {
                    Assert.That(mayGoWithout, Is.True, $"{name} is anonymous but the document requires {Show(requirements)}");
                }
            }

            Assert.That(Writes.Where(name => !operations.ContainsKey(name)), Is.Empty, "write operations missing from the document");
            Assert.That(operations.ContainsKey("POST /users"), Is.True, "POST /users is missing from the document");
        });
    }

    [Test]
    public void ShowsOnlyExamplesThatFitTheirSchemas()
    {
        var examples = spec.Examples().ToList();
        var errors = examples.SelectMany(example => spec.Validator.Validate(example.Example, example.Schema, example.Where)).ToList();

        TestContext.Out.WriteLine($"{examples.Count} examples checked.");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task DescribesEveryResponseTheServiceGives()
    {
        var check = new ResponseConformance(spec);
        var http = client.Http;

        // Root: as HAL, as plain JSON when asked, and 406 for a media type the service cannot give.
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, "/"), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, "/", configure: Accept("application/json")), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, "/", configure: Accept("application/xml")), HttpStatusCode.NotAcceptable);
        var users = await client.RootLinkAsync("users");
        var posts = await client.RootLinkAsync("posts");
        var me = await client.RootLinkAsync("me");

        // Users: register, refuse, conflict, list, page, read.
        var author = BlogClient.UniqueName("author");
        var other = BlogClient.UniqueName("other");
        await check.CheckAsync(await http.PostAsync(users, BlogClient.Json($$"""{"username":"{{author}}","password":"{{BlogClient.Password}}","displayName":"The Author"}""")), HttpStatusCode.Created);
        await check.CheckAsync(await http.PostAsync(users, BlogClient.Json($$"""{"username":"{{other}}","password":"{{BlogClient.Password}}"}""")), HttpStatusCode.Created);
        await check.CheckAsync(await http.PostAsync(users, BlogClient.Json("""{"username":"no spaces!","password":"short"}""")), HttpStatusCode.BadRequest);
        await check.CheckAsync(await http.PostAsync(users, BlogClient.Json($$"""{"username":"{{author.ToUpperInvariant()}}","password":"{{BlogClient.Password}}"}""")), HttpStatusCode.Conflict);
        await check.CheckAsync(await http.PostAsync(users, BlogClient.Json("username=x", "text/plain")), HttpStatusCode.UnsupportedMediaType);
        var userPage = await GetCheckedAsync(check, $"{users}?size=1", HttpStatusCode.OK);
        await GetCheckedAsync(check, BlogClient.Href(userPage!, "next"), HttpStatusCode.OK);
        await GetCheckedAsync(check, $"{users}?size=0", HttpStatusCode.BadRequest);
        await GetCheckedAsync(check, BlogClient.Href(userPage!["_embedded"]!["users"]![0]!, "self"), HttpStatusCode.OK);
        await GetCheckedAsync(check, $"{users}/{BlogClient.UniqueName("nobody")}", HttpStatusCode.NotFound);

        // Me.
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, me, author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, me), HttpStatusCode.Unauthorized);

        // Tokens: created with a password (refused without one, with a token, malformed, in another media type), listed, read.
        var tokens = await client.TokensLinkAsync(author);
        var tokenBody = """{"name":"OpenAPI","scopes":["read"],"expiresInDays":30}""";
        var readToken = await CheckedJsonAsync(check, await client.SendAsync(HttpMethod.Post, tokens, author, BlogClient.Json(tokenBody)), HttpStatusCode.Created);
        var readSecret = readToken["token"]!.GetValue<string>();
        var tokenSelf = BlogClient.Href(readToken, "self");
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, tokens, author, BlogClient.Json("""{"name":" ","scopes":["admin"],"expiresInDays":0}""")), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, tokens, content: BlogClient.Json(tokenBody)), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, tokens, content: BlogClient.Json(tokenBody), configure: BlogClient.Bearer(readSecret)), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, tokens, author, BlogClient.Json(tokenBody, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, tokens, author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{tokens}?size=0", author), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, tokens), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, tokenSelf, configure: BlogClient.Bearer(readSecret)), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{tokens}/{Guid.CreateVersion7()}", author), HttpStatusCode.NotFound);

        // Signed in with the read token: it reads, and may not write.
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(readSecret)), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, posts, content: BlogClient.Json("""{"title":"t","body":"b"}"""), configure: BlogClient.Bearer(readSecret)), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, tokenSelf, configure: BlogClient.Bearer(readSecret)), HttpStatusCode.Forbidden);

        // Revoked: gone, and refused.
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, tokenSelf, author), HttpStatusCode.NoContent);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, tokenSelf, author), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, me, configure: BlogClient.Bearer(readSecret)), HttpStatusCode.Unauthorized);

        // Create: created, replayed, key reused with another body, invalid, anonymous, wrong media type.
        await check.CheckAsync(await client.CreatePostResponseAsync(author, "Hello OpenAPI", "First", Key("create-1")), HttpStatusCode.Created);
        await check.CheckAsync(await client.CreatePostResponseAsync(author, "Hello OpenAPI", "First", Key("create-1")), HttpStatusCode.Created);
        await check.CheckAsync(await client.CreatePostResponseAsync(author, "Hello OpenAPI", "Something else", Key("create-1")), HttpStatusCode.UnprocessableEntity);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"   ","body":"x"}""")), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, posts, content: BlogClient.Json("""{"title":"t","body":"b"}""")), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"t","body":"b"}""", "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"As HAL","body":"b"}""", "application/hal+json")), HttpStatusCode.Created);
        var post = await CreateCheckedAsync(check, author, "Hello OpenAPI again");

        // The collection: filtered and paged, refused, not modified, and a read with wrong credentials.
        var firstPage = await GetCheckedAsync(check, $"{posts}?size=1&author={author}&q=Hello", HttpStatusCode.OK);
        await GetCheckedAsync(check, BlogClient.Href(firstPage!, "next"), HttpStatusCode.OK);

        // A page with a next or prev link is not used here: its cursor is sealed afresh on every GET, so its ETag never repeats.
        var wholeList = $"{posts}?size=20&author={author}&q=Hello";
        using (var page = await client.SendAsync(HttpMethod.Get, wholeList))
        {
            await check.CheckAsync(page, HttpStatusCode.OK);
            await check.CheckAsync(await client.SendAsync(HttpMethod.Get, wholeList, configure: IfNoneMatch(page.Headers.ETag)), HttpStatusCode.NotModified);
        }

        await GetCheckedAsync(check, $"{posts}?size=0", HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, posts, configure: r => r.Headers.Authorization = BlogClient.Basic(author, "not the password")), HttpStatusCode.Unauthorized);

        // Tags: a tagged post, the list paged, refused and not modified, one tag, not modified, unknown; the posts with it.
        var tagged = await CreateCheckedAsync(check, author, "Tagged", """["openapi", "http"]""");
        var tags = await client.RootLinkAsync("tags");
        var tagPage = await GetCheckedAsync(check, $"{tags}?size=1", HttpStatusCode.OK);
        await GetCheckedAsync(check, BlogClient.Href(tagPage!, "next"), HttpStatusCode.OK);
        await GetCheckedAsync(check, $"{tags}?size=0", HttpStatusCode.BadRequest);
        var tagHref = tagged["_links"]!["tags"]![0]!["href"]!.GetValue<string>();
        foreach (var resource in new[] { $"{tags}?size=100", tagHref })
        {
            using var read = await client.SendAsync(HttpMethod.Get, resource);
            await check.CheckAsync(read, HttpStatusCode.OK);
            await check.CheckAsync(await client.SendAsync(HttpMethod.Get, resource, configure: IfNoneMatch(read.Headers.ETag)), HttpStatusCode.NotModified);
        }

        await GetCheckedAsync(check, $"{tags}/{Guid.NewGuid():N}", HttpStatusCode.NotFound);
        await GetCheckedAsync(check, BlogClient.Href(await client.GetJsonAsync(tagHref), "posts"), HttpStatusCode.OK);

        // One post: read, not modified, unknown.
        var self = BlogClient.Href(post, "self");
        var unknown = $"{posts}/{Guid.CreateVersion7()}";
        using (var read = await client.SendAsync(HttpMethod.Get, self, configure: Accept("application/json")))
        {
            await check.CheckAsync(read, HttpStatusCode.OK);
            await check.CheckAsync(await client.SendAsync(HttpMethod.Get, self, configure: IfNoneMatch(read.Headers.ETag)), HttpStatusCode.NotModified);
        }

        await GetCheckedAsync(check, unknown, HttpStatusCode.NotFound);

        // Replace.
        var replacement = BlogClient.Json("""{"title":"Replaced","body":"Whole"}""");
        var stale = IfMatch(new EntityTagHeaderValue("\"stale\""));
        await check.CheckAsync(await client.SendAsync(HttpMethod.Put, self, author, replacement, IfMatch(await CurrentETagAsync(self))), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Put, self, author, BlogClient.Json("""{"title":"t","body":""}""")), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Put, self, other, BlogClient.Json("""{"title":"Mine","body":"now"}""")), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Put, unknown, author, BlogClient.Json("""{"title":"t","body":"b"}""")), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Put, self, author, BlogClient.Json("""{"title":"t","body":"b"}"""), stale), HttpStatusCode.PreconditionFailed);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Put, self, author, BlogClient.Json("""{"title":"t","body":"b"}""", "text/plain")), HttpStatusCode.UnsupportedMediaType);

        // Partial update.
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"title":"Patched"}""", MergePatch), IfMatch(await CurrentETagAsync(self))), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"title":null}""", MergePatch)), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, self, other, BlogClient.Json("""{"title":"Mine"}""", MergePatch)), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, unknown, author, BlogClient.Json("""{"title":"t"}""", MergePatch)), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"title":"t"}""", MergePatch), stale), HttpStatusCode.PreconditionFailed);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, self, author, BlogClient.Json("""{"title":"t"}""")), HttpStatusCode.UnsupportedMediaType);

        // Revisions: the replace and the patch above each kept the version they replaced.
        var revisions = BlogClient.Href(post, "revisions");
        var revisionPage = await CheckedJsonAsync(check, await client.SendAsync(HttpMethod.Get, $"{revisions}?size=1", author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, BlogClient.Href(revisionPage, "next"), author), HttpStatusCode.OK);
        var revision = BlogClient.Href(revisionPage["_embedded"]!["revisions"]![0]!, "self");
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revision, author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revision, other), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{revisions}/999", author), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revisions, other), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, revisions), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{revisions}?size=0", author), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{unknown}/revisions", author), HttpStatusCode.NotFound);

        // The author's own posts: a tagged draft, listed for its author only.
        var myPosts = await client.RootLinkAsync("myPosts");
        await check.CheckAsync(
            await client.SendAsync(HttpMethod.Post, posts, author, BlogClient.Json("""{"title":"A draft","body":"b","status":"draft","tags":["openapi"]}""")),
            HttpStatusCode.Created);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{myPosts}?status=draft", author), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, $"{myPosts}?status=nope", author), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, myPosts), HttpStatusCode.Unauthorized);

        await CheckCommentsAsync(check, post, author, other);

        // Delete.
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, self, other), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, self, author, configure: stale), HttpStatusCode.PreconditionFailed);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, self, author, configure: IfMatch(await CurrentETagAsync(self))), HttpStatusCode.NoContent);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, self, author), HttpStatusCode.NotFound);

        // The author, through the post's link, now with posts; health, which no link leads to.
        await GetCheckedAsync(check, BlogClient.Href(post, "author"), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Get, "/health"), HttpStatusCode.OK);

        await ReportAsync(check);
        Assert.Multiple(() =>
        {
            Assert.That(ExpectedPairs.Except(check.Pairs), Is.Empty, "(operation, status) pairs the test meant to check but could not");
            Assert.That(check.Failures, Is.Empty, "where the document and the service disagree");
        });
    }

    /// <summary>Comments on <paramref name="post"/>: created, replayed, refused; listed, paged, read, not modified; patched; deleted.</summary>
    private async Task CheckCommentsAsync(ResponseConformance check, JsonNode post, string author, string other)
    {
        var comments = BlogClient.Href(post, "comments");
        var stale = IfMatch(new EntityTagHeaderValue("\"stale\""));
        var gone = await CreateCheckedAsync(check, author, "Gone soon");
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, BlogClient.Href(gone, "self"), author), HttpStatusCode.NoContent);

        var comment = await CheckedJsonAsync(check, await client.CreateCommentResponseAsync(other, post, "First comment", Key("comment-1")), HttpStatusCode.Created);
        await check.CheckAsync(await client.CreateCommentResponseAsync(other, post, "First comment", Key("comment-1")), HttpStatusCode.Created);
        await check.CheckAsync(await client.CreateCommentResponseAsync(other, post, "Another comment", Key("comment-1")), HttpStatusCode.UnprocessableEntity);
        await check.CheckAsync(await client.CreateCommentResponseAsync(author, post, "Second comment"), HttpStatusCode.Created);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, comments, author, BlogClient.Json("""{"body":" "}""")), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.CreateCommentResponseAsync(null, post), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Post, comments, author, BlogClient.Json("""{"body":"b"}""", "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await check.CheckAsync(await client.CreateCommentResponseAsync(author, gone), HttpStatusCode.NotFound);

        var commentPage = await GetCheckedAsync(check, $"{comments}?size=1", HttpStatusCode.OK);
        await GetCheckedAsync(check, BlogClient.Href(commentPage!, "next"), HttpStatusCode.OK);
        using (var page = await client.SendAsync(HttpMethod.Get, comments))
        {
            await check.CheckAsync(page, HttpStatusCode.OK);
            await check.CheckAsync(await client.SendAsync(HttpMethod.Get, comments, configure: IfNoneMatch(page.Headers.ETag)), HttpStatusCode.NotModified);
        }

        await GetCheckedAsync(check, $"{comments}?size=0", HttpStatusCode.BadRequest);
        await GetCheckedAsync(check, BlogClient.Href(gone, "comments"), HttpStatusCode.NotFound);

        var commentSelf = BlogClient.Href(comment, "self");
        using (var read = await client.SendAsync(HttpMethod.Get, commentSelf))
        {
            await check.CheckAsync(read, HttpStatusCode.OK);
            await check.CheckAsync(await client.SendAsync(HttpMethod.Get, commentSelf, configure: IfNoneMatch(read.Headers.ETag)), HttpStatusCode.NotModified);
        }

        var edit = BlogClient.Json("""{"body":"Edited"}""", MergePatch);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, other, edit, IfMatch(await CurrentETagAsync(commentSelf))), HttpStatusCode.OK);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, other, BlogClient.Json("""{"body":null}""", MergePatch)), HttpStatusCode.BadRequest);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, content: BlogClient.Json("""{"body":"x"}""", MergePatch)), HttpStatusCode.Unauthorized);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, author, BlogClient.Json("""{"body":"Mine"}""", MergePatch)), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, other, BlogClient.Json("""{"body":"x"}""", MergePatch), stale), HttpStatusCode.PreconditionFailed);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, other, BlogClient.Json("""{"body":"x"}""")), HttpStatusCode.UnsupportedMediaType);

        var stranger = await client.RegisterAsync();
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, commentSelf, stranger), HttpStatusCode.Forbidden);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, commentSelf, author, configure: stale), HttpStatusCode.PreconditionFailed);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, commentSelf, author, configure: IfMatch(await CurrentETagAsync(commentSelf))), HttpStatusCode.NoContent);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Delete, commentSelf, author), HttpStatusCode.NotFound);
        await check.CheckAsync(await client.SendAsync(HttpMethod.Patch, commentSelf, other, BlogClient.Json("""{"body":"x"}""", MergePatch)), HttpStatusCode.NotFound);
        await GetCheckedAsync(check, commentSelf, HttpStatusCode.NotFound);
    }

    internal static async Task ReportAsync(ResponseConformance check)
    {
        await TestContext.Out.WriteLineAsync($"{check.Pairs.Count} (operation, status) pairs checked against the document:");
        foreach (var pair in check.Pairs)
        {
            await TestContext.Out.WriteLineAsync($"  {pair}");
        }

        await TestContext.Out.WriteLineAsync($"{check.Failures.Count} disagreements:");
        foreach (var failure in check.Failures)
        {
            await TestContext.Out.WriteLineAsync($"  {failure}");
        }
    }

    private static string Show(List<JsonObject> requirements) => $"[{string.Join(", ", requirements.Select(requirement => requirement.ToJsonString()))}]";

    private HashSet<string> BasicSchemeNames() => SchemeNames("basic");

    /// <summary>The names of the http security schemes with this scheme (<c>basic</c>, <c>bearer</c>).</summary>
    private HashSet<string> SchemeNames(string httpScheme) =>
    [
        .. (spec.Root["components"]?["securitySchemes"]?.AsObject() ?? [])
            .Where(scheme => spec.Deref(scheme.Value!) is var resolved
                && resolved["type"]?.GetValue<string>() == "http"
                && string.Equals(resolved["scheme"]?.GetValue<string>(), httpScheme, StringComparison.OrdinalIgnoreCase))
            .Select(scheme => scheme.Key),
    ];

    /// <summary>GETs a URL, checks the response and returns its JSON body, if it has one.</summary>
    private async Task<JsonNode?> GetCheckedAsync(ResponseConformance check, string url, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(HttpMethod.Get, url);
        var text = await response.Content.ReadAsStringAsync();
        await check.CheckAsync(response, expected);
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(text) : null;
    }

    /// <summary>Checks a response and returns its JSON body.</summary>
    private static async Task<JsonNode> CheckedJsonAsync(ResponseConformance check, HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            await check.CheckAsync(response, expected);
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            return JsonNode.Parse(text)!;
        }
    }

    /// <param name="check">Where the response is checked.</param>
    /// <param name="user">The author.</param>
    /// <param name="title">The post's title.</param>
    /// <param name="tags">A JSON array of tags, or null to send none (as a v1 client does).</param>
    private async Task<JsonNode> CreateCheckedAsync(ResponseConformance check, string user, string title, string? tags = null)
    {
        using var response = tags is null
            ? await client.CreatePostResponseAsync(user, title, "Body")
            : await client.SendAsync(HttpMethod.Post, await client.RootLinkAsync("posts"), user, BlogClient.Json($$"""{"title":"{{title}}","body":"Body","tags":{{tags}}}"""));
        var text = await response.Content.ReadAsStringAsync();
        await check.CheckAsync(response, HttpStatusCode.Created);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonNode.Parse(text)!;
    }

    private async Task<EntityTagHeaderValue?> CurrentETagAsync(string url)
    {
        using var response = await client.SendAsync(HttpMethod.Get, url);
        return response.Headers.ETag;
    }

    private static Action<HttpRequestMessage> Accept(string mediaType) =>
        request => request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));

    private static Action<HttpRequestMessage> Key(string key) =>
        request => request.Headers.Add("Idempotency-Key", key);

    private static Action<HttpRequestMessage> IfNoneMatch(EntityTagHeaderValue? tag) =>
        request => request.Headers.IfNoneMatch.Add(tag ?? throw new AssertionException("The response had no ETag."));

    private static Action<HttpRequestMessage> IfMatch(EntityTagHeaderValue? tag) =>
        request => request.Headers.IfMatch.Add(tag ?? throw new AssertionException("The response had no ETag."));
}
