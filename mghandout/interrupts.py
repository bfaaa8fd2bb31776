"""Stopping a build: Ctrl-C, `kill` and a closed output end it in one line, and never leave a process behind.

A batch runs in worker processes, and a single build makes one output in a forked
process. The terminal sends Ctrl-C to all of them: the workers ignore it, finish the
file they are writing (each is written atomically) and are told no more, while this
process stops and says so in one line (exit status 130). A `kill` (SIGTERM) of this
process ends it the same way (143). When this process dies at once (SIGKILL, out of
memory), the kernel ends every process it forked (Linux's parent-death signal), so
none goes on writing outputs or holds the caller's pipe open. When what reads the
report goes away (`make-handout | head -1`) or cannot take it (`> /dev/full`), the
build stops as for Ctrl-C: quietly with status 141 for a closed pipe, as a program
ended by SIGPIPE, or with one line on stderr and status 1 for a full device.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

EXIT_INTERRUPTED = 130
"""128 + SIGINT, what shells report for a command stopped by Ctrl-C."""
_PR_SET_PDEATHSIG = 1


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where this process is, so `finally` blocks (temporary files) run as for Ctrl-C."""

    status = 128 + signal.SIGTERM


def stop_on_terminate() -> Any:
    """Make SIGTERM stop this process as Ctrl-C does (its cleanups run), rather than at once; the handler it
    replaces, for `restore` (None when it cannot be set: not the main thread)."""
    def terminated(signum: int, frame: object) -> None:
        raise Terminated

    try:
        return signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread (the command run inside another program): leave SIGTERM as it is
        return None


def restore(handler: Any) -> None:
    """SIGTERM handled as before `stop_on_terminate` (the command may run inside another program, tests too)."""
    if handler is not None:
        signal.signal(signal.SIGTERM, handler)


def forked_worker(parent: int) -> None:
    """In a process just forked from the command (`parent`, its pid): die with it, leave Ctrl-C and SIGTERM to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when `parent`, which forked it, dies (Linux; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the signal was asked for: it will never come
        os._exit(1)


def interrupted_status(error: KeyboardInterrupt) -> int:
    """The exit status for Ctrl-C (130) or SIGTERM (143)."""
    return getattr(error, "status", EXIT_INTERRUPTED)


EXIT_PIPE_CLOSED = 128 + 13
"""128 + SIGPIPE, what shells report for a command whose reader went away."""


class StdoutFailed(BaseException):
    """Standard output cannot be written: stop the build (not an error of the source being built, which `except
    Exception` would report as one)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror)
        self.error = error


class GuardedStdout:
    """Standard output whose write errors stop the build (`StdoutFailed`), whatever print raised them."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self.stream.write(text))
        except OSError as error:
            raise StdoutFailed(error) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise StdoutFailed(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def stdout_failed(failure: StdoutFailed, stream: Any) -> int:
    """Say why the report stopped (nothing for a reader that went away), silence `stream` (standard output) so
    Python's own flush at exit finds somewhere to write, and give the exit status."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass
    if isinstance(failure.error, BrokenPipeError):
        return EXIT_PIPE_CLOSED
    print(f"make-handout: error: cannot write to standard output: {failure.error.strerror}", file=sys.stderr)
    return 1
