#!/usr/bin/env python3
"""Two builds of `edusync-parse` against each other and against `xmllint --stream --noout`.

    bench/parse_ab.py OLD_PARSE NEW_PARSE DATA_DIR [ROUNDS]

DATA_DIR: the output of `edusync-gen --seed 1 --schools 1 --pupils 100000 --timetables` (the
data bench/timetables.sh makes). Times the clear EDT file, the sealed container and the UDT zip
(against xmllint on its members, extracted to a temporary directory), every command interleaved
round by round, ROUNDS rounds (20). Prints the best and the median wall and CPU of each, and the
ratios of the best walls. What bench/RESULTS.md §G's before/after table comes from; not a test.
"""
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile


def timed(command):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        sys.exit(f"parse_ab: {' '.join(command)} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old, new, data = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    edt = glob.glob(os.path.join(data, "ExportEmploiDuTemps_*.xml"))[0]
    sealed = glob.glob(os.path.join(data, "*_EXPORT_INDEX_EDUCATION.xml"))[0]
    udt = glob.glob(os.path.join(data, "*_UDT.zip"))[0]
    key = ["--edt-key", os.path.join(data, "edt_partner_key.pem")]
    members_dir = tempfile.mkdtemp(prefix="parse_ab-")
    with zipfile.ZipFile(udt) as archive:
        archive.extractall(members_dir)
    members = sorted(glob.glob(os.path.join(members_dir, "*")))
    xmllint = ["xmllint", "--stream", "--noout"]
    commands = {
        "edt old": [old, edt], "edt new": [new, edt], "edt xmllint": xmllint + [edt],
        "sealed old": [old] + key + [sealed], "sealed new": [new] + key + [sealed],
        "udt old": [old, udt], "udt new": [new, udt], "udt xmllint": xmllint + members,
    }
    seen = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            seen[name].append(timed(command))
    print(f"{rounds} rounds, interleaved\n")
    print("| command | best wall | its CPU | median wall | median CPU |")
    print("|---|---:|---:|---:|---:|")
    best = {}
    for name, runs in seen.items():
        best[name] = min(runs)
        walls = [wall for wall, _ in runs]
        cpus = [cpu for _, cpu in runs]
        print(f"| {name} | {best[name][0]:.3f} s | {best[name][1]:.3f} s | "
              f"{statistics.median(walls):.3f} s | {statistics.median(cpus):.3f} s |")
    print("\n| file | old / xmllint | new / xmllint | new / old |")
    print("|---|---:|---:|---:|")
    for file in ("edt", "sealed", "udt"):
        reference = best["udt xmllint" if file == "udt" else "edt xmllint"][0]
        before, after = best[f"{file} old"][0], best[f"{file} new"][0]
        print(f"| {file} | {before / reference:.2f}× | {after / reference:.2f}× | {after / before:.2f} |")


if __name__ == "__main__":
    main()
