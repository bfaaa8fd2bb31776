"""The `make-handout` command: argument wiring and exit status, nothing more.

Exit status: 0 when everything was built (or checked), 2 for a usage error or an
invalid input file, 1 for anything else. Messages go to stderr in one line each;
a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from mghandout import __version__
from mghandout.build import (
    EDITIONS,
    FORMATS,
    Options,
    Outcome,
    build_all,
    check_output_names,
    check_source,
    deck_head_start,
    find_sources,
    warm_up,
)
from mghandout.errors import InputError, MghandoutError, SourceError, UsageError
from mghandout.model import Brand

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    """The command line, as `make-handout --help` shows it."""
    p = argparse.ArgumentParser(
        prog="make-handout",
        description="Turn a patient-education article (YAML) into a printable PDF handout and a PowerPoint deck.",
        epilog="With no SOURCE, builds every source/*.yaml into output/. Source format: docs/source-format.md.",
        formatter_class=_help_formatter,
    )
    p.add_argument(
        "sources", nargs="*", type=Path, metavar="SOURCE", help="article YAML files (default: source/*.yaml)"
    )
    p.add_argument(
        "-o", "--output", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output)"
    )
    p.add_argument("--format", choices=FORMATS, help="write only this format (default: both)")
    p.add_argument("--paper", choices=("letter", "a4"), default="letter", help="handout paper size (default: letter)")
    p.add_argument("--large-print", action="store_const", const="large-print", dest="edition",
                   help="the handout at 18 pt for low vision, as <topic>-large-print.pdf (= --edition large-print)")
    p.add_argument("--edition", choices=(*EDITIONS, "both"),
                   help="which handout to write: standard, large-print or both (default: standard, or large-print "
                        "when the brand file says large_print: true)")
    p.add_argument(
        "--template", type=Path, metavar="DECK.pptx", help="a PowerPoint file whose masters and layouts style the deck"
    )
    p.add_argument("--brand", type=Path, metavar="FILE.yaml", help="clinic name, phone, website and logo to print")
    p.add_argument("--check", action="store_true",
                   help="validate the sources, report their reading level, and write nothing")
    p.add_argument("--json", action="store_true", help="with --check: print the report as JSON, one object per source")
    p.add_argument("--require-grade", action="store_true",
                   help="with --check: exit 1 when an article reads above its reading_grade target")
    p.add_argument("--force", action="store_true", help="rebuild outputs even when they are up to date")
    p.add_argument("--watch", action="store_true",
                   help="after building, rebuild each source when it is saved (Ctrl-C stops)")
    p.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    p.add_argument("--version", action="version", version=f"make-handout {__version__}")
    return p


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help layout at the terminal's width, asked of the terminal as shutil.get_terminal_size does.

    argparse makes a formatter for every argument added, and its default one imports
    shutil (with bz2 and lzma) for the width: about 3 ms of every run, --check's too.
    """
    try:
        columns = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return argparse.HelpFormatter(prog, width=(columns or 80) - 2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status. Ctrl-C (or SIGTERM) stops it with one line, and no traceback; so does
    a standard output that is closed or full."""
    from mghandout import interrupts

    stdout, sys.stdout = sys.stdout, interrupts.GuardedStdout(sys.stdout)
    terminate = interrupts.stop_on_terminate()
    try:
        return _main(argv)
    except KeyboardInterrupt as error:
        print("make-handout: stopped; every file written is complete", file=sys.stderr)
        return interrupts.interrupted_status(error)
    except interrupts.StdoutFailed as failure:
        return interrupts.stdout_failed(failure, stdout)
    finally:
        sys.stdout = stdout
        interrupts.restore(terminate)


def _main(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.check:
            _check_inputs(args)
        sources = args.sources or find_sources()
        if (args.json or args.require_grade) and not args.check:
            raise UsageError("--json and --require-grade go with --check; add --check")
        if args.check:
            return _checked([check_source(source) for source in sources], as_json=args.json,
                            require_grade=args.require_grade)
        options = _options(args)
        check_output_names(sources, options)
        if args.watch:
            warm_up(options.formats)  # before the first build, so each rebuild's forked process starts warm
        helper = None if args.watch else deck_head_start(sources, options)
        status = _report(build_all(sources, options, helper), check=False, debug=args.debug)
        if args.watch:
            from mghandout.watch import watch

            print("watching for saves; Ctrl-C stops", file=sys.stderr, flush=True)
            watch(sources, options, lambda outcomes: _report(outcomes, check=False, debug=args.debug),
                  every_yaml_in=None if args.sources else Path("source"))
        return status
    except (UsageError, SourceError, InputError) as error:
        print(f"make-handout: error: {error}" if isinstance(error, UsageError) else error, file=sys.stderr)
        return EXIT_INVALID
    except MghandoutError as error:
        print(f"make-handout: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:
        if args.debug:
            import traceback

            traceback.print_exc()
        print(
            f"make-handout: internal error: {type(error).__name__}: {error} (run with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _options(args: argparse.Namespace) -> Options:
    if args.template is not None and not args.template.is_file():
        what = ("is a folder" if args.template.is_dir() else "is not a regular file (a pipe or a device)"
                if args.template.exists() else "no such template file")
        raise UsageError(f"{args.template}: {what}; name an existing .pptx file")
    brand = _brand(args.brand) if args.brand else None
    if args.edition and args.format == "pptx":
        raise UsageError("--large-print and --edition choose an edition of the handout, and the deck is large "
                         "already; leave them out with --format pptx, or build --format pdf")
    return Options(
        output=args.output,
        formats=(args.format,) if args.format else FORMATS,
        paper=args.paper,
        template=args.template,
        brand=brand,
        brand_dir=args.brand.parent if args.brand else None,
        source_date_epoch=_source_date_epoch(),
        force=args.force,
        editions=_editions(args.edition, brand),
    )


def _editions(asked: str | None, brand: Brand | None) -> tuple[str, ...]:
    """The handout editions to write: as asked, else the clinic's brand file's choice, else the standard one."""
    if asked == "both":
        return EDITIONS
    if asked:
        return (asked,)
    return ("large-print",) if brand is not None and brand.large_print else ("standard",)


def _brand(path: Path) -> Brand:
    """The clinic's brand file; its warnings are printed, as a source's are."""
    from mghandout.source import read_brand

    brand, warnings = read_brand(path)
    for warning in warnings:
        print(warning, file=sys.stderr)
    return brand


def _check_inputs(args: argparse.Namespace) -> None:
    """--check refuses the brand and template files, the logo (and SOURCE_DATE_EPOCH) the build would refuse."""
    options = _options(args)
    if options.brand is not None:
        from mghandout.logo import clinic_logo

        clinic_logo(options.brand, options.brand_dir)
    if args.template is not None:
        from mghandout.deck.template import open_template

        open_template(args.template)


def _source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    if not value.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds; unset it or fix it")
    return int(value)


def _checked(outcomes: list[Outcome], *, as_json: bool, require_grade: bool) -> int:
    """Print what --check found: each reading report (text, or one JSON list), then the usual status lines."""
    if as_json:
        import json

        print(json.dumps([_json(outcome) for outcome in outcomes], ensure_ascii=False, indent=2))
    status = EXIT_OK
    for outcome in outcomes:
        if outcome.reading and not as_json:
            print(outcome.reading.as_text())
        status = max(status, _report([outcome], check=not as_json))
        if require_grade and outcome.reading and outcome.reading.met is False:
            print(f"make-handout: error: {outcome.source}: reads above its target grade {outcome.reading.target} "
                  "(--require-grade); see the report", file=sys.stderr)
            status = status or EXIT_FAILED
    return status


def _json(outcome: Outcome) -> dict[str, object]:
    problems = [{"file": p.file, "line": p.line, "column": p.column, "severity": p.severity, "message": p.message,
                 "hint": p.hint} for p in [*outcome.warnings, *outcome.problems]]
    reading = outcome.reading.as_json() if outcome.reading else {"source": str(outcome.source)}
    return {**reading, "valid": not outcome.problems, "problems": problems}


def _report(outcomes: Iterable[Outcome], *, check: bool, debug: bool = False) -> int:
    """Print each source's result as it arrives; return the worst exit status."""
    status = EXIT_OK
    for outcome in outcomes:
        for written in outcome.written:
            print(written, flush=True)
        for path in outcome.skipped:
            print(f"up to date {path}", flush=True)
        for problem in [*outcome.warnings, *outcome.problems]:
            print(problem, file=sys.stderr)
        if outcome.problems:
            status = EXIT_INVALID
        elif outcome.failure:
            if debug and outcome.trace:
                print(outcome.trace, file=sys.stderr, end="")
            print(f"make-handout: error: {outcome.source}: {outcome.failure}", file=sys.stderr)
            status = status or EXIT_FAILED
        elif check:
            print(f"{outcome.source}: ok")
    return status
