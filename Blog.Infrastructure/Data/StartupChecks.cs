using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Blog.Infrastructure.Data;

internal static class StartupChecks
{
    /// <summary>
    /// EF Core checks at every migration that the model has no changes the migrations lack, by building the model from
    /// the configurations, the compiled model notwithstanding (which then saved nothing). The test
    /// CompiledModels.HaveNoChangesTheMigrationsLack makes that check before a release instead.
    /// </summary>
    public static DbContextOptionsBuilder SkipPendingModelChangesCheck(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
}
