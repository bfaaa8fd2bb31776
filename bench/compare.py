#!/usr/bin/env python3
"""make-handout against pandoc, pandoc + WeasyPrint and check-jsonschema, measured side by side (issues 7, 17).

Run from the repository root:

    .venv/bin/python bench/compare.py              # 7 interleaved rounds
    .venv/bin/python bench/compare.py --rounds 15  # more rounds

What it does:

1. Writes the article as Markdown, generated from the YAML source through the model
   (`mghandout.source.load_article`), into a temporary folder, with 24 copies of the
   YAML source under distinct names for the batch.
2. Finds pandoc (installs it with apt-get when missing and allowed) and WeasyPrint
   (on PATH, else in bench/.venv, else installs it there with pip), and prints versions.
3. Runs N interleaved rounds (the order rotates every round) of:
     cold     make-handout SRC --force -o TMP            (PDF and deck, one fresh process)
     check    make-handout SRC --check
     pptx     pandoc article.md -o x.pptx
     html     pandoc article.md -s -o x.html
     weasy    weasyprint x.html x.pdf
     batch24  make-handout SRC1 ... SRC24 --force -o TMP (one call)
     floor    python -c 'yaml.load(SRC, CSafeLoader)'     (this venv's Python reading the YAML: the floor)
     schema   check-jsonschema --schemafile article.schema.json SRC
   after one untimed warm-up round.
4. Measures `--watch`: make-handout SRC --watch runs in the background; the source is saved
   (rewritten with a changed comment) N times, a second apart, and each time the script polls
   until both outputs are rewritten; the figure is the time from the save to the second file.
5. Prints the medians, the ratios of issue 17 (and the memory target of issue 7) with
   PASS/FAIL, and the machine.

Peak memory of the batch is measured in separate runs (so the sampling does not slow the
timed ones): a thread samples every process in the batch's process tree every few
milliseconds from /proc and sums their RSS; the figure is the highest sum seen, i.e. the
peak of all processes alive together. Two cross-checks are printed: the sum of every
process's own peak (VmHWM; an upper bound, since the processes need not peak together)
and the largest single process as /usr/bin/time -v reports it. RSS counts pages shared
between the parent and its forked workers once per process, so the sum is conservative;
the PSS sum (shared pages divided among sharers) is printed too.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PYTHON = ROOT / ".venv" / "bin" / "python"
DEFAULT_SOURCE = ROOT / "source" / "magnesium-muscle-contractions.yaml"
SCHEMA = ROOT / "mghandout" / "schema" / "article.schema.json"
BENCH_VENV = Path(os.environ.get("BENCH_VENV", ROOT / "bench" / ".venv"))

try:  # the Markdown is generated from the model, so the project must be importable
    from mghandout.model import Foods, Paragraph, Table, TermList
    from mghandout.source import load_article
except ImportError:
    if PROJECT_PYTHON.exists() and Path(sys.executable).resolve() != PROJECT_PYTHON.resolve():
        os.execv(str(PROJECT_PYTHON), [str(PROJECT_PYTHON), __file__, *sys.argv[1:]])
    raise

TARGETS = {  # issue 17 (the memory target is issue 7's)
    "cold": 0.25,
    "check_floor": 2.5,
    "check_schema": 0.5,
    "extra": 1.0,
    "watch_s": 0.3,
    "memory_mb": 300.0,
}
FLOOR = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
"""The least any checker written in this Python can do: start, import PyYAML, read the file."""


# --------------------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~^])")


def md(text: str) -> str:
    """Text as literal Markdown: every character pandoc could read as markup is escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article_markdown(source: Path) -> str:
    """The whole article as pandoc Markdown, walked from the model in reading order."""
    a = load_article(source)
    out: list[str] = [
        "---",
        f"title: {yaml_string(a.title)}",
        f"lang: {a.language}",
        f"date: {a.date.isoformat()}",
    ]
    if a.author:
        out.append(f"author: {yaml_string(a.author)}")
    out += ["---", "", md(a.summary), ""]
    out += ["# Introduction", ""]
    for paragraph in a.introduction:
        out += [md(paragraph), ""]
    out += ["# Key Points", ""]
    for point in a.key_points:
        out.append(f"- **{md(point.title)}:** {md(point.text)}")
    out.append("")
    for section in a.sections:
        out += [f"# {md(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                out += [md(block.paragraph), ""]
            elif isinstance(block, TermList):
                out += [f"- **{md(t.term)}:** {md(t.text)}" for t in block.terms] + [""]
            elif isinstance(block, Foods):
                if block.foods.intro:
                    out += [md(block.foods.intro), ""]
                for group in block.foods.groups:
                    out.append(f"- **{md(group.group)}:** " + ", ".join(md(i) for i in group.items))
                out.append("")
            elif isinstance(block, Table):
                table = block.table
                out.append("| " + " | ".join(md(h) for h in table.header) + " |")
                out.append("|" + "|".join("---" for _ in table.header) + "|")
                for row in table.rows:
                    out.append("| " + " | ".join(md(c) for c in row) + " |")
                out.append("")
                if table.caption:
                    out += [f"Table: {md(table.caption)}", ""]
            else:  # a new block kind: fail loudly rather than drop content from the comparison
                raise SystemExit(f"bench: unknown block {type(block).__name__}; teach article_markdown() about it")
    out += [f"# {md(a.conclusion.title)}", ""]
    for paragraph in a.conclusion.paragraphs:
        out += [md(paragraph), ""]
    if a.faq:
        out += ["# Frequently Asked Questions", ""]
        for q in a.faq:
            out += [f"## {md(q.question)}", "", md(q.answer), ""]
    if a.references:
        out += ["# References", ""]
        for i, ref in enumerate(a.references, 1):
            out.append(f"{i}. {md(ref.text)}" + (f" <{ref.url}>" if ref.url else ""))
        out.append("")
    out += [f"# {md(a.disclaimer.title)}", "", md(a.disclaimer.text), ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- tools


def run_quiet(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def find_pandoc() -> str:
    pandoc = shutil.which("pandoc")
    if pandoc is None and shutil.which("apt-get") and os.geteuid() == 0:
        print("bench: pandoc not found; installing it with apt-get", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "pandoc"], check=False)
        pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise SystemExit("bench: pandoc not found; install it (Debian/Ubuntu: sudo apt-get install pandoc)")
    return pandoc


def find_weasyprint() -> str:
    """WeasyPrint on PATH, else in BENCH_VENV, else pip-installed there (never into the project)."""
    found = shutil.which("weasyprint")
    if found:
        return found
    exe = BENCH_VENV / "bin" / "weasyprint"
    if not exe.exists():
        print(f"bench: installing WeasyPrint into {BENCH_VENV}", flush=True)
        if not (BENCH_VENV / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(BENCH_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "weasyprint"], check=True)
    return str(exe)


def find_check_jsonschema() -> str:
    """check-jsonschema beside this Python (the project's `bench` extra), on PATH, else pip-installed in BENCH_VENV."""
    for candidate in (Path(sys.executable).parent / "check-jsonschema", BENCH_VENV / "bin" / "check-jsonschema"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("check-jsonschema")
    if found:
        return found
    print(f"bench: installing check-jsonschema into {BENCH_VENV}", flush=True)
    if not (BENCH_VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    subprocess.run([str(BENCH_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "check-jsonschema"], check=True)
    return str(BENCH_VENV / "bin" / "check-jsonschema")


def find_make_handout() -> str:
    for candidate in (ROOT / ".venv" / "bin" / "make-handout", Path(sys.executable).parent / "make-handout"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("make-handout")
    if found is None:
        raise SystemExit("bench: make-handout not found; run: python3 -m venv .venv && .venv/bin/pip install -e .")
    return found


def first_line(cmd: list[str]) -> str:
    result = run_quiet(cmd)
    return (result.stdout or result.stderr).strip().splitlines()[0]


def machine() -> list[str]:
    model = "unknown"
    mem = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        pass
    return [
        f"CPU     {model}, {os.cpu_count()} cores{', ' + mem if mem else ''}",
        f"OS      {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python  {platform.python_version()} ({sys.executable})",
    ]


# --------------------------------------------------------------------------- memory


def _ppid_map() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return parents


def _tree(root: int) -> list[int]:
    parents = _ppid_map()
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        tree += frontier
    return tree


def _status_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in KiB; zeros once it is gone."""
    rss = hwm = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    except OSError:
        pass
    return rss, hwm


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_memory(cmd: list[str], interval: float = 0.005) -> dict[str, float]:
    """Run cmd under /usr/bin/time -v (when present) and sample its whole process tree."""
    time_v = Path("/usr/bin/time")
    full = [str(time_v), "-v", *cmd] if time_v.exists() else cmd
    proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    hwm: dict[int, int] = {}
    processes: set[int] = set()
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            # /usr/bin/time itself is not part of the build: measure below it
            pids = [p for p in _tree(proc.pid) if not (time_v.exists() and p == proc.pid)]
            rss = pss = 0
            for pid in pids:
                r, h = _status_kb(pid)
                if r:
                    processes.add(pid)
                    rss += r
                    pss += _pss_kb(pid)
                    hwm[pid] = max(hwm.get(pid, 0), h)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd[:3])} ... failed:\n{err}")
    largest = 0.0
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    if match:
        largest = int(match.group(1)) * 1024 / 1e6
    return {
        "rss_sum": peak_rss * 1024 / 1e6,
        "pss_sum": peak_pss * 1024 / 1e6,
        "hwm_sum": sum(hwm.values()) * 1024 / 1e6,
        "largest": largest,
        "processes": len(processes),
    }


# --------------------------------------------------------------------------- timing


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds (user + system, the command and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"bench: command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns


def measure_watch(make_handout: list[str], source: Path, folder: Path, saves: int) -> list[float]:
    """Seconds from each save of a watched source until both of its outputs have been rewritten."""
    folder.mkdir()
    watched = folder / "watched.yaml"
    text = source.read_text(encoding="utf-8")
    watched.write_text(text, encoding="utf-8")
    outputs = [folder / "out" / "watched.pdf", folder / "out" / "watched.pptx"]
    proc = subprocess.Popen(
        [*make_handout, str(watched), "-o", str(folder / "out"), "--watch"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    watching = threading.Event()

    def drain() -> None:  # read stderr so the watcher never blocks on a full pipe
        for line in proc.stderr or ():
            if line.startswith("watching for saves"):
                watching.set()

    threading.Thread(target=drain, daemon=True).start()
    latencies = []
    try:
        if not watching.wait(60):
            raise SystemExit("bench: make-handout --watch did not start watching within 60 s")
        for index in range(saves):
            time.sleep(1.0)  # a save a second, as an editor types and saves
            before = [_file_state(path) for path in outputs]
            start = time.perf_counter()
            watched.write_text(f"{text}\n# save {index}\n", encoding="utf-8")
            while any(_file_state(path) == old for path, old in zip(outputs, before, strict=True)):
                if time.perf_counter() - start > 20:
                    raise SystemExit("bench: make-handout --watch did not rewrite both outputs within 20 s of a save")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - start)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return latencies


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", "-n", type=int, default=7, help="interleaved timed rounds (default 7)")
    ap.add_argument("--batch", type=int, default=24, help="sources in the batch call (default 24)")
    ap.add_argument("--memory-runs", type=int, default=3, help="separate sampled batch runs for memory (default 3)")
    ap.add_argument("--watch-saves", type=int, default=7, help="saves of a watched source to time (default 7)")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the article YAML (default: the magnesium one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    ap.add_argument(
        "--rev",
        metavar="REV",
        help="benchmark the package as committed at this git revision (e.g. HEAD), exported to the temporary "
        "folder and run with the project's Python, instead of the working tree",
    )
    args = ap.parse_args()
    # Time what a user runs: an installed package has its bytecode cached, so let the warm-up round write it
    # (with PYTHONDONTWRITEBYTECODE set, every run would compile each changed module again, 5-10 ms apiece).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    tmp = Path(tempfile.mkdtemp(prefix="mghandout-bench-"))
    make_handout = [find_make_handout()]
    where = make_handout[0]
    if args.rev:
        tree = tmp / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev, "mghandout"], capture_output=True)
        if archive.returncode != 0:
            raise SystemExit(f"bench: git archive {args.rev} failed: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        commit = run_quiet(["git", "-C", str(ROOT), "rev-parse", "--short", args.rev]).stdout.strip()
        # PYTHONPATH comes before the editable install's finder, so the exported tree is what runs
        os.environ["PYTHONPATH"] = str(tree)
        make_handout = [str(PROJECT_PYTHON if PROJECT_PYTHON.exists() else sys.executable), "-m", "mghandout"]
        where = f"git {args.rev} = {commit}, run as python -m mghandout"
    pandoc = find_pandoc()
    weasyprint = find_weasyprint()
    check_jsonschema = find_check_jsonschema()
    python = str(PROJECT_PYTHON if PROJECT_PYTHON.exists() else sys.executable)

    print("== machine")
    for line in machine():
        print(line)
    print("== tools")
    print(f"make-handout  {first_line([*make_handout, '--version'])}  ({where})")
    print(f"pandoc        {first_line([pandoc, '--version'])}  ({pandoc})")
    print(f"weasyprint    {first_line([weasyprint, '--version'])}  ({weasyprint})")
    print(f"check-jsonschema {first_line([check_jsonschema, '--version'])}  ({check_jsonschema})")
    print(f"floor         {python} -c \"{FLOOR}\"")

    try:
        source = args.source.resolve()
        markdown = tmp / f"{source.stem}.md"
        markdown.write_text(article_markdown(source), encoding="utf-8")
        batch_dir = tmp / "batch-src"
        batch_dir.mkdir()
        batch_sources = []
        for i in range(1, args.batch + 1):
            copy = batch_dir / f"{source.stem}-{i:02d}.yaml"
            shutil.copyfile(source, copy)
            batch_sources.append(str(copy))
        out_single, out_batch, peer = tmp / "out-single", tmp / "out-batch", tmp / "peer"
        for d in (out_single, out_batch, peer):
            d.mkdir()
        html = peer / "article.html"

        commands: dict[str, list[str]] = {
            "cold": [*make_handout, str(source), "--force", "-o", str(out_single)],
            "check": [*make_handout, str(source), "--check"],
            "pptx": [pandoc, str(markdown), "-o", str(peer / "article.pptx")],
            "html": [pandoc, str(markdown), "-s", "-o", str(html)],
            "weasy": [weasyprint, str(html), str(peer / "article.pdf")],
            "batch": [*make_handout, *batch_sources, "--force", "-o", str(out_batch)],
            "floor": [python, "-c", FLOOR, str(source)],
            "schema": [check_jsonschema, "--schemafile", str(SCHEMA), str(source)],
        }
        labels = {
            "cold": "make-handout SRC --force (PDF + deck)",
            "check": "make-handout SRC --check",
            "pptx": "pandoc md -o x.pptx",
            "html": "pandoc md -s -o x.html",
            "weasy": "weasyprint x.html x.pdf",
            "batch": f"make-handout {args.batch} sources --force",
            "floor": "floor: python + PyYAML C loader reads SRC",
            "schema": "check-jsonschema --schemafile schema SRC",
        }
        print(
            f"== article: {source.name} -> {markdown.stat().st_size:,} bytes of Markdown; "
            f"{args.rounds} rounds + 1 warm-up, interleaved"
        )

        # html must precede weasy in each round (weasy reads it); the rest rotate.
        units = [["cold"], ["check"], ["pptx"], ["html", "weasy"], ["batch"], ["floor"], ["schema"]]
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        start_load = load_average()
        for rnd in range(args.rounds + 1):
            shift = rnd % len(units)
            for unit in units[shift:] + units[:shift]:
                for name in unit:
                    elapsed, cpu = timed(commands[name])
                    if rnd > 0:
                        times[name].append(elapsed)
                        cpus[name].append(cpu)
            if rnd > 0:
                print(
                    f"   round {rnd}/{args.rounds}: " + "  ".join(f"{n} {times[n][-1]:.3f}" for n in commands),
                    flush=True,
                )

        end_load = load_average()
        med = {name: statistics.median(values) for name, values in times.items()}
        print("== medians in seconds: wall clock (min, max), and CPU time (user + system, all processes)")
        for name in commands:
            values = times[name]
            print(
                f"{labels[name]:<42} {med[name]:7.3f}  ({min(values):.3f}, {max(values):.3f})"
                f"   cpu {statistics.median(cpus[name]):7.3f}"
            )
        busy = start_load != "unknown" and float(start_load.split()[0]) > 0.5
        print(
            f"load average (1, 5, 15 min): {start_load} before the rounds, {end_load} after"
            + ("  -- other work was running: wall-clock figures are noisy" if busy else "")
        )

        memory = [measure_memory(commands["batch"]) for _ in range(args.memory_runs)]
        worst = max(memory, key=lambda m: m["rss_sum"])
        watch = measure_watch(make_handout, source, tmp / "watch", args.watch_saves)

        def ratios(t: dict[str, float]) -> dict[str, tuple[float, str]]:
            peers = t["pptx"] + t["html"] + t["weasy"]
            extra = (t["batch"] - t["cold"]) / (args.batch - 1)
            return {
                "cold": (t["cold"] / peers, f"{t['cold']:.3f} / {peers:.3f}"),
                "check_floor": (t["check"] / t["floor"], f"{t['check']:.3f} / {t['floor']:.3f}"),
                "check_schema": (t["check"] / t["schema"], f"{t['check']:.3f} / {t['schema']:.3f}"),
                "extra": (extra / t["pptx"], f"{extra:.3f} / {t['pptx']:.3f}"),
            }

        labels_r = {
            "cold": "cold both outputs / (pandoc pptx + pandoc html + weasyprint)",
            "check_floor": "check / floor (python + PyYAML C loader)",
            "check_schema": "check / check-jsonschema",
            "extra": f"(batch{args.batch} - single) / {args.batch - 1} / pandoc pptx",
        }
        of_medians = ratios(med)
        of_minima = ratios({name: min(values) for name, values in times.items()})
        of_cpu = ratios({name: statistics.median(values) for name, values in cpus.items()})
        print("== issue 17 targets (ratios of the medians; in brackets, of the minima, the least disturbed runs,")
        print("   and of the CPU medians: steadier on a busy machine; equal to wall clock for one process when idle)")
        for key, (value, detail) in of_medians.items():
            verdict = "PASS" if value <= TARGETS[key] else "FAIL"
            print(
                f"{verdict}  {labels_r[key]:<62} {value:6.3f}x  (target <= {TARGETS[key]}x; {detail})"
                f"  [minima: {of_minima[key][0]:.3f}x; cpu: {of_cpu[key][0]:.3f}x]"
            )
        verdict = "PASS" if statistics.median(watch) <= TARGETS["watch_s"] else "FAIL"
        print(
            f"{verdict}  {'--watch: save to both outputs rewritten':<62} {statistics.median(watch):6.3f} s  "
            f"(target <= {TARGETS['watch_s']} s; median of {len(watch)} saves, "
            f"min {min(watch):.3f}, max {max(watch):.3f})"
        )
        verdict = "PASS" if worst["rss_sum"] < TARGETS["memory_mb"] else "FAIL"
        print(
            f"{verdict}  {'peak memory of the ' + str(args.batch) + '-source batch':<62} "
            f"{worst['rss_sum']:6.1f} MB (target < {TARGETS['memory_mb']:.0f} MB)"
        )
        print(
            f"      = highest sum of RSS over all {worst['processes']} processes of the batch alive together "
            f"(sampled every 5 ms, worst of {args.memory_runs} runs)"
        )
        print(
            f"      cross-checks: PSS sum {worst['pss_sum']:.1f} MB; sum of each process's own peak (VmHWM, "
            f"upper bound) {worst['hwm_sum']:.1f} MB; largest single process (/usr/bin/time -v) "
            f"{worst['largest']:.1f} MB"
        )
        if args.keep:
            print(f"== kept {tmp}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
