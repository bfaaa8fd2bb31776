"""One call made in a forked process, which can be forked before its arguments exist.

A cold build spends most of its time importing reportlab and python-pptx. On two cores
the handout and the deck are made side by side, one in a forked process; forked as soon
as the command line is read, that process imports its writer while this one is still
importing the YAML reader and checking the source, and gets the article when it is
ready (see `build.deck_head_start`).

A bare fork and pipes rather than a process pool: the pool's imports (multiprocessing,
concurrent.futures) took about 30 ms of every build before either output could start.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from mghandout.errors import BuildError
from mghandout.interrupts import forked_worker

T = TypeVar("T")


class Child(Generic[T]):
    """`function(*args)` in a process forked now, after `prepare()` there; `give` the args, then ask `result`."""

    def __init__(self, function: Callable[..., T], *, making: str, prepare: Callable[[], object] | None = None) -> None:
        self.making = making
        """What the call makes, for the error when the process dies: "the handout", "the deck"."""
        job_reader, self._job = os.pipe()
        self._result, result_writer = os.pipe()
        self._sender: Any = None
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns, and never runs the parent's exit handlers
            try:
                forked_worker(parent)
                os.close(self._job)
                os.close(self._result)
                _serve(function, prepare, job_reader, result_writer)
            finally:
                os._exit(0)
        os.close(job_reader)
        os.close(result_writer)

    def give(self, *args: Any) -> None:
        """Send the arguments and return at once: a thread writes what the pipe cannot hold until the child reads."""
        import threading

        data = pickle.dumps(args)

        def send() -> None:
            try:
                with os.fdopen(self._job, "wb") as pipe:
                    pipe.write(data)
            except OSError:  # the child is gone; `result` says so
                pass

        self._sender = threading.Thread(target=send, daemon=True)
        self._sender.start()

    def result(self) -> T:
        """Wait for the call's value, or raise its error here, with where it happened for --debug."""
        with os.fdopen(self._result, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        if self._sender is not None:
            self._sender.join()
        if not data:
            raise BuildError(f"the process making {self.making} stopped without a result (killed, or out of memory?)")
        ok, value, trace = pickle.loads(data)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value from _ChildTraceback(trace)

    def cancel(self) -> None:
        """No arguments will come: end the child now (it may still be importing) and reap it."""
        os.kill(self.pid, signal.SIGKILL)
        if self._sender is None:
            os.close(self._job)
        else:
            self._sender.join()
        os.close(self._result)
        os.waitpid(self.pid, 0)


def _serve(function: Callable[..., Any], prepare: Callable[[], object] | None, jobs: int, results: int) -> None:
    """The child's side: prepare, wait for the arguments, call, and send back the value or the error."""
    try:
        if prepare is not None:
            prepare()
        with os.fdopen(jobs, "rb") as pipe:
            args = pickle.loads(pipe.read())
        outcome: tuple[bool, Any, str] = (True, function(*args), "")
    except BaseException as error:
        import traceback

        outcome = (False, error, traceback.format_exc())
    try:
        data = pickle.dumps(outcome)
    except Exception:  # an error that cannot be pickled still reaches the parent, as text
        data = pickle.dumps((False, BuildError(f"{type(outcome[1]).__name__}: {outcome[1]}"), outcome[2]))
    with os.fdopen(results, "wb") as pipe:
        pipe.write(data)


class _ChildTraceback(Exception):
    """Where an error in a forked process happened: --debug prints it above the error itself."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])
