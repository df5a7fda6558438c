namespace MotCua.Persistence;

/// <summary>Where relative data paths are anchored: everything MotCua writes (the default SQLite file
/// <c>data/motcua.db</c>, stored documents <c>data/documents</c>, the development mail pickup <c>data/mail</c> and
/// JWT key <c>data/jwt-signing.key</c>) lands under one <c>data</c> folder, the same for the web app and the CLI.</summary>
/// <remarks>
/// In a source checkout that is the folder holding <c>MotCua.slnx</c>, so `dotnet run` of the web app and of the CLI
/// (each started in its own project folder) share one <c>data/motcua.db</c>. A deployed build has no solution file and
/// uses its working directory or content root.
/// </remarks>
public static class DataRoot
{
    /// <summary>The nearest folder at or above <paramref name="startPath"/> holding MotCua.slnx, else <paramref name="startPath"/>.</summary>
    public static string Find(string startPath)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(startPath)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MotCua.slnx")))
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(startPath);
    }

    /// <summary><paramref name="path"/> itself when absolute, otherwise under <see cref="Find"/> of
    /// <paramref name="contentRootPath"/>.</summary>
    public static string Resolve(string contentRootPath, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Find(contentRootPath), path));
}
