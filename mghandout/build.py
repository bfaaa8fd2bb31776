"""Building sources into files: load and check everything, render, then write.

Each source is rendered in full (every requested output, as bytes) before the first
byte reaches the output folder, so an invalid source or a failing writer leaves the
folder as it was. The writers are imported only when something is to be written,
which keeps `--check` free of the PDF and PowerPoint libraries.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mghandout.errors import BuildError, InputError, MghandoutError, Problem, SourceError, UsageError
from mghandout.model import Article, Brand
from mghandout.output import write_atomic
from mghandout.source import load_article

FORMATS = ("pdf", "pptx")
UNITS = {"pdf": "pages", "pptx": "slides"}


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


@dataclass(frozen=True)
class Written:
    """A file the build wrote, as reported to the user."""

    path: Path
    count: int
    unit: str
    size: int

    def __str__(self) -> str:
        return f"wrote {self.path}  {self.count} {self.unit}  {_size(self.size)}"


@dataclass
class Outcome:
    """What happened to one source: files written, problems in it, or a failure."""

    source: Path
    written: list[Written] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failure: str = ""
    trace: str = ""


def build_date(article: Article, source_date_epoch: int | None) -> dt.datetime:
    """The date stamped in outputs: SOURCE_DATE_EPOCH when given, else the article's own date."""
    if source_date_epoch is not None:
        return dt.datetime.fromtimestamp(source_date_epoch, tz=dt.timezone.utc)
    return dt.datetime.combine(article.date, dt.time(), tzinfo=dt.timezone.utc)


def render(article: Article, fmt: str, options: Options) -> tuple[bytes, int]:
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


def build_source(source: Path, options: Options) -> Outcome:
    """Load, render every output, then write them; never raises for a bad source."""
    outcome = Outcome(source)
    try:
        article = load_article(source)
        targets = output_paths(source, options)
        rendered = {fmt: render(article, fmt, options) for fmt in targets}
        for fmt, (data, count) in rendered.items():
            write_atomic(targets[fmt], data)
            outcome.written.append(Written(targets[fmt], count, UNITS[fmt], len(data)))
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


def check_source(source: Path) -> Outcome:
    """Validate one source and write nothing."""
    outcome = Outcome(source)
    try:
        load_article(source)
    except SourceError as error:
        outcome.problems = error.problems
    return outcome


def build_all(sources: list[Path], options: Options) -> Iterator[Outcome]:
    """Build each source, on every core when there are several, reporting in the given order."""
    if len(sources) < 2 or (os.cpu_count() or 1) < 2:
        yield from (build_source(source, options) for source in sources)
        return
    yield from _parallel(sources, options)


def _parallel(sources: list[Path], options: Options) -> Iterator[Outcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import mghandout.deck  # noqa: F401  imported before forking, so workers share the loaded fonts
    import mghandout.handout  # noqa: F401

    context = multiprocessing.get_context("fork")
    workers = min(len(sources), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(build_source, sources, [options] * len(sources))


def find_sources(folder: Path = Path("source")) -> list[Path]:
    """The default sources: every YAML file in source/."""
    sources = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not sources:
        raise UsageError(f"no sources found in {folder}/; name a SOURCE file, or run from the folder that holds source/")
    return sources


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"


__all__ = ["FORMATS", "BuildError", "Options", "Outcome", "Written", "build_all", "build_source", "check_source"]
