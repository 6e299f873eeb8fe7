#!/usr/bin/env python3
"""Soak and latency benchmark of the service (`edusync daemon`), not a test.

Three measures, each on its own service and state directory under OUT:
  soak     TRIGGERS triggers on a one-school inbox, alternately a fresh drop (the Eleves export
           rewritten with one first name changed, so that every drop run has a change to apply)
           and `resync` (through the control socket); after each trigger the script waits for
           the run to finish. Every 100 runs: the service's RSS, open descriptors, threads and
           zombie children, read from /proc.
  latency  a 1 000-pupil school, the default settle time: the time from the last file of a
           drop closed to the run's report.json written, for DROPS drops.
  status   a 100 000-pupil school: `status` requests on the control socket, one every 10 ms,
           while the run is in progress; their answer times (connect, write, read the line).

Usage: bench/soak.py BUILD_DIR OUT [--triggers N] [--drops N] [--status-pupils N]
Writes OUT/soak.json (every figure) and prints a Markdown summary for bench/RESULTS.md.
"""
import argparse
import datetime
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time

LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def generated_uai(number):
    """The UAI edusync-gen gives to school number `number`."""
    return f"{number:07d}" + LETTERS[number % 23]


def export_day(gen_dir):
    day, month, year = json.load(open(os.path.join(gen_dir, "expected.json")))[
        "parameters"]["export_date"].split("/")
    return f"{year}-{month}-{day}"


def generate(gen, out, pupils, uai_base, seed=1):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([gen, "--out", out, "--seed", str(seed), "--pupils", str(pupils),
                    "--uai-base", str(uai_base)], check=True, stdout=subprocess.DEVNULL)
    return {name: open(os.path.join(out, name), "rb").read()
            for name in sorted(os.listdir(out)) if name.endswith(".xml")}


def with_first_name(eleves, version):
    """The Eleves export with the first <PRENOM> of the file suffixed by `version`."""
    start = eleves.index(b"<PRENOM>") + len(b"<PRENOM>")
    end = eleves.index(b"</PRENOM>", start)
    base = eleves[start:end].rstrip(b"0123456789")
    return eleves[:start] + base + str(version).encode() + eleves[end:]


def write_config(path, base, uai, large):
    identity = ("identity:\n  login_policy: prenom.nom\n"
                "  uid_range: {first: 100000, last: 2000000}\n") if large else ""
    with open(path, "w") as config:
        config.write(f"""school: {{uai: {uai}, name: "Collège du banc d'essai"}}
state_dir: {base}/state
inbox: {base}/inbox
control_socket: {base}/control.sock
{identity}connectors:
  - {{name: audit, type: journal, path: {base}/journal.jsonl}}
  - {{name: koxo, type: koxo-csv, dir: {base}/out/koxo}}
""")


def request(sock_path, message, timeout=10.0):
    """One exchange on the control socket: (answer, seconds)."""
    started = time.perf_counter()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect(sock_path)
        client.sendall((json.dumps(message) + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = client.recv(65536)
            if not chunk:
                break
            data += chunk
    return json.loads(data), time.perf_counter() - started


class Service:
    def __init__(self, binary, base, settle_ms, today):
        self.base = base
        self.socket = os.path.join(base, "control.sock")
        self.log = open(os.path.join(base, "daemon.log"), "wb")
        self.process = subprocess.Popen(
            [binary, "--config", os.path.join(base, "edusync.yaml"), "daemon",
             "--settle-ms", str(settle_ms), "--today", today],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline and self.process.poll() is None:
            try:
                self.status()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the service did not answer (exit code %s), see %s"
                           % (self.process.poll(), self.log.name))

    def status(self):
        return request(self.socket, {"command": "status"})[0]

    def last_run_id(self):
        last = self.status().get("last_run") or {}
        return last.get("id")

    def wait_run_after(self, previous, limit=600):
        """Waits until a run other than `previous` has finished and the service is idle."""
        deadline = time.time() + limit
        while time.time() < deadline:
            status = self.status()
            last = status.get("last_run") or {}
            if last.get("id") not in (None, previous) and status.get("state") != "running" \
                    and not status.get("queued"):
                return last
            time.sleep(0.01)
        raise RuntimeError("no run finished in %d s" % limit)

    def stop(self):
        self.process.terminate()
        code = self.process.wait(60)
        self.log.close()
        return code


def proc_sample(pid):
    status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status") if ":" in line)
    zombies = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == pid:
            zombies += 1
    return {"rss_kib": int(status["VmRSS"].split()[0]),
            "fds": len(os.listdir(f"/proc/{pid}/fd")),
            "threads": int(status["Threads"]),
            "zombies": zombies}


def drop(inbox, files):
    """Writes every file as an exporter would (a .part, then renamed); returns the time the
    last one was in place."""
    for name, content in files.items():
        part = os.path.join(inbox, name + ".part")
        with open(part, "wb") as out:
            out.write(content)
        os.rename(part, os.path.join(inbox, name))
    return time.perf_counter()


def fresh_base(out, name, binary, gen, pupils, uai_base, large=False):
    base = os.path.join(out, name)
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(os.path.join(base, "inbox"))
    files = generate(gen, os.path.join(base, "gen"), pupils, uai_base)
    write_config(os.path.join(base, "edusync.yaml"), base, generated_uai(uai_base), large)
    return base, files, export_day(os.path.join(base, "gen"))


def slope_per_100(samples, key):
    """Least-squares growth of `key` per 100 runs."""
    xs = [s["runs"] for s in samples]
    ys = [s[key] for s in samples]
    if len(xs) < 2:
        return 0.0
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mean_x) ** 2 for x in xs)
    return 100 * sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / den if den else 0.0


def soak(args, binary, gen):
    base, files, today = fresh_base(args.out, "soak", binary, gen, args.soak_pupils, 31)
    inbox = os.path.join(base, "inbox")
    drop(inbox, files)
    service = Service(binary, base, args.soak_settle_ms, today)
    last = service.wait_run_after(None)
    samples = [dict(runs=0, **proc_sample(service.process.pid))]
    statuses = {}
    started = time.time()
    for trigger in range(1, args.triggers + 1):
        previous = last["id"]
        if trigger % 2:
            drop(inbox, {"ElevesSansAdresses.xml":
                         with_first_name(files["ElevesSansAdresses.xml"], trigger)})
        else:
            answer, _ = request(service.socket, {"command": "resync"})
            assert answer.get("ok"), answer
        last = service.wait_run_after(previous)
        statuses[last["status"]] = statuses.get(last["status"], 0) + 1
        if trigger % 100 == 0:
            samples.append(dict(runs=trigger, **proc_sample(service.process.pid)))
    elapsed = time.time() - started
    code = service.stop()
    warm = [s for s in samples if s["runs"] >= 100]
    reports = os.path.join(base, "state", "reports")
    return {"triggers": args.triggers, "pupils": args.soak_pupils,
            "settle_ms": args.soak_settle_ms, "seconds": round(elapsed, 1),
            "statuses": statuses, "samples": samples, "exit_code": code,
            "rss_kib_per_100_runs": round(slope_per_100(warm, "rss_kib"), 1),
            "fds_per_100_runs": round(slope_per_100(warm, "fds"), 3),
            "report_dirs": len(os.listdir(reports)) if os.path.isdir(reports) else 0}


def latency(args, binary, gen):
    base, files, today = fresh_base(args.out, "latency", binary, gen, 1000, 32)
    inbox = os.path.join(base, "inbox")
    drop(inbox, files)
    service = Service(binary, base, args.settle_ms, today)
    last = service.wait_run_after(None)
    seconds = []
    for version in range(1, args.drops + 1):
        previous = last["id"]
        changed = dict(files)
        changed["ElevesSansAdresses.xml"] = with_first_name(files["ElevesSansAdresses.xml"],
                                                            version)
        closed = drop(inbox, changed)
        while True:
            status = service.status()
            current = status.get("last_run") or {}
            report = current.get("report")
            if current.get("id") not in (None, previous) and report and \
                    os.path.exists(os.path.join(report, "report.json")):
                break
            time.sleep(0.005)
        seconds.append(time.perf_counter() - closed)
        last = service.wait_run_after(previous)
    service.stop()
    return {"pupils": 1000, "settle_ms": args.settle_ms, "drops": args.drops,
            "seconds": [round(s, 3) for s in seconds],
            "median": round(statistics.median(seconds), 3), "max": round(max(seconds), 3)}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def status_under_load(args, binary, gen):
    base, files, today = fresh_base(args.out, "status", binary, gen, args.status_pupils, 33,
                                    large=True)
    service = Service(binary, base, args.settle_ms, today)
    drop(os.path.join(base, "inbox"), files)
    while service.status().get("state") != "running":
        time.sleep(0.01)
    run_started = time.perf_counter()
    times, stages = [], {}
    while True:
        answer, seconds = request(service.socket, {"command": "status"})
        if answer.get("state") != "running":
            break
        times.append(seconds)
        stage = (answer.get("run") or {}).get("stage", "?")
        stages[stage] = stages.get(stage, 0) + 1
        time.sleep(0.01)
    run_seconds = time.perf_counter() - run_started
    last = answer.get("last_run") or {}
    service.stop()
    ms = [t * 1000 for t in times]
    return {"pupils": args.status_pupils, "requests": len(ms), "run_seconds": round(run_seconds, 1),
            "run_status": last.get("status"), "stages": stages,
            "p50_ms": round(percentile(ms, 0.50), 2), "p99_ms": round(percentile(ms, 0.99), 2),
            "max_ms": round(max(ms), 2)}


def markdown(results):
    soak_result, lat, load = results["soak"], results["latency"], results["status"]
    lines = [f"Date {results['date']}, commit {results['commit']}, `nproc` {results['nproc']}, "
             f"load average at start {results['loadavg']}.", "",
             f"**Soak**: {soak_result['triggers']} triggers (drops and resyncs alternately) on a "
             f"{soak_result['pupils']}-pupil school, settle {soak_result['settle_ms']} ms, "
             f"{soak_result['seconds']} s; run statuses {soak_result['statuses']}; service exit "
             f"code {soak_result['exit_code']} on SIGTERM.", "",
             "| runs | RSS (KiB) | open fds | threads | zombies |", "|---:|---:|---:|---:|---:|"]
    for s in soak_result["samples"]:
        lines.append(f"| {s['runs']} | {s['rss_kib']} | {s['fds']} | {s['threads']} | "
                     f"{s['zombies']} |")
    lines += ["", f"Growth after warm-up (runs 100 to {soak_result['triggers']}, least squares): "
                  f"RSS {soak_result['rss_kib_per_100_runs']} KiB per 100 runs, "
                  f"fds {soak_result['fds_per_100_runs']} per 100 runs. Report directories "
                  f"left: {soak_result['report_dirs']}.", "",
              f"**Drop to report**: 1 000 pupils, settle {lat['settle_ms']} ms, {lat['drops']} "
              f"drops: median {lat['median']} s, max {lat['max']} s "
              f"(target: settle + 2 s = {lat['settle_ms'] / 1000 + 2} s); each: {lat['seconds']}.",
              "",
              f"**`status` during a {load['pupils']}-pupil run** ({load['run_seconds']} s, "
              f"{load['run_status']}): {load['requests']} requests, p50 {load['p50_ms']} ms, "
              f"p99 {load['p99_ms']} ms, max {load['max_ms']} ms (target p99 < 50 ms); "
              f"answers by stage {load['stages']}."]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("out")
    parser.add_argument("--triggers", type=int, default=1000)
    parser.add_argument("--soak-pupils", type=int, default=200)
    parser.add_argument("--soak-settle-ms", type=int, default=100)
    parser.add_argument("--drops", type=int, default=10)
    parser.add_argument("--settle-ms", type=int, default=2000)
    parser.add_argument("--status-pupils", type=int, default=100000)
    args = parser.parse_args()
    binary = os.path.join(args.build, "daemon", "edusync")
    gen = os.path.join(args.build, "tools", "generator", "edusync-gen")
    args.out = os.path.abspath(args.out)  # the configuration wants absolute paths
    os.makedirs(args.out, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    results = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "commit": commit, "nproc": os.cpu_count(),
               "loadavg": open("/proc/loadavg").read().split()[:3]}
    for name, measure in (("latency", latency), ("status", status_under_load), ("soak", soak)):
        print(f"== {name}", file=sys.stderr, flush=True)
        results[name] = measure(args, binary, gen)
        json.dump(results, open(os.path.join(args.out, "soak.json"), "w"), indent=1)
    summary = markdown(results)
    open(os.path.join(args.out, "soak.md"), "w").write(summary)
    print(summary)


if __name__ == "__main__":
    main()
