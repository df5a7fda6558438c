using System.Linq.Expressions;

namespace MotCua.Domain.Common;

/// <summary>Query predicates combined as trees, so that a rule written once as an expression (for example
/// <c>Dossier.EndedLateForDvcqg</c>) can be part of a larger filter that the database still evaluates.</summary>
public static class Predicates
{
    /// <summary><paramref name="left"/> or <paramref name="right"/>, over one parameter.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var parameter = left.Parameters[0];
        var body = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
