"""Building one source in two processes gives the same files, and the same errors, as in one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mghandout import build
from mghandout.build import Options, Rendered, render_all
from mghandout.logo import LogoError
from mghandout.model import Article
from mghandout.source import load_article

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def test_split_rendering_gives_the_same_bytes() -> None:
    article = load_article(MINIMAL)
    together = render_all(article, ["pdf", "pptx"], Options())
    split = render_all(article, ["pdf", "pptx"], Options(), split=True)
    assert split == together
    assert split["pdf"][0].startswith(b"%PDF-") and split["pptx"][0].startswith(b"PK")


REAL_RENDER = build.render


def _pdf_fails(article: Article, fmt: str, options: Options) -> Rendered:
    """build.render with a handout that cannot be made (module level: the process pool pickles it by name)."""
    if fmt == "pdf":
        raise LogoError("clinic/logo.png", "the clinic's logo file does not exist", "fix `logo:`")
    return REAL_RENDER(article, fmt, options)


def test_an_error_in_the_forked_renderer_is_reported_as_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The handout renders in the forked process: its error crosses back whole (file, message, hint)."""
    monkeypatch.setattr(build, "render", _pdf_fails)
    with pytest.raises(LogoError, match="logo file does not exist") as caught:
        render_all(load_article(MINIMAL), ["pdf", "pptx"], Options(), split=True)
    assert (caught.value.file, caught.value.hint) == ("clinic/logo.png", "fix `logo:`")


def test_a_forked_renderer_that_dies_is_an_error_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    """The handout's process ends without sending a result (killed, out of memory): the build says so."""

    def dies(article: Article, fmt: str, options: Options) -> Rendered:
        if fmt == "pdf":
            os._exit(9)
        return REAL_RENDER(article, fmt, options)

    monkeypatch.setattr(build, "render", dies)
    with pytest.raises(build.BuildError, match="stopped without a result"):
        render_all(load_article(MINIMAL), ["pdf", "pptx"], Options(), split=True)
