"""Building sources into files: load and check everything, render, then write.

Each source is rendered in full (every requested output, as bytes) before the first
byte reaches the output folder, so an invalid source or a failing writer leaves the
folder as it was. The writers are imported only when something is to be written,
which keeps `--check` free of the PDF and PowerPoint libraries; what only a build needs
(fingerprints, atomic writes) is imported by the functions that build, so `--check`, which
should cost little more than reading the YAML, does not pay for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from mghandout.errors import BuildError, InputError, MghandoutError, Problem, SourceError, UsageError
from mghandout.model import Article, Brand

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from mghandout.child import Child
    from mghandout.reading.report import Report

FORMATS = ("pdf", "pptx")
EDITIONS = ("standard", "large-print")
"""The handout's editions: the standard one, and one at 18 pt for low vision (the deck is large already)."""
LARGE_PRINT = "pdf-large-print"
"""The large-print handout as an output of its own: its own file, fingerprint and report line."""
UNITS = {"pdf": "pages", LARGE_PRINT: "pages", "pptx": "slides"}
Rendered = tuple[bytes, int]
"""An output's bytes and its page or slide count."""


class Options(msgspec.Struct, frozen=True, kw_only=True):
    """What the command line asked for, resolved once for every source.

    This and the other records here are msgspec structs, not dataclasses: each dataclass
    took about a millisecond of every run (--check included) to define.
    """

    output: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    paper: str = "letter"
    template: Path | None = None
    brand: Brand | None = None
    brand_dir: Path | None = None
    source_date_epoch: int | None = None
    force: bool = False
    editions: tuple[str, ...] = ("standard",)

    @property
    def outputs(self) -> tuple[str, ...]:
        """Each output to make of a source: the handout once per edition, and the deck."""
        if "pdf" not in self.formats:
            return self.formats
        handouts = tuple({"standard": "pdf", "large-print": LARGE_PRINT}[edition] for edition in self.editions)
        return (*handouts, *(fmt for fmt in self.formats if fmt != "pdf"))

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


class Written(msgspec.Struct, frozen=True):
    """A file the build wrote, as reported to the user."""

    path: Path
    count: int
    unit: str
    size: int

    def __str__(self) -> str:
        unit = self.unit.removesuffix("s") if self.count == 1 else self.unit
        return f"wrote {self.path}  {self.count} {unit}  {_size(self.size)}"


class Outcome(msgspec.Struct):
    """What happened to one source: files written, problems in it, or a failure."""

    source: Path
    written: list[Written] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)
    warnings: list[Problem] = msgspec.field(default_factory=list)
    skipped: list[Path] = msgspec.field(default_factory=list)
    stamps: dict[str, dict[str, object]] = msgspec.field(default_factory=dict)
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
    """One output of one article (a format, or the large-print handout), as bytes and a page or slide count."""
    when = build_date(article, options.source_date_epoch)
    if fmt in ("pdf", LARGE_PRINT):
        from mghandout.handout import render_pdf

        return render_pdf(article, paper=options.paper, brand=options.brand, brand_dir=options.brand_dir, when=when,
                          large_print=fmt == LARGE_PRINT)
    from mghandout.deck import render_pptx

    return render_pptx(article, template=options.template, brand=options.brand, brand_dir=options.brand_dir, when=when)


def output_paths(source: Path, options: Options) -> dict[str, Path]:
    """Where each output of `source` goes: output/<topic>.<format>, and output/<topic>-large-print.pdf."""
    return {fmt: options.output / _file_name(source.stem, fmt) for fmt in options.outputs}


def _file_name(stem: str, fmt: str) -> str:
    return f"{stem}-large-print.pdf" if fmt == LARGE_PRINT else f"{stem}.{fmt}"


def check_output_names(sources: list[Path], options: Options) -> None:
    """Refuse two sources that would write the same output (a/x.yaml and b/x.yaml, x.yaml and x.yml, one file twice).

    Built side by side, either could end up in the output folder, and nothing would say so.
    Names are compared regardless of case, as the file systems of Windows and macOS compare them.
    """
    first: dict[str, Path] = {}
    for source in sources:
        stem = source.stem.casefold()
        if stem not in first:
            first[stem] = source
            continue
        other = first[stem]
        names = " and ".join(str(path.name) for path in output_paths(source, options).values())
        if other.resolve() == source.resolve():
            raise UsageError(f"{source} is named twice; name each source once")
        raise UsageError(f"{other} and {source} would both write {names} in {options.output}; rename one of them, "
                         "or build them one at a time into different folders with -o")


def render_all(
    article: Article, formats: list[str], options: Options, *, split: bool = False, helper: Helper | None = None
) -> dict[str, Rendered]:
    """Every requested output of one article; with `split`, one of them in a forked process beside the other.

    The two writers share nothing but the article, and each spends most of its time
    importing its library and laying out, so on two cores one build takes about as
    long as the slower of them. `helper` is a process forked earlier for one format
    (`deck_head_start`); without one, `split` forks one now for the handout.
    """
    if helper is None and split and len(formats) > 1 and side_by_side():
        from mghandout.child import Child

        helper = Helper(formats[0], Child(_render, making=_MAKING[formats[0]]))
    if helper is None or helper.format not in formats:
        if helper is not None:
            helper.child.cancel()
        return {fmt: render(article, fmt, options) for fmt in formats}
    helper.child.give(article, helper.format, options)
    try:
        here = {fmt: render(article, fmt, options) for fmt in formats if fmt != helper.format}
    except Exception:
        with contextlib.suppress(Exception):
            helper.child.result()  # reap the child; this process's own error is the one to report
        raise
    except BaseException:  # Ctrl-C: the child's output is not wanted
        helper.child.cancel()
        raise
    there = helper.child.result()
    return {fmt: there if fmt == helper.format else here[fmt] for fmt in formats}


class Helper(msgspec.Struct, frozen=True):
    """A forked process waiting to render one format of the source about to be built."""

    format: str
    child: Child[Rendered]


_MAKING = {"pdf": "the handout", LARGE_PRINT: "the large-print handout", "pptx": "the deck"}


def side_by_side() -> bool:
    """Whether this machine can make outputs in forked processes at once: two cores or more, and fork.

    Windows has no fork; there every output is made in this process, one after the other.
    """
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def _render(article: Article, fmt: str, options: Options) -> Rendered:
    """`render`, looked up when called (the child is forked before its work is known, and tests replace it)."""
    return render(article, fmt, options)


def deck_head_start(sources: list[Path], options: Options) -> Helper | None:
    """The deck's process for a build of one source, forked before the source is read, when both formats are built.

    The deck takes longer than the handout (python-pptx's import, then every slide), so
    its process is forked as soon as the command line is read: it imports python-pptx
    and parses the default template while this one imports the YAML reader, reads and
    checks the source; then it gets the article. This module imports no YAML reader
    itself for that reason. An invalid or up-to-date source ends the process unused.
    """
    if len(sources) != 1 or len(options.formats) < 2 or "pptx" not in options.formats or not side_by_side():
        return None
    from mghandout.child import Child

    return Helper("pptx", Child(_render, making=_MAKING["pptx"], prepare=lambda: warm_up(("pptx",))))


def build_source(
    source: Path,
    options: Options,
    stamps: dict[str, dict[str, object]] | None = None,
    *,
    split: bool = False,
    helper: Helper | None = None,
) -> Outcome:
    """Load, render every stale output, then write them; never raises for a bad source.

    `split` renders the outputs in two processes: for a build of one source (a batch
    already keeps both cores busy, one source per process). `helper`, forked earlier
    for one format, is used, or ended when the source turns out bad or up to date.
    """
    from mghandout.freshness import is_fresh, stamp
    from mghandout.output import write_all_atomic
    from mghandout.source import read_article

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
        given, helper = helper, None  # render_all ends it, whatever happens
        rendered = render_all(article, list(stale), options, split=split, helper=given)
        write_all_atomic({stale[fmt]: data for fmt, (data, _) in rendered.items()})  # both, or neither
        pictures = _pictures(article)
        for fmt, (data, count) in rendered.items():
            outcome.written.append(Written(stale[fmt], count, UNITS[fmt], len(data)))
            outcome.stamps[stale[fmt].name] = stamp(stale[fmt], prints[fmt], pictures)
    except SourceError as error:
        outcome.problems = error.problems
    except InputError as error:
        outcome.problems = [Problem(error.file, error.message, error.hint)]
    except MghandoutError as error:
        outcome.failure = str(error)
    except Exception as error:  # a bug: reported for this source, the others still build
        import traceback

        outcome.failure = f"internal error: {type(error).__name__}: {error}"
        outcome.trace = traceback.format_exc()
    finally:
        if helper is not None:
            helper.child.cancel()
    return outcome


def _pictures(article: Article) -> tuple[Path, ...]:
    """The picture files the article's figures place (their paths resolved by the loader)."""
    from mghandout.images import figures

    return tuple(Path(figure.image) for figure in figures(article))


def _fingerprints(source: Path, targets: dict[str, Path], options: Options) -> dict[str, str]:
    from mghandout.freshness import fingerprint
    from mghandout.source import MAX_BYTES

    try:  # a source too large to build is not read here either (the loader refuses it by its size)
        data = source.read_bytes() if source.is_file() and source.stat().st_size <= MAX_BYTES else b""
    except OSError:
        data = b""
    return {fmt: fingerprint(data, fmt, options.settings, options.inputs) for fmt in targets}


def check_source(source: Path) -> Outcome:
    """Validate one source, write nothing, and report its reading level (advice, never a problem)."""
    from mghandout.advice import slide_advice
    from mghandout.reading.analyse import analyse
    from mghandout.source import read_article_located

    outcome = Outcome(source)
    try:
        article, outcome.warnings, starts = read_article_located(source)
    except SourceError as error:
        outcome.problems = error.problems
        return outcome
    outcome.reading = analyse(str(source), article, starts, source.read_text("utf-8-sig").splitlines())
    outcome.warnings += slide_advice(str(source), article, starts)
    return outcome


def build_all(sources: list[Path], options: Options, helper: Helper | None = None) -> Iterator[Outcome]:
    """Build each source, on every core when there are several, reporting in the given order.

    The fingerprints of what was written are saved once, at the end, by this process only,
    merged into those other builds saved meanwhile. `helper`, a process forked for one
    format of a single source, renders it.
    """
    from mghandout.freshness import read_stamps, save_stamps

    stamps = read_stamps(options.output)
    if len(sources) < 2 or not side_by_side():
        outcomes: Iterator[Outcome] = (
            build_source(source, options, stamps, split=True, helper=helper if index == 0 else None)
            for index, source in enumerate(sources)
        )
    else:
        outcomes = _parallel(sources, options, stamps)
    written: dict[str, dict[str, object]] = {}
    try:
        for outcome in outcomes:
            written.update(outcome.stamps)
            yield outcome
    finally:  # also when stopped by Ctrl-C: what was written is recorded
        if written:
            save_stamps(options.output, written)


def _parallel(sources: list[Path], options: Options, stamps: dict[str, dict[str, object]]) -> Iterator[Outcome]:
    warm_up(options.formats)
    pool = _forked_pool(min(len(sources), os.cpu_count() or 1))
    try:
        yield from pool.map(build_source, sources, [options] * len(sources), [stamps] * len(sources))
    finally:  # on Ctrl-C the workers finish the source they are writing, and start no other
        pool.shutdown(wait=True, cancel_futures=True)


def warm_up(formats: Iterable[str]) -> None:
    """Import the writers and parse their fonts here, so every process forked from this one starts warm.

    A batch's workers, and the handout's process of each rebuild under --watch, are forked
    from this process; without this each would import reportlab or python-pptx and parse
    the fonts and python-pptx's template again (about 0.3 s of CPU each).
    """
    if "pdf" in formats:
        from mghandout.handout import render_pdf  # noqa: F401  (loaded for the processes forked later)
        from mghandout.handout.fonts import font_set

        font_set(False).primary, font_set(True).primary  # the other fonts load in a process that needs them
    if "pptx" in formats:
        from mghandout.deck import render_pptx  # noqa: F401  (loaded for the processes forked later)
        from mghandout.deck.measure import width
        from mghandout.deck.writer import open_template

        width("", 1.0), width("", 1.0, bold=True), open_template(None)


def _forked_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes forked from this one, so they start with its imports and parsed fonts, and die with it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from mghandout.interrupts import forked_worker

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=forked_worker, initargs=(os.getpid(),))


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
