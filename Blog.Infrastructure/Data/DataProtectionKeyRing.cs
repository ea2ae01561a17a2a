using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blog.Infrastructure.Data;

/// <summary>
/// Data protection's keys in the database (<see cref="BlogDbContext.DataProtectionKeys"/>), stored by EF Core's own
/// repository but read with a plain query: through LINQ, loading the key ring at start compiled a query for it, a
/// tenth of the service's start-up.
/// </summary>
internal sealed partial class DataProtectionKeyRing(IServiceProvider services, ILoggerFactory loggerFactory) : IXmlRepository
{
    private readonly EntityFrameworkCoreXmlRepository<BlogDbContext> store = new(services, loggerFactory);
    private readonly ILogger logger = loggerFactory.CreateLogger<DataProtectionKeyRing>();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<BlogDbContext>().Database;
        database.OpenConnection();
        try
        {
            using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "FriendlyName", "Xml" FROM "DataProtectionKeys";""";
            using var reader = command.ExecuteReader();
            var keys = new List<XElement>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(1) && Parse(reader.GetString(1), reader.IsDBNull(0) ? null : reader.GetString(0)) is { } key)
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
        finally
        {
            database.CloseConnection();
        }
    }

    public void StoreElement(XElement element, string friendlyName) => store.StoreElement(element, friendlyName);

    /// <summary>As EF Core's repository does, a key that does not parse is passed over, with a warning.</summary>
    private XElement? Parse(string xml, string? friendlyName)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException exception)
        {
            LogUnreadableKey(exception, friendlyName);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Data protection key {FriendlyName} is not XML and is passed over")]
    private partial void LogUnreadableKey(Exception exception, string? friendlyName);
}
