#!/usr/bin/env python3
"""Checks that two sweep results files hold the same records, ignoring what differs from run to run.

Usage: compare-results.py <expected.jsonl> <actual.jsonl>

Records are matched by their identity (spec hash, cell key, repeat; a failure record by "failure"), the key that
`results merge` deduplicates on and ShardMergeTest compares. For each record the fields a run determines are
compared too: type, cellIndex, cell, batch.resolved and the measured token and example counts. Timings,
energies, provenance, environment and the shard label are not compared: they differ between any two runs.
Both files must hold only measurement records (a failure means a cell did not run) and no duplicate identities.
Prints one summary line and exits 0 when equal; otherwise names each difference (file, line) and exits 1.
"""
import json
import sys

DETERMINED = ("type", "cellIndex", "cell", "batch.resolved", "measurement.examples", "measurement.batches",
              "measurement.inputTokens", "measurement.outputTokens")


def get(record, dotted):
    for part in dotted.split("."):
        record = record.get(part) if isinstance(record, dict) else None
    return record


def read(path, problems):
    records = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{path}:{n}: not JSON: {e}")
                continue
            if r.get("type") == "failure":
                problems.append(f"{path}:{n}: a failure record for cell {r.get('cellKey')}: "
                                f"{get(r, 'failure.kind')}: {get(r, 'failure.message')}")
            key = (r.get("specHash"), r.get("cellKey"), "failure" if r.get("type") == "failure" else r.get("repeat"))
            if key in records:
                problems.append(f"{path}:{n}: duplicate record {key[1]} repeat {key[2]} (first at line {records[key][0]})")
            records[key] = (n, r)
    return records


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    expected_path, actual_path = sys.argv[1:]
    problems = []
    expected = read(expected_path, problems)
    actual = read(actual_path, problems)
    for key in sorted(expected.keys() - actual.keys(), key=str):
        problems.append(f"{actual_path}: missing {key[1]} repeat {key[2]} (in {expected_path}:{expected[key][0]})")
    for key in sorted(actual.keys() - expected.keys(), key=str):
        problems.append(f"{actual_path}:{actual[key][0]}: extra record {key[1]} repeat {key[2]}")
    for key in sorted(expected.keys() & actual.keys(), key=str):
        (ne, e), (na, a) = expected[key], actual[key]
        for field in DETERMINED:
            if get(e, field) != get(a, field):
                problems.append(f"{actual_path}:{na}: field {field} is {get(a, field)!r}, "
                                f"{expected_path}:{ne} has {get(e, field)!r}")
    if not expected and not problems:
        problems.append(f"{expected_path}: no records")
    if problems:
        print(f"results differ ({len(problems)} problems):\n  " + "\n  ".join(problems[:50]))
        sys.exit(1)
    print(f"merged results equal the single-process run: {len(actual)} records, same identities and "
          f"{', '.join(DETERMINED)} (timings and energies not compared)")


if __name__ == "__main__":
    main()
