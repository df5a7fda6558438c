using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Persistence;

/// <summary>An <see cref="EF.CompileAsyncQuery{TContext,TParam1,TResult}(System.Linq.Expressions.Expression{Func{TContext,TParam1,CancellationToken,TResult}})"/>
/// delegate per model. A compiled query keeps the SQL of the first provider that ran it; a deployment runs one provider,
/// but the test process runs SQLite and PostgreSQL side by side, and must not send SQLite's SQL to PostgreSQL.</summary>
/// <typeparam name="TDelegate">The delegate <c>EF.CompileAsyncQuery</c> returns.</typeparam>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile)
    where TDelegate : Delegate
{
    private readonly ConcurrentDictionary<IModel, TDelegate> _byModel = new();

    /// <summary>The compiled query for <paramref name="db"/>'s model (one per provider).</summary>
    public TDelegate For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
    }
}
