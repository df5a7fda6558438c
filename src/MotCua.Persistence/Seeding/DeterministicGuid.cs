using System.Security.Cryptography;
using System.Text;

namespace MotCua.Persistence.Seeding;

/// <summary>Name-based ids, so seeded rows get the same ids on every machine and every run.</summary>
public static class DeterministicGuid
{
    public static Guid Create(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("motcua:" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) with the RFC variant bits.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
