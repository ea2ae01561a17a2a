using Blog.Domain.Users;
using Moq;

namespace Blog.Tests.Unit.Users;

/// <summary>A <see cref="UserService"/> over a mocked repository and password hasher.</summary>
public abstract class UserServiceTestBase
{
    protected const string Password = "correct horse battery";

    protected static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, 123, TimeSpan.Zero);

    protected Mock<IUserRepository> Users { get; private set; } = null!;

    protected Mock<IPasswordHasher> Hasher { get; private set; } = null!;

    protected UserService Service { get; private set; } = null!;

    [SetUp]
    public void SetUpService()
    {
        Users = new Mock<IUserRepository>();
        Hasher = new Mock<IPasswordHasher>();
        Hasher.Setup(hasher => hasher.Hash(Password)).Returns("hash-v2");
        Service = new UserService(Users.Object, Hasher.Object, new FakeTimeProvider(Now));
    }
}
