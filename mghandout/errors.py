"""Problems as values: what an editor reads when a source is wrong.

A problem carries its file, line and column so every message can be printed the way
compilers print theirs (`FILE:LINE:COL: error: what; how to fix`), which editors and
terminals turn into a jump to the spot.
"""

from __future__ import annotations

import msgspec


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with an input file, and how to fix it.

    A msgspec struct, not a dataclass, like every record `--check` makes: the dataclasses
    module imports `inspect` (with `ast`, `dis`, `tokenize`), about 12 ms of every run.
    """

    file: str
    message: str
    hint: str = ""
    line: int | None = None
    column: int | None = None
    severity: str = "error"
    """`error` stops the build; `warning` is printed and the build goes on."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: {self.message}" + (f"; {self.hint}" if self.hint else "")
        return " ".join(text.splitlines())  # one problem, one line: tools read them line by line


class MghandoutError(Exception):
    """Base of the errors the command reports in one line, without a traceback."""


class SourceError(MghandoutError):
    """An input file is invalid; holds every problem found in it, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


class InputError(MghandoutError, ValueError):
    """A file named on the command line (template, logo) cannot be used (exit status 2)."""

    def __init__(self, file: str, message: str, hint: str = "") -> None:
        super().__init__(str(Problem(file, message, hint)))
        self.file, self.message, self.hint = file, message, hint

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str]]:
        """Picklable, so an error raised while rendering in another process reaches the report intact."""
        return type(self), (self.file, self.message, self.hint)


class UsageError(MghandoutError):
    """The command line asks for something that cannot be done (exit status 2)."""


class BuildError(MghandoutError):
    """A valid source could not be built or written (exit status 1)."""
