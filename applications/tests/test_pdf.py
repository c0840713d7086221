"""The MOS preparation pack and the paper form as PDF (applications/pdf.py).

Text is read back without fpdf2: the renderers are called with compress=False and
`pdf_text` decodes the content streams through each font's ToUnicode map.
"""

import re
from unittest import mock

from django.test import SimpleTestCase

from applications import pdf
from applications.pdf import PdfError, _font_set, _Writer, render_mos_pack, render_paper_form

LABELS = {
    "attachments": "Załączniki",
    "fee": "Opłaty",
    "findings": "Uwagi do sprawdzenia",
    "next_steps": "Co dalej",
    "unconfirmed": "Pozycja niepotwierdzona — sprawdź w formularzu MOS.",
    "ready": "Gotowe",
    "missing": "Brakuje",
    "page": "Strona",
}

# (Polish part title, Ukrainian title, rows: (ref, Polish label, Ukrainian label, value))
SECTIONS = [
    ("A. Dane osobowe cudzoziemca", "Особисті дані іноземця", [
        ("A.1", "Nazwisko (nazwiska)", "Прізвище", "KOWALENKO"),
        ("A.2", "Nazwisko rodowe", "Прізвище при народженні", "KOWALENKO"),
        ("A.3", "Nazwisko poprzednie", "Попереднє прізвище", "BRAK"),
        ("A.4", "Imię (imiona)", "Ім'я", "OLENA"),
        ("A.5", "Imię (imiona) poprzednie", "Попереднє ім'я", "BRAK"),
        ("A.6", "Imię ojca", "Ім'я батька", "ANDRIJ"),
        ("A.7", "Imię matki", "Ім'я матері", "IRYNA"),
        ("A.8", "Nazwisko rodowe matki", "Прізвище матері при народженні", "Шевченко"),
        ("A.9", "Data urodzenia", "Дата народження", "1994-03-17"),
        ("A.10", "Płeć", "Стать", "kobieta"),
        ("A.11", "Miejsce urodzenia", "Місце народження", "Харьков, Харьковская область"),
        ("A.12", "Kraj urodzenia", "Країна народження", "Ukraina"),
        ("A.13", "Narodowość", "Національність", "ukraińska"),
        ("A.14", "Obywatelstwo", "Громадянство", "ukraińskie"),
        ("A.15", "Stan cywilny", "Сімейний стан", "zamężna"),
        ("A.16", "Wykształcenie", "Освіта", "wyższe"),
        ("A.17", "Rysopis: wzrost (cm)", "Зріст (см)", "168"),
        ("A.18", "Rysopis: kolor oczu", "Колір очей", "piwne"),
        ("A.19", "Znaki szczególne", "Особливі прикмети", "BRAK"),
        ("A.20", "Numer PESEL", "Номер PESEL", "94031712345"),
        ("A.21", "Telefon", "Телефон", "+48 512 345 678"),
        ("A.22", "Adres e-mail", "Електронна пошта", "olena.kowalenko@example.com"),
    ]),
    ("B. Miejsce zamieszkania w Polsce", "Місце проживання в Польщі", [
        ("B.1", "Województwo", "Воєводство", "mazowieckie"),
        ("B.2", "Miejscowość", "Населений пункт", "Warszawa"),
        ("B.3", "Ulica", "Вулиця", "ul. Żółkiewskiego"),
        ("B.4", "Numer domu", "Номер будинку", "12A"),
        ("B.5", "Numer lokalu", "Номер квартири", "7"),
        ("B.6", "Kod pocztowy", "Поштовий індекс", "02-495"),
        ("B.7", "Adres za granicą", "Адреса за кордоном", "вул. Сумська 45, кв. 12, 61002 Харків, Україна"),
    ]),
    ("C. Cel pobytu i okres", "Мета та строк перебування", [
        ("C.1", "Cel pobytu", "Мета перебування", "wykonywanie pracy"),
        ("C.2", "Okres pobytu (do)", "Строк перебування (до)", "2029-11-30"),
        ("C.3", "Uzasadnienie", "Обґрунтування",
         "Umowa o pracę na czas nieokreślony w pełnym wymiarze czasu pracy; pracodawca złożył informację "
         "starosty i oświadczenie o zatrudnieniu zgodnie z art. 114 ustawy o cudzoziemcach."),
        ("C.4", "Obecny pobyt w Polsce na podstawie", "Поточна підстава перебування", "wiza krajowa typu D"),
        ("C.5", "Data ostatniego wjazdu", "Дата останнього в'їзду", "2025-02-10"),
        ("C.6", "Pobyt nieprzerwany od", "Безперервне перебування з", "2022-03-04"),
    ]),
    ("D. Dokument podróży", "Проїзний документ", [
        ("D.1", "Seria i numer", "Серія та номер", "FX123456"),
        ("D.2", "Data wydania", "Дата видачі", "2021-05-20"),
        ("D.3", "Data ważności", "Дійсний до", "2031-05-20"),
        ("D.4", "Organ wydający", "Орган, що видав", "Орган 6319"),
        ("D.5", "Liczba stron", "Кількість сторінок", "32"),
        ("D.6", "Inne posiadane dokumenty", "Інші документи", "karta pobytu RP nr RP1234567"),
    ]),
    ("E. Członkowie rodziny w Polsce", "Члени сім'ї в Польщі", [
        ("E.1", "Imię i nazwisko", "Ім'я та прізвище", "MAKSYM KOWALENKO"),
        ("E.2", "Stopień pokrewieństwa", "Ступінь спорідненості", "mąż"),
        ("E.3", "Data urodzenia", "Дата народження", "1991-08-02"),
        ("E.4", "Obywatelstwo", "Громадянство", "ukraińskie"),
        ("E.5", "Miejsce zamieszkania", "Місце проживання", "Warszawa, ul. Żółkiewskiego 12A/7"),
        ("E.6", "Czy wspólnie się ubiega", "Чи подає заяву разом", "nie"),
        ("E.7", "Czy pozostaje na utrzymaniu", "Чи на утриманні", "nie"),
        ("E.8", "Podstawa pobytu", "Підстава перебування", "zezwolenie na pobyt czasowy"),
    ]),
    ("F. Członkowie rodziny poza Polską", "Члени сім'ї за межами Польщі", [
        ("F.1", "Imię i nazwisko", "Ім'я та прізвище", "ІРИНА ШЕВЧЕНКО"),
        ("F.2", "Stopień pokrewieństwa", "Ступінь спорідненості", "matka"),
        ("F.3", "Data urodzenia", "Дата народження", "1968-12-01"),
        ("F.4", "Obywatelstwo", "Громадянство", "ukraińskie"),
        ("F.5", "Miejsce zamieszkania", "Місце проживання", "Харків, Україна"),
        ("F.6", "Czy pozostaje na utrzymaniu", "Чи на утриманні", "nie"),
    ]),
    ("G. Poprzednie pobyty w Polsce", "Попередні перебування в Польщі", [
        ("G.1", "Od", "З", "2019-06-01"),
        ("G.2", "Do", "По", "2019-09-30"),
        ("G.3", "Podstawa pobytu", "Підстава перебування", "wiza Schengen typu C"),
        ("G.4", "Czy wcześniej odmówiono zezwolenia", "Чи відмовляли раніше", "nie"),
    ]),
    ("H. Podróże poza Polskę w ostatnich 5 latach", "Поїздки за межі Польщі за 5 років", [
        ("H.1", "Państwo", "Країна", "Ukraina"),
        ("H.2", "Okres", "Період", "2024-07-01 – 2024-07-21"),
        ("H.3", "Cel podróży", "Мета поїздки", "odwiedziny rodziny"),
        ("H.4", "Łączny czas poza Polską (dni)", "Загальний час поза Польщею (днів)", "30"),
    ]),
    ("I. Karalność i postępowania", "Судимість і провадження", [
        ("I.1", "Czy był(a) Pan/Pani karany(-a)", "Чи були ви засуджені", "nie"),
        ("I.2", "Czy toczy się postępowanie karne", "Чи триває кримінальне провадження", "nie"),
        ("I.3", "Czy ciążą zobowiązania z orzeczeń", "Чи є зобов'язання за рішеннями", "nie"),
        ("I.4", "Zobowiązania alimentacyjne", "Аліментні зобов'язання", "nie"),
        ("I.5", "Zobowiązania podatkowe", "Податкові зобов'язання", "nie"),
        ("I.6", "Koszty wydalenia", "Витрати на видворення", "nie"),
    ]),
    ("K. Pracodawca (załącznik nr 1)", "Роботодавець (додаток № 1)", [
        ("K.1", "Nazwa pracodawcy", "Назва роботодавця", "Przedsiębiorstwo Budowlane „Mazowsze” Sp. z o.o."),
        ("K.2", "NIP", "NIP", "5251234567"),
        ("K.3", "REGON", "REGON", "012345678"),
        ("K.4", "Adres siedziby", "Адреса", "ul. Grójecka 150, 02-383 Warszawa"),
        ("K.5", "Stanowisko", "Посада", "inżynier budowy"),
        ("K.6", "Kod zawodu", "Код професії", "214201"),
        ("K.7", "Miejsce wykonywania pracy", "Місце роботи", "budowy na terenie województwa mazowieckiego"),
        ("K.8", "Rodzaj umowy", "Тип договору", "umowa o pracę"),
        ("K.9", "Wymiar czasu pracy", "Робочий час", "pełny etat"),
        ("K.10", "Wynagrodzenie brutto", "Зарплата брутто", "9 800 zł miesięcznie"),
        ("K.11", "Okres zatrudnienia", "Строк працевлаштування", "od 2025-03-01 na czas nieokreślony"),
    ]),
    ("L. Ubezpieczenie i źródła utrzymania", "Страхування та джерела утримання", [
        ("L.1", "Ubezpieczenie zdrowotne", "Медичне страхування", "ZUS, tytuł: umowa o pracę"),
        ("L.2", "Numer ubezpieczenia", "Номер страхування", "brak numeru – zgłoszenie ZUS ZUA"),
        ("L.3", "Źródło utrzymania", "Джерело утримання", "wynagrodzenie za pracę"),
        ("L.4", "Miesięczny dochód netto", "Щомісячний дохід нетто", "7 100 zł"),
        ("L.5", "Tytuł prawny do lokalu", "Правова підстава житла", "umowa najmu do 2027-08-31"),
        ("L.6", "Koszty utrzymania lokalu", "Витрати на житло", "3 200 zł"),
        ("L.7", "Osoby na utrzymaniu", "Утриманці", "0"),
    ]),
    ("M. Pełnomocnik i korespondencja", "Представник і листування", [
        ("M.1", "Pełnomocnik", "Представник", "BRAK"),
        ("M.2", "Adres do korespondencji", "Адреса для листування", "jak adres zamieszkania"),
        ("M.3", "Uwagi wnioskodawcy", "Примітки заявника",
         "Прошу учесть, что в паспорте фамилия записана как KOVALENKO; в польских документах — KOWALENKO."),
    ]),
]  # fmt: skip


def sample_pack() -> dict:
    """A realistic pack: 12 sections, 90 rows, 6 attachments, 3 fee lines, 5 findings."""
    sections = []
    for index, (title, title_user, rows) in enumerate(SECTIONS):
        sections.append({
            "title": title,
            "title_user": title_user,
            "unconfirmed": index == 9,
            "rows": [
                {"ref": ref, "label": label, "label_user": user, "value": value, "unconfirmed": ref in ("C.6", "D.6")}
                for ref, label, user, value in rows
            ],
        })  # fmt: skip
    return {
        "title": "Pakiet przygotowania wniosku do MOS",
        "subtitle": "Пакет підготовки заяви до MOS",
        "authority": "Wojewoda Mazowiecki",
        "generated": "2026-12-01",
        "lang": "uk",
        "sections": sections,
        "attachments": [
            {"name": "Kopia ważnego dokumentu podróży (wszystkie strony)", "name_user": "Копія паспорта (усі сторінки)",
             "rule": "art. 106 ust. 1", "ready": True},
            {"name": "Fotografia 35 × 45 mm", "name_user": "Фотографія 35 × 45 мм", "rule": "§ 5 rozporządzenia",
             "ready": True},
            {"name": "Załącznik nr 1 wypełniony przez pracodawcę", "name_user": "Додаток № 1 від роботодавця",
             "rule": "V06", "ready": False},
            {"name": "Umowa o pracę", "name_user": "Трудовий договір", "rule": "art. 114", "ready": True},
            {"name": "Potwierdzenie ubezpieczenia zdrowotnego", "name_user": "Підтвердження страхування",
             "rule": "art. 114 ust. 1 pkt 2", "ready": False},
            {"name": "Potwierdzenie uiszczenia opłaty skarbowej", "name_user": "Підтвердження сплати збору",
             "rule": "V11", "ready": False},
        ],  # fmt: skip
        "fee": {
            "lines": [
                {"name": "Opłata skarbowa za zezwolenie na pobyt czasowy i pracę", "amount": "440 zł"},
                {"name": "Wydanie karty pobytu", "amount": "100 zł"},
                {"name": "Pełnomocnictwo", "amount": "0 zł"},
            ],
            "total": "540 zł",
            "payee": "Urząd m.st. Warszawy, Centrum Obsługi Podatnika, 21 1030 1508 0000 0005 5000 0070",
            "title": "Opłata skarbowa – zezwolenie na pobyt czasowy – OLENA KOWALENKO",
        },
        "findings": [
            {"rule": "V06", "severity": "error", "message": "Brakuje załącznika nr 1 podpisanego przez pracodawcę."},
            {"rule": "V11", "severity": "warning", "message": "Opłata skarbowa nie została jeszcze uiszczona."},
            {"rule": "V14", "severity": "warning", "message": "Umowa najmu kończy się przed końcem okresu pobytu."},
            {"rule": "V02", "severity": "hint", "message": "Pisownia nazwiska w paszporcie: KOVALENKO."},
            {"rule": "V21", "severity": "hint", "message": "Перевірте дату останнього в'їзду в паспорті."},
        ],  # fmt: skip
        "next_steps": [
            "Uzupełnij brakujące załączniki i zeskanuj je do formatu PDF.",
            "Zaloguj się do MOS przez login.gov.pl i przepisz dane z tego pakietu.",
            "Podpisz wniosek podpisem zaufanym lub kwalifikowanym.",
            "Po złożeniu zapisz urzędowe poświadczenie odbioru (UPO).",
        ],
        "labels": dict(LABELS),
    }


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def pdf_text(data: bytes) -> list[str]:
    """The strings shown on the pages, in order, one per text object (needs compress=False)."""
    raw = data.decode("latin-1")
    objects = dict(re.findall(r"(?m)^(\d+) 0 obj\s*(.*?)\bendobj", raw, re.S))

    def stream(number: str) -> str:
        body = objects[number]
        content = body[body.index("stream") + len("stream") :].lstrip("\r\n")
        return content[: content.rindex("endstream")]

    maps = {}
    for name, number in re.findall(r"/(F\d+) (\d+) 0 R", raw):
        cmap = stream(re.search(r"/ToUnicode (\d+) 0 R", objects[number]).group(1))
        maps[name] = {int(code, 16): bytes.fromhex(uni).decode("utf-16-be")
                      for code, uni in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap)}  # fmt: skip
    shown, current, font = [], [], {}
    escapes = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    for page in re.findall(r"/Contents (\d+) 0 R", raw):
        tokens = r"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\])*?)\) Tj|(?<![A-Za-z])ET(?![A-Za-z])"
        for match in re.finditer(tokens, stream(page), re.S):
            if match.group(1):
                font = maps[match.group(1)]
            elif match.group(2) is not None:
                literal = re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), match.group(2), flags=re.S)
                codes = literal.encode("latin-1")
                current.append("".join(font[int.from_bytes(codes[i : i + 2])] for i in range(0, len(codes), 2)))
            elif current:
                shown.append("".join(current))
                current = []
    return shown


class PdfRenderTests(SimpleTestCase):
    def test_it_renders_the_mos_pack_as_a_compressed_pdf(self):
        data = render_mos_pack(sample_pack())
        self.assertTrue(data.startswith(b"%PDF"))
        self.assertTrue(data.rstrip().endswith(b"%%EOF"))
        self.assertGreaterEqual(pdf_pages(data), 2)
        self.assertIn(b"/FlateDecode", data)
        self.assertLess(len(data), len(render_mos_pack(sample_pack(), compress=False)))

    def test_it_renders_the_paper_form_as_a_pdf(self):
        data = render_paper_form(sample_pack())
        self.assertTrue(data.startswith(b"%PDF"))
        self.assertGreaterEqual(pdf_pages(data), 2)

    def test_it_prints_polish_and_user_labels_and_values_exactly_as_given(self):
        pack = sample_pack()
        data = render_mos_pack(pack, compress=False)
        text = pdf_text(data)
        joined = "\n".join(text)
        for expected in ("Pakiet przygotowania wniosku do MOS", "Пакет підготовки заяви до MOS", "Wojewoda Mazowiecki",
                         "2026-12-01", "A. Dane osobowe cudzoziemca", "Особисті дані іноземця", "A.1",
                         "Nazwisko (nazwiska)", "Прізвище", "KOWALENKO", "ul. Żółkiewskiego", "kobieta",
                         "Харьков, Харьковская область", "Шевченко", "ul. Grójecka 150, 02-383 Warszawa",
                         "cudzoziemcach."):  # fmt: skip
            self.assertIn(expected, text, expected)
        self.assertNotIn("UL. ŻÓŁKIEWSKIEGO", joined)
        self.assertIn(f"Strona 1/{pdf_pages(data)}", text)
        self.assertIn(f"Strona {pdf_pages(data)}/{pdf_pages(data)}", text)

    def test_it_marks_unconfirmed_rows_and_sections_with_a_footnote(self):
        text = pdf_text(render_mos_pack(sample_pack(), compress=False))
        self.assertIn("K. Pracodawca (załącznik nr 1) *", text)
        self.assertEqual(text.count("*"), 2)  # the markers on rows C.6 and D.6
        # one footnote under each section with a marker: C, D and K
        self.assertEqual(text.count("* Pozycja niepotwierdzona — sprawdź w formularzu MOS."), 3)

    def test_it_lists_attachments_fee_findings_and_next_steps(self):
        text = pdf_text(render_mos_pack(sample_pack(), compress=False))
        for expected in ("Załączniki", "Фотографія 35 × 45 мм", "Gotowe", "Brakuje", "✓", "Opłaty", "440 zł",
                         "540 zł", "Uwagi do sprawdzenia", "V06", "Перевірте дату останнього в'їзду в паспорті.",
                         "Co dalej", "1.", "4.",
                         "Po złożeniu zapisz urzędowe poświadczenie odbioru (UPO)."):  # fmt: skip
            self.assertIn(expected, text, expected)
        self.assertEqual(text.count("✓"), 3)  # three attachments ready

    def test_it_prints_the_paper_form_in_capitals_one_character_per_box(self):
        text = pdf_text(render_paper_form(sample_pack(), compress=False))
        boxes = "".join(t for t in text if len(t) == 1)
        for expected in ("KOWALENKO", "UL.ŻÓŁKIEWSKIEGO", "1994-03-17", "ШЕВЧЕНКО", "ХАРЬКОВ,ХАРЬКОВСКАЯОБЛАСТЬ"):
            self.assertIn(expected, boxes, expected)
        self.assertNotIn("ul.", boxes)
        for expected in ("A. DANE OSOBOWE CUDZOZIEMCA", "K. PRACODAWCA (ZAŁĄCZNIK NR 1)", "A.1 Nazwisko (nazwiska)",
                         "Wzór podpisu", "Oświadczenie", "data", "podpis cudzoziemca"):  # fmt: skip
            self.assertIn(expected, text, expected)
        self.assertNotIn("Прізвище", text)  # Polish labels only

    def test_it_numbers_paper_form_fields_that_have_no_form_reference(self):
        pack = sample_pack()
        pack["sections"].insert(0, {"title": "Organ", "title_user": "", "unconfirmed": False, "rows": [
            {"ref": "Do", "label": "Do którego wojewody składasz wniosek?", "label_user": "", "value": "mazowieckie",
             "unconfirmed": False},
            {"ref": "", "label": "Uwagi", "label_user": "", "value": "", "unconfirmed": False},
        ]})  # fmt: skip
        text = pdf_text(render_paper_form(pack, compress=False))
        self.assertIn("ORGAN", text)
        self.assertIn("Do którego wojewody składasz wniosek?", text)
        self.assertIn("2. Uwagi", text)
        self.assertIn("MAZOWIECKIE", "".join(t for t in text if len(t) == 1))

    def test_it_wraps_a_very_long_value_over_lines_and_pages(self):
        words = "Długi opis zatrudnienia pracownika na budowie przy ulicy Żółkiewskiego w Warszawie".split()
        long_value = " ".join(words[i % len(words)] for i in range(400))[:2000].strip()
        self.assertGreaterEqual(len(long_value), 1990)
        pack = sample_pack()
        pack["sections"][0]["rows"][0]["value"] = long_value
        mos = render_mos_pack(pack, compress=False)
        self.assertGreater(pdf_pages(mos), pdf_pages(render_mos_pack(sample_pack())))
        self.assertIn(long_value.replace(" ", ""), "".join(pdf_text(mos)).replace(" ", ""))
        paper = render_paper_form(pack, compress=False)
        self.assertGreater(pdf_pages(paper), pdf_pages(render_paper_form(sample_pack())))
        boxes = "".join(t for t in pdf_text(paper) if len(t) == 1)
        self.assertIn(long_value.upper().replace(" ", ""), boxes)

    def test_it_splits_an_unbroken_value_taller_than_a_page(self):
        pack = sample_pack()
        pack["sections"][3]["rows"][0]["value"] = "Ż" * 12_000  # D.1, about 15 pages of boxes
        for render in (render_mos_pack, render_paper_form):
            with self.subTest(render.__name__):
                before = "".join(pdf_text(render(sample_pack(), compress=False))).count("Ż")
                data = render(pack, compress=False)
                self.assertEqual("".join(pdf_text(data)).count("Ż") - before, 12_000)
                self.assertGreater(pdf_pages(data), 5)

    def test_it_keeps_every_wrapped_line_inside_its_column(self):
        writer = _Writer.__new__(_Writer)  # wrapping needs the metrics only, no document
        writer.fonts = _font_set(full=False)
        text = "Bardzo długa wartość " * 40 + "BEZ_SPACJI" * 30 + "\nnowy akapit"
        lines = writer.wrap(text, 60.0, "B", 10)
        self.assertGreater(len(lines), 10)
        self.assertEqual(lines[-1], "nowy akapit")
        for line in lines:
            self.assertLessEqual(writer.width(line, "B", 10), 60.0)

    def test_it_skips_empty_sections(self):
        pack = sample_pack()
        pack["sections"].insert(1, {"title": "Sekcja bez pól", "title_user": "Порожній розділ", "unconfirmed": True,
                                    "rows": []})  # fmt: skip
        pack["sections"].append({"title": "Pusta na końcu", "title_user": "", "unconfirmed": False, "rows": []})
        for render in (render_mos_pack, render_paper_form):
            with self.subTest(render.__name__):
                joined = "\n".join(pdf_text(render(pack, compress=False)))
                self.assertNotIn("Sekcja bez pól", joined)
                self.assertNotIn("SEKCJA BEZ PÓL", joined)
                self.assertNotIn("PUSTA NA KOŃCU", joined)

    def test_it_renders_a_pack_with_nothing_but_empty_parts(self):
        pack = sample_pack()
        pack.update(sections=[], attachments=[], fee={}, findings=[], next_steps=[])
        for render in (render_mos_pack, render_paper_form):
            with self.subTest(render.__name__):
                self.assertEqual(pdf_pages(render(pack)), 1)

    def test_it_uses_the_full_font_for_letters_outside_the_reduced_one(self):
        pack = sample_pack()
        pack["sections"][0]["rows"][3]["value"] = "Nguyễn Thị Ánh"
        pack["sections"][0]["rows"][4]["value"] = "ნინო"  # Georgian
        text = pdf_text(render_mos_pack(pack, compress=False))
        self.assertIn("Nguyễn Thị Ánh", text)
        self.assertIn("ნინო", text)

    def test_it_falls_back_to_the_full_fonts_when_the_reduced_ones_cannot_be_built(self):
        self.addCleanup(pdf._reduced.pop, "failed", None)
        with mock.patch.object(pdf, "_reduced_paths", side_effect=OSError("disk full")):
            with self.assertLogs("applications.pdf", "ERROR"):
                data = render_mos_pack(sample_pack(), compress=False)
        self.assertIn("KOWALENKO", pdf_text(data))

    def test_it_raises_pdf_error_for_a_broken_pack(self):
        pack = sample_pack()
        del pack["sections"]
        for render in (render_mos_pack, render_paper_form):
            with self.subTest(render.__name__):
                with self.assertRaises(PdfError) as raised:
                    render(pack)
                self.assertIsInstance(raised.exception.__cause__, KeyError)
        with self.assertRaises(PdfError):
            render_mos_pack(None)
        broken = sample_pack()
        broken["sections"][0]["rows"] = "not a list of rows"
        with self.assertRaises(PdfError):
            render_paper_form(broken)
