using MotCua.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCuaServices();

var app = builder.Build();
app.UseMotCuaPipeline();
await app.InitialiseDatabaseAsync();
await app.RunBoundedAsync();

/// <summary>Entry point, visible to the integration tests' web application factory.</summary>
public partial class Program;
