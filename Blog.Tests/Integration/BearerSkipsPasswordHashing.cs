using System.Net;
using Blog.Domain.Tokens;
using Blog.Domain.Users;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Blog.Infrastructure.Data;

namespace Blog.Tests.Integration;

/// <summary>A Bearer request never reaches the password hasher (PBKDF2): here a mock that records every call.</summary>
public sealed class BearerSkipsPasswordHashing(DatabaseProvider provider) : IntegrationTest(provider)
{
    private readonly Mock<IPasswordHasher> hasher = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns((string password) => "hash:" + password);
        hasher.Setup(h => h.Verify(It.IsAny<string?>(), It.IsAny<string>()))
            .Returns((string? hash, string password) => hash == "hash:" + password ? PasswordCheck.Success : PasswordCheck.Failed);
        services.AddSingleton(hasher.Object);
    }

    [Test]
    public async Task ReadsAndWritesWithATokenWithoutCallingTheHasher()
    {
        var user = await Client.RegisterAsync();
        var secret = await Client.CreateTokenSecretAsync(user, "read", "write");
        hasher.Invocations.Clear();

        using var read = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(secret));
        using var write = await Client.SendAsync(HttpMethod.Post, await Client.RootLinkAsync("posts"), content: BlogClient.Json("""{"title":"t","body":"b"}"""), configure: BlogClient.Bearer(secret));
        using var refused = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), configure: BlogClient.Bearer(AccessTokenSecret.Generate()));

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(hasher.Invocations, Is.Empty);
    }

    /// <summary>The control: the same mock is the one Basic uses, so its silence above means something.</summary>
    [Test]
    public async Task BasicStillVerifiesThePasswordThroughTheHasher()
    {
        var user = await Client.RegisterAsync();
        hasher.Invocations.Clear();

        using var read = await Client.SendAsync(HttpMethod.Get, await Client.RootLinkAsync("me"), user);

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        hasher.Verify(h => h.Verify("hash:" + BlogClient.Password, BlogClient.Password), Times.Once);
    }
}
