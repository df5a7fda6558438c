var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "MotCua");
app.Run();

/// <summary>Entry point, visible to the integration tests' web application factory.</summary>
public partial class Program;
