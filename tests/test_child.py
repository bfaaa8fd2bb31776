"""A call in a forked process: its value or its error comes back whole, and it is never left behind."""

from __future__ import annotations

import os
import time

import pytest
from readback import no_children_left

from mghandout.child import Child
from mghandout.errors import BuildError, InputError



PREPARED: list[int] = []


def _prepare() -> None:
    PREPARED.append(os.getpid())


def _total(numbers: list[int], scale: int) -> int:
    return sum(numbers) * scale


def _prepared_total(numbers: list[int], scale: int) -> tuple[list[int], int, int]:
    return PREPARED, os.getpid(), _total(numbers, scale)


def _fails(file: str) -> None:
    raise InputError(file, "the clinic's logo file does not exist", "fix `logo:`")


def _sleep() -> None:
    time.sleep(30)


def test_the_value_comes_back_after_prepare_ran_in_the_child() -> None:
    child: Child[tuple[list[int], int, int]] = Child(_prepared_total, making="the sum", prepare=_prepare)
    child.give(list(range(100)), 2)
    prepared, pid, total = child.result()
    assert (prepared, total) == ([pid], 9900)
    assert pid != os.getpid() and PREPARED == []
    assert no_children_left()


def test_arguments_larger_than_a_pipe_holds_do_not_wait_for_the_child() -> None:
    """The child is still preparing (importing) when the article is given: giving must not block."""
    child: Child[int] = Child(_total, making="the sum", prepare=lambda: time.sleep(0.5))
    started = time.perf_counter()
    child.give(list(range(200_000)), 1)  # about 1 MB pickled: 16 times a Linux pipe's buffer
    assert time.perf_counter() - started < 0.3
    assert child.result() == sum(range(200_000))


def test_an_error_in_the_child_is_raised_here_as_itself() -> None:
    child: Child[None] = Child(_fails, making="the handout")
    child.give("clinic/logo.png")
    with pytest.raises(InputError, match="logo file does not exist") as caught:
        child.result()
    assert (caught.value.file, caught.value.hint) == ("clinic/logo.png", "fix `logo:`")
    assert "_fails" in str(caught.value.__cause__)  # where it happened, for --debug


def test_a_child_that_dies_is_an_error_naming_what_it_made() -> None:
    child: Child[None] = Child(os._exit, making="the deck")
    child.give(9)
    with pytest.raises(BuildError, match="the process making the deck stopped without a result"):
        child.result()
    assert no_children_left()


def test_cancel_ends_a_child_still_preparing_and_reaps_it() -> None:
    child: Child[None] = Child(_sleep, making="the deck", prepare=_sleep)
    started = time.perf_counter()
    child.cancel()
    assert time.perf_counter() - started < 5
    assert no_children_left()


def test_cancel_after_the_arguments_were_given() -> None:
    child: Child[None] = Child(_sleep, making="the deck")
    child.give()
    child.cancel()
    assert no_children_left()
