"""Building sources into files: load and check everything, render, then write.

Each source is rendered in full (every requested output, as bytes) before the first
byte reaches the output folder, so an invalid source or a failing writer leaves the
folder as it was. The writers are imported only when something is to be written,
which keeps `--check` free of the PDF and PowerPoint libraries.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mghandout.errors import BuildError, InputError, MghandoutError, Problem, SourceError, UsageError
from mghandout.freshness import STAMPS, fingerprint, is_fresh, read_stamps, stamp
from mghandout.model import Article, Brand
from mghandout.output import write_atomic
from mghandout.source import read_article

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from mghandout.reading.report import Report

FORMATS = ("pdf", "pptx")
UNITS = {"pdf": "pages", "pptx": "slides"}
Rendered = tuple[bytes, int]
"""An output's bytes and its page or slide count."""


@dataclass(frozen=True)
class Options:
    """What the command line asked for, resolved once for every source."""

    output: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    paper: str = "letter"
    template: Path | None = None
    brand: Brand | None = None
    brand_dir: Path | None = None
    source_date_epoch: int | None = None
    force: bool = False

    @property
    def settings(self) -> str:
        """Every option that changes an output's bytes, as text for its fingerprint."""
        brand = self.brand.model_dump_json() if self.brand else ""
        return f"{self.paper}|{self.source_date_epoch}|{brand}"

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Files besides the source whose bytes change the outputs."""
        logo = self.brand_dir / self.brand.logo if self.brand and self.brand.logo and self.brand_dir else None
        return tuple(path for path in (self.template, logo) if path is not None and path.is_file())


@dataclass(frozen=True)
class Written:
    """A file the build wrote, as reported to the user."""

    path: Path
    count: int
    unit: str
    size: int

    def __str__(self) -> str:
        unit = self.unit.removesuffix("s") if self.count == 1 else self.unit
        return f"wrote {self.path}  {self.count} {unit}  {_size(self.size)}"


@dataclass
class Outcome:
    """What happened to one source: files written, problems in it, or a failure."""

    source: Path
    written: list[Written] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    stamps: dict[str, dict[str, object]] = field(default_factory=dict)
    failure: str = ""
    trace: str = ""
    reading: Report | None = None
    """The reading-level report, from --check."""


def build_date(article: Article, source_date_epoch: int | None) -> dt.datetime:
    """The date stamped in outputs: SOURCE_DATE_EPOCH when given, else the article's own date."""
    if source_date_epoch is not None:
        return dt.datetime.fromtimestamp(source_date_epoch, tz=dt.timezone.utc)
    return dt.datetime.combine(article.date, dt.time(), tzinfo=dt.timezone.utc)


def render(article: Article, fmt: str, options: Options) -> Rendered:
    """One output of one article, as bytes and a page or slide count."""
    when = build_date(article, options.source_date_epoch)
    if fmt == "pdf":
        from mghandout.handout import render_pdf

        return render_pdf(article, paper=options.paper, brand=options.brand, brand_dir=options.brand_dir, when=when)
    from mghandout.deck import render_pptx

    return render_pptx(article, template=options.template, brand=options.brand, brand_dir=options.brand_dir, when=when)


def output_paths(source: Path, options: Options) -> dict[str, Path]:
    """Where each output of `source` goes: output/<topic>.<format>."""
    return {fmt: options.output / f"{source.stem}.{fmt}" for fmt in options.formats}


def render_all(article: Article, formats: list[str], options: Options, *, split: bool = False) -> dict[str, Rendered]:
    """Every requested output of one article; with `split`, the handout in a forked process beside the deck.

    The two writers share nothing but the article, and each spends most of its time
    importing its library and laying out, so on two cores one build takes about as
    long as the slower of them. Forked, so the child has the article without pickling it.
    """
    if not split or len(formats) < 2 or (os.cpu_count() or 1) < 2:
        return {fmt: render(article, fmt, options) for fmt in formats}
    with _forked_pool(1) as pool:
        first = pool.submit(render, article, formats[0], options)
        rest = {fmt: render(article, fmt, options) for fmt in formats[1:]}
        return {formats[0]: first.result(), **rest}


def build_source(
    source: Path, options: Options, stamps: dict[str, dict[str, object]] | None = None, *, split: bool = False
) -> Outcome:
    """Load, render every stale output, then write them; never raises for a bad source.

    `split` renders the outputs in two processes: for a build of one source (a batch
    already keeps both cores busy, one source per process).
    """
    outcome = Outcome(source)
    try:
        targets = output_paths(source, options)
        prints = _fingerprints(source, targets, options)
        stale = {
            fmt: path for fmt, path in targets.items() if options.force or not is_fresh(path, prints[fmt], stamps or {})
        }
        outcome.skipped = [path for fmt, path in targets.items() if fmt not in stale]
        if not stale:
            return outcome
        article, outcome.warnings = read_article(source)
        rendered = render_all(article, list(stale), options, split=split)
        for fmt, (data, count) in rendered.items():
            write_atomic(stale[fmt], data)
            outcome.written.append(Written(stale[fmt], count, UNITS[fmt], len(data)))
            outcome.stamps[stale[fmt].name] = stamp(stale[fmt], prints[fmt])
    except SourceError as error:
        outcome.problems = error.problems
    except InputError as error:
        outcome.problems = [Problem(error.file, error.message, error.hint)]
    except MghandoutError as error:
        outcome.failure = str(error)
    except Exception as error:  # a bug: reported for this source, the others still build
        outcome.failure = f"internal error: {type(error).__name__}: {error}"
        outcome.trace = traceback.format_exc()
    return outcome


def _fingerprints(source: Path, targets: dict[str, Path], options: Options) -> dict[str, str]:
    try:
        data = source.read_bytes() if source.is_file() else b""
    except OSError:
        data = b""
    return {fmt: fingerprint(data, fmt, options.settings, options.inputs) for fmt in targets}


def check_source(source: Path) -> Outcome:
    """Validate one source, write nothing, and report its reading level (advice, never a problem)."""
    from mghandout.reading.analyse import analyse
    from mghandout.source import read_article_located

    outcome = Outcome(source)
    try:
        article, outcome.warnings, starts = read_article_located(source)
    except SourceError as error:
        outcome.problems = error.problems
        return outcome
    outcome.reading = analyse(str(source), article, starts, source.read_text("utf-8-sig").splitlines())
    return outcome


def build_all(sources: list[Path], options: Options) -> Iterator[Outcome]:
    """Build each source, on every core when there are several, reporting in the given order.

    The fingerprints of what was written are saved once, at the end, by this process only.
    """
    stamps = read_stamps(options.output)
    if len(sources) < 2 or (os.cpu_count() or 1) < 2:
        outcomes: Iterator[Outcome] = (build_source(source, options, stamps, split=True) for source in sources)
    else:
        outcomes = _parallel(sources, options, stamps)
    written = False
    for outcome in outcomes:
        stamps.update(outcome.stamps)
        written = written or bool(outcome.stamps)
        yield outcome
    if written:
        write_atomic(options.output / STAMPS, json.dumps(stamps, indent=1, sort_keys=True).encode())


def _parallel(sources: list[Path], options: Options, stamps: dict[str, dict[str, object]]) -> Iterator[Outcome]:
    from mghandout.deck.measure import width
    from mghandout.handout.fonts import font_set

    # Loaded before forking, so every worker shares the libraries and the parsed fonts.
    font_set(False), font_set(True), width("", 1.0), width("", 1.0, bold=True)

    with _forked_pool(min(len(sources), os.cpu_count() or 1)) as pool:
        yield from pool.map(build_source, sources, [options] * len(sources), [stamps] * len(sources))


def _forked_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes forked from this one, so they start with its imports and the loaded article."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def find_sources(folder: Path = Path("source")) -> list[Path]:
    """The default sources: every YAML file in source/."""
    sources = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not sources:
        raise UsageError(
            f"no sources found in {folder}/; name a SOURCE file, or run from the folder that holds source/"
        )
    return sources


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"


__all__ = ["FORMATS", "BuildError", "Options", "Outcome", "Written", "build_all", "build_source", "check_source"]
