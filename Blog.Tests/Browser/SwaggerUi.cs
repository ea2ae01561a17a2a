using Blog.Tests.Integration;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using static Microsoft.Playwright.Assertions;

namespace Blog.Tests.Browser;

/// <summary>
/// Swagger UI in a real headless Chromium, against the service on a real loopback port.
/// </summary>
/// <remarks>
/// <para>
/// Needs Debian's Chromium (<c>apt-get install -y chromium</c>, which provides <c>/usr/bin/chromium</c>); without it
/// every test here is reported as skipped, never as passed. Playwright's own browser download is never run (there is
/// no internet): <see cref="BrowserTypeLaunchOptions.ExecutablePath"/> points at Debian's browser, so
/// <c>PLAYWRIGHT_BROWSERS_PATH</c> is never consulted. <c>Playwright.CreateAsync()</c> only starts the Node driver that
/// ships in the Microsoft.Playwright package (copied to <c>bin/.../.playwright</c> by the build) and downloads nothing,
/// so no environment variable is needed (<c>PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD</c> only affects the npm package's
/// install step, which .NET never runs).
/// </para>
/// <para>
/// The page may only talk to the service: every other request is aborted and recorded, so that a CDN script or the
/// online spec validator cannot make the tests hang offline or pass only with a network.
/// </para>
/// </remarks>
[TestFixture]
[NonParallelizable]
public sealed class SwaggerUi
{
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Bounds every browser action and expectation, generous enough for a loaded two-core machine.</summary>
    private const float Timeout = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        // Root in a container: Chromium's sandbox cannot start there.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // No update checks, sync, first-run UI or QUIC probes: nothing that needs the internet.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        // Chromium still looked up accounts.google.com for every new context; now it resolves no name at all
        // (the service is reached by its IP literal, 127.0.0.1).
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    private BlogApiFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowserContext? context;
    private IPage? page;
    private Uri baseAddress = null!;
    private readonly List<string> outsideRequests = [];

    private IPage Page => page ?? throw new InvalidOperationException("No page: the set-up did not run.");

    [OneTimeSetUp]
    public async Task StartServiceAndBrowser()
    {
        if (!File.Exists(ChromiumPath))
        {
            // .ci/run installs Chromium, so under CI its absence is a failure; on a developer's machine, a skip.
            var message = $"No Chromium at {ChromiumPath} (apt-get install -y chromium).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        factory = new BlogApiFactory();
        // 127.0.0.1 with a port chosen by the OS: the factory binds http://127.0.0.1:{port} and, once started,
        // puts the bound address in ClientOptions.BaseAddress.
        factory.UseKestrel(0);
        factory.StartServer();
        baseAddress = factory.ClientOptions.BaseAddress;
        Assert.That(baseAddress.Port, Is.Not.Zero, "Kestrel did not report the port it bound");

        SetDefaultExpectTimeout(Timeout);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = Timeout,
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowserAndService()
    {
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
            }
        }
        finally
        {
            playwright?.Dispose();
            factory?.Dispose();
        }
    }

    [SetUp]
    public async Task OpenSwaggerUi()
    {
        outsideRequests.Clear();
        context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 1024 },
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        await context.RouteAsync(url => !IsService(url), async route =>
        {
            lock (outsideRequests)
            {
                outsideRequests.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });

        page = await context.NewPageAsync();
        await page.GotoAsync("/swagger");
        // The operations appear once Swagger UI has fetched and rendered /swagger/v1/swagger.json.
        await Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (page is not null && TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
        {
            await AttachScreenshot(page);
        }

        if (context is not null)
        {
            await context.CloseAsync();
        }

        context = null;
        page = null;
    }

    [Test]
    public async Task LoadsWithTheHeadingBlogApi()
    {
        await Expect(Page.Locator(".info .title")).ToContainTextAsync("Blog API");
        await Expect(Page.Locator(".info .link")).ToHaveAttributeAsync("href", "/swagger/v1/swagger.json");
    }

    [Test]
    public async Task ListsEveryOperation()
    {
        string[] expected =
        [
            "GET /",
            "GET /posts",
            "POST /posts",
            "GET /posts/{id}",
            "PUT /posts/{id}",
            "PATCH /posts/{id}",
            "DELETE /posts/{id}",
            "GET /users",
            "POST /users",
            "GET /users/{username}",
            "GET /me",
            "GET /me/tokens",
            "POST /me/tokens",
            "GET /me/tokens/{id}",
            "DELETE /me/tokens/{id}",
            "GET /me/posts",
            "GET /posts/{id}/revisions",
            "GET /posts/{id}/revisions/{version}",
            "GET /posts/{id}/comments",
            "POST /posts/{id}/comments",
            "GET /comments/{id}",
            "PATCH /comments/{id}",
            "DELETE /comments/{id}",
            "GET /tags",
            "GET /tags/{name}",
        ];

        // Swagger UI renders every operation in the same pass as the first, which the set-up waited for.
        var listed = await Page.Locator(".opblock").EvaluateAllAsync<string[]>(
            """
            blocks => blocks.map(block =>
                block.querySelector('.opblock-summary-method').textContent.trim() + ' '
                + block.querySelector('.opblock-summary-path').dataset.path)
            """);

        Assert.That(listed, Is.SupersetOf(expected), $"Listed: {string.Join(", ", listed)}");
    }

    [Test]
    public async Task ShowsTheAuthorizeButtonForHttpBasic()
    {
        await Page.Locator(".scheme-container").GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();

        var dialog = Page.Locator(".modal-ux");
        await Expect(dialog).ToContainTextAsync("(http, Basic)");
        await Expect(dialog.Locator("input[name=username]")).ToBeVisibleAsync();
        await Expect(dialog.Locator("input[name=password][type=password]")).ToBeVisibleAsync();
    }

    [Test]
    public async Task OffersABearerTokenInTheAuthorizeDialog()
    {
        await Page.Locator(".scheme-container").GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();

        var dialog = Page.Locator(".modal-ux");
        await Expect(dialog).ToContainTextAsync("(http, Bearer)");
        await Expect(BearerForm(dialog).Locator("input[type=text]")).ToBeVisibleAsync();
    }

    /// <summary>A token created with a password, given to "Authorize", signs in "Try it out" on GET /me.</summary>
    [Test]
    public async Task TryItOutOnGetMeWithABearerTokenShowsTheOwner()
    {
        var (username, secret) = await CreateUserAndTokenAsync();
        await Page.Locator(".scheme-container").GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
        var bearer = BearerForm(Page.Locator(".modal-ux"));
        await bearer.Locator("input[type=text]").FillAsync(secret);
        // The dialog's buttons carry aria-labels ("Apply credentials", "Close this dialog"), so they are found by class.
        await bearer.Locator("button.authorize").ClickAsync();
        await Expect(bearer).ToContainTextAsync("Authorized");
        await bearer.Locator("button.btn-done").ClickAsync();

        var getMe = Operation("GET", "/me");
        await getMe.Locator(".opblock-summary-control").ClickAsync();
        await getMe.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await getMe.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var response = getMe.Locator(".live-responses-table .response");
        await Expect(response.Locator(".response-col_status")).ToHaveTextAsync("200");
        await Expect(response.Locator(".response-col_description")).ToContainTextAsync($"\"username\": \"{username}\"");
    }

    /// <summary>"Try it out" on GET /me/posts, signed in, with the status picked from the document's enum, shows the draft.</summary>
    [Test]
    public async Task TryItOutOnGetMyPostsShowsTheSignedInAuthorsDraft()
    {
        var title = $"Draft {Guid.NewGuid():N}";
        var (_, secret) = await CreateUserAndTokenAsync(draftTitle: title);
        await Page.Locator(".scheme-container").GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
        var bearer = BearerForm(Page.Locator(".modal-ux"));
        await bearer.Locator("input[type=text]").FillAsync(secret);
        await bearer.Locator("button.authorize").ClickAsync();
        await bearer.Locator("button.btn-done").ClickAsync();

        var myPosts = Operation("GET", "/me/posts");
        await myPosts.Locator(".opblock-summary-control").ClickAsync();
        await myPosts.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await myPosts.Locator("tr[data-param-name='status'] select").SelectOptionAsync("draft");
        await myPosts.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var response = myPosts.Locator(".live-responses-table .response");
        await Expect(response.Locator(".response-col_status")).ToHaveTextAsync("200");
        await Expect(response.Locator(".response-col_description")).ToContainTextAsync($"\"title\": \"{title}\"");
        await Expect(myPosts.Locator(".request-url")).ToContainTextAsync("status=draft");
    }

    /// <summary>
    /// A public operation takes credentials optionally (<c>security: [{}, {"Basic": []}]</c>: wrong ones are a 401), so
    /// Swagger UI offers the lock there too, as on the operations that need a user (which of them need one is the
    /// document's <c>security</c>, checked by RequestSchemas); "Try it out" below shows a public one answering without any.
    /// </summary>
    [TestCase("GET", "/posts")]
    [TestCase("POST", "/users")]
    [TestCase("GET", "/")]
    public async Task OffersOptionalCredentialsOnAPublicOperation(string method, string path)
    {
        await Expect(Operation(method, path)).ToBeVisibleAsync();
        await Expect(Operation(method, path).Locator(".authorization__btn")).ToBeVisibleAsync();
    }

    [Test]
    public async Task TryItOutOnGetPostsShowsA200()
    {
        var getPosts = Operation("GET", "/posts");
        await getPosts.Locator(".opblock-summary-control").ClickAsync();
        await getPosts.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        await getPosts.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var response = getPosts.Locator(".live-responses-table .response");
        await Expect(response.Locator(".response-col_status")).ToHaveTextAsync("200");
        await Expect(response.Locator(".response-col_description")).ToContainTextAsync("\"_embedded\"");
        await Expect(getPosts.Locator(".request-url")).ToContainTextAsync(new Uri(baseAddress, "/posts").ToString());
    }

    [Test]
    public async Task RequestsNothingFromOutsideTheService()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (outsideRequests)
        {
            Assert.That(outsideRequests, Is.Empty);
        }
    }

    /// <summary>The form of the Bearer scheme in the Authorize dialog: its input and its own Authorize button.</summary>
    private static ILocator BearerForm(ILocator dialog) =>
        dialog.Locator("form").Filter(new LocatorFilterOptions { HasText = "(http, Bearer)" });

    /// <summary>A user and a token of theirs, made over HTTP as any client would, following links from the root.</summary>
    private async Task<(string Username, string Secret)> CreateUserAndTokenAsync(string? draftTitle = null)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var client = new BlogClient(http);
        var username = await client.RegisterAsync();
        if (draftTitle is not null)
        {
            using var draft = await client.SendAsync(
                HttpMethod.Post, await client.RootLinkAsync("posts"), username, BlogClient.Json($$"""{"title":"{{draftTitle}}","body":"Not yet.","status":"draft"}"""));
            Assert.That(draft.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await draft.Content.ReadAsStringAsync());
        }

        return (username, await client.CreateTokenSecretAsync(username, "read"));
    }

    /// <summary>What the page showed when a test failed, next to the test's results (and in a TRX file).</summary>
    private static async Task AttachScreenshot(IPage failed)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{nameof(SwaggerUi)}.{TestContext.CurrentContext.Test.Name}.png");
        try
        {
            await failed.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
            TestContext.AddTestAttachment(path, "Swagger UI when the test failed");
        }
        catch (PlaywrightException exception)
        {
            // A crashed or hung page: the test's own failure says more than this.
            TestContext.Progress.WriteLine($"No screenshot: {exception.Message}");
        }
    }

    private bool IsService(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" || (uri.Scheme == baseAddress.Scheme && uri.Authority == baseAddress.Authority));

    /// <summary>The block of one operation, found by its method and its path template.</summary>
    private ILocator Operation(string method, string path) =>
        Page.Locator($".opblock.opblock-{method.ToLowerInvariant()}")
            .Filter(new LocatorFilterOptions { Has = Page.Locator($".opblock-summary-path[data-path='{path}']") });
}
