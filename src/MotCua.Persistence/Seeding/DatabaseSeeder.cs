namespace MotCua.Persistence.Seeding;

public sealed class DatabaseSeeder(AppDbContext db, TimeProvider clock)
{
    public Task SeedAsync(string preset, CancellationToken ct) => Task.FromResult((db, clock, preset, ct));
}
