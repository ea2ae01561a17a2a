using Blog.Domain.Users;
using Moq;

namespace Blog.Tests.Unit.Users;

public sealed class UserServiceSignIn : UserServiceTestBase
{
    private User rick = null!;

    [SetUp]
    public void SetUp()
    {
        rick = User.Register("rick", null, "hash-v1", Now);
        Users.Setup(repository => repository.FindByUsernameAsync("rick", It.IsAny<CancellationToken>())).ReturnsAsync(rick);
    }

    [Test]
    public async Task ReturnsTheUserGivenTheRightPassword()
    {
        Hasher.Setup(hasher => hasher.Verify("hash-v1", Password)).Returns(PasswordCheck.Success);

        var user = await Service.SignInAsync("rick", Password, CancellationToken.None);

        Assert.That(user, Is.SameAs(rick));
        Users.Verify(repository => repository.UpdatePasswordHashAsync(It.IsAny<User>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task ReturnsNullGivenAWrongPassword()
    {
        Hasher.Setup(hasher => hasher.Verify("hash-v1", "wrong password")).Returns(PasswordCheck.Failed);

        var user = await Service.SignInAsync("rick", "wrong password", CancellationToken.None);

        Assert.That(user, Is.Null);
        Users.Verify(repository => repository.UpdatePasswordHashAsync(It.IsAny<User>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task StillVerifiesAPasswordAndReturnsNullGivenAnUnknownUser()
    {
        Hasher.Setup(hasher => hasher.Verify(null, Password)).Returns(PasswordCheck.Failed);

        var user = await Service.SignInAsync("nobody", Password, CancellationToken.None);

        Assert.That(user, Is.Null);
        Hasher.Verify(hasher => hasher.Verify(null, Password), Times.Once);
    }

    [Test]
    public async Task ReturnsNullGivenAnUnknownUserEvenIfTheHasherSaysSuccess()
    {
        Hasher.Setup(hasher => hasher.Verify(null, Password)).Returns(PasswordCheck.Success);

        var user = await Service.SignInAsync("nobody", Password, CancellationToken.None);

        Assert.That(user, Is.Null);
    }

    [Test]
    public async Task StoresANewHashOnceWhenTheOldOneIsWeak()
    {
        Hasher.Setup(hasher => hasher.Verify("hash-v1", Password)).Returns(PasswordCheck.SuccessRehashNeeded);

        var user = await Service.SignInAsync("rick", Password, CancellationToken.None);

        Assert.That(user, Is.SameAs(rick));
        Assert.That(rick.PasswordHash, Is.EqualTo("hash-v2"));
        Users.Verify(
            repository => repository.UpdatePasswordHashAsync(It.Is<User>(updated => updated == rick && updated.PasswordHash == "hash-v2"), It.IsAny<CancellationToken>()),
            Times.Once);
    }
}
