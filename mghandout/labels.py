"""The only words in the outputs that do not come from the source, in every language we ship.

A Spanish handout must not say "Page 1 of 4" or "Key points": each fixed word is a
label, chosen by the article's `language` from a built-in set written for patient
materials (not word for word), and any label can be overridden in the source's
`labels:`. Both writers read the one resolved `Labels`, so the handout and the deck
always agree.
"""

from __future__ import annotations

import datetime as dt
import msgspec
from typing import Any

from mghandout.scripts import HANT, script_for

LABEL_HELP: dict[str, str] = {
    "summary": "Heading over the summary.",
    "key_points": "Heading over the key points.",
    "faq": "Heading over the questions and answers.",
    "references": "Heading over the references.",
    "notes": "Title of the handout's write-in box for the care team.",
    "page": "Footer page number; {page} and {pages} are filled in.",
    "phone": "Word before the clinic's phone number.",
    "continued": "Title of a slide, table or part that goes on from the one before; {title} is filled in.",
    "disclaimer": "Default title of the medical disclaimer when the source gives none.",
    "warning": "Name of an urgent callout's icon, read by screen readers.",
    "tip": "Name of a tip callout's icon, read by screen readers.",
    "logo": "Description of the clinic's logo for screen readers; {clinic} is filled in.",
    "date": "How a date is written; {day}, {month} and {year} are filled in.",
    "months": "The twelve month names, January first, as they stand in a date.",
    "table_rows": "Note over a table printed one row at a time in the large-print edition, whose type it cannot hold.",
}
"""Every label key and what it is for: the schema and the docs read this one table."""


class Labels(msgspec.Struct, frozen=True):
    """Fixed headings and phrases; `{...}` fields are filled in by the writers."""

    summary: str = "In brief"
    key_points: str = "Key points"
    faq: str = "Frequently asked questions"
    references: str = "References"
    notes: str = "Notes from your care team"
    page: str = "Page {page} of {pages}"
    phone: str = "Phone"
    continued: str = "{title} (continued)"
    disclaimer: str = "Medical Disclaimer"
    warning: str = "Warning"
    tip: str = "Tip"
    logo: str = "{clinic} logo"
    date: str = "{month} {day}, {year}"
    table_rows: str = "In large print, this table is shown one row at a time. Nothing is left out."
    months: tuple[str, ...] = (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    )

    def format_date(self, day: dt.date) -> str:
        """A date as a patient reads it in this language ("25 de noviembre de 2026")."""
        return self.date.format(day=day.day, month=self.months[day.month - 1], year=day.year)


def _months(names: str) -> tuple[str, ...]:
    return tuple(names.split())


BUILT_IN: dict[str, Labels] = {
    "en": Labels(),
    "es": Labels(
        table_rows="En letra grande, esta tabla se muestra una fila a la vez. No falta nada.",
        summary="En resumen", key_points="Puntos clave", faq="Preguntas frecuentes", references="Referencias",
        notes="Notas de su equipo de atención médica", page="Página {page} de {pages}", phone="Teléfono",
        continued="{title} (continuación)", disclaimer="Aviso médico", warning="Atención", tip="Consejo",
        logo="Logotipo de {clinic}", date="{day} de {month} de {year}",
        months=_months("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    ),
    "vi": Labels(
        table_rows="Trong bản in chữ lớn, bảng này được trình bày từng hàng một. Không bỏ sót nội dung nào.",
        summary="Tóm tắt", key_points="Những điểm chính", faq="Câu hỏi thường gặp", references="Tài liệu tham khảo",
        notes="Ghi chú từ nhóm chăm sóc sức khỏe của quý vị", page="Trang {page}/{pages}", phone="Điện thoại",
        continued="{title} (tiếp theo)", disclaimer="Lưu ý về thông tin y tế", warning="Cảnh báo", tip="Lời khuyên",
        logo="Logo của {clinic}", date="ngày {day} {month} năm {year}",
        months=tuple(f"tháng {number}" for number in range(1, 13)),
    ),
    "tl": Labels(
        table_rows="Sa bersiyong malalaki ang titik, ipinapakita ang talahanayang ito nang isang hilera sa bawat pagkakataon. Walang tinanggal.",
        summary="Sa madaling salita", key_points="Mahahalagang punto", faq="Mga madalas itanong",
        references="Mga sanggunian", notes="Mga tala mula sa inyong pangkat ng pangangalaga",
        page="Pahina {page} ng {pages}", phone="Telepono", continued="{title} (karugtong)",
        disclaimer="Paunawang medikal", warning="Babala", tip="Payo", logo="Logo ng {clinic}",
        date="{month} {day}, {year}",
        months=_months("Enero Pebrero Marso Abril Mayo Hunyo Hulyo Agosto Setyembre Oktubre Nobyembre Disyembre"),
    ),
    "ru": Labels(
        table_rows="В версии с крупным шрифтом эта таблица показана построчно. Ничего не пропущено.",
        summary="Коротко о главном", key_points="Основные моменты", faq="Часто задаваемые вопросы",
        references="Источники", notes="Заметки ваших медицинских работников", page="Страница {page} из {pages}",
        phone="Телефон", continued="{title} (продолжение)", disclaimer="Отказ от ответственности", warning="Внимание",
        tip="Совет", logo="Логотип: {clinic}", date="{day} {month} {year} г.",
        months=_months("января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    ),
    "ht": Labels(
        table_rows="Nan vèsyon gwo lèt la, tablo sa a parèt yon liy alafwa. Pa gen anyen ki manke.",
        summary="An kout", key_points="Pwen enpòtan yo", faq="Kesyon moun poze souvan", references="Referans",
        notes="Nòt ekip swen ou a", page="Paj {page} sou {pages}", phone="Telefòn",
        continued="{title} (kontinyasyon)", disclaimer="Avètisman medikal", warning="Atansyon", tip="Konsèy",
        logo="Logo {clinic}", date="{day} {month} {year}",
        months=_months("janvye fevriye mas avril me jen jiyè out septanm oktòb novanm desanm"),
    ),
    "fr": Labels(
        table_rows="En gros caractères, ce tableau est présenté une ligne à la fois. Rien n'est omis.",
        summary="En bref", key_points="Points clés", faq="Questions fréquentes", references="Références",
        notes="Notes de votre équipe soignante", page="Page {page} sur {pages}", phone="Téléphone",
        continued="{title} (suite)", disclaimer="Avertissement médical", warning="Attention", tip="Conseil",
        logo="Logo de {clinic}", date="{day} {month} {year}",
        months=_months("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    ),
    "pt": Labels(
        table_rows="Em letra grande, esta tabela é mostrada uma linha de cada vez. Nada foi omitido.",
        summary="Em resumo", key_points="Pontos principais", faq="Perguntas frequentes", references="Referências",
        notes="Anotações da sua equipe de saúde", page="Página {page} de {pages}", phone="Telefone",
        continued="{title} (continuação)", disclaimer="Aviso médico", warning="Atenção", tip="Dica",
        logo="Logotipo de {clinic}", date="{day} de {month} de {year}",
        months=_months("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    ),
    "pl": Labels(
        table_rows="W wersji z dużym drukiem tabela jest pokazana wiersz po wierszu. Niczego nie pominięto.",
        summary="W skrócie", key_points="Najważniejsze informacje", faq="Najczęściej zadawane pytania",
        references="Źródła", notes="Notatki zespołu medycznego", page="Strona {page} z {pages}", phone="Telefon",
        continued="{title} (ciąg dalszy)", disclaimer="Zastrzeżenie medyczne", warning="Uwaga", tip="Wskazówka",
        logo="Logo: {clinic}", date="{day} {month} {year} r.",
        months=_months("stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
                       "grudnia"),
    ),
    "zh": Labels(
        table_rows="大字版中，此表格逐行显示，内容没有删减。",
        summary="简要说明", key_points="要点", faq="常见问题", references="参考资料", notes="医护团队备注",
        page="第 {page} 页，共 {pages} 页", phone="电话", continued="{title}（续）", disclaimer="医疗免责声明",
        warning="警告", tip="提示", logo="{clinic} 标志", date="{year}年{month}{day}日",
        months=tuple(f"{number}月" for number in range(1, 13)),
    ),
    "zh-Hant": Labels(
        table_rows="大字版中，此表格逐行顯示，內容沒有刪減。",
        summary="簡要說明", key_points="重點", faq="常見問題", references="參考資料", notes="醫護團隊備註",
        page="第 {page} 頁，共 {pages} 頁", phone="電話", continued="{title}（續）", disclaimer="醫療免責聲明",
        warning="警告", tip="提示", logo="{clinic} 標誌", date="{year}年{month}{day}日",
        months=tuple(f"{number}月" for number in range(1, 13)),
    ),
    "ja": Labels(
        table_rows="大きな文字の版では、この表を1行ずつ示します。省いた内容はありません。",
        summary="概要", key_points="ポイント", faq="よくある質問", references="参考文献", notes="医療チームからのメモ",
        page="{page} / {pages} ページ", phone="電話", continued="{title}（続き）", disclaimer="医療に関する免責事項",
        warning="警告", tip="ヒント", logo="{clinic} のロゴ", date="{year}年{month}{day}日",
        months=tuple(f"{number}月" for number in range(1, 13)),
    ),
    "ko": Labels(
        table_rows="큰 글자판에서는 이 표를 한 줄씩 보여 드립니다. 빠진 내용은 없습니다.",
        summary="요약", key_points="핵심 내용", faq="자주 묻는 질문", references="참고 자료", notes="의료진 메모",
        page="{page}/{pages}쪽", phone="전화", continued="{title} (계속)", disclaimer="의료 면책 조항", warning="경고",
        tip="도움말", logo="{clinic} 로고", date="{year}년 {month} {day}일",
        months=tuple(f"{number}월" for number in range(1, 13)),
    ),
    "ar": Labels(
        table_rows="في نسخة الخط الكبير يظهر هذا الجدول صفاً صفاً. لم يُحذف شيء.",
        summary="باختصار", key_points="النقاط الرئيسية", faq="الأسئلة الشائعة", references="المراجع",
        notes="ملاحظات فريق الرعاية الصحية", page="صفحة {page} من {pages}", phone="الهاتف", continued="{title} (تابع)",
        disclaimer="إخلاء المسؤولية الطبية", warning="تحذير", tip="نصيحة", logo="شعار {clinic}",
        date="{day} {month} {year}",
        months=_months("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
    ),
    "fa": Labels(
        table_rows="در نسخهٔ درشت\u200cخط، این جدول ردیف به ردیف نشان داده می\u200cشود. چیزی حذف نشده است.",
        summary="خلاصه", key_points="نکات کلیدی", faq="پرسش\u200cهای رایج", references="منابع",
        notes="یادداشت\u200cهای تیم درمان", page="صفحه {page} از {pages}", phone="تلفن", continued="{title} (ادامه)",
        disclaimer="سلب مسئولیت پزشکی", warning="هشدار", tip="نکته", logo="نشان {clinic}", date="{day} {month} {year}",
        months=_months("ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر"),
    ),
    "hi": Labels(
        table_rows="बड़े अक्षरों वाले संस्करण में यह तालिका एक-एक पंक्ति करके दिखाई गई है। कुछ भी छोड़ा नहीं गया है।",
        summary="संक्षेप में", key_points="मुख्य बातें", faq="अक्सर पूछे जाने वाले प्रश्न", references="संदर्भ",
        notes="आपकी देखभाल टीम के नोट्स", page="पृष्ठ {page} / {pages}", phone="फ़ोन", continued="{title} (जारी)",
        disclaimer="चिकित्सा अस्वीकरण", warning="चेतावनी", tip="सुझाव", logo="{clinic} का लोगो",
        date="{day} {month} {year}",
        months=_months("जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर"),
    ),
    "so": Labels(
        table_rows="Nuqulka xarfaha waaweyn, shaxdan waxaa loo soo bandhigayaa saf saf. Waxba lagama saarin.",
        summary="Soo koobid", key_points="Qodobada muhiimka ah", faq="Su'aalaha inta badan la is weydiiyo",
        references="Tixraacyo", notes="Qoraallada kooxda daryeelkaaga", page="Bogga {page} ee {pages}",
        phone="Taleefan", continued="{title} (sii socda)", disclaimer="Ogeysiis caafimaad", warning="Digniin",
        tip="Talo", logo="Astaanta {clinic}", date="{day} {month} {year}",
        months=_months("Janaayo Febraayo Maarso Abriil Maajo Juun Luulyo Ogost Sebtembar Oktoobar Nofembar Desembar"),
    ),
    "it": Labels(
        table_rows="Nella versione a caratteri grandi, questa tabella è mostrata una riga alla volta. Non manca nulla.",
        summary="In breve", key_points="Punti chiave", faq="Domande frequenti", references="Fonti",
        notes="Note del personale sanitario", page="Pagina {page} di {pages}", phone="Telefono",
        continued="{title} (continua)", disclaimer="Avvertenza medica", warning="Attenzione", tip="Consiglio",
        logo="Logo di {clinic}", date="{day} {month} {year}",
        months=_months("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    ),
    "de": Labels(
        table_rows="In der Großdruckausgabe wird diese Tabelle Zeile für Zeile gezeigt. Es fehlt nichts.",
        summary="Kurz gesagt", key_points="Das Wichtigste", faq="Häufige Fragen", references="Quellen",
        notes="Notizen Ihres Behandlungsteams", page="Seite {page} von {pages}", phone="Telefon",
        continued="{title} (Fortsetzung)", disclaimer="Medizinischer Hinweis", warning="Warnung", tip="Tipp",
        logo="Logo von {clinic}", date="{day}. {month} {year}",
        months=_months("Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    ),
}
"""English and the most-spoken languages of US patients with limited English (the top languages of the
Section 1557 notices), and Italian and German."""

ALIASES = {"fil": "tl"}
"""Tags that name a built-in language by another code (Filipino is standard Tagalog)."""

UNSUPPORTED_SCRIPTS: dict[str, str] = {
    **dict.fromkeys(("ur", "ps", "ckb", "sd", "ug"), "Arabic"), **dict.fromkeys(("he", "yi"), "Hebrew"),
    **dict.fromkeys(("sa", "mai", "bho"), "Devanagari"), **dict.fromkeys(("bn", "as"), "Bengali"),
    "pa": "Gurmukhi", "gu": "Gujarati", "ta": "Tamil", "te": "Telugu", "kn": "Kannada", "ml": "Malayalam",
    "or": "Odia", "si": "Sinhala", "th": "Thai", "lo": "Lao", "km": "Khmer", "my": "Myanmar",
    **dict.fromkeys(("am", "ti"), "Ethiopic"), "hy": "Armenian", "ka": "Georgian", "dv": "Thaana",
    "bo": "Tibetan", "chr": "Cherokee", "iu": "Canadian Syllabics",
}
"""Languages written in a script the bundled fonts cannot draw (or set in its own way, such as Urdu's
Nastaliq): refused rather than printed as blanks. Chinese, Japanese, Korean, Arabic, Persian, Hindi, Marathi
and Nepali are set in their script's face (`scripts.py`)."""

SCRIPT_SUBTAGS = {
    "hebr": "Hebrew", "beng": "Bengali", "thai": "Thai", "khmr": "Khmer", "ethi": "Ethiopic", "armn": "Armenian",
    "geor": "Georgian",
}
"""BCP 47 script subtags of scripts the bundled fonts cannot draw (`sr-Cyrl` and `az-Latn` are fine)."""


def primary(language: str) -> str:
    """The language subtag of a BCP 47 tag, lower case: `es-MX` gives `es`."""
    code = language.split("-")[0].lower()
    return ALIASES.get(code, code)


def unsupported_script(language: str) -> str | None:
    """The script a language tag names that our fonts cannot draw, or None when they can."""
    subtags = language.lower().split("-")
    for subtag in subtags[1:]:
        if subtag in SCRIPT_SUBTAGS:
            return SCRIPT_SUBTAGS[subtag]
    if script_for(language) or any(s in ("latn", "cyrl", "grek") for s in subtags[1:]):
        return None
    return UNSUPPORTED_SCRIPTS.get(subtags[0])


def built_in(language: str) -> Labels | None:
    """The built-in set for a language tag (`es-MX` falls back to `es`, `zh-TW` to `zh-Hant`), or None."""
    code = primary(language)
    return BUILT_IN.get("zh-Hant" if code == "zh" and script_for(language) is HANT else code)


def resolve(language: str, overrides: dict[str, Any] | None) -> Labels:
    """The labels an article prints: its language's set (English when there is none), then its overrides."""
    labels = built_in(language) or BUILT_IN["en"]
    given = {key: tuple(value) if key == "months" else value for key, value in (overrides or {}).items() if value}
    return msgspec.structs.replace(labels, **given)


def missing_for(language: str, overrides: dict[str, Any] | None) -> list[str]:
    """Label keys an article in a language with no built-in set still prints in English."""
    if built_in(language) is not None:
        return []
    given = {key for key, value in (overrides or {}).items() if value}
    return [name for name in Labels.__struct_fields__ if name not in given]
