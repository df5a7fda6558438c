using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>A dossier whose result was returned, as the sampling frame query gives it.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="UnitId">The unit it is attributed to (the integrator decides: receiving or competent unit).</param>
/// <param name="ReturnedOn">The Vietnam date its result was returned.</param>
public sealed record SamplingCandidate(Guid DossierId, Guid UnitId, DateOnly ReturnedOn);

/// <summary>One dossier drawn for the sample; only <see cref="SurveySampler"/> makes them, so an invitation can only be
/// issued for a drawn dossier.</summary>
public sealed record SampledDossier
{
    internal SampledDossier(Guid unitId, Guid dossierId, int rank)
    {
        UnitId = unitId;
        DossierId = dossierId;
        Rank = rank;
    }

    /// <summary>The unit.</summary>
    public Guid UnitId { get; }

    /// <summary>The dossier (whose applicant is invited).</summary>
    public Guid DossierId { get; }

    /// <summary>Its position in the unit's draw, from 1.</summary>
    public int Rank { get; }
}

/// <summary>The draw of one unit.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Quota">Its quota.</param>
/// <param name="Candidates">How many candidates of the frame it had.</param>
/// <param name="Drawn">The dossiers drawn, in draw order: min(quota, candidates) of them.</param>
public sealed record UnitSample(Guid UnitId, int Quota, int Candidates, IReadOnlyList<SampledDossier> Drawn)
{
    /// <summary>Whether the unit had fewer candidates than its quota (every candidate was drawn).</summary>
    public bool IsShort => Drawn.Count < Quota;
}

/// <summary>A campaign's sample: per unit in scope, in the campaign's unit order.</summary>
/// <param name="Seed">The seed it was drawn with.</param>
/// <param name="Units">The draws.</param>
public sealed record SurveySample(long Seed, IReadOnlyList<UnitSample> Units)
{
    /// <summary>Every drawn dossier.</summary>
    public IEnumerable<SampledDossier> All => Units.SelectMany(u => u.Drawn);
}

/// <summary>Reproducible simple random sampling without replacement, per unit (domain.md §9.1 survey frame).</summary>
/// <remarks>
/// <para>Each candidate gets the key <c>SHA-256("motcua.sipas.sample.v1" ‖ seed ‖ dossier id)</c>, the seed as 8 bytes
/// big-endian two's complement and the id as its 16 RFC 4122 bytes (big-endian, what Python's <c>uuid.UUID.bytes</c>
/// gives). A unit's candidates are sorted by key (unsigned bytewise, ties by id, which SHA-256 makes practically
/// impossible) and the first <c>quota</c> are drawn. Sorting by independent uniform keys is a uniformly random
/// permutation, so the draw is a simple random sample; it depends only on the seed and the set of candidates, never
/// on their order or on <see cref="Random"/>'s implementation, and anyone can redraw it from the published seed and
/// frame with any SHA-256.</para>
/// <para>Candidates outside the frame or of units outside the scope are ignored: the frame query may be broad.</para>
/// </remarks>
public static class SurveySampler
{
    /// <summary>The domain-separation tag that versions the key layout.</summary>
    public const string KeyTag = "motcua.sipas.sample.v1";

    /// <summary>Draws up to each unit's quota from its candidates returned within <paramref name="frame"/>.</summary>
    /// <exception cref="ArgumentException">A dossier appears twice among the candidates (a bug in the frame query).</exception>
    public static SurveySample Draw(
        long seed, IReadOnlyList<(Guid UnitId, int Quota)> units, SurveyPeriod frame, IEnumerable<SamplingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(candidates);
        // Sorting by id first makes the duplicate check and everything after it independent of the input order.
        var sorted = candidates.OrderBy(c => c.DossierId).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].DossierId == sorted[i - 1].DossierId)
            {
                throw new ArgumentException($"Dossier {sorted[i].DossierId} appears twice in the sampling frame.", nameof(candidates));
            }
        }

        var byUnit = sorted.Where(c => frame.Contains(c.ReturnedOn)).ToLookup(c => c.UnitId);
        var draws = new List<UnitSample>(units.Count);
        foreach (var (unitId, quota) in units)
        {
            var pool = byUnit[unitId].Select(c => (c.DossierId, Key: Key(seed, c.DossierId))).ToList();
            pool.Sort((a, b) =>
            {
                var byKey = a.Key.AsSpan().SequenceCompareTo(b.Key);
                return byKey != 0 ? byKey : a.DossierId.CompareTo(b.DossierId);
            });
            var drawn = pool.Take(quota).Select((c, i) => new SampledDossier(unitId, c.DossierId, i + 1)).ToList();
            draws.Add(new UnitSample(unitId, quota, pool.Count, drawn));
        }

        return new SurveySample(seed, draws);
    }

    /// <summary>The ranking key of <paramref name="dossierId"/> under <paramref name="seed"/>, lower-case hex: for an
    /// audit that redraws the sample by hand.</summary>
    public static string KeyHex(long seed, Guid dossierId) => Convert.ToHexStringLower(Key(seed, dossierId));

    private static byte[] Key(long seed, Guid dossierId)
    {
        var tag = Encoding.ASCII.GetBytes(KeyTag);
        var input = new byte[tag.Length + sizeof(long) + 16];
        tag.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(tag.Length), seed);
        dossierId.TryWriteBytes(input.AsSpan(tag.Length + sizeof(long)), bigEndian: true, out _);
        return SHA256.HashData(input);
    }
}
