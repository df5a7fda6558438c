namespace MotCua.Web.Jobs;

/// <summary>Stops a hosted service within the host's shutdown timeout, whether or not it honours the token.</summary>
/// <remarks>Quartz's clustered job store retries its database work while the database is unreachable, and its
/// scheduler's shutdown waits for that, so a node asked to stop during an outage used to hang for as long as the
/// outage lasted. When the host's token fires (<c>HostOptions.ShutdownTimeout</c>), the stop is abandoned and the host
/// goes on stopping: nothing acknowledged is lost, because every acknowledged receipt and queued notification is
/// already committed, an outbox row being sent keeps its lease and is sent again by a node once the lease expires, and
/// the cluster recovers the triggers this node held (Jobs/README.md).</remarks>
public sealed partial class BoundedStopHostedService(IHostedService inner, ILogger<BoundedStopHostedService> logger) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = inner.StopAsync(cancellationToken);
        try
        {
            await stopping.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(logger, inner.GetType().Name);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) =>
        inner is IHostedLifecycleService lifecycle ? lifecycle.StartingAsync(cancellationToken) : Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) =>
        inner is IHostedLifecycleService lifecycle ? lifecycle.StartedAsync(cancellationToken) : Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) =>
        inner is IHostedLifecycleService lifecycle ? lifecycle.StoppingAsync(cancellationToken) : Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) =>
        inner is IHostedLifecycleService lifecycle ? lifecycle.StoppedAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Wraps every <see cref="IHostedService"/> registered by <paramref name="register"/>.</summary>
    public static IServiceCollection AddBounded(IServiceCollection services, Action<IServiceCollection> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(register);
        var before = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        register(services);
        foreach (var added in services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList())
        {
            var index = services.IndexOf(added);
            services[index] = ServiceDescriptor.Singleton<IHostedService>(sp =>
                new BoundedStopHostedService(Create(sp, added), sp.GetRequiredService<ILogger<BoundedStopHostedService>>()));
        }

        return services;
    }

    private static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) => (IHostedService)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} did not stop within the shutdown timeout; the host stops without waiting for it")]
    private static partial void LogAbandoned(ILogger logger, string service);
}
