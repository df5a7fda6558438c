#!/usr/bin/env python3
"""Independent check of the SIPAS test vectors (python3 expected.py).

Written from the formulas documented in src/MotCua.Domain/Feedback/Surveys (README.md, SurveySampler,
SurveyIndexCalculator, WilsonInterval), not from the C# code: the sampling keys and draws quoted in
SurveySamplerTests and the indices and Wilson intervals quoted in SurveyIndexCalculatorTests.
"""
import hashlib
import math
import uuid
from decimal import Decimal, ROUND_HALF_UP

# --- Sampling: sort by SHA-256(tag || seed (8 bytes big-endian, signed) || uuid bytes), take the first `quota`.
def key(seed, dossier):
    return hashlib.sha256(b"motcua.sipas.sample.v1" + seed.to_bytes(8, "big", signed=True) + uuid.UUID(dossier).bytes).digest()

def draw(seed, ids, quota):
    return sorted(ids, key=lambda d: (key(seed, d), uuid.UUID(d).bytes))[:quota]

ids = ["00000000-0000-0000-0000-%012x" % i for i in range(1, 11)]
print("key(20260901, id 1) =", key(20260901, ids[0]).hex())
for seed in (20260901, 20260902, -1):
    print("seed", seed, "draws ids", [int(d[-12:], 16) for d in draw(seed, ids, 3)])

# --- Indices on the known sample: TT1 TT2 CC1 HL unit gender; '-' = not answered.
SAMPLE = """5 4 5 5 A F|4 - 4 4 A F|3 2 4 3 A M|5 5 5 5 A M|2 - 3 2 A F|4 4 2 4 A M|4 - 5 4 A F|5 3 4 5 A M|1 - 2 2 A F|4 4 4 4 A M
3 - 5 3 A F|5 5 4 5 A M|4 2 3 3 B F|5 - 5 5 B M|2 1 2 1 B F|4 4 5 4 B M|3 - 4 4 B F|4 5 4 5 B M|5 - 3 3 B F|4 4 5 4 B M"""
rows = []
for line in SAMPLE.replace("\n", "|").split("|"):
    f = line.split()
    rows.append(dict(TT1=None if f[0] == "-" else int(f[0]), TT2=None if f[1] == "-" else int(f[1]),
                     CC1=int(f[2]), HL=int(f[3]), unit=f[4], gender=f[5]))

Z = 1.96

def wilson(p, n):
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)

def pct(x):
    return Decimal(repr(x * 100)).quantize(Decimal("0.01"), ROUND_HALF_UP)

def factor(rs, questions, rule):
    n = sum(1 for r in rs if any(r[q] is not None for q in questions))
    tallies = [(sum(1 for r in rs if r[q] is not None and r[q] >= 4), sum(1 for r in rs if r[q] is not None)) for q in questions]
    if rule == "mean":
        shares = [t / a for t, a in tallies if a > 0]
        p = sum(shares) / len(shares)
    else:
        p = sum(t for t, _ in tallies) / sum(a for _, a in tallies)
    return (n, p) + wilson(p, n)

def show(label, rs):
    for rule in ("mean", "pooled"):
        f = [factor(rs, ["TT1", "TT2"], rule), factor(rs, ["CC1"], rule)]
        for name, (n, p, lo, hi) in zip(("Procedure", "CivilServant"), f):
            print(label, rule, name, n, pct(p), pct(lo), pct(hi))
        print(label, rule, "Overall(mean of factors)", len(rs), *(pct(sum(x[i] for x in f) / 2) for i in (1, 2, 3)))
    t = sum(1 for r in rs if r["HL"] >= 4)
    lo, hi = wilson(t / len(rs), len(rs))
    print(label, "Overall(question)", len(rs), pct(t / len(rs)), pct(lo), pct(hi))

show("campaign", rows)
for unit in "AB":
    show("unit " + unit, [r for r in rows if r["unit"] == unit])
for gender in "FM":
    show("campaign gender " + gender, [r for r in rows if r["gender"] == gender])
for p, n in ((0.7, 20), (1.0, 10), (0.0, 10)):
    print("wilson", p, n, [pct(x) for x in wilson(p, n)])
