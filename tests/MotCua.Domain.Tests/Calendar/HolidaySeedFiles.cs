namespace MotCua.Domain.Tests.Calendar;

/// <summary>Locates the holiday seed files in src/MotCua.Persistence/Seeding/Holidays.</summary>
internal static class HolidaySeedFiles
{
    public static string PathFor(int year) =>
        Path.Combine(RepositoryRoot(), "src", "MotCua.Persistence", "Seeding", "Holidays", $"holidays-{year}.json");

    public static string Read(int year) => File.ReadAllText(PathFor(year));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (MotCua.slnx) not found.");
    }
}
