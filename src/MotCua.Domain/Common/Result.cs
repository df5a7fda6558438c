namespace MotCua.Domain.Common;

/// <summary>Either a value or the <see cref="Common.Error"/> explaining why there is none.</summary>
/// <typeparam name="T">Type of the success value.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        IsSuccess = true;
    }

    private Result(Error error)
    {
        Error = error;
    }

    /// <summary>Whether the operation succeeded.</summary>
    public bool IsSuccess { get; }

    /// <summary>Whether the operation failed.</summary>
    public bool IsFailure => !IsSuccess;

    /// <summary>The success value; reading it from a failure is a bug and throws.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: the result failed with {Error!.Code}.");

    /// <summary>The failure, or <see langword="null"/> on success.</summary>
    public Error? Error { get; }

#pragma warning disable CA2225 // The implicit conversions are the only way in, by design.
    /// <summary>Wraps a value as a success.</summary>
    public static implicit operator Result<T>(T value) => new(value);

    /// <summary>Wraps an error as a failure.</summary>
    public static implicit operator Result<T>(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA2225
}
