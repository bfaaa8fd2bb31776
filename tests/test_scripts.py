"""Handouts and decks in Chinese, Korean, Arabic and Hindi (issue 25), read back as a patient and a presenter would.

A clinic's short article in each language (tests/fixtures: a table, a food list, a
callout, questions) is built once, both outputs, and read back: every font embedded,
each document in its script's one face, every word of the source in the PDF's text,
`/Lang` and every language tag of the deck that language, no English fixed word, the
PDF/UA-1 profile passing; the deck names the script's face in its font slot, Arabic
paragraphs run right to left. Then the rules underneath, each on its own: which face a
language gets, where a Chinese line may break, the visual order of a right to left line,
and an English build paying nothing for any of it. (LibreOffice lays out these decks
in tests/test_deck_render.py, with every fixture.)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import page
import pytest
from lxml import etree
from pypdf import PdfReader
from readback import FIXTURES, ROOT, deck_parts, deck_texts, pdf_pages, run, squash
from test_languages import english_in, pdf_strings

from mghandout.deck.measure import sentences, words, wrap
from mghandout.handout.shaping import visual_order
from mghandout.labels import BUILT_IN
from mghandout.model import iter_texts
from mghandout.scripts import break_units, join_sentences, script_for
from mghandout.source import load_article

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
ARTICLE_DIR = FIXTURES / "scripts"
"""Apart from the other fixtures: the generic render and completeness checks read words with pdfplumber,
which keeps an Arabic line in drawing order and cuts a Chinese line where the font changes."""
ARTICLES = {"zh-Hans": "chinese", "ko": "korean", "ar": "arabic", "hi": "hindi"}
FACES = {"zh-Hans": "NotoSansSC", "ko": "NotoSansKR", "ar": "NotoSansArabic", "hi": "NotoSansDevanagari"}
SLOTS = {"zh-Hans": ("ea", "Noto Sans CJK SC"), "ko": ("ea", "Noto Sans CJK KR"), "ar": ("cs", "Noto Sans Arabic"),
         "hi": ("cs", "Noto Sans Devanagari")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The four articles built in one run: {language: (handout, deck)}."""
    out = tmp_path_factory.mktemp("scripts")
    result = run(*(str(ARTICLE_DIR / f"{name}.yaml") for name in ARTICLES.values()), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    return {language: (out / f"{name}.pdf", out / f"{name}.pptx") for language, name in ARTICLES.items()}


@pytest.fixture(params=list(ARTICLES))
def language(request: pytest.FixtureRequest) -> str:
    return request.param


def pdf_text(path: Path) -> str:
    """The handout's text as a reader copies it: in reading order, and in drawing order (a table cell's
    lines together)."""
    reading = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                             check=True).stdout
    return reading + "\n".join(pdf_pages(path))


def marked_text(path: Path) -> str:
    """The text the handout gives for what it draws (`/ActualText`): of each shaped word in the page content,
    and of each structure element a screen reader reads.

    For Arabic this is the text to read: pdftotext puts a right to left line in reading
    order glyph by glyph, and so turns each word's `/ActualText`, already in reading order,
    back to front (poppler reorders the replacement text as if it were glyphs).
    """
    plain = path.with_suffix(".qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), str(plain)], check=True)
    spans = [bytes.fromhex(value.decode()).decode("utf-16") for value in
             re.findall(rb"/ActualText <([0-9A-Fa-f]+)>", plain.read_bytes())]
    return "\n".join(spans + pdf_strings(path))


def readable(path: Path, language: str) -> str:
    return marked_text(path) if script_for(language).rtl else pdf_text(path)


def test_every_font_is_embedded_and_the_text_is_in_the_scripts_face(built: dict, language: str) -> None:
    listing = subprocess.run(["pdffonts", str(built[language][0])], capture_output=True, text=True, check=True).stdout
    fonts = [line.split() for line in listing.splitlines()[2:]]
    assert fonts and all(row[-5:-3] == ["yes", "yes"] for row in fonts), listing
    names = {row[0].split("+")[1] for row in fonts}
    assert any(name.startswith(f"{FACES[language]}-Regular") for name in names), names
    assert any(name.startswith(f"{FACES[language]}-Bold") for name in names), "a real bold face, not a smear"
    assert all(name.startswith((FACES[language], "Inter")) for name in names), names


def unmarked(text: str) -> str:
    """Arabic without its optional vowel marks (tanween, harakat): pdftotext may put a mark that shares its
    letter's glyph before the letter; a screen reader reads the structure tree's text, which keeps them."""
    return re.sub(r"[\u064b-\u065f\u0670]", "", text)


def test_every_word_of_the_source_is_in_the_pdf_text(built: dict, language: str) -> None:
    article = load_article(ARTICLE_DIR / f"{ARTICLES[language]}.yaml")
    text = squash(readable(built[language][0], language))
    missing = [word for source in iter_texts(article) for word in source.split()
               if unmarked(squash(word.strip(".,:;()؛،"))) not in unmarked(text)]
    assert not missing, missing[:10]


def test_each_shaped_word_is_marked_with_its_letters_in_reading_order(built: dict) -> None:
    """pdftotext honours `/ActualText`: the Hindi comes back as written (a vowel sign drawn before its
    consonant, conjuncts), and the Arabic words are there letter for letter."""
    article = load_article(ARTICLE_DIR / "hindi.yaml")
    text = squash(subprocess.run(["pdftotext", "-enc", "UTF-8", str(built["hi"][0]), "-"], capture_output=True,
                                 text=True, check=True).stdout)
    for source in iter_texts(article):
        for sentence in sentences(source):
            assert squash(sentence) in text or len(sentence) > 60, sentence
    spans = set(marked_text(built["ar"][0]).split())
    arabic = {word.strip(".,:;()؛،") for source in iter_texts(load_article(ARTICLE_DIR / "arabic.yaml"))
              for word in source.split()}
    assert len(spans & arabic) > 100


def test_the_handout_and_every_deck_tag_say_the_language(built: dict, language: str) -> None:
    assert PdfReader(str(built[language][0])).trailer["/Root"]["/Lang"] == language
    parts = deck_parts(built[language][1])
    for name, xml in parts.items():
        assert set(re.findall(r' lang="([^"]*)"', xml)) <= {language}, name
    slides = [xml for name, xml in parts.items() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)]
    assert all(f' lang="{language}"' in xml for xml in slides)


def test_no_english_fixed_word_in_either_output(built: dict, language: str) -> None:
    handout, deck = built[language]
    assert english_in("\n".join(pdf_pages(handout))) == []
    slides, notes = deck_texts(deck)
    assert english_in("\n".join(["\n".join(texts) for texts in slides] + notes)) == []
    labels = BUILT_IN["zh" if language == "zh-Hans" else language]
    assert squash(labels.key_points) in squash(readable(handout, language))


def test_the_handout_passes_pdf_ua1(built: dict, language: str) -> None:
    report = page.validate_pdf_bytes(built[language][0].read_bytes(), profile="ua1")
    assert report.is_compliant, [f"{failure.rule_id}: {failure.message}" for failure in report.failures[:10]]


def test_every_deck_run_names_the_scripts_face(built: dict, language: str) -> None:
    slot, family = SLOTS[language]
    for name, xml in deck_parts(built[language][1]).items():
        if not re.fullmatch(r"ppt/(slides|notesSlides)/\w+\.xml", name):
            continue
        root = etree.fromstring(xml.encode("utf-8"))
        assert all(p.find(f"{A}pPr") is not None and p.find(f"{A}pPr").get("hangingPunct") == "0"
                   for p in root.iter(f"{A}p")), f"{name}: a paragraph may hang its punctuation past its box"
        for properties in root.iter(f"{A}rPr", f"{A}endParaRPr"):
            font = properties.find(f"{A}{slot}")
            assert font is not None and font.get("typeface") == family, name
            order = [child.tag.split("}")[1] for child in properties]
            assert order == sorted(order, key=["ln", "noFill", "solidFill", "latin", "ea", "cs", "sym",
                                               "hlinkClick"].index), f"{name}: {order} is out of the schema's order"


def test_arabic_deck_paragraphs_and_tables_run_right_to_left(built: dict) -> None:
    parts = deck_parts(built["ar"][1])
    slides = {name: etree.fromstring(xml.encode("utf-8")) for name, xml in parts.items()
              if re.fullmatch(r"ppt/(slides|notesSlides)/\w+\.xml", name)}
    paragraphs = [p for root in slides.values() for p in root.iter(f"{A}p") if "".join(p.itertext()).strip()]
    assert paragraphs
    for p in paragraphs:
        properties = p.find(f"{A}pPr")
        assert properties is not None and properties.get("rtl") == "1" and properties.get("algn") in ("r", "ctr")
    tables = [table for root in slides.values() for table in root.iter(f"{A}tblPr")]
    assert tables and all(table.get("rtl") == "1" for table in tables)
    chinese = deck_parts(built["zh-Hans"][1])["ppt/slides/slide2.xml"]
    assert 'rtl="1"' not in chinese


def test_the_arabic_handout_reads_from_the_right(built: dict) -> None:
    """The title's letters, taken from the right edge leftwards, spell its first words; it starts at the
    right margin, and nothing is printed within half an inch of the edge."""
    import pdfplumber

    with pdfplumber.open(built["ar"][0]) as pdf:
        first = pdf.pages[0]
        chars = [c for c in first.chars if c["text"].strip() and c["text"] != "\u200b"]
        top = min(c["top"] for c in chars)
        title = sorted((c for c in chars if abs(c["top"] - top) < 4), key=lambda c: -c["x0"])
        right_margin = max(c["x1"] for c in chars)
    assert "".join(c["text"] for c in title).startswith(squash("شرب الماء")), "".join(c["text"] for c in title)
    assert max(c["x1"] for c in title) > float(first.width) * 0.9, "the title starts at the right margin"
    assert min(c["x0"] for c in title) > float(first.width) * 0.15, "and ends short of the left one"
    assert right_margin <= float(first.width) - 0.5 * 72 + 0.01


def test_the_faces_the_decks_name_are_installed() -> None:
    """LibreOffice lays these decks out with the faces they name (`.ci/run` installs fonts-noto-cjk and
    fonts-noto-core); without them it would fall back to another face and the test below would mean little."""
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    for _, family in SLOTS.values():
        assert family in listing, f"{family} is not installed: apt install fonts-noto-cjk fonts-noto-core"


@pytest.fixture(scope="module")
def rendered(built: dict, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list, list]]:
    """Each deck as LibreOffice lays it out: {language: (its slides' shapes, its pages' characters)}."""
    import pdfplumber
    from pptx import Presentation
    from test_deck_render import convert, shapes_of

    folder = tmp_path_factory.mktemp("rendered")
    found = {}
    for language, (_, deck) in built.items():
        with pdfplumber.open(convert(deck, folder)) as pdf:
            pages = [(float(p.width), float(p.height), [c for c in p.chars if c["text"].strip()]) for p in pdf.pages]
        found[language] = ([shapes_of(slide) for slide in Presentation(str(deck)).slides], pages)
    return found


def test_libreoffice_draws_every_glyph_inside_its_shape_on_its_slide(rendered: dict, language: str) -> None:
    shapes, pages = rendered[language]
    assert len(pages) == len(shapes)
    slack = 1.0
    for number, ((width, height, chars), boxes) in enumerate(zip(pages, shapes, strict=True), start=1):
        assert chars, f"slide {number} is blank"
        for c in chars:
            assert -slack <= c["x0"] and c["x1"] <= width + slack and -slack <= c["top"] <= height, (number, c["text"])
        outside = [c["text"] for c in chars
                   if not any(b.x0 - slack <= c["x0"] and c["x1"] <= b.x1 + slack
                              and b.top - slack <= (c["top"] + c["bottom"]) / 2 <= b.bottom + slack for b in boxes)]
        assert not outside, f"{language} slide {number}: {''.join(outside[:20])}"


def test_libreoffice_draws_no_line_over_another(rendered: dict, language: str) -> None:
    """No two characters on different lines of a slide cover one another (the middle of each glyph box)."""
    for number, (_, _, chars) in enumerate(rendered[language][1], start=1):
        marks = [(c["x0"], c["x1"], (c["top"] + c["bottom"]) / 2, c["size"]) for c in chars]
        for index, (x0, x1, middle, size) in enumerate(marks):
            for other in marks[index + 1:]:
                apart = abs(other[2] - middle)
                if 0.3 * size < apart < 0.6 * min(size, other[3]) and min(x1, other[1]) - max(x0, other[0]) > 1:
                    pytest.fail(f"{language} slide {number}: lines {apart:.1f} pt apart at {size:.0f} pt")


SHORT = {
    "zh-Hant": ("多喝水，保持健康", "身體每天都需要水。口渴時就喝水。", "請諮詢您的醫生。", "NotoSansTC", "zh-Hant"),
    "ja": ("水分をとって健康に", "体は毎日水を必要とします。のどが渇いたら水を飲みましょう。", "医師に相談してください。",
           "NotoSansJP", "ja"),
    "fa": ("آب بنوشید و سالم بمانید", "بدن شما هر روز به آب نیاز دارد. وقتی تشنه هستید آب بنوشید.",
           "با پزشک خود مشورت کنید.", "NotoSansArabic", "fa"),
}


@pytest.mark.parametrize("tag", list(SHORT))
def test_traditional_chinese_japanese_and_persian_print_in_their_face_and_words(tmp_path: Path, tag: str) -> None:
    title, text, disclaimer, face, labels = SHORT[tag]
    source = tmp_path / f"{tag}.yaml"
    source.write_text(
        f'title: "{title}"\nshort_title: "{title}"\nlanguage: {tag}\ndate: 2026-01-02\nsummary: "{text}"\n'
        f'introduction: ["{text}"]\nkey_points:\n  - title: "{title}"\n    text: "{text}"\n'
        f'sections:\n  - title: "{title}"\n    blocks:\n      - paragraph: "{text}"\n'
        f'conclusion:\n  title: "{title}"\n  paragraphs: ["{text}"]\ndisclaimer:\n  text: "{disclaimer}"\n',
        encoding="utf-8")
    result = run(str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    handout, deck = tmp_path / "out" / f"{tag}.pdf", tmp_path / "out" / f"{tag}.pptx"
    listing = subprocess.run(["pdffonts", str(handout)], capture_output=True, text=True, check=True).stdout
    assert {line.split()[0].split("+")[1].split("-")[0] for line in listing.splitlines()[2:]} == {face}
    assert PdfReader(str(handout)).trailer["/Root"]["/Lang"] == tag
    text_read = readable(handout, tag)
    assert squash(BUILT_IN[labels].key_points) in squash(text_read)
    assert english_in(text_read) == [] and english_in("\n".join(deck_texts(deck)[1])) == []


def test_the_same_source_gives_the_same_bytes(built: dict, tmp_path: Path) -> None:
    """The faces made for a document keep their files' dates, so a rebuild is byte-identical."""
    result = run(str(ARTICLE_DIR / "arabic.yaml"), str(ARTICLE_DIR / "chinese.yaml"), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for language, name in (("ar", "arabic"), ("zh-Hans", "chinese")):
        assert (tmp_path / f"{name}.pdf").read_bytes() == built[language][0].read_bytes(), name
        assert (tmp_path / f"{name}.pptx").read_bytes() == built[language][1].read_bytes(), name


def test_check_reads_no_font_for_these_articles() -> None:
    """Their letters are in glyphs.SAFE (held to the faces by tests/test_glyphs.py): `--check` stays fast."""
    code = ("import sys; from pathlib import Path; from mghandout.source import load_article; "
            f"[load_article(Path('tests/fixtures/scripts/{{}}.yaml'.format(n))) for n in {list(ARTICLES.values())!r}]; "
            "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_check_says_it_does_not_grade_these_languages() -> None:
    result = run(*(str(ARTICLE_DIR / f"{name}.yaml") for name in ARTICLES.values()), "--check")
    assert result.returncode == 0, result.stderr
    for language in ARTICLES:
        assert f"no readability formula for language '{language}' is built in" in result.stdout + result.stderr


# --- the rules underneath --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("tag", "family"), [
    ("zh", "Noto Sans SC"), ("zh-Hans", "Noto Sans SC"), ("zh-CN", "Noto Sans SC"), ("zh-TW", "Noto Sans TC"),
    ("zh-Hant", "Noto Sans TC"), ("ja", "Noto Sans JP"), ("ko", "Noto Sans KR"), ("ar", "Noto Sans Arabic"),
    ("fa-IR", "Noto Sans Arabic"), ("hi", "Noto Sans Devanagari"), ("en", None), ("vi", None), ("sr-Latn", None),
])
def test_the_script_of_a_language_tag(tag: str, family: str | None) -> None:
    found = script_for(tag)
    assert (found.family if found else None) == family


def test_a_chinese_line_never_starts_with_a_closing_mark_nor_ends_with_an_opening_one() -> None:
    assert break_units("（维生素B12）。") == ["（维", "生", "素", "B12）。"]
    text = "身体每天都需要水。失去的水比喝进去的多时，就会脱水（请咨询医生）。"
    for size in (18, 24, 28, 32):
        for room in (120, 160, 200, 260):
            lines = wrap(text, size, room)
            assert "".join(lines) == text
            assert not any(line[0] in "。，）" or line[-1] == "（" for line in lines), lines


def test_chinese_sentences_end_at_a_full_stop_without_a_space() -> None:
    parts = sentences("不要等到很渴才喝。吃饭时和两餐之间都喝一些水。多喝水！")
    assert parts == ["不要等到很渴才喝。", "吃饭时和两餐之间都喝一些水。", "多喝水！"]
    assert join_sentences(parts[:2]) == "不要等到很渴才喝。吃饭时和两餐之间都喝一些水。"
    assert words("身体每天都需要水") == 4
    assert sentences("يحتاج جسمك إلى الماء كل يوم. عندما يفقد الجسم الماء؟ قد يصاب") == [
        "يحتاج جسمك إلى الماء كل يوم.", "عندما يفقد الجسم الماء؟", "قد يصاب"]


class _Frag:
    def __init__(self, text: str) -> None:
        self.text = text

    def clone(self, text: str) -> _Frag:
        return _Frag(text)


def test_a_right_to_left_line_keeps_numbers_and_latin_words_in_their_order() -> None:
    """The words from left to right as drawn: "اتصل" rightmost, "911" and "Vitamin D" in their own order."""
    drawn = [frag.text for frag in visual_order([_Frag("اتصل بالرقم 911 أو Vitamin D اليوم")])]
    words = [text for text in drawn if text.strip()]
    assert words == ["اليوم", "Vitamin", "D", "أو", "911", "بالرقم", "اتصل"]


def test_numbers_in_an_arabic_sentence_read_left_to_right(tmp_path: Path) -> None:
    """Arabic-Indic, Persian and Latin digits each print in their order, the first number rightmost, also
    when a no-break space holds a number to the word after it."""
    import pdfplumber
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from mghandout.handout.fonts import document, font_set, markup
    from mghandout.handout.shaping import style_options

    text = "اتصل بالرقم 911\u00a0أو تناول ٣٠٠\u00a0ملغ أو 300 ملغ و۱۲۵ في اليوم ٢٫٥"
    with document("ar", text):
        style = ParagraphStyle("body", **style_options(fontName=font_set(False).primary, fontSize=14, leading=20))
        SimpleDocTemplate(str(tmp_path / "numbers.pdf")).build([Paragraph(markup(text), style)])
    with pdfplumber.open(tmp_path / "numbers.pdf") as pdf:
        drawn = "".join(c["text"] for c in sorted(pdf.pages[0].chars, key=lambda c: c["x0"]))
    numbers = re.findall(r"[\d٫]+", drawn)
    assert numbers == ["٢٫٥", "۱۲۵", "300", "٣٠٠", "911"], drawn


def test_a_right_to_left_table_moves_its_style_with_its_columns() -> None:
    from mghandout.handout.fonts import document
    from mghandout.handout.shaping import mirror_columns

    rows, commands = [["a", "b", ""]], [("BACKGROUND", (2, 0), (2, 0), "white"), ("BACKGROUND", (1, 0), (-1, 0), "x")]
    with document("ar", "ب"):
        assert mirror_columns(rows, commands, 3) == (
            [["", "b", "a"]], [("BACKGROUND", (0, 0), (0, 0), "white"), ("BACKGROUND", (0, 0), (1, 0), "x")])
    with document("zh-Hans", "水"):
        assert mirror_columns(rows, commands, 3) == (rows, commands)


def test_an_english_build_pays_nothing_for_other_scripts() -> None:
    code = (
        "import sys; from pathlib import Path; from mghandout.source import load_article; "
        "from mghandout.handout import render_pdf; import datetime as dt; "
        "render_pdf(load_article(Path('source/magnesium-muscle-contractions.yaml')), when=dt.datetime(2026, 1, 1)); "
        "from reportlab.pdfbase import pdfmetrics; "
        "print(sorted(m for m in ('fontTools', 'uharfbuzz._harfbuzz') if m in sys.modules), "
        "[n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('NotoSans') and n != 'NotoSans'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[] []", result.stdout
