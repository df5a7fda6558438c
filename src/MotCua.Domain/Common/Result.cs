namespace MotCua.Domain.Common;

/// <summary>Either a value or an <see cref="Common.Error"/>; a struct so that successful calls do not allocate.</summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <remarks>A <c>default</c> instance is a failure whose <see cref="Error"/> throws: always create results through
/// <see cref="Result.Success{T}"/>, <see cref="Result.Failure{T}"/> or the implicit conversions.</remarks>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T _value;
    private readonly Error? _error;

    internal Result(T value, Error? error, bool isSuccess)
    {
        _value = value;
        _error = error;
        IsSuccess = isSuccess;
    }

    /// <summary>Whether the operation succeeded and <see cref="Value"/> is available.</summary>
    public bool IsSuccess { get; }

    /// <summary>Whether the operation failed and <see cref="Error"/> is available.</summary>
    public bool IsFailure => !IsSuccess;

    /// <summary>The value of a successful result.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure (a bug in the caller).</exception>
    public T Value => IsSuccess
        ? _value
        : throw new InvalidOperationException($"Result is a failure ({_error?.Code ?? "default"}); check IsSuccess first.");

    /// <summary>The error of a failed result.</summary>
    /// <exception cref="InvalidOperationException">The result is a success or was never initialised.</exception>
    public Error Error => _error ?? throw new InvalidOperationException("Result has no error; check IsFailure first.");

    /// <summary>Wraps a value as a successful result.</summary>
    public static implicit operator Result<T>(T value) => Result.Success(value);

    /// <summary>Wraps an error as a failed result.</summary>
    public static implicit operator Result<T>(Error error) => Result.Failure<T>(error);

    /// <summary>Projects the result to one value, calling exactly one of the two functions.</summary>
    public TResult Match<TResult>(Func<T, TResult> onSuccess, Func<Error, TResult> onFailure)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        return IsSuccess ? onSuccess(_value) : onFailure(Error);
    }

    /// <inheritdoc/>
    public bool Equals(Result<T> other) =>
        IsSuccess == other.IsSuccess
        && EqualityComparer<T>.Default.Equals(_value, other._value)
        && Equals(_error, other._error);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsSuccess, _value, _error);

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({_error?.Code})";

    /// <summary>Compares two results by value.</summary>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Compares two results by value.</summary>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);
}

/// <summary>Factories for <see cref="Result{T}"/>.</summary>
public static class Result
{
    /// <summary>Creates a successful result.</summary>
    public static Result<T> Success<T>(T value) => new(value, null, true);

    /// <summary>Creates a failed result.</summary>
    public static Result<T> Failure<T>(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default!, error, false);
    }
}
