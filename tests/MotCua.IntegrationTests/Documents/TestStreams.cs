namespace MotCua.IntegrationTests.Documents;

/// <summary>A forward-only stream handing out small chunks, like a request body arriving over the network.</summary>
internal sealed class TrickleStream(byte[] data, int chunkSize = 4096, Action<long>? afterRead = null, long failAfter = -1) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Yield();
        if (failAfter >= 0 && _position >= failAfter)
        {
            throw new IOException("The client disconnected.");
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, chunkSize), data.Length - _position);
        data.AsMemory((int)_position, count).CopyTo(buffer);
        _position += count;
        afterRead?.Invoke(_position);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
