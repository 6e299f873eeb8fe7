#!/usr/bin/env python3
"""Writes RESULTS.md from what bench/run.sh measured:  render.py OUT_DIR RESULTS_MD

OUT_DIR holds measure.tsv (id, iter, wall_s, maxrss_kb, rc, load1), facts.tsv (key, value...),
logs/ (stdout of every timed command, state snapshots B.state.*.tsv, expected.json copies,
churn.json) and perf-report.txt. Nothing here measures anything; it only reads and computes
ratios, so it can be re-run on a kept OUT_DIR after editing the wording.
"""
import collections
import json
import pathlib
import re
import sys

OUT = pathlib.Path(sys.argv[1])
RESULTS = pathlib.Path(sys.argv[2])
LOGS = OUT / "logs"

# --- inputs ----------------------------------------------------------------------------------
facts = collections.defaultdict(list)
for line in (OUT / "facts.tsv").read_text().splitlines():
    key, _, value = line.partition("\t")
    facts[key].append(value)


def fact(key, default=""):
    return facts[key][-1] if facts.get(key) else default


Measure = collections.namedtuple("Measure", "id iter wall rss rc load cpu user sys")
measures = collections.defaultdict(list)
for line in (OUT / "measure.tsv").read_text().splitlines():
    f = line.split("\t") + ["0", "0"]
    measures[f[0]].append(Measure(f[0], int(f[1]), float(f[2]), int(f[3] or 0), int(f[4]), f[5],
                                  float(f[6] or 0) + float(f[7] or 0), float(f[6] or 0), float(f[7] or 0)))


def best(mid):
    """(best wall of the successful iterations, max RSS of all, all ok?, iterations) or None."""
    runs = measures.get(mid)
    if not runs:
        return None
    ok = [m for m in runs if m.rc == 0]
    wall = min(m.wall for m in ok) if ok else None
    cpu = min(m.cpu for m in ok) if ok else None
    return {"wall": wall, "cpu": cpu, "rss": max(m.rss for m in runs), "ok": len(ok) == len(runs), "n": len(runs),
            "rc": [m.rc for m in runs], "walls": [m.wall for m in runs], "loads": [m.load for m in runs]}


def log_text(mid, it=1, ext="out"):
    p = LOGS / f"{mid}.{it}.{ext}"
    return p.read_text(errors="replace") if p.exists() else ""


def records_in(inspect_out):
    """Records per file from `edusync inspect` text output: {path: (kind, records)}."""
    files, path = {}, None
    for line in inspect_out.splitlines():
        if line.startswith("  ") and not line.startswith("    ") and line.strip().endswith(".xml"):
            path = line.strip()
        m = re.match(r"\s+(\S+?)(?: \(version [^)]*\))?, .*?(\d+) enregistrements", line)
        if m and path:
            files[path] = (m.group(1), int(m.group(2)))
    return files


def mb(n):
    return n / 1e6


def fmt_s(s):
    return "—" if s is None else (f"{s:.2f} s" if s < 100 else f"{s:.0f} s")


def fmt_mib(kb):
    return f"{kb / 1024:,.0f} MiB" if kb < 10 * 1024 * 1024 else f"{kb / 1024 / 1024:.1f} GiB"


def pf(ok):
    return "**PASS**" if ok else "**FAIL**"


def human_bytes(n):
    n = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000


out = []
w = out.append
verdicts = []  # (target, verdict text)

# --- header ----------------------------------------------------------------------------------
mem_gib = int(fact("mem_total_kb", "0")) / 1024 / 1024
w("# edusync benchmark results")
w("")
w(f"Produced by one run of `{fact('command')}` (mode **{fact('mode')}**), "
  f"rendered by `bench/render.py`. Total time of the script: {int(fact('total_seconds', '0')) / 60:.1f} min.")
w("")
w("| | |")
w("|---|---|")
w(f"| date | {fact('date')} |")
w(f"| machine | `nproc` = {fact('nproc')}, {fact('cpu')}, {mem_gib:.1f} GiB RAM, swap {int(fact('swap_total_kb', '0')) / 1024 / 1024:.1f} GiB |")
w(f"| load average at start (1, 5, 15 min) | {fact('loadavg_start')} — shared machine: other engineers build and test "
  f"on it; the 1-min load before each command is in the raw tables |")
w(f"| kernel | {fact('kernel')} |")
if fact("build_commit"):
    w(f"| build | {fact('build_type')}, {fact('compiler')}, binaries built from commit **{fact('build_commit')}** "
      f"(`edusync` sha256 {fact('edusync_sha256')}…); repository HEAD when the script started: {fact('git_head')} "
      f"({fact('git_dirty')} modified/untracked files under daemon/ and connectors/ at that time) |")
else:
    w(f"| build | {fact('build_type')}, {fact('compiler')}, commit {fact('git_head')} "
      f"({fact('git_dirty')} modified/untracked files under daemon/ and connectors/ at the time) |")
w(f"| xmllint | {fact('xmllint')} |")
w(f"| method | wall time from the shell (`$EPOCHREALTIME`), peak RSS = \"Maximum resident set size\" of "
  f"`/usr/bin/time -v`; every command under `ulimit -v` {fact('mem_limit_gb')} GiB; MB = 10^6 bytes, "
  f"MiB/KiB = 2^20/2^10 |")
w("")

# --- A ---------------------------------------------------------------------------------------
w("## A. `edusync inspect` — parser benchmark")
w("")
sizes = sorted({int(k.split(".")[1]) for k in measures if k.startswith("A.") and k.split(".")[1].isdigit()})
w(f"Single-school exports from `edusync-gen --schools 1 --pupils N --seed 1` (ISO-8859-15, one element per "
  f"line). Timings are the **best of {fact('repeat', '3')} runs**, page cache **warm** (files read once "
  "before timing; they fit in RAM). The four commands of a size are interleaved round by round (edusync all, "
  "xmllint all, edusync Eleves, xmllint Eleves) so background load hits them alike.")
w("")
a_rows = {}
for n in sizes:
    expected_path = LOGS / f"A.{n}.expected.json"
    if not expected_path.exists():
        w(f"**{n:,} pupils: generation failed** ({fact(f'A.{n}.error')}).")
        continue
    school = json.loads(expected_path.read_text())["schools"][0]
    files = [v.split("\t") for v in facts[f"A.{n}.file"]]
    sizes_by_name = {name: int(size) for name, size in files}
    rec = records_in(log_text(f"A.{n}.edusync.all"))
    rec_by_name = {pathlib.Path(p).name: r for p, r in rec.items()}
    total_bytes = sum(sizes_by_name.values())
    total_records = sum(r for _, r in rec.values())
    eleves_name = next((k for k in sizes_by_name if k.startswith("Eleves")), None)
    a_rows[n] = dict(school=school, sizes=sizes_by_name, rec=rec_by_name, bytes=total_bytes, records=total_records,
                     eleves=eleves_name, ed=best(f"A.{n}.edusync.all"), xl=best(f"A.{n}.xmllint.all"),
                     ede=best(f"A.{n}.edusync.eleves"), xle=best(f"A.{n}.xmllint.eleves"))

w("### Files (real sizes)")
w("")
w("| pupils (current / ELEVE records) | file | bytes | MB | records (edusync inspect) |")
w("|---|---|---:|---:|---:|")
for n, r in a_rows.items():
    c = r["school"]["counts"]
    for name, size in sorted(r["sizes"].items(), key=lambda kv: -kv[1]):
        kind, records = r["rec"].get(name, ("?", 0))
        w(f"| {c['current_pupils']:,} / {c['eleve_records']:,} | {name} | {size:,} | {mb(size):,.1f} | "
          f"{records:,} ({kind}) |")
    w(f"| | **total** | **{r['bytes']:,}** | **{mb(r['bytes']):,.1f}** | **{r['records']:,}** |")
    if r["eleves"]:
        per = r["sizes"][r["eleves"]] / c["eleve_records"]
        w(f"| | (Eleves: {per:,.0f} bytes per ELEVE record, departed pupils' records included) | | | |")
w("")

w("### All files of the export: edusync (parallel) vs xmllint (sequential)")
w("")
w("`edusync inspect --today <export date> <all files>` parses independent files **in parallel on the "
  f"{fact('nproc')} cores** (then joins them into the model); `xmllint --stream --noout <all files>` reads them "
  "**one after the other** on one core, which is what an operator would do. Both read the same files.")
w("")
w("| pupils | XML MB | records | edusync wall | MB/s | records/s | edusync CPU (user+sys) | edusync peak RSS | "
  "RSS per pupil | xmllint wall (sequential) | xmllint MB/s | xmllint CPU | **edusync / xmllint wall** |")
w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n, r in a_rows.items():
    ed, xl = r["ed"], r["xl"]
    pupils = r["school"]["counts"]["current_pupils"]
    if not ed or ed["wall"] is None:
        w(f"| {pupils:,} | {mb(r['bytes']):,.1f} | {r['records']:,} | FAILED rc={ed and ed['rc']} | | | | | | | | | |")
        continue
    per_pupil = ed["rss"] * 1024 / pupils  # bytes
    ratio = ed["wall"] / xl["wall"] if xl and xl["wall"] else None
    r["per_pupil"], r["ratio"] = per_pupil, ratio
    w(f"| {pupils:,} | {mb(r['bytes']):,.1f} | {r['records']:,} | {fmt_s(ed['wall'])} | "
      f"{mb(r['bytes']) / ed['wall']:,.1f} | {r['records'] / ed['wall']:,.0f} | {fmt_s(ed['cpu'])} | {fmt_mib(ed['rss'])} | "
      f"{per_pupil / 1024:,.2f} KiB | {fmt_s(xl and xl['wall'])} | "
      f"{mb(r['bytes']) / xl['wall']:,.1f} | {fmt_s(xl['cpu'])} | **{ratio:.2f}×** |")
w("")
w("CPU = user + sys seconds of the best-CPU iteration (less sensitive than wall time to the other jobs on "
  "this shared machine). ")
for n, r in a_rows.items():
    ed = r["ed"]
    if ed and ed["wall"]:
        best_iter = min((m for m in measures[f"A.{n}.edusync.all"] if m.rc == 0), key=lambda m: m.wall)
        w(f"At {r['school']['counts']['current_pupils']:,} pupils the fastest edusync iteration used "
          f"{best_iter.cpu / best_iter.wall:.2f} cores on average (CPU / wall; 2 would be perfect overlap of the "
          f"Eleves and Responsables parses, which run on separate threads, sources/parsers/parse_files.cpp); the "
          f"1-min load average just before it was {best_iter.load} on 2 cores"
          + (" — other jobs were competing for the cores, so the wall-time ratio is pessimistic for edusync; "
             "the CPU columns compare the work done." if float(best_iter.load) >= 1.5 else
             " (a quiet machine). The rest of the time one thread waits: the two big files are not the same "
             "size, then the model is assembled on one thread."))
w("")
w("RSS per pupil = peak RSS / current pupils of the export (the ELEVE records of departed pupils, the "
  "guardians and the staff are all in the numerator, as they are in the process).")
w("")

w("### Eleves file alone (single-file ratio, no parallelism on either side)")
w("")
w("| pupils | Eleves MB | edusync wall | edusync MB/s | edusync CPU | edusync peak RSS | xmllint wall | xmllint MB/s | "
  "xmllint CPU | **edusync / xmllint wall** |")
w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n, r in a_rows.items():
    ed, xl = r["ede"], r["xle"]
    if not ed or ed["wall"] is None or not r["eleves"]:
        continue
    size = mb(r["sizes"][r["eleves"]])
    r["ratio_eleves"] = ed["wall"] / xl["wall"]
    w(f"| {r['school']['counts']['current_pupils']:,} | {size:,.1f} | {fmt_s(ed['wall'])} | {size / ed['wall']:,.1f} | "
      f"{fmt_s(ed['cpu'])} | {fmt_mib(ed['rss'])} | {fmt_s(xl['wall'])} | {size / xl['wall']:,.1f} | {fmt_s(xl['cpu'])} | "
      f"**{r['ratio_eleves']:.2f}×** |")
w("")

for n, r in a_rows.items():
    pupils = r["school"]["counts"]["current_pupils"]
    if "per_pupil" in r:
        verdicts.append((f"A. peak RSS < 1 KiB per pupil ({pupils:,} pupils)",
                         f"{pf(r['per_pupil'] < 1024)} — {r['per_pupil'] / 1024:,.2f} KiB/pupil "
                         f"({fmt_mib(r['ed']['rss'])})"))
    if r.get("ratio") is not None:
        verdicts.append((f"A. edusync wall / xmllint wall ≤ 1.0 ({pupils:,} pupils, all files; edusync parallel, "
                         "xmllint sequential)", f"{pf(r['ratio'] <= 1.0)} — {r['ratio']:.2f}×"))
    if r.get("ratio_eleves") is not None:
        verdicts.append((f"A. (information) Eleves alone, both single-threaded ({pupils:,} pupils)",
                         f"{r['ratio_eleves']:.2f}×"))

w("<details><summary>Every timed iteration (A)</summary>")
w("")
w("| command | iteration | wall | CPU (user+sys) | peak RSS | exit | load1 before |")
w("|---|---:|---:|---:|---:|---:|---:|")
for mid, runs in measures.items():
    if mid.startswith("A."):
        for m in runs:
            w(f"| `{mid}` | {m.iter} | {m.wall:.3f} s | {m.cpu:.2f} s | {fmt_mib(m.rss)} | {m.rc} | {m.load} |")
w("")
w("</details>")
w("")

# --- perf --------------------------------------------------------------------------------------
INTERPRETATION = [
    (r"latin9_to_utf8", "edusync's ISO-8859-15 → UTF-8 input converter (sources/xml/latin9_decoder.cpp): a switch "
                        "and a branch per byte, no ASCII fast path; copying runs of bytes < 0x80 in bulk would bring "
                        "it close to memcpy speed"),
    (r"__memmove|__memcpy|memcpy", "copies: libxml2 moving its input buffer (push parser, 256 KiB chunks) and record "
                                   "text copied into std::string fields; each byte is copied several times"),
    (r"__memcmp|memcmp", "name comparisons: Node::child() scans a record's children comparing names byte-wise for "
                         "every field read (~25 fields per ELEVE, so ~n² compares); names are interned by libxml2's "
                         "dictionary, so a pointer compare or a per-record index would do"),
    (r"sha256_compress|sha256", "SHA-256 of every input byte (nettle, SHA-NI) in HashingSource: each export's "
                                "content hash for the report and the run digest; on the parsing thread"),
    (r"xmlParseCharData", "libxml2 scanning character data (text and the indentation between tags): the "
                          "tokenizer proper, what xmllint also pays"),
    (r"xmlBufIsEmpty|xmlBufUse|xmlBufShrink|xmlBufGrow|xmlBuf",
     "libxml2 push-parser bookkeeping: xmlParseTryOrFinish checks the input buffer before every token "
     "(xmllint --stream's xmlTextReader sits on the same push parser, so it pays it too)"),
    (r"RecordTree::append_text", "edusync appending each SAX text callback to the current element's std::string "
                                 "(record tree, sources/xml/record_tree.cpp)"),
    (r"Node::child", "the linear child lookup itself (see the memcmp line)"),
    (r"ContactBuilder", "assemble/contacts.cpp: joining the Responsables links to pupils and persons "
                        "(hash maps keyed by ids), building guardians and contacts"),
    (r"find_duplicate_guardians", "assemble: the DUPLICATE_GUARDIAN check (folded name + mobile/e-mail)"),
    (r"PupilBuilder|add_pupils", "assemble/pupils.cpp: building pupils and memberships from the parsed records"),
    (r"_copy_to_iter|copy_user|copyout", "kernel copying the page cache into read() buffers (file reads, cache warm)"),
    (r"basic_string.*operator=|basic_string.*_M_assign|_M_replace|_M_append|_M_construct|_M_create|basic_string<.*>::basic_string",
     "std::string copies/assignments: field values copied out of the record tree into the parsed records "
     "and the model"),
    (r"malloc_consolidate|_int_free|_int_malloc|unlink_chunk|malloc|cfree|operator new|operator delete",
     "glibc heap: many small allocations (strings, vectors per record and per model object)"),
    (r"xmlParseStartTag|xmlParseStartTag2|xmlParseEndTag|xmlParseQName|xmlParseAttValue|xmlParseNCName",
     "libxml2 parsing tags and attributes (SAX2 start/end element)"),
    (r"xmlSkipBlankChars", "libxml2 skipping the indentation whitespace (one element per line, tabs)"),
    (r"xmlDict", "libxml2 dictionary lookups interning every element name"),
    (r"xmlParseTryOrFinish|xmlParseChunk|xmlParseGetLasts|xmlParseLookup",
     "libxml2 push-parser driver: looks ahead for complete tokens in each chunk"),
    (r"SaxSession::start_element|SaxSession::on_characters|SaxSession", "edusync's SAX callbacks (record_stream.cpp)"),
    (r"RecordTree::open_element|RecordTree", "edusync's record tree: one node per element of the record"),
    (r"_Hashtable", "std::unordered_map lookups/inserts keyed by string_view (ids: ELEVE_ID, PERSONNE_ID…)"),
    (r"_Rb_tree", "std::map/std::set operations keyed by strings"),
    (r"fold|Fold", "accent/case folding of names"),
    (r"exc_page_fault|clear_page|page_fault", "kernel: page faults and zeroing of freshly allocated memory"),
]


def interpret(symbol, dso):
    for pattern, text in INTERPRETATION:
        if re.search(pattern, symbol):
            return text
    if dso.startswith("[kernel"):
        return "kernel time (reads, page faults, memory zeroing)"
    if "libxml2" in dso:
        return "libxml2 internals"
    if "libc" in dso:
        return "C library"
    return "(no interpretation recorded: look at the call sites with `perf report -g`)"


perf_path = OUT / "perf-report.txt"
if perf_path.exists():
    n = fact("perf_pupils")
    rows = []
    for line in perf_path.read_text(errors="replace").splitlines():
        m = re.match(r"^\s+([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*?)(?:\s+-\s+-)?\s*$", line)
        if m:
            rows.append((float(m.group(1)), m.group(2), m.group(3), m.group(4)))
    w(f"### `perf record -g` of `edusync inspect`, {int(n):,} pupils, all files — top 10 self-time symbols")
    w("")
    w("`perf record -g -- edusync inspect …` then `perf report --no-children --sort dso,symbol` (self time, "
      "both threads; `perf stat` hardware counters are not available on this VM). The release build has no "
      "frame pointers, so call chains are partial; self time is exact.")
    w("")
    w("| # | self % | object | symbol | interpretation |")
    w("|---:|---:|---|---|---|")
    for i, (pct, dso, kind, sym) in enumerate(rows[:10], 1):
        short = sym if len(sym) <= 90 else sym[:87] + "…"
        short = short.replace("|", "\\|")
        w(f"| {i} | {pct:.2f} | {dso} | `{short}` | {interpret(sym, dso)} |")
    by_dso = collections.Counter()
    for pct, dso, _, _ in rows:
        by_dso[dso] += pct
    w("")
    w("Self time by object (symbols ≥ 0.3 %): " + ", ".join(f"{d} {p:.1f} %" for d, p in by_dso.most_common(6)) + ".")
    w("")

# --- B ---------------------------------------------------------------------------------------
w("## B. `edusync run` — synchronisation benchmark")
w("")
b_expected = LOGS / "B.expected.json"
if not b_expected.exists():
    w(f"**Generation failed**: {fact('B.error')}")
else:
    exp = json.loads(b_expected.read_text())
    tc = exp["totals"]["counts"]
    params = exp["parameters"]
    gen = best("B.gen")
    w(f"Academy: `edusync-gen --schools {params['schools']} --total-pupils {tc['current_pupils']:,} --jobs 2 "
      f"--seed {params['seed']}` ({fmt_s(gen and gen['wall'])}): **{tc['current_pupils']:,} current pupils** "
      f"({tc['eleve_records']:,} ELEVE records), {tc['persons']:,} persons of whom **{tc['guardians']:,} "
      f"guardians**, **{tc['staff']:,} staff**, {tc['divisions']:,} divisions, {tc['groups']:,} groups; "
      f"{fact('B.inbox_files')} files, {mb(int(fact('B.inbox_bytes', '0'))):,.0f} MB, hard-linked flat into "
      f"the inbox as `<UAI>_<file>`.")
    w("")
    w("Configuration (`bench/run.sh` writes it): all UAIs under `school.uai`, `state_dir`, `inbox`, one "
      "`journal` connector (`{name: audit, type: journal, path: …}`), `safety: {max_departure_ratio: 0.10}`, "
      "and for academy scale `identity: {login_policy: prenom.nom, uid_range: {first: 100000, last: 2000000}}` — "
      "with the defaults (`nomp8`, uids 1001–4999) at most 3,999 accounts get a uid (`UID_RANGE_EXHAUSTED` for the "
      "rest) and `nomp8` runs out of its 99 collision variants for common surname+initial pairs "
      "(`LOGIN_COLLISIONS_EXHAUSTED`; measured while preparing this bench, outside this run: 83,708 of the ~108,000 "
      "accounts of a 100-school / 100 k-pupil academy). Runs: `EDUSYNC_TRACE_MEMORY=1 edusync --config CFG run --settle-ms 0 "
      f"--today D` (runs 3r and 4 with `--recompute`); run 1 on the export date {fact('B.today')}, the others the "
      f"day after ({fact('B.today2')}).")
    w("")
    churn_path = LOGS / "B.churn.json"
    if churn_path.exists():
        ch = json.loads(churn_path.read_text())
        xl = best("B.churn.xmllint")
        w(f"**Churn for run 2** (`bench/churn.py`, the generator has no churn mode): on {ch['schools_touched']} of "
          f"{ch['schools_total']} schools (every 10th; {ch['touched_current_pupils']:,} current pupils), "
          f"**{ch['departures']:,} departures** (ELEVE records removed, with their structures, options, grants and "
          f"{ch['links_removed']:,} guardian links), **{ch['arrivals']:,} arrivals** (current pupils duplicated under "
          f"a new ELEVE_ID/ELENOET/INE, with copies of their {ch['links_added']:,} guardian links) and "
          f"**{ch['class_changes']:,} class changes** (D structure moved to another division of the same level): "
          f"{ch['departures'] + ch['arrivals']:,} pupils in or out = "
          f"{100 * (ch['departures'] + ch['arrivals']) / ch['academy_current_pupils']:.2f} % of the "
          f"{ch['academy_current_pupils']:,} pupils, {100 * ch['churned_ratio']:.2f} % counting the class changes. "
          f"The other files are the first export's (the brief's \"regenerate with the same seed\" gives identical "
          f"bytes, so they are reused). Modified files stay ISO-8859-15 (`{fact('B.churn.encoding')}`) and "
          f"`xmllint --stream --noout` finds them well-formed: "
          f"{'yes' if xl and xl['ok'] else 'NO, see logs/B.churn.xmllint.1.err'}.")
        w("")

    def run_info(mid):
        text = log_text(mid)
        status = re.search(r"État : (\S+)", text)
        changes = re.search(r"Changements :\n((?:  .*\n)+)", text)
        warnings = re.search(r"Avertissements :\n((?:  .*\n)+)", text)
        targets = re.search(r"Cibles :\n((?:  .*\n)+)", text)
        gates = re.findall(r"^\s*(REMOVAL_THRESHOLD|INCOMPLETE_EXPORT|STALE_EXPORT|YEAR_BACKWARDS)\b.*$", text, re.M)
        return {"status": status.group(1) if status else "?",
                "changes": changes.group(1).rstrip() if changes else "",
                "warnings": dict(re.findall(r"^\s+([A-Z_]+) : (\d+)", warnings.group(1), re.M)) if warnings else {},
                "targets": targets.group(1).strip() if targets else "", "gates": gates,
                "error": log_text(mid, ext="err").strip()[-2000:]}

    def compact_change(line):
        """'élèves : 50 ajoutés, 50 modifiés, 50 partis, 0 revenus, 0 supprimés' -> 'pupils +50 ~50 →50'"""
        names = {"élèves": "pupils", "responsables": "guardians", "personnels": "staff", "appartenances": "memberships"}
        signs = {"ajoutés": "+", "modifiés": "~", "partis": "→", "revenus": "←", "supprimés": "−"}
        entity, _, rest = line.strip().partition(" : ")
        parts = [signs.get(word, word) + count for count, word in re.findall(r"(\d+) (\S+?)(?:,|$)", rest) if count != "0"]
        return f"{names.get(entity, entity)} {' '.join(parts) or '0'}"

    def state(label):
        path = LOGS / f"B.state.{label}.tsv"
        s = {"table": {}, "pages": {}, "kind": {}, "file": {}}
        if not path.exists():
            return None
        for line in path.read_text().splitlines():
            f = line.split("\t")
            if f[0] == "table":
                s["table"][f[1]] = (int(f[2]), f[3])
            elif f[0] == "pages":
                s["pages"][f[1]] = int(f[2])
            elif f[0] == "kind":
                s["kind"][f[1]] = (int(f[2]), int(f[3]), int(f[4]))
            elif f[0] == "file":
                s["file"][f[1]] = f[2:]
            elif f[0] == "page_size":
                s["page_size"] = int(f[1])
            elif f[0] == "freelist":
                s["freelist"] = int(f[1])
        return s

    run_ids = [("B.run1", "1. first full run", "B.inspect1", "after1"),
               ("B.run2", "2. 1 % churn", "B.inspect2", "after2")]
    if "B.run2b" in measures:
        run_ids.append(("B.run2b", "2b. 1 % churn, max_departure_ratio raised to 0.5", "B.inspect2", "after2"))
    run_ids.append(("B.run3", "3. no change (same inputs as 2)", "B.inspect2", "after3"))
    if "B.run3r" in measures:
        run_ids.append(("B.run3r", "3r. no change, recomputed (--recompute)", "B.inspect2", "after3r"))

    w("### Runs")
    w("")
    w("Single measurements (a run changes the state, so it cannot be repeated as is); page cache warm (inbox "
      "read before each command).")
    w("")
    w("| run | wall | peak RSS | exit | status | changes planned (+ added, ~ modified, → departed, ← back, − removed) | "
      "journal lines written | state DB after | report dir of the run |")
    w("|---|---:|---:|---:|---|---|---:|---:|---:|")
    infos = {}
    journal_before, reports_before = 0, 0
    for mid, label, _, st in run_ids:
        m = best(mid)
        if not m:
            continue
        info = run_info(mid)
        infos[mid] = info
        s = state(st)
        ch = info["changes"].splitlines()
        short = "; ".join(compact_change(c) for c in ch if re.match(r"\s*(élèves|responsables|personnels|appartenances)", c))
        if fact(f"{mid}.unchanged_since"):
            short = "none computed (short cut; the report prints " + (short or "nothing") + ")"
        journal = s["file"]["journal"][1] if s else "?"
        dbsize = int(s["file"]["edusync.db"][0]) if s else 0
        reports = int(s["file"]["reports"][0]) if s else 0
        wall = measures[mid][0].wall
        status = info["status"]
        if fact(f"{mid}.unchanged_since"):
            status += f" — short cut: unchanged since run `{fact(f'{mid}.unchanged_since')}`"
        w(f"| {label} | {fmt_s(wall)} | {fmt_mib(m['rss'])} | {m['rc'][0]} | {status} | {short or '—'} | "
          f"{int(journal) - journal_before:,} | {human_bytes(dbsize)} | {human_bytes(reports - reports_before)} |")
        journal_before, reports_before = int(journal), reports
    w("")
    s1 = state("after1")
    if s1:
        kinds = ", ".join(f"{k}: {v[0]:,} (login {v[1]:,}, uid {v[2]:,})" for k, v in sorted(s1["kind"].items()))
        w(f"Identities after run 1: {sum(v[0] for v in s1['kind'].values()):,} — {kinds}.")
        w("")
        no_login = sum(v[2] - v[1] for k, v in s1["kind"].items() if k in ("pupil", "staff"))
        if no_login > 0:
            w(f"**Finding:** {no_login:,} pupil and staff identities have a uid number but **no login** "
              "(`LOGIN_COLLISIONS_EXHAUSTED`: even `prenom.nom` runs out of its 99 variants for the most common "
              "first name + surname pairs among a million synthetic pupils). `run/accounts.cpp` (`attach`, "
              "`needs_account`) retries them on every run and marks them changed, so each run that computes a plan, the "
              "no-change `--recompute` one included, re-saves those identities with identical values (invisible in "
              "the content check below; the short cut of run 3 computes nothing).")
            w("")
    for mid, label, _, _ in run_ids:
        info = infos.get(mid)
        if not info:
            continue
        if info["warnings"]:
            w(f"Warnings of run {label.split('.')[0]}: " + ", ".join(f"`{k}` {int(v):,}" for k, v in info["warnings"].items()) + ".")
            w("")
        if info["gates"]:
            w(f"Run {label.split('.')[0]} was **held** by safety gates: {', '.join(sorted(set(info['gates'])))}.")
            w("")
    if fact("B.run2.held"):
        w("Run 2 was held by a safety gate because of the churn: `safety.max_departure_ratio` was raised to 0.5 "
          "and the run repeated (2b).")
        w("")

    # --- stages: EDUSYNC_TRACE_MEMORY lines on each run's stderr --------------------------------
    TRACE_RE = re.compile(r"^memory\s+([\d.]+) s (.*?)\s+heap\s+(\d+) MiB\s+rss\s+(\d+) MiB\s+peak\s+(\d+) MiB\s*$")

    def trace(mid):
        """{stage: (seconds since start, heap MiB, rss MiB, peak MiB)} in the order printed."""
        marks = {}
        for line in log_text(mid, ext="err").splitlines():
            m = TRACE_RE.match(line)
            if m:
                marks[m.group(2)] = (float(m.group(1)), int(m.group(3)), int(m.group(4)), int(m.group(5)))
        return marks

    # (key, label, from mark, to mark); "parse" starts at "inputs hashed" when the run printed it.
    STAGE_ROWS = [
        ("scan", "scan + unchanged-inputs check (hash)", "start", "inputs hashed"),
        ("parse", "parse (XML, 2 threads)", None, "parsed"),
        ("model", "model: assemble the canonical directory", "parsed", "assembled"),
        ("load_snapshot", "↳ load the previous snapshot", "assembled", "previous snapshot loaded"),
        ("load_identities", "↳ load identities", "previous snapshot loaded", "identities loaded"),
        ("desired", "↳ identities, logins, uids, departures (build_desired_state)", "identities loaded",
         "desired state built"),
        ("identities", "identities / desired state (the three rows above)", "assembled", "desired state built"),
        ("diff", "diff previous snapshot → desired", "desired state built", "diffed"),
        ("state", "state: gates + SQLite transaction", "diffed", "state committed"),
        ("connector", "connector (journal)", "state committed", "connectors applied"),
        ("reports", "reports + run record", "connectors applied", "reports written"),
    ]

    def stages(mid):
        """{key: (seconds, mark at the end)} for the stages whose two marks are present."""
        marks = trace(mid)
        out_ = {}
        for key, _, start, end in STAGE_ROWS:
            if start is None:
                start = "inputs hashed" if "inputs hashed" in marks else "start"
            if start in marks and end in marks:
                out_[key] = (marks[end][0] - marks[start][0], marks[end])
        if {"identities", "diff", "state"} <= out_.keys():
            out_["diff_state"] = (out_["identities"][0] + out_["diff"][0] + out_["state"][0], None)
        return out_

    traced_runs = [(mid, label) for mid, label, _, _ in run_ids if trace(mid)]
    if "B.run4.perf" in measures and trace("B.run4.perf"):
        traced_runs.append(("B.run4.perf", "4. no change, recomputed, under perf record (perf section below)"))

    w("### Time and memory per stage (`EDUSYNC_TRACE_MEMORY=1`)")
    w("")
    w("Every run above prints, at the end of each stage, the seconds since its `start` and its memory (`heap` = "
      "bytes the allocator has handed out, `rss` = VmRSS, `peak` = VmHWM, the high-water RSS so far). "
      "A stage's time is the difference between its end mark and the previous one; **peak at end** is the "
      "process's peak RSS so far. The last row is the part of the wall time (measured from the shell) outside "
      "the trace: process start and configuration before `start`, then whatever follows the last mark "
      "(destruction of the model and exit; for the short cut, the run record and the report; for run 4, also "
      "perf's start and its writing of perf.data).")
    w("")
    w("Stages (runner.cpp): **scan + unchanged-inputs check** = inbox scan (list, settle, read every file's "
      "header) and, when kinds, UAIs and export dates all match the last applied run's, the SHA-256 of every "
      "input (2 threads) compared with that run's; absent with `--recompute`, whose **parse** then includes the "
      "inbox scan. **model** = assemble the canonical directory. **identities / desired state** = load the "
      "previous snapshot, load the identities, build_desired_state (keys, logins, uids, departures). **diff** = "
      "previous snapshot → desired. **state** = the report's account lists, the safety gates, then the SQLite "
      "transaction (identities, passwords, snapshot, export marks, run). **connector** = the journal (skipped when "
      "already acknowledged). **reports** = prune snapshots, purge expired passwords, report.txt/json/html, "
      "the run record.")
    w("")
    for mid, label in traced_runs:
        marks, st = trace(mid), stages(mid)
        wall = measures[mid][0].wall
        w(f"#### Run {label}")
        w("")
        m0 = measures[mid][0]
        w(f"Wall {fmt_s(wall)}, CPU user {m0.user:,.0f} s + sys {m0.sys:,.0f} s, peak RSS {fmt_mib(best(mid)['rss'])} "
          f"(`/usr/bin/time`), exit {m0.rc}"
          + (f"; **short cut**: unchanged since run `{fact(f'{mid}.unchanged_since')}`, stages after the hash skipped"
             if fact(f"{mid}.unchanged_since") else "")
          + (f"; 1-min load before: {measures[mid][0].load}" if measures[mid][0].load else "") + ".")
        w("")
        w("| stage | end mark | seconds | share of wall | heap at end | RSS at end | **peak at end** |")
        w("|---|---|---:|---:|---:|---:|---:|")
        for key, text, _, end in STAGE_ROWS:
            if key not in st:
                continue
            sec, (_, heap, rss, peak) = st[key]
            cells = f"{sec:,.2f} s" if sec < 100 else f"{sec:,.0f} s"
            if key == "identities":
                text, cells = f"*{text}*", f"*{cells}*"
            w(f"| {text} | `{end}` | {cells} | {100 * sec / wall:.1f} % | {heap:,} MiB | {rss:,} MiB | "
              f"{peak:,} MiB |")
        last = max(marks.values(), key=lambda v: v[0])
        w(f"| outside the trace (wall − last mark) | | {wall - last[0]:,.2f} s | {100 * (wall - last[0]) / wall:.1f} % "
          "| | | |")
        w("")

    w("#### Target: diff + state vs parse")
    w("")
    w("**diff + state** = identities / desired state + diff + state, i.e. everything between the model and the "
      "connector (loading the previous snapshot and the identities, logins and uids, the diff, the gates and the "
      "SQLite transaction). It is compared two ways: with the **XML parse alone** (`parsed` − `start`, or − "
      "`inputs hashed`: the strict reading of \"less than the parsing\", which decides PASS/FAIL), and with "
      "**parse + model** (what `edusync inspect` does; information). Run 3 is the short cut: no parse, no diff.")
    w("")
    w("| run | parse | model | parse + model | identities / desired | diff | state | **diff + state** | "
      "**÷ parse (strict)** | ÷ (parse + model) | target diff + state < parse |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for mid, label in traced_runs:
        st = stages(mid)
        if "diff_state" not in st or "parse" not in st or "model" not in st:
            w(f"| {label} | " + " | ".join(["—"] * 9) + " | n/a (no parse, no diff) |")
            continue
        parse, model, ds = st["parse"][0], st["model"][0], st["diff_state"][0]
        ok = ds < parse and measures[mid][0].rc == 0
        perf_run = mid == "B.run4.perf"
        w(f"| {label} | {fmt_s(parse)} | {fmt_s(model)} | {fmt_s(parse + model)} | {fmt_s(st['identities'][0])} | "
          f"{fmt_s(st['diff'][0])} | {fmt_s(st['state'][0])} | **{fmt_s(ds)}** | **{ds / parse:.2f}×** | "
          f"{ds / (parse + model):.2f}× | {'(under perf: information)' if perf_run else pf(ok)} |")
        if not perf_run:
            verdicts.append((f"B. diff + state cheaper than parsing — run {label}",
                             f"{pf(ok)} — diff + state {fmt_s(ds)} vs XML parse {fmt_s(parse)}: "
                             f"**{ds / parse:.2f}×** (strict); vs parse + model {fmt_s(parse + model)}: "
                             f"{ds / (parse + model):.2f}×"))
    w("")

    slow_model = [(label, stages(mid)) for mid, label in traced_runs
                  if "model" in stages(mid) and stages(mid)["model"][0] > stages(mid)["parse"][0]]
    if slow_model:
        i1 = measures.get("B.inspect1", [None])[0]
        a_sys_share = max((100 * m.sys / m.cpu for k, ms in measures.items()
                           if k.startswith("A.") and ".edusync." in k for m in ms if m.cpu), default=0)
        w("**Note:** the model stage (assemble, between `parsed` and `assembled`) takes longer than the XML parse "
          "itself in " + ", ".join(f"run {lab.split('.')[0]} ({fmt_s(st['model'][0])} vs {fmt_s(st['parse'][0])})"
                                   for lab, st in slow_model)
          + (f". `edusync inspect` of the run 1 inputs, which only parses and assembles, spent {i1.user:,.0f} s user "
             f"+ {i1.sys:,.0f} s sys for {fmt_s(i1.wall)} wall: {100 * i1.sys / max(i1.cpu, 1e-9):.0f} % of its CPU time is "
             f"kernel time (the single-school inspects of part A: at most {a_sys_share:.0f} %). The run-4 profile below "
             "shows where."
             if i1 else "."))
        w("")

    w("### Cross-check: the run against `edusync inspect` of the same inputs")
    w("")
    w("`edusync inspect --uai <each of the UAIs> --today D <every file of the inbox>` on the same inputs, just "
      "before the run, measures reading + parsing + building the model in a separate process (same 2 parser "
      "threads). **rest = run wall − inspect wall**: everything else the run does, including what the trace "
      "does not cover (inbox scan, hash, connector, reports, exit). Information only: the verdict above uses "
      "the stage trace of the run itself.")
    w("")
    w("| run | inspect wall (parse + model) | inspect peak RSS | run wall | rest = run − inspect | rest / inspect | "
      "traced parse + model of the run |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for mid, label, imid, _ in run_ids:
        m, i = best(mid), best(imid)
        if not m or not i or i["wall"] is None:
            continue
        run_wall = measures[mid][0].wall
        st = stages(mid)
        if fact(f"{mid}.unchanged_since"):
            w(f"| {label} | {fmt_s(i['wall'])} | {fmt_mib(i['rss'])} | {fmt_s(run_wall)} | — (short cut: no parse) | "
              f"{run_wall / i['wall']:.2f} (whole run) | — |")
            continue
        rest = run_wall - i["wall"]
        traced = fmt_s(st["parse"][0] + st["model"][0]) if "parse" in st and "model" in st else "—"
        w(f"| {label} | {fmt_s(i['wall'])} | {fmt_mib(i['rss'])} | {fmt_s(run_wall)} | {fmt_s(rest)} | "
          f"{rest / i['wall']:.2f} | {traced} |")
    w("")

    children_path = OUT / "perf-run-children.txt"
    if children_path.exists():
        inclusive = {}
        for line in children_path.read_text(errors="replace").splitlines():
            m = re.match(r"^\s+([\d.]+)%\s+([\d.]+)%\s+\[(.)\]\s+(.*?)(?:\s+-\s+-)?\s*$", line)
            if m:
                sym = m.group(4).replace("[abi:cxx11]", "")
                inclusive[sym] = max(inclusive.get(sym, 0.0), float(m.group(1)))
        r4 = measures.get("B.run4.perf", [None])[0]
        cpu4 = r4.cpu if r4 else 0
        STAGES = [
            ("inbox scan: list, settle, open every file to read its header", r"^edusync::run::scan_inbox$", "max"),
            ("parse: SAX + record parsers, hashing (both threads)", r"^edusync::sources::parse_export$", "max"),
            ("assemble: model, joins, warnings", r"^edusync::assemble::assemble$", "max"),
            ("load the previous snapshot (SQLite blob + decode)", r"^edusync::state::StateStore::load_snapshot$", "max"),
            ("load identities (SQLite)", r"^edusync::state::StateStore::load_identities$", "max"),
            ("identities: keys, logins, uids, departures (build_desired_state)", r"^edusync::run::build_desired_state$", "max"),
            ("diff previous snapshot → desired", r"^edusync::diff::diff$", "max"),
            ("safety gates", r"^edusync::run::check_gates$", "max"),
            ("state commit: store the snapshot (encode, SHA-256, dedupe)", r"^edusync::state::StateStore::store_snapshot$", "max"),
            ("state commit: save identities", r"^edusync::state::StateStore::save_identities$", "max"),
            ("connectors (journal; skipped when already acknowledged)", r"^edusync::run::apply_connectors$", "max"),
            ("reports: report.txt/json/html", r"^edusync::report::write_report_files$", "max"),
            ("run record: inputs JSON of every source", r"^edusync::inspect::sources_json$", "max"),
            ("prune snapshots", r"^edusync::state::StateStore::prune_snapshots$", "max"),
            ("— across steps: every SQLite statement (sqlite3_step)", r"^sqlite3_step$", "max"),
            ("— across steps: std::sort of pupils/contacts/memberships", r"^std::__introsort_loop<", "sum"),
            ("— across steps: destroying model objects (Directory::~Directory)", r"^edusync::model::Directory::~Directory$", "max"),
        ]
        w(f"### Where a no-change run spends its time (run 4, same inputs, `--recompute`, under `perf record --call-graph dwarf`)")
        w("")
        w(f"A 4th run, again with no change and `--recompute` (the short cut would skip the pipeline), under "
          f"`perf record -F 49 --call-graph dwarf,16384` "
          f"({fmt_s(r4.wall if r4 else None)} wall, {cpu4:,.0f} CPU s, peak {fmt_mib(r4.rss) if r4 else '?'}); "
          "`perf report --children`: share of all CPU samples (both threads) spent inside each function, callees "
          "included. The pipeline rows do not overlap; the last three cut across them. ≈ CPU s = share × the "
          "run's CPU time.")
        w("")
        w("| step | function | inclusive share | ≈ CPU s |")
        w("|---|---|---:|---:|")
        for label, pattern, mode in STAGES:
            hits = {k: v for k, v in inclusive.items() if re.search(pattern, k)}
            if not hits:
                w(f"| {label} | `{pattern.strip('^$')}` | < 0.1 % (or inlined) | |")
                continue
            pct = sum(hits.values()) if mode == "sum" else max(hits.values())
            name = max(hits, key=hits.get) if mode == "max" else f"{len(hits)} instantiations"
            name = name if len(name) < 70 else name[:67] + "…"
            cpu_s = pct / 100 * cpu4
            w(f"| {label} | `{name}` | {pct:.1f} % | {cpu_s:,.0f} |" if cpu_s >= 10 else
              f"| {label} | `{name}` | {pct:.1f} % | {cpu_s:.1f} |")
        w("")
        self_path = OUT / "perf-run-self.txt"
        if self_path.exists():
            rows = []
            for line in self_path.read_text(errors="replace").splitlines():
                m = re.match(r"^\s+([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*?)(?:\s+-\s+-)?\s*$", line)
                if m:
                    rows.append((float(m.group(1)), m.group(2), m.group(4)))
            if rows:
                w("Top self-time symbols of that run: " + "; ".join(
                    f"`{(sym if len(sym) < 60 else sym[:57] + '…')}` ({dso}) {pct:.1f} %" for pct, dso, sym in rows[:10]) + ".")
                w("")

    def writes_nothing(run, label, before, after, copy_taken):
        """The table-by-table comparison around a no-change run; appends its verdict."""
        w(f"### Run {run} writes nothing but the run record?")
        w("")
        sb, sa = state(before), state(after)
        if not (sb and sa):
            w("Not measured (an earlier step failed).")
            w("")
            return
        w(f"Every table before run {run} ({copy_taken}) and after it: row count and a SHA-256 of its rows "
          "(`SELECT * … ORDER BY rowid`; for `snapshots` the id, date, content hash and blob length). "
          "Size on disk per table from `dbstat`.")
        w("")
        w("| table | rows before | rows after | content | bytes (dbstat) before | after | expected |")
        w("|---|---:|---:|---|---:|---:|---|")
        nothing_else = True
        for t, (rows_before, digest_before) in sb["table"].items():
            rows_after, digest_after = sa["table"].get(t, (None, None))
            same = digest_before == digest_after
            expected = "+1 row" if t == "runs" else "unchanged"
            ok = (rows_after == rows_before + 1) if t == "runs" else (same and rows_after == rows_before)
            nothing_else &= ok
            w(f"| {t} | {rows_before:,} | {rows_after:,} | {'same' if same else 'changed'} | "
              f"{sb['pages'].get(t, 0):,} | {sa['pages'].get(t, 0):,} | {expected}: {pf(ok)} |")
        jb, ja = sb["file"]["journal"], sa["file"]["journal"]
        journal_ok = jb == ja
        nothing_else &= journal_ok
        w(f"| journal.jsonl | {int(jb[1]):,} lines | {int(ja[1]):,} lines | "
          f"{'same' if journal_ok else 'changed'} | {int(jb[0]):,} B | {int(ja[0]):,} B | unchanged: {pf(journal_ok)} |")
        w("")
        key = f"B.run{run}"
        pages_changed, pages_total = fact(f"{key}.pages_changed"), fact(f"{key}.pages_total")
        rb, ra = int(sb["file"]["reports"][0]), int(sa["file"]["reports"][0])
        w(f"State file: {int(fact(f'{key}.size_before', '0')):,} → {int(fact(f'{key}.size_after', '0')):,} bytes; "
          f"**{pages_changed} of {pages_total} pages** differ byte-wise (`cmp -l` against a copy taken before run "
          f"{run}). Run {run} also wrote its report directory ({human_bytes(ra - rb)}: report.txt/json/html), "
          "which is the human side of the run record.")
        w("")
        runs_growth = sa["pages"].get("runs", 0) - sb["pages"].get("runs", 0)
        w(f"Of those pages, the `runs` table grew by {runs_growth:,} bytes "
          f"({runs_growth // sa.get('page_size', 4096)} pages): each run record stores the JSON of every input "
          f"(path, kind, sha256, records… for each of the {fact('B.inbox_files')} files). The database keeps "
          f"{int(sa.get('freelist', 0)):,} free pages "
          f"({human_bytes(int(sa.get('freelist', 0)) * sa.get('page_size', 4096))}) left by the snapshot replaced "
          "in run 2: no auto_vacuum, so the file keeps its high-water size.")
        w("")
        how = "short cut" if fact(f"{key}.unchanged_since") else "--recompute" if run == "3r" else "full run"
        verdicts.append((f"B. no-change run writes nothing but the run record — run {run} ({how})",
                         f"{pf(nothing_else)} — identities, initial_passwords, snapshots, acknowledgements, "
                         f"export_marks unchanged, runs +1, journal unchanged; {pages_changed}/{pages_total} DB "
                         "pages touched"))

    writes_nothing("3", "no change", "after2", "after3", "after run 2")
    if "B.run3r" in measures:
        writes_nothing("3r", "no change, recomputed", "after3", "after3r", "after run 3")
    peak = [(label, best(mid)["rss"]) for mid, label, _, _ in run_ids if best(mid)]
    if peak:
        worst = max(peak, key=lambda x: x[1])
        verdicts.append(("B. peak memory < 2 GB (every run)",
                         f"{pf(worst[1] * 1024 < 2e9)} — highest {fmt_mib(worst[1])} (run {worst[0]}); "
                         + ", ".join(f"{lab.split('.')[0]}: {fmt_mib(r)}" for lab, r in peak)))
    failures = [(mid, label, infos.get(mid)) for mid, label, _, _ in run_ids
                if best(mid) and best(mid)["rc"][0] not in (0,)]
    if failures:
        w("### Failures")
        w("")
        for mid, label, info in failures:
            w(f"* run {label}: exit {best(mid)['rc'][0]}, status {info['status'] if info else '?'}; stderr tail:")
            w("")
            w("```")
            w((info or {}).get("error", "") or "(empty)")
            w("```")
            w("")

    w("<details><summary>Every timed command (B)</summary>")
    w("")
    w("| command | wall | CPU (user+sys) | peak RSS | exit | load1 before |")
    w("|---|---:|---:|---:|---:|---:|")
    for mid, runs in measures.items():
        if mid.startswith("B."):
            for m in runs:
                w(f"| `{mid}` | {m.wall:.2f} s | {m.cpu:.2f} s | {fmt_mib(m.rss)} | {m.rc} | {m.load} |")
    w("")
    w("</details>")
    w("")

# --- verdicts --------------------------------------------------------------------------------
w("## Targets")
w("")
w("| target | result |")
w("|---|---|")
for target, verdict in verdicts:
    w(f"| {target} | {verdict} |")
w("")

# Summary first: insert the targets table after the header.
text = "\n".join(out) + "\n"
RESULTS.parent.mkdir(parents=True, exist_ok=True)
RESULTS.write_text(text)
print(f"render: {RESULTS}")
