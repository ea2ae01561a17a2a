using Blog.Domain.Errors;
using Blog.Domain.Users;
using Moq;

namespace Blog.Tests.Unit.Users;

public sealed class UserServiceRegister : UserServiceTestBase
{
    [Test]
    public async Task StoresOnlyTheHashOfThePassword()
    {
        Users.Setup(repository => repository.TryAddAsync(It.IsAny<User>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var user = await Service.RegisterAsync("Rick", Password, "Rick Sanchez", CancellationToken.None);

        Users.Verify(
            repository => repository.TryAddAsync(It.Is<User>(added => added == user && added.PasswordHash == "hash-v2"), It.IsAny<CancellationToken>()),
            Times.Once);
        Assert.That(user.PasswordHash, Is.Not.EqualTo(Password));
    }

    [Test]
    public async Task KeepsTheUsernameAsWrittenAndStampsTheJoinedDate()
    {
        Users.Setup(repository => repository.TryAddAsync(It.IsAny<User>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var user = await Service.RegisterAsync("Rick", Password, "Rick Sanchez", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(user.Username, Is.EqualTo("Rick"));
            Assert.That(user.NormalizedUsername, Is.EqualTo("RICK"));
            Assert.That(user.DisplayName, Is.EqualTo("Rick Sanchez"));
            Assert.That(user.JoinedDate, Is.EqualTo(Now.UtcDateTime));
            Assert.That(user.PostCount, Is.Zero);
        });
    }

    [Test]
    public void ThrowsConflictWhenTheUsernameIsTaken()
    {
        Users.Setup(repository => repository.TryAddAsync(It.IsAny<User>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = Assert.ThrowsAsync<ConflictException>(() => Service.RegisterAsync("rick", Password, null, CancellationToken.None));

        Assert.That(error.Message, Does.Contain("rick"));
    }
}
