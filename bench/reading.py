#!/usr/bin/env python3
"""What the reading report costs `make-handout --check` (issue 16), in figures.

Run from the repository root:

    .venv/bin/python bench/reading.py              # 30 rounds
    .venv/bin/python bench/reading.py --rounds 60 SOURCE.yaml ...

Prints, per source (default: the bundled article):
  - load            read_article, as a build loads it (median, in this process)
  - load+starts     read_article_located: the same, noting where each text starts
  - report cold     in a fresh process with the article loaded: importing mghandout.reading,
                    the syllable table and word lists, the first analysis (what --check pays)
(wall and CPU time: on a busy machine CPU time is the steadier figure). Child processes run with
Python's bytecode cache on (in a temporary folder), as an installed package would, even where
PYTHONDONTWRITEBYTECODE is set: without it every run compiles mghandout from source (~10 ms more).
  - report warm     analyse again in the same process (median)
  - table load      reading the CMU syllable table (part of report cold, once per process)
  - text, json      the two forms
and, for the first source, whole commands run interleaved N times (medians):
  `make-handout SRC --check` against `check-jsonschema --schemafile <our schema> SRC`
(on PATH or in bench/.venv; skipped when absent), with the ratio and the issue's 0.75 target.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "source" / "magnesium-muscle-contractions.yaml"
SCHEMA = ROOT / "mghandout" / "schema" / "article.schema.json"
BENCH_VENV = Path(os.environ.get("BENCH_VENV", ROOT / "bench" / ".venv"))
TARGET_RATIO = 0.75
CHILD_ENV = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": os.path.join(tempfile.gettempdir(), "mghandout-bench-pycache"),
}
"""The environment of the timed processes: bytecode cached, as after `pip install`."""

sys.path.insert(0, str(ROOT))
from mghandout.reading.analyse import analyse  # noqa: E402
from mghandout.reading.syllables import _table  # noqa: E402
from mghandout.source import read_article, read_article_located  # noqa: E402

COLD = """
import sys, time
from pathlib import Path
from mghandout.source import read_article_located
path = Path(sys.argv[1])
article, _, starts = read_article_located(path)
lines = path.read_text("utf-8").splitlines()
start, cpu = time.perf_counter(), time.process_time()
from mghandout.reading.analyse import analyse
analyse(str(path), article, starts, lines).as_text()
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def median_ms(action: Callable[[], object], rounds: int) -> tuple[float, float]:
    """The median wall and CPU time of `action`, in milliseconds."""
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def cold_ms(source: Path, rounds: int) -> tuple[float, float]:
    """The report's wall and CPU cost in a fresh process, imports and tables included (medians of `rounds`)."""
    subprocess.run([sys.executable, "-c", COLD, str(source)], capture_output=True, check=True, cwd=ROOT,
                   env=CHILD_ENV)  # untimed: fills the bytecode cache
    runs = [
        [float(value) for value in subprocess.run([sys.executable, "-c", COLD, str(source)], capture_output=True,
                                                  text=True, check=True, cwd=ROOT, env=CHILD_ENV).stdout.split()]
        for _ in range(rounds)
    ]
    return statistics.median(r[0] for r in runs) * 1000, statistics.median(r[1] for r in runs) * 1000


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def per_source(source: Path, rounds: int) -> None:
    """Print the in-process figures for one source."""
    article, _, starts = read_article_located(source)
    lines = source.read_text("utf-8").splitlines()
    report = analyse(str(source), article, starts, lines)
    figures = {
        "load": median_ms(lambda: read_article(source), rounds),
        "load+starts": median_ms(lambda: read_article_located(source), rounds),
        "report cold": cold_ms(source, max(rounds // 3, 5)),
        "report warm": median_ms(lambda: analyse(str(source), article, starts, lines), rounds),
        "table load": median_ms(_table.__wrapped__, rounds),
        "text": median_ms(report.as_text, rounds),
        "json": median_ms(report.as_json, rounds),
    }
    print(f"{source.relative_to(ROOT) if source.is_relative_to(ROOT) else source}: "
          f"{report.counts.words} words, {report.counts.sentences} sentences")
    print(f"  {'':<12} {'wall':>7}    {'CPU':>7}")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:<12} {wall:7.2f} ms {cpu:7.2f} ms")


def commands(source: Path, rounds: int) -> None:
    """Time make-handout --check against check-jsonschema on the same file, interleaved."""
    checker = shutil.which("check-jsonschema") or next(
        (str(p) for p in [BENCH_VENV / "bin" / "check-jsonschema"] if p.exists()), None)
    runs: dict[str, list[float]] = {"make-handout --check": []}
    cpu: dict[str, list[float]] = {"make-handout --check": []}
    argv = {"make-handout --check": [sys.executable, "-m", "mghandout", str(source), "--check"]}
    if checker:
        runs["check-jsonschema"], cpu["check-jsonschema"] = [], []
        argv["check-jsonschema"] = [checker, "--schemafile", str(SCHEMA), str(source)]
    for name in argv:  # one untimed warm-up each (it also fills the bytecode cache)
        subprocess.run(argv[name], capture_output=True, cwd=ROOT, env=CHILD_ENV)
    for _ in range(rounds):
        for name in argv:
            start, start_cpu = time.perf_counter(), children_cpu()
            subprocess.run(argv[name], capture_output=True, cwd=ROOT, check=True, env=CHILD_ENV)
            runs[name].append(time.perf_counter() - start)
            cpu[name].append(children_cpu() - start_cpu)
    medians = {name: statistics.median(times) * 1000 for name, times in runs.items()}
    cpu_medians = {name: statistics.median(times) * 1000 for name, times in cpu.items()}
    for name, value in medians.items():
        print(f"  {name:<22} {value:7.1f} ms wall, {cpu_medians[name]:7.1f} ms CPU (medians of {rounds})")
    if checker:
        ratio = medians["make-handout --check"] / medians["check-jsonschema"]
        cpu_ratio = cpu_medians["make-handout --check"] / cpu_medians["check-jsonschema"]
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(f"  ratio {ratio:.2f} wall, {cpu_ratio:.2f} CPU (target at most {TARGET_RATIO}): {verdict}")
    else:
        print("  check-jsonschema not found (pip install check-jsonschema, or into bench/.venv): no ratio")


def main() -> None:
    """Parse the arguments and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[DEFAULT_SOURCE])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    for source in args.sources:
        per_source(source.resolve(), args.rounds)
    print(f"whole commands on {args.sources[0]}:")
    commands(args.sources[0].resolve(), max(args.rounds // 3, 5))
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
