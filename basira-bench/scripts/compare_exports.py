#!/usr/bin/env python3
"""Cell-by-cell comparison of a Basira customer export with the independent expectation.

Usage: compare.py ACTUAL.csv EXPECTED.csv [--examples 5]
Reports: header equality, customers missing/extra/short rows, mismatching cells per column with examples.
Exit code 0 only when every cell of every customer matches.
"""
import argparse
import collections
import csv


def load(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = list(csv.reader(f))
    return r[0], r[1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("actual")
    ap.add_argument("expected")
    ap.add_argument("--examples", type=int, default=5)
    a = ap.parse_args()
    ah, arows = load(a.actual)
    eh, erows = load(a.expected)
    print("header equal:", ah == eh)
    if ah != eh:
        print("  actual  :", ah)
        print("  expected:", eh)
    amap, short = {}, []
    for r in arows:
        if len(r) != len(ah):
            short.append(r)
            continue
        amap[r[0]] = dict(zip(ah, r))
    emap = {r[0]: dict(zip(eh, r)) for r in erows}
    ids = [r[0] for r in arows]
    print(f"actual rows: {len(arows)} (complete {len(amap)}, malformed {len(short)}), expected rows: {len(erows)}")
    print("actual sorted by customer_id:", ids == sorted(ids), "| duplicates:", len(ids) - len(set(ids)))
    for r in short:
        print("  malformed row:", r)
    missing = [k for k in emap if k not in amap]
    extra = [k for k in amap if k not in emap]
    print(f"customers missing from actual: {len(missing)}", missing[:5], "..." if len(missing) > 5 else "")
    print(f"customers only in actual: {len(extra)}", extra[:5])
    bad = collections.Counter()
    examples = collections.defaultdict(list)
    cells = 0
    for cid, e in emap.items():
        act = amap.get(cid)
        if act is None:
            continue
        for col in eh[1:]:
            cells += 1
            if act.get(col) != e[col]:
                bad[col] += 1
                if len(examples[col]) < a.examples:
                    examples[col].append((cid, act.get(col), e[col]))
    print(f"compared {cells} cells of {len(emap) - len(missing)} customers; mismatching cells: {sum(bad.values())}")
    for col in eh[1:]:
        print(f"  {col:26s} {bad[col]}")
        for cid, av, ev in examples[col]:
            print(f"      {cid}: basira={av!r} expected={ev!r}")
    ok = not bad and not missing and not extra and not short and ah == eh
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
