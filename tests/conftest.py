"""Fixtures shared by the test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from topics import FIXTURES, LOGO


@pytest.fixture(scope="session")
def brand_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a copy of fixtures/brand.yaml and the logo it names, drawn here so no binary is committed."""
    folder = tmp_path_factory.mktemp("brand")
    shutil.copy(FIXTURES / "brand.yaml", folder / "brand.yaml")
    image = Image.new("RGB", (120, 60), "#0B5A6B")
    image.paste((255, 255, 255), (10, 10, 60, 50))
    image.save(folder / LOGO, format="PNG")
    return folder
