using MotCua.Domain.Feedback.Surveys;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>Reproducible sampling: same frame and seed give the same sample whatever the input order, the quota is
/// respected, and the draw matches an independent implementation of the documented key.</summary>
public sealed class SurveySamplerTests
{
    private static readonly Guid UnitA = Guid.Parse("0000000a-0000-0000-0000-000000000000");
    private static readonly Guid UnitB = Guid.Parse("0000000b-0000-0000-0000-000000000000");
    private static readonly DateOnly InFrame = new(2026, 5, 4);

    [Fact]
    public void Draw_MatchesTheDocumentedKey_ComputedIndependently()
    {
        // Expected values from Python's hashlib, the layout of SurveySampler's remarks:
        //   sha256(b"motcua.sipas.sample.v1" + seed.to_bytes(8, "big", signed=True) + uuid.UUID(id).bytes),
        //   sorted ascending, first `quota`.
        Assert.Equal("a06ba19c205d4ae3d08e9949e587aeece14a99a7e258c09a99553bcb1517d7a8", SurveySampler.KeyHex(20260901, Id(1)));
        Assert.Equal([Id(9), Id(10), Id(2)], Drawn(20260901, Candidates(UnitA, 1..10), 3));
        Assert.Equal([Id(7), Id(8), Id(1)], Drawn(20260902, Candidates(UnitA, 1..10), 3));
        Assert.Equal([Id(2), Id(3), Id(9)], Drawn(-1, Candidates(UnitA, 1..10), 3));
    }

    [Fact]
    public void Draw_SameSeedAndFrame_SameSample_WhateverTheInputOrder()
    {
        var candidates = Candidates(UnitA, 1..50);
        var shuffled = candidates.OrderBy(c => c.DossierId.GetHashCode()).Reverse().ToList();
        Assert.NotEqual(candidates, shuffled);

        var first = Drawn(20260901, candidates, 10);

        Assert.Equal(first, Drawn(20260901, candidates, 10));
        Assert.Equal(first, Drawn(20260901, shuffled, 10));
        Assert.Equal(first, Drawn(20260901, [.. Enumerable.Reverse(candidates)], 10));
    }

    [Fact]
    public void Draw_DifferentSeed_DifferentSample()
    {
        var candidates = Candidates(UnitA, 1..50);

        var one = Drawn(20260901, candidates, 10);
        var other = Drawn(20260902, candidates, 10);

        Assert.NotEqual(one.Order(), other.Order());
    }

    [Fact]
    public void Draw_RespectsEachUnitsQuota_WithoutReplacement_AndTakesAllWhenShort()
    {
        var candidates = Candidates(UnitA, 1..30).Concat(Candidates(UnitB, 31..34)).ToList();

        var sample = SurveySampler.Draw(7, [(UnitA, 12), (UnitB, 10)], SurveyFixture.Served, candidates);

        var a = sample.Units[0];
        Assert.Equal((UnitA, 12, 30, 12, false), (a.UnitId, a.Quota, a.Candidates, a.Drawn.Count, a.IsShort));
        Assert.Equal(12, a.Drawn.Select(d => d.DossierId).Distinct().Count());
        Assert.All(a.Drawn, d => Assert.Equal(UnitA, d.UnitId));
        Assert.Equal(Enumerable.Range(1, 12), a.Drawn.Select(d => d.Rank));
        var b = sample.Units[1];
        Assert.Equal((UnitB, 10, 4, true), (b.UnitId, b.Quota, b.Candidates, b.IsShort));
        Assert.Equal(Enumerable.Range(31, 4).Select(Id).Order(), b.Drawn.Select(d => d.DossierId).Order());
        Assert.Equal(16, sample.All.Count());
        Assert.Equal(7, sample.Seed);
    }

    [Fact]
    public void Draw_IgnoresCandidatesOutsideTheFrameOrScope()
    {
        var outsideFrame = new SamplingCandidate(Id(90), UnitA, SurveyFixture.Served.To.AddDays(1));
        var beforeFrame = new SamplingCandidate(Id(91), UnitA, SurveyFixture.Served.From.AddDays(-1));
        var otherUnit = new SamplingCandidate(Id(92), Guid.NewGuid(), InFrame);
        var onLastDay = new SamplingCandidate(Id(93), UnitA, SurveyFixture.Served.To);

        var sample = SurveySampler.Draw(1, [(UnitA, 10)], SurveyFixture.Served, [outsideFrame, beforeFrame, otherUnit, onLastDay]);

        Assert.Equal([Id(93)], sample.Units[0].Drawn.Select(d => d.DossierId));
        Assert.Equal(1, sample.Units[0].Candidates);
    }

    [Fact]
    public void Draw_DuplicateDossier_IsABugInTheFrameQuery()
    {
        var candidates = Candidates(UnitA, 1..3).Append(new SamplingCandidate(Id(2), UnitB, InFrame));

        Assert.Throws<ArgumentException>(() => SurveySampler.Draw(1, [(UnitA, 2)], SurveyFixture.Served, candidates));
    }

    [Fact]
    public void DrawSample_OnTheCampaign_UsesItsSeedScopeAndFrame_OnlyOnceSamplingStarted()
    {
        var unit = SurveyFixture.Commune();
        var draft = SurveyFixture.Campaign(SurveyFixture.Published(), SurveyCampaignStatus.Draft, null, new SurveyUnitQuota(unit, 3));
        var candidates = Candidates(unit.Id, 1..10);

        Assert.Equal("survey.not_sampling", Assert.IsType<CampaignNotSampling>(draft.DrawSample(candidates).Error).Code);

        draft.StartSampling(20260901, SurveyFixture.Now);
        var sample = draft.DrawSample(candidates).Value;

        Assert.Equal([Id(9), Id(10), Id(2)], sample.All.Select(d => d.DossierId));
        draft.StartCollecting(SurveyFixture.Now);
        Assert.Equal(sample.All.Select(d => d.DossierId), draft.DrawSample(candidates).Value.All.Select(d => d.DossierId));
        draft.Close(SurveyFixture.Now);
        Assert.IsType<CampaignNotSampling>(draft.DrawSample(candidates).Error);
    }

    internal static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:x12}");

    internal static List<SamplingCandidate> Candidates(Guid unit, Range ids) =>
        [.. Enumerable.Range(ids.Start.Value, ids.End.Value - ids.Start.Value + 1).Select(i => new SamplingCandidate(Id(i), unit, InFrame))];

    private static List<Guid> Drawn(long seed, List<SamplingCandidate> candidates, int quota) =>
        [.. SurveySampler.Draw(seed, [(UnitA, quota)], SurveyFixture.Served, candidates).Units[0].Drawn.Select(d => d.DossierId)];
}
