"""Hostile and huge inputs (issue 24): time and peak memory of `make-handout` as an input's shape grows.

Generates, in a scratch folder, sources of one long paragraph, many sections and a long table
at 1x and 4x, and pictures and templates that used to take gigabytes, then builds each with
the command (both outputs, --force) and prints wall time, the 4x/1x ratio (linear is about 4;
the target is under 6) and the peak memory of the largest process. Run from the project:

    python bench/hostile.py [--scale 1.0]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
WORDS = "magnesium muscle cramps happen when the body lacks minerals and nerves fire too often so eat greens".split()


def paragraph(size: int) -> str:
    chance, out, length = random.Random(1), [], 0
    while length < size:
        sentence = " ".join(chance.choice(WORDS) for _ in range(chance.randint(8, 20))).capitalize() + "."
        out.append(sentence)
        length += len(sentence) + 1
    return MINIMAL.replace("- paragraph: One paragraph.", "- paragraph: " + " ".join(out))


def sections(count: int) -> str:
    head, tail = MINIMAL.split("sections:\n")
    body = "".join(f"  - title: Section number {n}\n    blocks:\n      - paragraph: Paragraph {n} says one thing.\n"
                   for n in range(count))
    return head + "sections:\n" + body + "conclusion:" + tail.split("conclusion:", 1)[1]


def table(rows: int) -> str:
    body = "".join(f'            - ["Food {n}", "{n} mg", "Eat it often"]\n' for n in range(rows))
    block = f"      - table:\n          header: [Food, Magnesium, Advice]\n          rows:\n{body}"
    return MINIMAL.replace("      - paragraph: One paragraph.\n", block)


def png(path: Path, side: int) -> Path:
    """A grey PNG of side x side pixels, written a row at a time."""
    squeeze, data = zlib.compressobj(9), bytearray()
    for _ in range(side):
        data += squeeze.compress(b"\x00" + b"\x80" * side)
    data += squeeze.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", bytes(data)) + chunk(b"IEND", b""))
    return path


def run(args: list[str], cwd: Path) -> tuple[float, int, int]:
    """Seconds, exit status and the peak memory (MB) of the largest process of `make-handout ARGS`."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run([sys.executable, '-m', 'mghandout', *sys.argv[1:]], capture_output=True); "
            "print(time.perf_counter() - t, r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, status, peak = out.stdout.split()
    return float(seconds), int(status), int(peak) // 1024


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--scale", type=float, default=1.0, help="multiply every size (default 1.0)")
    scale = options.parse_args().scale
    work = Path(tempfile.mkdtemp(prefix="mghandout-hostile-"))
    try:
        shapes = [("one paragraph, characters", paragraph, 50_000), ("sections", sections, 500),
                  ("table rows", table, 250)]
        print(f"{'input':<28}{'1x':>10}{'4x':>10}{'ratio':>8}{'peak 4x':>10}")
        for name, make, size in shapes:
            times = []
            for factor in (1, 4):
                source = work / f"s{factor}.yaml"
                source.write_text(make(int(size * scale * factor)), encoding="utf-8")
                seconds, status, peak = run([str(source), "-o", str(work / "out"), "--force"], work)
                assert status == 0, (name, factor, status)
                times.append(seconds)
            label = f"{name} {int(size * scale):,}"
            print(f"{label:<28}{times[0]:>9.2f}s{times[1]:>9.2f}s{times[1] / times[0]:>8.2f}{peak:>7} MB")
        (work / "brand.yaml").write_text("clinic: Riverside\nphone: 555 0100\nlogo: big.png\n", encoding="utf-8")
        png(work / "big.png", 12000)
        seconds, status, peak = run([str(ROOT / "tests/fixtures/minimal.yaml"), "--brand", str(work / "brand.yaml"),
                                     "-o", str(work / "out"), "--force"], work)
        print(f"{'logo 12000x12000 grey PNG':<28}{seconds:>9.2f}s{'':>18}{peak:>7} MB  (exit {status})")
        import pptx

        template = shutil.copy(Path(pptx.__file__).parent / "templates" / "default.pptx", work / "t.pptx")
        info = zipfile.ZipInfo("ppt/media/unused.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(template, "a") as package, package.open(info, "w", force_zip64=True) as entry:
            for _ in range(64):
                entry.write(bytes(1 << 24))
        seconds, status, peak = run([str(ROOT / "tests/fixtures/minimal.yaml"), "--template", str(template),
                                     "-o", str(work / "out"), "--force"], work)
        print(f"{'template, 1 GB unused part':<28}{seconds:>9.2f}s{'':>18}{peak:>7} MB  (exit {status})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"python {sys.version.split()[0]}, peak memory of this script {own} MB, {time.strftime('%Y-%m-%d')}")


if __name__ == "__main__":
    main()
