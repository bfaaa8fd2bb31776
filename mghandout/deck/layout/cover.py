"""The title slide: title, a subtitle when it adds to the title, the date, the clinic and its logo."""

from __future__ import annotations

from dataclasses import replace

from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import POINTS, Box, Cover, Slide
from mghandout.deck.measure import wrap
from mghandout.model import Article, Brand


def title_slide(article: Article, geo: Geometry, brand: Brand | None) -> Slide:
    """Title, a subtitle only when it adds to the title, the author (unless it is the clinic, shown at the foot), the
    date, the clinic: left-aligned beside the band."""
    theme = geo.theme
    band = Box(0.0, 0.0, theme.band_width, geo.height - theme.footer_height) if geo.identity else None
    left = (band.w if band else 0.0) + theme.margin
    room_w = geo.width - left - theme.margin
    size = theme.cover_title_size
    lines = len(wrap(article.title, size, (room_w - 2 * theme.inset) * POINTS, bold=True))
    title_h = geo.lines_height(lines, size) + 2.5 * theme.inset
    author = (article.author,) if article.author and not (brand and brand.clinic == article.author) else ()
    lines_under = (*_subtitle(article), *author, theme.labels.format_date(article.date))
    under_h = sum(len(wrap(line, theme.subtitle_size, (room_w - 2 * theme.inset) * POINTS)) for line in lines_under)
    under_h = (geo.lines_height(under_h, theme.subtitle_size) + 2 * theme.inset
               + len(lines_under) * theme.paragraph_gap / POINTS)
    gap = 3 * theme.inset
    block = title_h + gap + theme.rule_height + gap + under_h
    top = max(theme.title_top + theme.logo_height, (geo.height - theme.footer_height - block) / 2)
    title_box = Box(left, top, room_w, title_h)
    rule = Box(left + theme.inset, top + title_h + gap, theme.rule_width, theme.rule_height)
    body = Box(left, rule.y + rule.h + gap, room_w, under_h)
    cover = Cover(band, rule if geo.identity else None)
    if brand is not None:
        clinic = " · ".join(part for part in (brand.clinic, brand.phone, brand.website) if part)
        clinic_lines = len(wrap(clinic, theme.clinic_size, (room_w - 2 * theme.inset) * POINTS))
        clinic_h = geo.lines_height(clinic_lines, theme.clinic_size) + 2 * theme.inset
        clinic_box = Box(left, geo.height - theme.footer_height - theme.footer_gap - clinic_h, room_w, clinic_h)
        logo_box = Box(geo.width - theme.margin - theme.logo_width, theme.title_top, theme.logo_width,
                       theme.logo_height)
        cover = replace(cover, clinic=clinic, clinic_box=clinic_box, logo_box=logo_box if brand.logo else None)
    disclaimer = f"{article.disclaimer.heading(theme.labels)}: {article.disclaimer.text}"
    notes = "\n\n".join([article.title, *article.introduction, disclaimer])
    return Slide("title", article.title, title_box, size, notes, body, subtitle=lines_under, cover=cover)


def _subtitle(article: Article) -> tuple[str, ...]:
    """The article's one-line subject, when more than half its words are not already in the title.

    The short title is never a subtitle: it is the title again, shorter (and it is in the footer).
    """
    if not article.subject:
        return ()
    title = set(_plain_words(article.title))
    subject = _plain_words(article.subject)
    new = [word for word in subject if word not in title]
    return (article.subject,) if 2 * len(new) > len(subject) else ()


def _plain_words(text: str) -> list[str]:
    return ["".join(ch for ch in word if ch.isalnum()).casefold() for word in text.split()]
