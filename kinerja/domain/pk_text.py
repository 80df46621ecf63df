"""The PK parser: rows of a real Perjanjian Kinerja document into `pk.NaskahPK`.

Real PKs come as extracted text, Word files and PDFs, with layout slips. The parser reads `Row`s
(kinerja.domain.source) and works by recognising what a row *is* — a heading, a party line, a table
header, a section row, a signature block — never by its position. It keeps what it reads as printed
(names, targets, signature blocks) and leaves judging differences to the review. What it cannot place
goes to `catatan` with its line number.

Structure of a PK (PermenPANRB 53/2014, docs/parser.md, “The PK's structure and parties”): the statement page (pernyataan), Lampiran 1
(tabel kinerja: sasaran, indikator, target; then program and anggaran), and often Lampiran 2
(penjelasan per indikator). Documents may carry other sections after it (Rencana Aksi, Pengukuran
Kinerja of the previous year); they are recognised and kept apart.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal, cast

from kinerja.domain import numbers, predikat, sel_per_baris, tanggal
from kinerja.domain.nip import normalise_nip
from kinerja.domain.pk import (
    Bagian,
    Baseline,
    Catatan,
    Indikator,
    JenisProgram,
    NaskahPK,
    Penjelasan,
    Pihak,
    PihakKe,
    Program,
    RencanaAksi,
    Sasaran,
    TandaTangan,
    Target,
    Tingkat,
    total_program,
)
from kinerja.domain.source import Kemajuan, Row, SourceError, read_bytes, read_path, read_text
from kinerja.domain.teks_masuk import KARAKTER_TERLARANG, bersihkan


class ParseError(SourceError):
    """The document is readable but is not a usable PK (message in Indonesian, with the line)."""


# ---------------------------------------------------------------------------------------------------
# Vocabulary of the documents
# ---------------------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    """Collapse whitespace (line breaks in cells included)."""
    return _WS.sub(" ", text).strip()


def _key(text: str) -> str:
    """A comparison key: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


_TITLE = re.compile(r"^(?P<awal>PERUBAHAN\s+)?PERJANJIAN\s+KINERJA\b(?P<rest>.*)$", re.I)
# A heading line that says the PK is a revision: "PERUBAHAN", "(PERUBAHAN KE-1)", "PERUBAHAN I".
_BARIS_PERUBAHAN = re.compile(
    r"^\(?\s*PERUBAHAN(?:\s+(?:KE\s*-?\s*\w+|[IVX]+|\d+))?\s*\)?(?:\s+TAHUN\s+\d{4})?$", re.I
)
_LAMPIRAN = re.compile(r"^LAMPIRAN\b\s*(?P<no>[0-9]+|[IVX]+\b)?", re.I)
_PENJELASAN_HEAD = re.compile(r"^PENJELASAN\s+KINERJA\b\s*(?P<no>\d+)?\s*$", re.I)
_RENCANA_AKSI = re.compile(r"^(?:LAMPIRAN\s+\S+\s+)?RENCANA\s+AKSI\b", re.I)
_PENGUKURAN = re.compile(r"^(?:LAPORAN\s+)?PENGUKURAN\s+KINERJA\b", re.I)
_TAHUN = re.compile(r"\bTAHUN\s+(?:ANGGARAN\s+)?(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")

_SECTION_ROW = re.compile(
    r"^(?:\d+\s*[.)]?\s*)?sasaran\s+(?P<lvl>strategis|program|kegiatan|sub\s*kegiatan)\s*:?\s*$", re.I
)
_PIHAK_PHRASE = re.compile(r"pihak\s+(pertama|kesatu|kedua)", re.I)
_LABEL = re.compile(r"^(?:PIHAK\s+(?P<ke>PERTAMA|KESATU|KEDUA))\s*[,:.]?\s*$", re.I)
_FIELD = re.compile(
    r"^(?P<f>N\s*a\s*m\s*a|J\s*a\s*b\s*a\s*t\s*a\s*n|N\s*I\s*P|P\s*a\s*n\s*g\s*k\s*a\s*t(?:\s*/\s*(?:Gol\.?|Golongan))?"
    r"|Gol(?:ongan)?|Unit\s+Kerja|Instansi)\s*\.?\s*[:;“”\"]\s*(?P<v>.*)$",
    re.I,
)
_NIP_ROW = re.compile(r"^N\s*I\s*P\s*\.?\s*:?\s*(?P<v>[\d .\-]*)\s*$", re.I)
_GOLONGAN = re.compile(r"\(?\b(?:I{1,3}|IV)\s*/\s*[a-eA-E]\b\)?")
_PANGKAT_WORD = re.compile(
    r"^(?:Pembina|Penata|Pengatur|Juru)(?:\s+(?:Utama|Muda|Madya|Tingkat|Tk\.?)\b.*)?", re.I
)
_JABATAN_START = re.compile(
    r"^(?:Plt\.?|Plh\.?|Pj\.?|Pjs\.?)?\s*(?:Bupati|Wakil\s+Bupati|Wali\s*kota|Wakil\s+Wali\s*kota|Gubernur|"
    r"Camat|Sekretaris|Sekda|Lurah|Kepala|Inspektur|Direktur|Kabid|Kabag|Kasubb?ag|Kasubb?id|Kasi|Kasie|"
    r"Asisten|Staf\s+Ahli|Ketua|Pimpinan|Kadis|Kaban|Irban|Inspektur\s+Pembantu|Menteri|Walikota)\b",
    re.I,
)
_UNIT_WORD = re.compile(
    r"^(?:Kabupaten|Kota|Provinsi|Kecamatan|Kelurahan|Desa|Dinas|Badan|Bidang|Bagian|Seksi|Sub\b|"
    r"Subbagian|Sekretariat|Inspektorat|Satuan|Kantor|UPT|UPTD|RSUD|Rumah\s+Sakit|Puskesmas|Daerah)",
    re.I,
)
_GELAR = re.compile(
    r"(?:^|[\s,])(?:Dr|Drs|Dra|Ir|Prof|H|Hj|dr|drg|S\.\s?[A-Za-z]{1,5}|M\.\s?[A-Za-z]{1,5}|SH|SE|MM|MSi|"
    r"S\.?Sos|S\.?STP|S\.?IP|A\.?Md|Amd)\.?(?=[\s,]|$)"
)
_DATE_LINE = re.compile(
    r"^(?P<tempat>[A-Za-z][A-Za-z .'\-]{1,40}?)\s*,\s*(?P<tgl>(?:(?:\d{1,2}\s+|_+\s*|\.+\s*)?"
    rf"(?:{tanggal.POLA_NAMA_BULAN})\.?|[._]{{3,}})\s+\d{{4}})\s*$",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}|[a-z])\s*[.)]\s+(?P<v>.+)$", re.I)
_TOTAL_ROW = re.compile(
    r"^\s*(?:TOTAL(?:\s+ANGGARAN)?|JUMLAH(?:\s+(?:ANGGARAN|TOTAL))?|J\s*U\s*M\s*L\s*A\s*H|T\s*O\s*T\s*A\s*L)"
    r"\s*:?\s*(?:(?:Rp|IDR|\d).*)?$",
    re.I,
)
_PROGRAM_START = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?(?:Program|Kegiatan|Sub\s*Kegiatan)\b", re.I)
_AMOUNT = re.compile(
    r"^(?:Rp\.?|IDR)?\s*\d{1,3}(?:[.\s]\s?\d{3})+(?:,\d{1,2}|,-)?\s*$|^(?:Rp\.?|IDR)\s*\d+", re.I
)

_PERIOD_WORDS = re.compile(
    r"^(?:TW|Triwulan|Trw|Tri\s*wulan|Q|Semester|Smt)\s*[-.]?\s*(?:I{1,3}|IV|[1-4])\b|^(?:I{1,3}|IV)$|"
    r"^(?:Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Ags|Sep|Okt|Nov|Des)",
    re.I,
)
_PERIODE = "periode:"
_PROSE = re.compile(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{2,}")


def _tingkat(word: str) -> Tingkat:
    w = word.lower()
    if w.startswith("strat"):
        return "strategis"
    if w.startswith("prog"):
        return "program"
    return "kegiatan"


def _is_prose(text: str) -> bool:
    """A sentence of running text (the statement's promise, an explanation)."""
    return len(text) > 60 and bool(_PROSE.search(text))


def _title_case(text: str) -> str:
    """'KECAMATAN BAJENG' -> 'Kecamatan Bajeng', keeping known acronyms and small words."""
    keep = {"DPRD", "RSUD", "UPT", "UPTD", "BPBD", "BKPSDM", "BPKAD", "DPMPTSP", "PUPR", "SKPD", "OPD"}
    small = {"dan", "dari", "di", "ke", "untuk", "pada", "yang"}
    words = []
    for i, w in enumerate(_norm(text).split(" ")):
        if w.upper() in keep:
            words.append(w.upper())
        elif i > 0 and w.lower() in small:
            words.append(w.lower())
        elif w.isupper() or w.islower():
            words.append(w[:1].upper() + w[1:].lower())
        else:
            words.append(w)
    return " ".join(words)


_UNIT_IN_TEXT = re.compile(
    r"\b(?P<unit>(?:KECAMATAN|DINAS|BADAN|INSPEKTORAT|SEKRETARIAT|KELURAHAN|SATUAN|KANTOR|BAGIAN|"
    r"BIDANG|RSUD|RUMAH SAKIT|UPTD?|PUSKESMAS)\b[A-Z0-9 ,.&/'\-]*?)\s*"
    r"(?P<pemda>\b(?:KABUPATEN|KOTA|PROVINSI)\s+[A-Z][A-Z .'\-]*)?$"
)
_PEMDA_IN_TEXT = re.compile(r"\b(?P<pemda>(?:PEMERINTAH\s+)?(?:KABUPATEN|KOTA|PROVINSI)\s+[A-Z][A-Z .'\-]*)$")


# ---------------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------------

_PAREN = re.compile(r"\((?P<inner>[^()]*)\)")


_ANGKA_RENTANG = r"\d[\d.,]*"
# "80-90%", "80 – 90 %", "80% - 90%", "5 s.d. 10 unit", "5 s/d 10", "5 sampai dengan 10 unit".
_RENTANG = re.compile(
    rf"^(?P<a>{_ANGKA_RENTANG})\s*(?P<s1>%?)\s*(?:-|–|—|s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?)\s*"
    rf"(?P<b>{_ANGKA_RENTANG})\s*(?P<satuan>.*)$",
    re.I,
)


def _rentang(text: str) -> Target | None:
    """A target printed as a range: its bounds and satuan, or None when it is not one."""
    m = _RENTANG.match(text)
    if not m:
        return None
    try:
        a, b = numbers.parse_angka(m.group("a")), numbers.parse_angka(m.group("b"))
    except ValueError:
        return None
    if b <= a:
        return None
    satuan = _norm(m.group("satuan")) or (m.group("s1") or None)
    if satuan and satuan.lower() in ("persen", "%"):
        satuan = "%"
    return Target(teks=text, nilai=a, nilai_atas=b, satuan=satuan or None)


_SKALA = re.compile(r"(ribu|juta|miliar|milyar|triliun)\b\.?", re.I)
_SKALA_KALI = {
    "ribu": Decimal(10) ** 3,
    "juta": Decimal(10) ** 6,
    "miliar": Decimal(10) ** 9,
    "milyar": Decimal(10) ** 9,
    "triliun": Decimal(10) ** 12,
}


# A second number standing as a word in what follows a target's value ("unit 1 tahun"; not "m2").
_KUANTITAS_LAIN = re.compile(r"(?:^|[\s,;(/])\d")


def parse_target(teks: str) -> Target:
    """A printed target into value, unit and predicate: '84,00 (Balk)' -> 84.00, predikat 'Baik'; a
    range '80–90%' into its two bounds."""
    text = _norm(teks)
    rentang = _rentang(text)
    if rentang is not None:
        return rentang
    pred_word: str | None = None
    body = text
    m = _PAREN.search(text)
    if m:
        found = predikat.normalise_predikat(m.group("inner"))
        if found is not None:
            pred_word = m.group("inner").strip()
            body = _norm(text[: m.start()] + text[m.end() :])
    nilai: Decimal | None
    satuan: str | None
    try:
        nilai, satuan = numbers.parse_nilai(body)
    except ValueError:
        nilai, satuan = None, None
    if nilai is None and pred_word is None and body:
        found = predikat.normalise_predikat(body)
        if found is not None:
            pred_word = body
    if nilai is not None and satuan and _KUANTITAS_LAIN.search(satuan):
        # "27 unit 1 tahun", "1 dokumen, 70 orang": two quantities, no one value to measure against
        nilai, satuan = None, None
    if nilai is not None and satuan and (m_skala := _SKALA.match(satuan)):
        # "500 ribu org", "1,5 juta": the scale word multiplies (the printed text stays as it was)
        nilai = nilai * _SKALA_KALI[m_skala.group(1).lower()]
        satuan = satuan[m_skala.end() :].strip() or None
    if nilai is not None and satuan and pred_word is None:
        found = predikat.normalise_predikat(satuan)
        if found is not None:  # "84,00 Baik"
            pred_word, satuan = satuan, None
    kata = predikat.normalise_predikat(pred_word) if pred_word else None
    return Target(
        teks=text,
        nilai=nilai,
        satuan=satuan,
        predikat=kata.kata if kata else None,
        predikat_tercetak=kata.tercetak if kata and kata.dinormalisasi else None,
    )


_TOTAL_WORD = re.compile(
    r"^\s*(?:TOTAL(?:\s+ANGGARAN)?|JUMLAH(?:\s+(?:ANGGARAN|TOTAL))?|J\s*U\s*M\s*L\s*A\s*H|T\s*O\s*T\s*A\s*L)\s*:?\s*",
    re.I,
)


def _is_total(text: str) -> re.Match[str] | None:
    """A total row ("TOTAL", "Jumlah Rp 5.204.765.371,00") — not an indicator such as "Jumlah anggaran 100%"."""
    m = _TOTAL_ROW.match(text)
    if m is None:
        return None
    rest = _TOTAL_WORD.sub("", text, count=1).strip()
    return m if not rest or _AMOUNT.match(rest) else None


def _core(cols: dict[str, int]) -> dict[str, int]:
    """The columns of a tabel kinerja header without its period columns (Tw 1 … Tw 4)."""
    return {k: v for k, v in cols.items() if not k.startswith(_PERIODE)}


def _aligned(row: Row, header: Row) -> bool:
    """Fixed-width layout: every cell of the row starts under a column of the header."""
    return all(
        any(abs(pos - st) <= 3 for st in header.posisi)
        for cell, pos in zip(row.sel, row.posisi, strict=True)
        if cell.strip()
    )


def _pusat(row: Row) -> list[float]:
    """The middle of each cell of a fixed-width row, in characters."""
    return [pos + len(_norm(c)) / 2 for c, pos in zip(row.sel, row.posisi, strict=True)]


def _kolom_terdekat(row: Row, header: Row) -> list[int | None]:
    """For each cell, the header column whose middle is nearest to the cell's (None for an empty
    cell): headings centred over left-aligned columns, as a PDF's table without ruling lines shows."""
    tengah = [t for t, c in zip(_pusat(header), header.sel, strict=True) if c.strip()]
    kolom = [k for k, c in enumerate(header.sel) if c.strip()]
    return [
        None if not c.strip() else kolom[min(range(len(tengah)), key=lambda i: abs(tengah[i] - t))]
        for c, t in zip(row.sel, _pusat(row), strict=True)
    ]


_UANG_LONGGAR = re.compile(r"^(?:Rp\.?\s*)?\d[\d.\s]{3,}(?:,\d{1,2}|,-)?$")


def _nama_dan_uang(row: Row) -> tuple[str, str, int] | None:
    """(name, amount, where the name starts) of a fixed-width budget row "No | name … | Rp | amount |
    Ket", whatever the spacing between the name's words; None without a name and an amount. The amount
    may be misread ("2271.400.000,00"): it is then refused with a note, not taken into the name."""
    isi = [(_norm(c), p) for c, p in zip(row.sel, row.posisi, strict=True) if c.strip()]
    uang = [k for k, (c, _) in enumerate(isi) if _UANG_LONGGAR.match(c)]
    if not uang:
        return None
    k = uang[-1]
    angg = isi[k][0]
    if k and (rp := re.search(r"(?:^|\s)(Rp\.?)$", isi[k - 1][0])):
        # "Rp" in a cell of its own, or run into the end of the name ("Pembangunan Rp")
        angg = f"{rp.group(1)} {angg}"
        sisa = isi[k - 1][0][: rp.start()].strip()
        isi = [*isi[: k - 1], (sisa, isi[k - 1][1])] if sisa else isi[: k - 1]
        k = len(isi)
    nama = [(c, p) for c, p in isi[:k] if not re.fullmatch(r"\d{1,2}\.?|Rp\.?", c)]
    if not nama:
        return None
    return " ".join(c for c, _ in nama), angg, nama[0][1]


def _sambung(atas: str, bawah: str) -> str:
    """A cell's text continued on the next line: a word broken after its hyphen ("RAD-" / "PPK") is
    joined without a space."""
    if not bawah:
        return atas
    return atas + bawah if atas.endswith("-") and atas[-2:-1].isalnum() else f"{atas} {bawah}"


def _dalam_kolom(row: Row, header: Row) -> bool:
    """Every cell of a fixed-width row starts inside a column of the header: from 3 characters before
    a column's start to the next column's start (the last column: up to 15 characters in)."""
    awal = sorted(p for p, c in zip(header.posisi, header.sel, strict=True) if c.strip())
    batas = [*awal[1:], awal[-1] + 15] if awal else []
    return all(
        any(a - 3 <= pos < b for a, b in zip(awal, batas, strict=True))
        for cell, pos in zip(row.sel, row.posisi, strict=True)
        if cell.strip()
    )


def _kepala_tepat(row: Row, header: Row) -> Row | None:
    """A fixed-width header whose headings are centred over left-aligned columns (a PDF table without
    ruling lines, `pdftotext -layout`): from the first data row that fills every column, the header
    with the columns' real starts, so the rows below (wrapped cells included) fall under it. None when
    the row is not such a row."""
    if not (header.posisi and row.posisi) or _aligned(row, header):
        return None
    judul = [k for k, c in enumerate(header.sel) if c.strip()]
    kolom = _kolom_terdekat(row, header)
    isi = [k for k in kolom if k is not None]
    if len(judul) < 3 or isi != judul:
        return None
    posisi = list(header.posisi)
    for k, pos in zip(kolom, row.posisi, strict=True):
        if k is not None:
            posisi[k] = pos
    return dataclasses.replace(header, posisi=tuple(posisi))


def _ends_text_table(row: Row, header: Row) -> bool:
    """A single-cell text line ends a text table, unless it sits under a later column (a wrapped cell)."""
    if row.tabel is not None or len(row.sel) != 1:
        return False
    return not (header.posisi and row.posisi and row.posisi[0] > 0 and _aligned(row, header))


def _satuan(text: str) -> str:
    """A satuan column's word, normalised as in targets ("Persen" -> "%")."""
    try:
        return numbers.parse_nilai("1 " + _norm(text))[1] or _norm(text)
    except ValueError:
        return _norm(text)


def _target_parts(text: str) -> list[str]:
    """Split a cell that packs several targets (one per line) — only when each line is a target."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return [text]
    for ln in lines:
        t = parse_target(ln)
        if t.nilai is None and t.predikat is None:
            return [text]
    return lines


# A code of the Permendagri 90/2019 nomenclature: urusan.bidang.program[.kegiatan (2 parts)[.sub kegiatan]]
# ("7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001"; "X.XX.01" for a program of every urusan).
_KODE_PROGRAM = re.compile(r"(?:\d{1,2}|X)\.(?:\d{2}|XX)\.\d{2}(?:\.\d\.\d{2}(?:\.\d{4})?)?")
_KODE_DEPAN = re.compile(rf"^(?P<kode>{_KODE_PROGRAM.pattern})\s+(?P<nama>\S.*)$")
_JENIS_KATA = re.compile(r"^(?P<sub>sub\s*kegiatan)|^(?P<keg>kegiatan)\b", re.I)


def pisah_kode(nama: str) -> tuple[JenisProgram, str | None, str]:
    """(jenis, kode, nama) of a budget table row: its code printed before the name, and whether it is a
    program, kegiatan or sub kegiatan (by the code's parts, else by the name's first words)."""
    kode = None
    m = _KODE_DEPAN.match(nama.strip())
    if m:
        kode, nama = m.group("kode"), m.group("nama").strip()
    jenis: JenisProgram = "program"
    if kode is not None:
        bagian = kode.count(".") + 1
        jenis = "kegiatan" if bagian == 5 else "sub_kegiatan" if bagian == 6 else "program"
    else:
        k = _JENIS_KATA.match(nama)
        if k:
            jenis = "sub_kegiatan" if k.group("sub") else "kegiatan"
    return jenis, kode, nama


_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•·*])\s+", re.I)


def _indicator_parts(text: str, count: int) -> list[str] | None:
    """Split a cell packing `count` indicators (one per line, or each after a list marker)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    marked = [i for i, ln in enumerate(lines) if _MARKER.match(ln)]
    if len(marked) == count and marked and marked[0] == 0:
        parts = []
        for j, start in enumerate(marked):
            end = marked[j + 1] if j + 1 < len(marked) else len(lines)
            parts.append(_MARKER.sub("", " ".join(lines[start:end]), count=1))
        return parts
    if len(lines) == count:
        return lines
    return None


# ---------------------------------------------------------------------------------------------------
# Segmenting a file into PKs and sections
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Section:
    kind: str  # pernyataan | lampiran_1 | lampiran_2 | rencana_aksi | pengukuran | awal
    rows: list[Row] = field(default_factory=list)
    start: int | None = None


@dataclass
class _Doc:
    sections: list[_Section] = field(default_factory=list)
    title: Row | None = None

    def section(self, kind: str) -> list[_Section]:
        return [s for s in self.sections if s.kind == kind]


def _is_title(row: Row) -> bool:
    text = row.teks
    m = _TITLE.match(text)
    return m is not None and len(text) <= 140 and not _is_prose(m.group("rest"))


def _starts_statement(rows: Sequence[Row], i: int) -> bool:
    """A PK title is a new PK (not a repeated page header) when a statement follows it."""
    for row in rows[i + 1 : i + 16]:
        text = row.teks
        if re.search(r"bertanda\s*tangan|^N\s*a\s*m\s*a\s*[:.]", text, re.I):
            return True
        if _is_title(row) or _LAMPIRAN.match(text):
            return False
    return False


def _is_kinerja_header(row: Row) -> bool:
    keys = [_key(c) for c in row.sel]

    def has(word: str) -> bool:
        return any(word in k for k in keys)

    return len(row.sel) >= 3 and has("sasaran") and has("indikator") and has("target")


def _section_of_heading(row: Row, current: str) -> str | None:
    text = row.teks
    if len(row.sel) > 1 and len([c for c in row.sel if c.strip()]) > 1:
        return None
    if _RENCANA_AKSI.match(text) and len(text) < 120:
        return "rencana_aksi"
    if _PENGUKURAN.match(text) and len(text) < 120:
        return "pengukuran"
    m = _LAMPIRAN.match(text)
    if m and len(text) < 160 and not _is_prose(text):
        no = (m.group("no") or "").upper()
        if no in {"2", "II"} or re.search(r"PENJELASAN", text, re.I):
            return "lampiran_2"
        if no in {"1", "I"}:
            return "lampiran_1"
        if no in {"3", "III"}:
            return "lampiran_lain"
        return (
            "lampiran_2"
            if current in {"lampiran_1"} and re.search("penjelasan", text, re.I)
            else ("lampiran_1" if current in {"pernyataan", "awal"} else None)
        )
    if current in {"lampiran_1", "pernyataan"} and re.match(r"^PENJELASAN\s+KINERJA\b", text, re.I):
        return "lampiran_2"
    return None


def _segment(rows: Sequence[Row]) -> list[_Doc]:
    docs: list[_Doc] = []
    doc = _Doc()
    sec = _Section("awal")
    doc.sections.append(sec)
    for i, row in enumerate(rows):
        lembar_baru = row.lembar is not None and (i == 0 or rows[i - 1].lembar != row.lembar)
        if _is_title(row) and (_starts_statement(rows, i) or lembar_baru):
            started = any(s.rows for s in doc.sections if s.kind != "awal") or doc.title is not None
            if started:
                docs.append(doc)
                doc = _Doc()
            doc.title = row
            sec = _Section("pernyataan", start=row.baris)
            doc.sections.append(sec)
            continue
        kind = _section_of_heading(row, sec.kind)
        # A PK reprinted as an annex of another report ("Lampiran 2" of the LKIP): its tabel kinerja
        # follows, not explanations.
        if (
            kind == "lampiran_2"
            and not any(s.kind == "lampiran_1" for s in doc.sections)
            and any(_is_kinerja_header(r) for r in rows[i + 1 : i + 6])
        ):
            kind = "lampiran_1"
        if kind is None and sec.kind in {"pernyataan", "awal"} and _is_kinerja_header(row):
            kind = "lampiran_1"
        if kind is not None and kind != sec.kind:
            sec = _Section(kind, start=row.baris)
            doc.sections.append(sec)
        sec.rows.append(row)
    docs.append(doc)
    return docs


# ---------------------------------------------------------------------------------------------------
# Signature blocks
# ---------------------------------------------------------------------------------------------------


def _looks_like_name(text: str) -> bool:
    t = _norm(text)
    if not t or len(t) > 90 or re.search(r"\d", t) or ":" in t:
        return False
    if _JABATAN_START.match(t) or _UNIT_WORD.match(t) or _LABEL.match(t) or _DATE_LINE.match(t):
        return False
    words = [w for w in re.split(r"[\s,]+", t) if w]
    if not 1 <= len(words) <= 12:
        return False
    if _GELAR.search(t):
        return True
    letters = [c for c in t if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(words) >= 2 and upper >= 0.8 * len(letters)


def _berdampingan(row: Row) -> bool:
    """Whether a row holds text in more than one cell (side-by-side signature blocks)."""
    return sum(1 for c in row.sel if c.strip()) > 1


def _looks_like_jabatan(text: str) -> bool:
    t = _norm(text)
    return bool(_JABATAN_START.match(t)) and len(t) < 120 and not _is_prose(t)


@dataclass
class _Block:
    label: str | None = None
    jabatan: list[str] = field(default_factory=list)
    nama: str | None = None
    nip: str | None = None
    pangkat: str | None = None
    tempat: str | None = None
    tanggal: str | None = None
    baris: int | None = None
    kolom: int | None = None


@dataclass
class _Item:
    baris: int
    text: str
    kolom: int | None = None


def _blocks(items: Sequence[_Item], used: set[int]) -> tuple[list[_Block], str | None, str | None]:
    """Group a stream of lines into signature blocks; returns blocks and the first place/date seen."""
    blocks: list[_Block] = []
    pending = _Block()
    tempat = tgl = None
    first_tempat = first_tgl = None
    last: _Block | None = None
    for idx, item in enumerate(items):
        t = _norm(item.text)
        if not t:
            continue
        m_date = _DATE_LINE.match(t)
        m_label = _LABEL.match(t.rstrip(","))
        m_nip = _NIP_ROW.match(t)
        if m_date:
            tempat, tgl = _norm(m_date.group("tempat")), _norm(m_date.group("tgl"))
            if first_tempat is None:
                first_tempat, first_tgl = tempat, tgl
            used.add(idx)
            last = None
            continue
        if m_label:
            pending = _Block(label=m_label.group("ke").lower(), kolom=item.kolom)
            used.add(idx)
            last = None
            continue
        if m_nip:
            if last is not None and last.nip is None:
                last.nip = normalise_nip(m_nip.group("v")) or (_norm(m_nip.group("v")) or None)
                used.add(idx)
            continue
        if last is not None and last.pangkat is None and (_PANGKAT_WORD.match(t) or _GOLONGAN.search(t)):
            last.pangkat = t
            used.add(idx)
            continue
        is_jabatan = _looks_like_jabatan(t) or (
            pending.jabatan and _UNIT_WORD.match(t) and not _looks_like_name(t)
        )
        if is_jabatan and pending.nama is None:
            pending.jabatan.append(t)
            pending.kolom = item.kolom if pending.kolom is None else pending.kolom
            used.add(idx)
            last = None
            continue
        if pending.jabatan and pending.nama is None and _jabatan_berlanjut(t, pending.jabatan, items, idx):
            pending.jabatan.append(t)
            used.add(idx)
            continue
        if (pending.label or pending.jabatan) and not _is_prose(t) and _looks_like_name_loose(t):
            pending.nama = t
            pending.baris = item.baris
            pending.tempat, pending.tanggal = tempat, tgl
            pending.kolom = item.kolom if pending.kolom is None else pending.kolom
            blocks.append(pending)
            last = pending
            pending = _Block()
            used.add(idx)
            continue
        last = None
    return blocks, first_tempat, first_tgl


def _jabatan_berlanjut(t: str, jabatan: list[str], items: Sequence[_Item], idx: int) -> bool:
    """Whether `t`, under a jabatan, is the jabatan's next line rather than the name: the line after it
    is the name ("KEPALA BADAN PERENCANAAN" / "PEMBANGUNAN DAERAH," / "Ir. YERRY YANUAR, MM"), and `t`
    either closes the jabatan with its comma or lacks the academic title that name carries."""
    berikut = next((_norm(x.text) for x in items[idx + 1 :] if _norm(x.text)), "")
    if not berikut or _NIP_ROW.match(berikut) or _PANGKAT_WORD.match(berikut) or _GOLONGAN.search(berikut):
        return False
    if not _looks_like_name_loose(berikut) or _looks_like_jabatan(berikut):
        return False
    menutup = t.endswith(",") and not jabatan[-1].endswith(",")
    if menutup or (not _GELAR.search(t) and bool(_GELAR.search(berikut))):
        return True
    # the name is the line right above the pangkat or the NIP: the line above the name is still jabatan
    lagi = [_norm(x.text) for x in items[idx + 1 :] if _norm(x.text)][1:2]
    return bool(lagi) and bool(
        _NIP_ROW.match(lagi[0]) or _PANGKAT_WORD.match(lagi[0]) or _GOLONGAN.search(lagi[0])
    )


def _looks_like_name_loose(text: str) -> bool:
    """A name right under a jabatan: no digits, not a jabatan, not a heading, short."""
    if _looks_like_name(text):
        return True
    t = _norm(text)
    return (
        not re.search(r"\d|:", t)
        and len(t.split()) <= 8
        and not _looks_like_jabatan(t)
        and not _UNIT_WORD.match(t)
        and t[:1].isupper()
        and not re.match(r"^(?:PROGRAM|ANGGARAN|TABEL|LAMPIRAN|TAHUN|SASARAN|INDIKATOR)\b", t, re.I)
    )


def _stream_items(rows: Sequence[Row], skip: set[int]) -> list[list[_Item]]:
    """Streams of candidate lines: one stream for single-column text, one per column of a 2-column run."""
    streams: list[list[_Item]] = [[]]
    main = streams[0]
    columns: dict[int, list[_Item]] = {}
    for row in rows:
        if row.baris in skip:
            continue
        cells = list(row.sel)
        filled = [(j, c) for j, c in enumerate(cells) if c.strip()]
        if row.tabel is None and len(filled) > 1 and _DATE_LINE.match(row.teks):
            filled = [(0, row.teks)]  # "Boyolali,        Januari 2026": a date whose day was left blank
        if len(filled) <= 1 and row.tabel is None and (not filled or filled[0][0] == 0 or not columns):
            if filled:
                for line in filled[0][1].split("\n"):
                    main.append(_Item(row.baris, line, None))
            continue
        for j, c in filled:
            col = columns.setdefault(j, [])
            for line in c.split("\n"):
                col.append(_Item(row.baris, line, j))
    streams.extend(columns[j] for j in sorted(columns))
    return streams


# ---------------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------------


@dataclass
class _SasaranDraf:
    """A sasaran being read: its level, its text (growing while a wrapped cell goes on), its indikator."""

    tingkat: Tingkat
    uraian: str
    indikator: list[Indikator]
    baris: int


@dataclass
class _TabelDraf:
    """A tabel kinerja being read: its header (a guided one once `dipandu`), which column holds what,
    the level of its sasaran, the sasaran the next rows belong to, and the real tables it spans."""

    header: Row
    cols: dict[str, int]
    tingkat: Tingkat
    current: _SasaranDraf | None
    tables: set[int | None]
    dipandu: bool = False  # the header's columns taken from the first full data row (`_kepala_tepat`)


@dataclass
class _SelData:
    """A data row of the tabel kinerja by column (a handler may take a part as its own and clear it)."""

    values: dict[str, Any]
    sas: str
    ind: str
    tgt: str
    satuan: str
    tanpa_nomor: bool  # a guided table's row without a number: it goes on with the row above


@dataclass
class _PenjelasanDraf:
    """A Penjelasan Kinerja block being read: the part it is in, the texts gathered so far, the table
    under its last header, and one entry per indikator (merged by name across the tables)."""

    part: str = "awal"  # awal | uraian | dasar | indikator | target
    uraian: list[str] = field(default_factory=list)
    dasar: list[str] = field(default_factory=list)
    dasar_baris: list[int] = field(default_factory=list)  # the line each citation starts on
    jumlah: str | None = None
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    leftovers: list[Row] = field(default_factory=list)
    table_kind: str | None = None  # relevansi | target | baseline
    header: Row | None = None

    def entry(self, name: str, baris: int) -> dict[str, Any]:
        """The entry of an indikator: an existing one when the name is the same (or one starts the other)."""
        k = _key(name)
        for existing in self.order:
            if existing == k or (len(k) > 6 and (existing.startswith(k) or k.startswith(existing))):
                return self.entries[existing]
        self.entries[k] = {"indikator": _norm(name), "baris": baris}
        self.order.append(k)
        return self.entries[k]


# A row read / an empty row passed over / the table ended before the row / ended with the row (its total)
_Langkah = Literal["lanjut", "lewati", "henti", "habis"]


@dataclass
class _PihakDraf:
    """The parties' identities being read on the statement: the group open now and the closed ones."""

    group: dict[str, str | None] = field(default_factory=dict)
    groups: list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class _AnggaranDraf:
    """A budget table being read: its header and the columns of name, amount and code, and what the
    rows so far tell about the next one."""

    header: Row
    ip: int  # the program / kegiatan column
    ia: int  # the anggaran column
    ik: int | None  # the kode column
    awal_program: int  # the first program of this table in the PK's list
    pertama: int  # the first row under the header
    ada_nomor: bool = False  # some row had a number in a column of its own
    lanjutan: int = -1  # the last row that was a program or went on with its name
    awal_nama: int = -99  # where a name read by `_nama_dan_uang` starts (its wrapped lines start there)


@dataclass
class _Out:
    """Mutable accumulator for one PK; frozen at the end."""

    tahun: int | None = None
    jenis: str = "murni"
    unit: str | None = None
    pemerintah: str | None = None
    pihak: dict[str, dict[str, str | None]] = field(default_factory=dict)
    pihak_baris: dict[str, int] = field(default_factory=dict)  # the "Nama :" line of each party
    tanggal_baris: int | None = None  # the statement's place-and-date line
    total_baris: int | None = None  # the printed total row
    tempat: str | None = None
    tanggal: str | None = None
    ttd: list[TandaTangan] = field(default_factory=list)
    sasaran: list[_SasaranDraf] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    total_tercetak: Decimal | None = None
    penjelasan: list[Penjelasan] = field(default_factory=list)
    rencana: list[RencanaAksi] = field(default_factory=list)
    catatan: list[Catatan] = field(default_factory=list)
    alasan: str | None = None

    def note(self, baris: int | None, pesan: str) -> None:
        self.catatan.append(Catatan(baris, pesan))


class _PKParser:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.out = _Out()
        self.used: set[int] = set()
        self._tingkat: Tingkat | None = None

    # -- entry -----------------------------------------------------------------------------------
    def run(self) -> NaskahPK:
        out = self.out
        if self.doc.title is not None:
            self._title(self.doc.title)
        for sec in self.doc.sections:
            if sec.kind == "pernyataan":
                self._pernyataan(sec)
            elif sec.kind == "lampiran_1":
                self._lampiran_1(sec)
            elif sec.kind == "lampiran_2":
                self._lampiran_2(sec)
            elif sec.kind == "rencana_aksi":
                self._rencana_aksi(sec)
            elif sec.kind == "pengukuran":
                self._skip_section(sec, "Pengukuran Kinerja")
            elif sec.kind == "lampiran_lain":
                self._skip_section(sec, "lampiran lain")
            else:  # awal: text before the title (kop surat, nomor)
                for row in sec.rows:
                    self._heading_info(row)
        self._derive_units()
        total_sum = total_program(out.program) or Decimal("0.00")
        pertama = self._pihak("pertama")
        kedua = self._pihak("kedua")
        # No place and date on the statement (or no statement): the PK is dated where it is signed
        # under the tables.
        ttd_lampiran = next(
            (t for t in out.ttd if t.bagian == "lampiran_1" and t.tanggal),
            TandaTangan(bagian="lampiran_1", pihak="pertama", nama=""),
        )
        return NaskahPK(
            tahun=out.tahun,
            jenis="perubahan" if out.jenis == "perubahan" else "murni",
            unit=out.unit,
            pemerintah=out.pemerintah,
            pihak_pertama=pertama,
            pihak_kedua=kedua,
            tempat=out.tempat or ttd_lampiran.tempat,
            tanggal=out.tanggal or ttd_lampiran.tanggal,
            baris_tanggal=out.tanggal_baris,
            baris_total=out.total_baris,
            tanda_tangan=tuple(out.ttd),
            sasaran=tuple(
                Sasaran(tingkat=d.tingkat, uraian=d.uraian, indikator=tuple(d.indikator), baris=d.baris)
                for d in out.sasaran
            ),
            program=tuple(out.program),
            total_anggaran=(
                out.total_tercetak
                if not out.program and out.total_tercetak is not None
                else (numbers.bulatkan(total_sum) if out.program else None)
            ),
            total_anggaran_tercetak=out.total_tercetak,
            penjelasan=tuple(out.penjelasan),
            rencana_aksi=tuple(out.rencana),
            alasan_perubahan=out.alasan,
            catatan=tuple(out.catatan),
        )

    def _pihak(self, ke: str) -> Pihak | None:
        p = self.out.pihak.get(ke)
        sig = next((t for t in self.out.ttd if t.bagian == "pernyataan" and t.pihak == ke), None)
        if not self.out.pihak and not any(t.bagian == "pernyataan" for t in self.out.ttd):
            # No statement page (exports of e-SAKIP applications): the parties are the signatures under
            # the tabel kinerja.
            sig = next((t for t in self.out.ttd if t.pihak == ke), None)
        if not p and sig is None:
            return None
        p = p or {}
        nama = p.get("nama") or (sig.nama if sig else None)
        if not nama:
            return None
        return Pihak(
            nama=nama,
            jabatan=p.get("jabatan") or (sig.jabatan.rstrip(" ,") or None if sig and sig.jabatan else None),
            nip=p.get("nip") or (sig.nip if sig else None),
            pangkat=p.get("pangkat") or (sig.pangkat if sig else None),
            baris=self.out.pihak_baris.get(ke, sig.baris if sig and not p.get("nama") else None),
        )

    # -- headings ----------------------------------------------------------------------------------
    def _title(self, row: Row) -> None:
        m = _TITLE.match(row.teks)
        assert m is not None
        if m.group("awal") or re.search(r"\bPERUBAHAN\b", m.group("rest"), re.I):
            self.out.jenis = "perubahan"
        self._heading_info(row)

    def _heading_info(self, row: Row) -> bool:
        """Year, unit and pemerintah daerah from a heading line; True if the row was a heading."""
        text = row.teks
        if _is_prose(text) or len(text) > 160:
            return False
        found = False
        if _BARIS_PERUBAHAN.match(text):
            self.out.jenis = "perubahan"  # the title's next line: "PERUBAHAN", "(PERUBAHAN KE-1)"
            found = True
        m = _TAHUN.search(text)
        if m and (text.isupper() or _TITLE.match(text) or _LAMPIRAN.match(text) or len(text) < 30):
            if self.out.tahun is None:
                self.out.tahun = int(m.group(1))
            found = True
        upper = text.upper() == text
        if upper:
            body = _TAHUN.sub("", text)
            body = re.sub(
                r"^(?:LAMPIRAN\s+\S+\s+)?(?:PERJANJIAN\s+KINERJA(?:\s+PERUBAHAN)?)\s*", "", body.strip()
            )
            body = body.strip(" ,.-")
            mu = _UNIT_IN_TEXT.search(body)
            if mu:
                if self.out.unit is None:
                    self.out.unit = _title_case(mu.group("unit").strip(" ,.-"))
                if mu.group("pemda") and self.out.pemerintah is None:
                    self.out.pemerintah = _title_case(mu.group("pemda").strip())
                found = True
            else:
                mp = _PEMDA_IN_TEXT.search(body)
                if mp and self.out.pemerintah is None:
                    self.out.pemerintah = _title_case(
                        re.sub(r"^PEMERINTAH\s+", "", mp.group("pemda").strip())
                    )
                    found = True
            if re.fullmatch(r"(?:TABEL|PENJELASAN)\s+KINERJA|CAMAT\s+.*|KEPALA\s+.*|BUPATI\s+.*", body):
                found = True
        if _LAMPIRAN.match(text) or _TITLE.match(text):
            found = True
        return found

    def _derive_units(self) -> None:
        out = self.out
        p1 = out.pihak.get("pertama", {}).get("jabatan") or ""
        p2 = out.pihak.get("kedua", {}).get("jabatan") or ""
        if out.unit is None and p1:
            m = re.match(r"^(?:Plt\.?|Plh\.?|Pj\.?)?\s*Camat\s+(.+)$", p1, re.I)
            if m:
                out.unit = "Kecamatan " + _title_case(m.group(1))
            m = re.match(r"^(?:Plt\.?|Plh\.?|Pj\.?)?\s*Kepala\s+(.+)$", p1, re.I)
            if out.unit is None and m:
                unit = re.sub(r"\s+(?:Kabupaten|Kota|Provinsi)\s+.*$", "", m.group(1), flags=re.I)
                out.unit = _title_case(unit)
        if out.pemerintah is None:
            for jab in (p2, p1):
                m = re.search(r"\b(Bupati|Wali\s*kota|Gubernur)\s+(.+)$", jab, re.I)
                if m:
                    kind = {"b": "Kabupaten", "w": "Kota", "g": "Provinsi"}[m.group(1)[0].lower()]
                    out.pemerintah = f"{kind} {_title_case(m.group(2))}"
                    break
                m = re.search(r"\b(Kabupaten|Kota|Provinsi)\s+(.+)$", jab, re.I)
                if m:
                    out.pemerintah = f"{m.group(1).title()} {_title_case(m.group(2))}"
                    break

    # -- pernyataan ----------------------------------------------------------------------------------
    def _pernyataan(self, sec: _Section) -> None:
        """The statement: the parties' identities ("Nama : …" groups, each closed by "selanjutnya disebut
        PIHAK …"), the reason of a perubahan, and the place, date and signatures under it."""
        out = self.out
        p = _PihakDraf()
        consumed: set[int] = set()
        for row in sec.rows:
            if self._identitas(p, row) or self._sebutan(p, row):
                consumed.add(row.baris)
            elif re.search(r"perubahan", row.teks, re.I) and re.search(
                r"alasan|karena|disebabkan", row.teks, re.I
            ):
                out.alasan = _norm(row.teks)
        if p.group.get("nama"):
            p.groups.append(p.group)
        for i, g in enumerate(p.groups):
            ke = g.pop("_ke", None) or ("pertama" if i == 0 else "kedua")
            baris = g.pop("_baris", None)
            if ke in out.pihak:
                continue
            out.pihak[ke] = g
            if baris is not None:
                out.pihak_baris[ke] = int(baris)
        # heading lines, prose and signature blocks
        sig_rows = [
            r
            for r in sec.rows
            if r.baris not in consumed and not self._heading_info(r) and not _is_prose(r.teks)
        ]
        tempat, tgl = self._signatures(sig_rows, "pernyataan")
        if tempat and out.tempat is None:
            out.tempat, out.tanggal = tempat, tgl
            out.tanggal_baris = next((r.baris for r in sig_rows if _DATE_LINE.match(_norm(r.teks))), None)

    @staticmethod
    def _identitas(p: _PihakDraf, row: Row) -> bool:
        """A "Nama / Jabatan / NIP / Pangkat : …" line of a party's identity (a new "Nama" starts one)."""
        m = _FIELD.match(row.teks)
        if not m:
            return False
        f = _key(m.group("f"))
        v = _norm(m.group("v")) or None
        if f == "nama":
            if p.group.get("nama"):
                p.groups.append(p.group)
            p.group = {"nama": v, "_baris": str(row.baris)}
        elif f == "jabatan":
            p.group["jabatan"] = v
        elif f == "nip":
            if not p.group.get("nama"):
                return False  # a signature block's NIP line, read with the block
            p.group["nip"] = normalise_nip(v or "") or v
        elif f.startswith("pangkat") or f.startswith("gol"):
            p.group["pangkat"] = v
        return True

    @staticmethod
    def _sebutan(p: _PihakDraf, row: Row) -> bool:
        """ "yang bertanda tangan di bawah ini", or "selanjutnya disebut PIHAK PERTAMA" closing a party."""
        text = row.teks
        if re.search(r"bertanda\s*tangan\s+di\s*bawah", text, re.I) and len(text) < 80:
            return True
        m2 = _PIHAK_PHRASE.findall(text)
        if not (m2 and re.search(r"disebut|sebagai|selaku", text, re.I) and p.group.get("nama")):
            return False
        after = re.split(r"disebut", text, flags=re.I)
        phrase = _PIHAK_PHRASE.findall(after[-1]) if len(after) > 1 else m2
        ke = (phrase[-1] if phrase else m2[-1]).lower()
        p.group["_ke"] = "kedua" if ke == "kedua" else "pertama"
        p.groups.append(p.group)
        p.group = {}
        return True

    def _signatures(self, rows: Sequence[Row], bagian: str) -> tuple[str | None, str | None]:
        out = self.out
        first_tempat = first_tgl = None
        dates = sorted(
            (r.baris, _norm(m.group("tempat")), _norm(m.group("tgl")))
            for r in rows
            if (m := _DATE_LINE.match(r.teks))
        )
        hasil: list[tuple[list[_Item], set[int], list[_Block]]] = []
        for stream in _stream_items(rows, set()):
            if not stream:
                continue
            used: set[int] = set()
            blocks, tempat, tgl = _blocks(stream, used)
            if tempat and first_tempat is None:
                first_tempat, first_tgl = tempat, tgl
            hasil.append((stream, used, blocks))
        # Side by side, each column is a stream of its own: left and right are told apart over all.
        columns = sorted({b.kolom for _, _, blocks in hasil for b in blocks if b.kolom is not None})
        for stream, used, blocks in hasil:
            for b in blocks:
                if b.tempat is None and b.baris is not None:
                    before = [d for d in dates if d[0] <= b.baris]
                    if before:
                        b.tempat, b.tanggal = before[-1][1], before[-1][2]
                ke = self._which_party(b, columns)
                out.ttd.append(
                    TandaTangan(
                        bagian=cast(Bagian, bagian),
                        pihak=cast(PihakKe, ke),
                        nama=b.nama or "",
                        jabatan=" ".join(b.jabatan) or None,
                        nip=b.nip,
                        pangkat=b.pangkat,
                        tempat=b.tempat,
                        tanggal=b.tanggal,
                        baris=b.baris,
                    )
                )
            for idx, item in enumerate(stream):
                if idx not in used and _norm(item.text):
                    t = _norm(item.text)
                    if t.upper() in {"MENGETAHUI", "MENYETUJUI", "MENGETAHUI,", "MENYETUJUI,"}:
                        continue
                    out.note(item.baris, f"baris tidak dikenali di bagian {_BAGIAN[bagian]}: “{t}”")
        out.ttd.sort(key=lambda t: (t.bagian != "pernyataan", t.baris or 0))
        return first_tempat, first_tgl

    def _which_party(self, b: _Block, columns: list[int]) -> str:
        if b.label:
            return "kedua" if b.label == "kedua" else "pertama"
        parties = self.out.pihak
        if b.nip:
            for ke, p in parties.items():
                if p.get("nip") and p.get("nip") == b.nip:
                    return ke
        jab = _key(" ".join(b.jabatan))
        if jab:
            for ke, p in parties.items():
                if p.get("jabatan") and _key(p["jabatan"] or "") == jab:
                    return ke
        for t in self.out.ttd:
            if jab and t.jabatan and _key(t.jabatan) == jab:
                return t.pihak
        if b.nama:
            nk = _key(b.nama)
            for ke, p in parties.items():
                if p.get("nama") and _key(p["nama"] or "")[:8] == nk[:8]:
                    return ke
        if b.kolom is not None and len(columns) >= 2:
            return "kedua" if b.kolom == columns[0] else "pertama"
        if b.nip:
            return "pertama"
        return "kedua" if re.match(r"^(?:Bupati|Wali|Gubernur)", " ".join(b.jabatan), re.I) else "pertama"

    # -- lampiran 1 ----------------------------------------------------------------------------------
    def _lampiran_1(self, sec: _Section) -> None:
        rows = sec.rows
        consumed: set[int] = set()
        i = 0
        n = len(rows)
        while i < n:
            row = rows[i]
            if _is_kinerja_header(row):
                i = self._tabel_kinerja(rows, i, consumed)
                continue
            if self._is_program_header(row):
                i = self._program_table(rows, i, consumed)
                continue
            if re.fullmatch(r"(?:PROGRAM|KEGIATAN|SUB\s*KEGIATAN)(?:\s*/\s*KEGIATAN)?", row.teks, re.I):
                consumed.add(row.baris)
                i = self._program_list(rows, i + 1, consumed)
                continue
            if re.fullmatch(r"ANGGARAN(?:\s*\(Rp\.?\))?", row.teks, re.I):
                consumed.add(row.baris)
                i = self._anggaran_list(rows, i + 1, consumed)
                continue
            if _is_total(row.teks) and self._total(row):
                consumed.add(row.baris)
            i += 1
        if not any(True for _ in self.out.sasaran):
            header = next((r for r in rows if _is_kinerja_header(r)), None)
            where = header.baris if header else sec.start
            raise ParseError(
                "tabel kinerja tidak terbaca: tidak ada baris sasaran/indikator/target yang dapat diambil"
                + (
                    ""
                    if header
                    else " (kepala tabel NO | SASARAN | INDIKATOR KINERJA | TARGET tidak ditemukan)"
                ),
                where,
            )
        rest = []
        akhir_tabel = max(consumed, default=0)
        for row in rows:
            if row.baris in consumed:
                continue
            # Signature titles under the tables ("KEPALA BADAN PERENCANAAN", or two side by side) are not
            # headings, though they are upper case and name a unit.
            ttd = _berdampingan(row) or (row.baris > akhir_tabel and _looks_like_jabatan(row.teks))
            if not ttd and self._heading_info(row):
                continue
            if _is_prose(row.teks):
                continue
            rest.append(row)
        self._signatures(rest, "lampiran_1")

    def _tabel_kinerja(self, rows: Sequence[Row], i: int, consumed: set[int]) -> int:
        """Read the tabel kinerja whose header is rows[i], row by row; the index of the row after it."""
        t = self._mulai_tabel(rows[i])
        consumed.add(rows[i].baris)
        awal = len(self.out.sasaran)
        j = i + 1
        while j < len(rows):
            langkah = self._baris_tabel(t, rows[j])
            if langkah == "henti":
                break
            if langkah == "lanjut":
                consumed.add(rows[j].baris)
            j += 1
        self._judul_kelompok(awal)
        return j

    def _mulai_tabel(self, header: Row) -> _TabelDraf:
        """The draft of a table under this header. A table continued after a page break carries on the
        level and the sasaran of the one before; a header naming the level ("Sasaran Program") sets it."""
        cols = self._columns(header)
        tingkat: Tingkat = self._tingkat or "strategis"
        judul = header.sel[cols["sasaran"]] if "sasaran" in cols else ""
        for kata in ("program", "kegiatan", "strategis"):
            if re.search(kata, judul, re.I):
                tingkat = kata
                break
        self._tingkat = tingkat
        akhir = self.out.sasaran[-1] if self.out.sasaran else None
        current = akhir if akhir is not None and akhir.tingkat == tingkat else None
        return _TabelDraf(header=header, cols=cols, tingkat=tingkat, current=current, tables={header.tabel})

    def _baris_tabel(self, t: _TabelDraf, row: Row) -> _Langkah:
        """One row under the header: a row of the table's furniture, its end, or a data row."""
        if row.tabel not in t.tables:
            if not (
                row.tabel is not None
                and _is_kinerja_header(row)
                and _core(self._columns(row)) == _core(t.cols)
            ):
                return "henti"
            t.tables.add(row.tabel)  # the header repeated on a new page
        cells = [c.strip() for c in row.sel]
        filled = [c for c in cells if c]
        if not filled:
            return "lewati"
        for penangan in (self._kepala_ulang, self._kepala_periode, self._nomor_kolom, self._judul_tingkat):
            if penangan(t, row, cells, filled):
                return "lanjut"
        if _ends_text_table(row, t.header) or self._is_program_header(row) or _is_total(row.teks):
            return "henti"  # a plain line ends a text table; so do the budget table and its total
        tepat = _kepala_tepat(row, t.header) if not t.dipandu else None
        if tepat is not None:
            t.header, t.dipandu = tepat, True
        elif t.dipandu and row.posisi and not _dalam_kolom(row, t.header):
            return "henti"  # under a guided fixed-width table, a line off its columns ends it (a page footer)
        self._baris_data(t, row)
        return "lanjut"

    # The table's furniture: each returns True when the row was its own.
    def _kepala_ulang(self, t: _TabelDraf, row: Row, cells: list[str], filled: list[str]) -> bool:
        return _is_kinerja_header(row)  # the header repeated on a new page

    def _kepala_periode(self, t: _TabelDraf, row: Row, cells: list[str], filled: list[str]) -> bool:
        """A second header row: "Tw 1 | Tw 2 | Tw 3 | Tw 4" (quarterly targets beside the annual one)."""
        if len(filled) < 2 or not all(_PERIOD_WORDS.match(c) for c in filled) or t.header.posisi:
            return False
        for k, c in enumerate(cells):
            if c:
                t.cols[_PERIODE + c] = k
        return True

    def _nomor_kolom(self, t: _TabelDraf, row: Row, cells: list[str], filled: list[str]) -> bool:
        """The row of column numbers: (1) (2) (3) (4); read by OCR, one of them may be a slip ("7 2 g 4")."""
        nomor = sum(1 for c in filled if re.fullmatch(r"\(?\d{1,2}\)?", c))
        if len(filled) >= 2 and nomor == len(filled):
            return True
        return row.ocr and len(filled) >= 3 and nomor >= len(filled) - 1 and all(len(c) <= 3 for c in filled)

    def _judul_tingkat(self, t: _TabelDraf, row: Row, cells: list[str], filled: list[str]) -> bool:
        """A row "Sasaran Program :" inside the table: the sasaran below are of that level."""
        m = _SECTION_ROW.match(_norm(filled[0])) if len(filled) == 1 else None
        if not m:
            return False
        t.tingkat = self._tingkat = _tingkat(m.group("lvl"))
        if "sub" in m.group("lvl").lower():
            self.out.note(row.baris, "Sasaran Sub Kegiatan dibaca sebagai tingkat kegiatan")
        t.current = None
        return True

    def _baris_data(self, t: _TabelDraf, row: Row) -> None:
        """A row with sasaran, indikator or target: a wrapped line of the row above, a sasaran of its own,
        or an indikator (the first handler that takes it)."""
        values = self._cells(row, t.cols, t.header)
        d = _SelData(
            values=values,
            sas=_norm(values.get("sasaran", "")),
            ind=values.get("indikator", ""),
            tgt=values.get("target", ""),
            satuan=values.get("satuan", ""),
            tanpa_nomor=t.dipandu and "no" in t.cols and not _norm(values.get("no", "")),
        )
        for penangan in (
            self._target_terbungkus,
            self._sasaran_tanpa_nomor,
            self._hanya_sasaran,
            self._sel_terbungkus,
        ):
            if penangan(t, row, d):
                return
        self._baris_indikator(t, row, d)

    def _target_terbungkus(self, t: _TabelDraf, row: Row, d: _SelData) -> bool:
        """A target wrapped onto this line ("100 %" / "(Hijau)"), with its indikator's tail."""
        if not (
            d.tanpa_nomor and t.current is not None and t.current.indikator and _norm(d.tgt).startswith("(")
        ):
            return False
        last = t.current.indikator[-1]
        teks = _norm(last.target.teks + " " + d.tgt)
        t.current.indikator[-1] = replace(
            last, uraian=_sambung(last.uraian, _norm(d.ind)), target=replace(parse_target(teks), teks=teks)
        )
        if d.sas:
            self._sasaran_berlanjut(t.current, d.sas)
        return True

    def _sasaran_tanpa_nomor(self, t: _TabelDraf, row: Row, d: _SelData) -> bool:
        """No number in the NO column: the sasaran cell continues the sasaran above (the row is done
        when it holds nothing else)."""
        if not (d.tanpa_nomor and d.sas and t.current is not None):
            return False
        self._sasaran_berlanjut(t.current, d.sas)
        d.sas = ""
        return not d.ind.strip() and not d.tgt.strip()

    def _hanya_sasaran(self, t: _TabelDraf, row: Row, d: _SelData) -> bool:
        """A row without indikator and target: a new sasaran (or the tail of one), else a note."""
        if d.ind.strip() or d.tgt.strip():
            return False
        if not d.sas:
            self.out.note(row.baris, f"baris tabel kinerja tanpa indikator dan target: “{row.teks}”")
        elif t.current is not None and d.sas[:1].islower():
            self._sasaran_berlanjut(t.current, d.sas)
        else:
            t.current = _SasaranDraf(t.tingkat, d.sas, [], row.baris)
            self.out.sasaran.append(t.current)
        return True

    def _sel_terbungkus(self, t: _TabelDraf, row: Row, d: _SelData) -> bool:
        """The cells of the row above go on on this line (fixed-width text wraps its cells)."""
        positional = bool(t.header.posisi and row.posisi and _aligned(row, t.header))
        wraps = positional or d.ind.strip()[:1].islower()
        if d.tgt.strip() or t.current is None or not t.current.indikator or not wraps:
            return False
        last = t.current.indikator[-1]
        t.current.indikator[-1] = replace(last, uraian=_sambung(last.uraian, _norm(d.ind)))
        if d.sas:
            self._sasaran_berlanjut(t.current, d.sas)
        return True

    def _baris_indikator(self, t: _TabelDraf, row: Row, d: _SelData) -> None:
        """An indikator row (or a cell packing several, one per line), under its sasaran."""
        current = self._sasaran_baris(t, row, d)
        targets = _target_parts(d.tgt)
        parts = _indicator_parts(d.ind, len(targets)) if len(targets) > 1 else None
        units = [u.strip() for u in d.satuan.split("\n") if u.strip()]
        if parts is None:
            parts, targets = [d.ind], [d.tgt]
        if len(units) != len(parts):
            units = [_norm(d.satuan)] * len(parts)
        for p, tg, unit in zip(parts, targets, units, strict=True):
            t_text = _norm(tg)
            target = parse_target(t_text)
            if unit:
                target = replace(target, satuan=_satuan(unit))
            if not t_text:
                self.out.note(row.baris, f"indikator tanpa target: “{_norm(p)}”")
            current.indikator.append(
                Indikator(uraian=_norm(_MARKER.sub("", p, count=1)), target=target, baris=row.baris)
            )
        periods = tuple(
            (name[len(_PERIODE) :], _norm(v)) for name, v in d.values.items() if name.startswith(_PERIODE)
        )
        if any(v for _p, v in periods) and len(parts) == 1:
            self.out.rencana.append(
                RencanaAksi(indikator=current.indikator[-1].uraian, target_periode=periods, baris=row.baris)
            )
        for extra in d.values.get("_lain", []):
            self.out.note(row.baris, f"kolom lain di tabel kinerja tidak dibaca: “{extra}”")

    def _sasaran_baris(self, t: _TabelDraf, row: Row, d: _SelData) -> _SasaranDraf:
        """The sasaran an indikator row belongs to: the one above (its cell empty, repeated, or going on
        in lower case), or the new one its sasaran cell names."""
        sas, current = d.sas, t.current
        if sas and current is not None and sas[:1].islower() and current.tingkat == t.tingkat:
            self._sasaran_berlanjut(current, sas)
            sas = ""
        if sas and (current is None or _norm(sas) != current.uraian or current.tingkat != t.tingkat):
            current = _SasaranDraf(t.tingkat, sas, [], row.baris)
            self.out.sasaran.append(current)
        elif current is None:
            current = _SasaranDraf(t.tingkat, "", [], row.baris)
            self.out.sasaran.append(current)
            self.out.note(row.baris, f"indikator tanpa sasaran: “{_norm(d.ind)}”")
        t.current = current
        return current

    def _sasaran_berlanjut(self, current: _SasaranDraf, sas: str) -> None:
        """The sasaran above continued by this row's sasaran cell (a wrapped cell)."""
        current.uraian = _norm(current.uraian + " " + sas)

    def _judul_kelompok(self, awal: int) -> None:
        """A row naming a program or kegiatan in the sasaran column, with no indikator of its own and
        followed by sasaran that have theirs, groups the rows under it (sheets of eselon IV list
        their sasaran kegiatan under each program): it is not a sasaran."""
        daftar = self.out.sasaran
        for k in range(len(daftar) - 2, awal - 1, -1):
            d = daftar[k]
            if not d.indikator and _PROGRAM_START.match(d.uraian) and daftar[k + 1].indikator:
                del daftar[k]
                self.out.note(d.baris, f"judul kelompok tanpa indikator, bukan sasaran: “{d.uraian}”")

    def _columns(self, header: Row) -> dict[str, int]:
        """Which column holds what, from the header's words."""
        cols: dict[str, int] = {}
        for k, c in enumerate(header.sel):
            key = _key(c)
            if not key:
                continue
            if key in {"no", "nomor"} or (key.startswith("no") and len(key) <= 3):
                cols.setdefault("no", k)
            elif _PERIOD_WORDS.match(_norm(c)):
                cols[_PERIODE + _norm(c)] = k  # "Tw 1" … : quarterly targets beside the annual one
            elif "indikator" in key:  # before "sasaran": "Indikator Sasaran Strategis"
                cols.setdefault("indikator", k)
            elif "sasaran" in key:
                cols.setdefault("sasaran", k)
            elif "satuan" in key:
                cols.setdefault("satuan", k)
            elif "target" in key and "target" not in cols:
                cols["target"] = k
        return cols

    def _cells(self, row: Row, cols: dict[str, int], header: Row) -> dict[str, str]:
        """Map a data row onto the header's columns; tolerate rows that dropped empty cells."""
        ncols = len(header.sel)
        if header.posisi and row.posisi and _aligned(row, header):
            return self._cells_by_position(row, cols, header)
        cells = list(row.sel)
        if len(cells) == ncols or row.tabel is not None:
            cells += [""] * (ncols - len(cells))
            out = {name: cells[k] for name, k in cols.items() if k < len(cells)}
            known = set(cols.values())
            out_extra = [c for k, c in enumerate(cells) if k not in known and c.strip()]
            res: dict[str, str] = dict(out)
            res["_lain"] = out_extra  # type: ignore[assignment]
            return res
        # Fewer cells (runs of spaces dropped empty ones): align from the right.
        filled = [c for c in cells if c.strip()]
        if filled and re.fullmatch(r"\d{1,3}\.?", filled[0].strip()) and len(filled) > 2:
            filled = filled[1:]
        order = [
            name
            for name, _ in sorted(cols.items(), key=lambda kv: kv[1])
            if name != "no" and not name.startswith(_PERIODE)
        ]
        if len(filled) > len(order) and "indikator" in order:
            # More cells than columns: the indikator ran over two cells (a pasted table split it).
            k, lebih = order.index("indikator"), len(filled) - len(order)
            filled = [*filled[:k], " ".join(filled[k : k + lebih + 1]), *filled[k + lebih + 1 :]]
        res = {}
        for name, value in zip(reversed(order), reversed(filled), strict=False):
            res[name] = value
        return res

    def _cells_by_position(self, row: Row, cols: dict[str, int], header: Row) -> dict[str, str]:
        """Fixed-width text: a cell belongs to the last header column starting at or before it."""
        starts = header.posisi
        by_col: dict[int, list[str]] = {}
        for cell, pos in zip(row.sel, row.posisi, strict=True):
            if not cell.strip():
                continue
            k = max((i for i, st in enumerate(starts) if st <= pos + 3), default=0)
            by_col.setdefault(k, []).append(cell)
        names = {k: name for name, k in cols.items()}
        res: dict[str, Any] = {name: " ".join(by_col.get(k, [])) for name, k in cols.items()}
        res["_lain"] = [" ".join(v) for k, v in by_col.items() if k not in names]
        return res

    # program tables ------------------------------------------------------------------------------
    def _is_program_header(self, row: Row) -> bool:
        keys = [_key(c) for c in row.sel if c.strip()]
        return (
            len(keys) >= 2
            and any(k.startswith(("program", "kegiatan", "subkegiatan")) for k in keys)
            and any(k.startswith("anggaran") or k.startswith("pagu") for k in keys)
        )

    def _total(self, row: Row) -> bool:
        m = re.search(r"((?:Rp\.?|IDR)?\s*\d[\d.\s]*(?:,\d{1,2}|,-)?)\s*$", row.teks)
        if not m:
            return False
        self.out.total_baris = row.baris
        try:
            self.out.total_tercetak = numbers.parse_rupiah(m.group(1))
        except ValueError:
            self.out.note(row.baris, f"jumlah anggaran tidak terbaca: “{row.teks}”")
        return True

    def _program_table(self, rows: Sequence[Row], i: int, consumed: set[int]) -> int:
        """Read the budget table whose header is rows[i]; the index of the row after it."""
        header = rows[i]
        consumed.add(header.baris)
        keys = [_key(c) for c in header.sel]
        a = _AnggaranDraf(
            header=header,
            ip=next(k for k, c in enumerate(keys) if c.startswith(("program", "kegiatan", "subkegiatan"))),
            ia=next(k for k, c in enumerate(keys) if c.startswith(("anggaran", "pagu"))),
            ik=next((k for k, c in enumerate(keys) if c.startswith("kode")), None),
            awal_program=len(self.out.program),
            pertama=i + 1,
        )
        j = i + 1
        while j < len(rows):
            langkah = self._baris_anggaran(a, rows, j)
            if langkah in ("lanjut", "habis"):
                consumed.add(rows[j].baris)
            if langkah in ("henti", "habis"):
                return j + (langkah == "habis")
            j += 1
        return j

    def _baris_anggaran(self, a: _AnggaranDraf, rows: Sequence[Row], j: int) -> _Langkah:
        """One row under the budget table's header: furniture, the total, the end, or a program."""
        row, header = rows[j], a.header
        filled = [c for c in row.sel if c.strip()]
        if header.tabel is not None and row.tabel != header.tabel:
            return "henti"
        lebar_tetap = self._lebar_tetap(row, header)
        if (
            lebar_tetap
            and a.lanjutan == j - 1
            and self.out.program
            and self._nama_berlanjut(row, a.awal_nama)
        ):
            last = self.out.program[-1]  # a name wrapped onto a line of its own, under its column
            self.out.program[-1] = replace(last, nama=_norm(last.nama + " " + " ".join(filled)))
            a.lanjutan = j
            return "lanjut"
        if _ends_text_table(row, header):
            return "habis" if _is_total(row.teks) and self._total(row) else "henti"
        if not filled:
            return "lewati"
        if all(re.fullmatch(r"\(?\d{1,2}\)?", c.strip()) for c in filled) or self._is_program_header(row):
            return "lanjut"  # the column numbers (1) (2) (3), or the header repeated
        if _is_total(row.teks):
            self._total(row)
            return "lanjut"
        if any(_looks_like_jabatan(c) or _DATE_LINE.match(_norm(c)) for c in filled):
            return "henti"  # the signatures under the table (a spreadsheet keeps them in its grid)
        if j == a.pertama and self._total_tanpa_label(row, a.ia):
            return "lanjut"  # an unlabelled sum right under the header (a spreadsheet's)
        dibaca = self._nama_anggaran(a, row, rows[j - 1], lebar_tetap)
        if dibaca is None:
            return "lanjut"  # a wrapped name, joined to the program above
        nama, angg = dibaca
        # Numbers in a column of their own before the names: a row without one lies under the
        # numbered program above it (its kegiatan, as a spreadsheet lists them).
        nomor = a.ip > 0 and not header.sel[0].strip() and row.tabel is not None
        bernomor = nomor and bool(re.fullmatch(r"\d{1,2}\.?", row.sel[0].strip()))
        a.ada_nomor = a.ada_nomor or bernomor
        if self._total_salah_label(row, nama, angg, a.awal_program):
            return "lanjut"
        self._add_program(row, nama, angg, di_bawah=nomor and a.ada_nomor and not bernomor)
        a.lanjutan = j  # the row a wrapped name's next line would follow
        return "lanjut"

    def _nama_anggaran(
        self, a: _AnggaranDraf, row: Row, atas: Row, lebar_tetap: bool
    ) -> tuple[str, str] | None:
        """The name and the amount of a budget row, by the layout the table has; None when the row only
        goes on with the name of the program above (joined to it here)."""
        header, ip, ia = a.header, a.ip, a.ia
        cells = list(row.sel)
        if header.posisi and row.posisi and _aligned(row, header):
            by_pos = self._cells_by_position(row, {"nama": ip, "anggaran": ia}, header)
            nama, angg = by_pos["nama"], by_pos["anggaran"]
            if not angg.strip() and self.out.program and self.out.program[-1].baris == atas.baris:
                last = self.out.program[-1]  # a program name wrapped onto this line
                self.out.program[-1] = replace(last, nama=_norm(last.nama + " " + nama))
                return None
            return nama, angg
        if lebar_tetap and (dibagi := _nama_dan_uang(row)) is not None:
            # Headings centred over left-aligned columns, words spaced unevenly (a scan read by
            # OCR): the name is what lies between the number and the amount.
            nama, angg, a.awal_nama = dibagi
            return nama, angg
        if len(cells) == len(header.sel) or row.tabel is not None:
            cells += [""] * (len(header.sel) - len(cells))
            nama, angg = cells[ip], cells[ia]
            if (
                re.fullmatch(r"\d{1,2}\.?", nama.strip())
                and ip + 1 < len(cells)
                and not header.sel[ip + 1].strip()
                and cells[ip + 1].strip()
            ):
                nama = cells[ip + 1]  # "PROGRAM" heads the number and the name (a merged header cell)
            if a.ik is not None and _KODE_PROGRAM.fullmatch(cells[a.ik].strip()):
                nama = f"{cells[a.ik].strip()} {nama}"
            if re.fullmatch(r"Rp\.?", angg.strip()) and ia + 1 < len(cells):
                angg = angg + " " + cells[ia + 1]
            return nama, angg
        filled = [c for c in cells if c.strip()]
        amounts = [c for c in filled if _AMOUNT.match(_norm(c))]
        texts = [c for c in filled if c not in amounts and not re.fullmatch(r"\d{1,2}\.?", c.strip())]
        return " ".join(texts), amounts[-1] if amounts else ""

    @staticmethod
    def _nama_berlanjut(row: Row, awal_nama: int) -> bool:
        """A fixed-width line that only goes on with the budget row's name above: it starts where the
        name starts and holds no amount."""
        awal = next(p for c, p in zip(row.sel, row.posisi, strict=True) if c.strip())
        return abs(awal - awal_nama) <= 3 and _nama_dan_uang(row) is None

    @staticmethod
    def _lebar_tetap(row: Row, header: Row) -> bool:
        """A fixed-width text row (cells with their columns) under a fixed-width header."""
        return row.tabel is None and bool(header.posisi) and len(row.posisi) == len(row.sel) > 0

    def _total_salah_label(self, row: Row, nama: str, angg: str, awal: int) -> bool:
        """A total row whose label is misspelled ("JUMLHA", "TOTL"), or an unnamed row whose amount is the
        sum of the programs above it: the printed total, not one more program (which would double the
        total). Kept as the total, with a note."""
        kata = _norm(nama).strip(" :").upper()
        try:
            jumlah = numbers.parse_rupiah(angg) if _norm(angg) else None
        except ValueError:
            return False
        if jumlah is None or " " in kata:
            return False
        salah_ketik = bool(kata) and (
            predikat.jarak_edit(kata, "JUMLAH") <= 2 or predikat.jarak_edit(kata, "TOTAL") <= 1
        )
        atas = [
            p.anggaran for p in self.out.program[awal:] if p.jenis == "program" and p.anggaran is not None
        ]
        sama = not kata and len(atas) >= 2 and sum(atas, Decimal(0)) == jumlah
        if not (salah_ketik or sama):
            return False
        self.out.total_tercetak, self.out.total_baris = jumlah, row.baris
        label = f"berlabel “{_norm(nama)}”" if kata else "tanpa label"
        self.out.note(row.baris, f"baris {label} dibaca sebagai jumlah anggaran, bukan program")
        return True

    def _total_tanpa_label(self, row: Row, ia: int) -> bool:
        """A row holding only an amount, in the anggaran column: the printed total, without a label."""
        isi = [(k, c.strip()) for k, c in enumerate(row.sel) if c.strip()]
        if len(isi) != 1 or (row.tabel is not None and isi[0][0] != ia):
            return False
        if not (_AMOUNT.match(isi[0][1]) or re.fullmatch(r"\d{4,}(?:,\d{1,2})?", isi[0][1])):
            return False
        try:
            self.out.total_tercetak = numbers.parse_rupiah(isi[0][1])
        except ValueError:
            return False
        self.out.total_baris = row.baris
        return True

    def _add_program(self, row: Row, nama: str, angg: str, *, di_bawah: bool = False) -> None:
        """`di_bawah`: an unnumbered row under a numbered program (a kegiatan of it), unless it says
        it is a program."""
        jenis, kode, nama = pisah_kode(_norm(nama))
        if di_bawah and jenis == "program" and not _PROGRAM_START.match(nama):
            jenis = "kegiatan"
        if kode is None:
            nama = _norm(_MARKER.sub("", nama, count=1))
        anggaran: Decimal | None = None
        if _norm(angg):
            try:
                anggaran = numbers.parse_rupiah(angg)
            except ValueError:
                self.out.note(row.baris, f"anggaran tidak terbaca untuk “{nama}”: “{_norm(angg)}”")
        if nama:
            self.out.program.append(
                Program(nama=nama, anggaran=anggaran, jenis=jenis, kode=kode, baris=row.baris)
            )
        elif anggaran is not None:
            self.out.note(row.baris, f"anggaran tanpa nama program: “{_norm(angg)}”")

    def _program_list(self, rows: Sequence[Row], i: int, consumed: set[int]) -> int:
        """Program names as a list of lines (the columns were split apart by the extraction)."""
        j = i
        self._pending_programs: list[Row] = getattr(self, "_pending_programs", [])
        while j < len(rows):
            row = rows[j]
            text = row.teks
            if len(row.sel) > 1 and any(_AMOUNT.match(_norm(c)) for c in row.sel):
                self._add_program(
                    row,
                    " ".join(c for c in row.sel if not _AMOUNT.match(_norm(c))),
                    next(c for c in row.sel if _AMOUNT.match(_norm(c))),
                )
                consumed.add(row.baris)
                j += 1
                continue
            if _PROGRAM_START.match(text) and not _looks_like_jabatan(text):
                self._pending_programs.append(row)
                consumed.add(row.baris)
                j += 1
                continue
            break
        self._flush_programs()
        return j

    def _anggaran_list(self, rows: Sequence[Row], i: int, consumed: set[int]) -> int:
        j = i
        amounts: list[Row] = []
        while j < len(rows):
            row = rows[j]
            if _AMOUNT.match(row.teks):
                amounts.append(row)
                consumed.add(row.baris)
                j += 1
                continue
            if _is_total(row.teks) and self._total(row):
                consumed.add(row.baris)
                j += 1
                continue
            break
        self._pending_amounts: list[Row] = getattr(self, "_pending_amounts", []) + amounts
        self._flush_programs()
        return j

    def _flush_programs(self) -> None:
        names: list[Row] = getattr(self, "_pending_programs", [])
        amounts: list[Row] = getattr(self, "_pending_amounts", [])
        if not names or not amounts:
            return
        if len(names) != len(amounts):
            self.out.note(
                amounts[0].baris,
                f"jumlah program ({len(names)}) tidak sama dengan jumlah anggaran ({len(amounts)}); "
                "dipasangkan menurut urutan",
            )
        for k, name in enumerate(names):
            self._add_program(name, name.teks, amounts[k].teks if k < len(amounts) else "")
        for extra in amounts[len(names) :]:
            self.out.note(extra.baris, f"anggaran tanpa program: “{extra.teks}”")
        self._pending_programs, self._pending_amounts = [], []

    # -- lampiran 2 ----------------------------------------------------------------------------------
    def _lampiran_2(self, sec: _Section) -> None:
        blocks: list[list[Row]] = []
        current: list[Row] = []
        heading_rows: list[Row] = []
        for row in sec.rows:
            if _PENJELASAN_HEAD.match(row.teks) and len(row.sel) == 1:
                if current:
                    blocks.append(current)
                current = [row]
                continue
            if not current:
                heading_rows.append(row)
            else:
                current.append(row)
        if current:
            blocks.append(current)
        leftovers: list[Row] = []
        for row in heading_rows:
            if self._heading_info(row) or _is_prose(row.teks):
                continue
            if _is_kinerja_header(row):
                continue
            leftovers.append(row)
        if not blocks and heading_rows:
            # No "Penjelasan Kinerja" sub-headings: the whole lampiran is one block.
            blocks = [heading_rows]
            leftovers = []
        for block in blocks:
            leftovers.extend(self._penjelasan_block(block))
        self._signatures(leftovers, "lampiran_2")

    def _penjelasan_block(self, rows: Sequence[Row]) -> list[Row]:
        """One 'Penjelasan Kinerja' block: uraian sasaran, dasar hukum, indikator table, target table.
        The rows it cannot place are returned (the signatures under the last block among them)."""
        b = _PenjelasanDraf()
        for row in rows:
            if _PENJELASAN_HEAD.match(row.teks) and len(row.sel) == 1:
                continue
            if self._judul_bagian(b, row) or self._kepala_tabel_penjelasan(b, row):
                continue
            if self._baris_tabel_penjelasan(b, row):
                continue
            if not row.is_table:
                b.table_kind = None
            bagian = {
                "uraian": self._uraian_sasaran,
                "dasar": self._dasar_hukum,
                "indikator": self._jumlah_tertulis,
            }
            penangan = bagian.get(b.part)
            if penangan is not None and penangan(b, row):
                continue
            if _is_prose(row.teks) or self._heading_info(row):
                continue
            b.leftovers.append(row)
        self._simpan_penjelasan(b, rows[0].baris if rows else None)
        return b.leftovers

    @staticmethod
    def _judul_bagian(b: _PenjelasanDraf, row: Row) -> bool:
        """The sub-heading of a part: Uraian Sasaran, Dasar Hukum, Indikator Kinerja, Target Kinerja."""
        low = row.teks.lower().rstrip(" :")
        if low == "uraian sasaran":
            b.part = "uraian"
        elif re.fullmatch(r"dasar\s+hukum", low):
            b.part = "dasar"
        elif low in ("indikator kinerja", "target kinerja") and len(row.sel) == 1:
            b.part = low.split()[0]
        else:
            return False
        b.table_kind = None
        return True

    @staticmethod
    def _kepala_tabel_penjelasan(b: _PenjelasanDraf, row: Row) -> bool:
        """The header of a relevansi, target or baseline table."""
        keys = [_key(c) for c in row.sel]
        if len(row.sel) >= 3 and any("relevansi" in k for k in keys):
            b.table_kind = "relevansi"
        elif (
            len(row.sel) >= 2
            and any(k.startswith("indikator") for k in keys)
            and any(k.startswith("target") for k in keys)
        ):
            b.table_kind = "target"
        elif len(row.sel) >= 3 and any(k == "tahun" for k in keys) and any("realisasi" in k for k in keys):
            b.table_kind = "baseline"
        else:
            return False
        b.header = row
        return True

    def _baris_tabel_penjelasan(self, b: _PenjelasanDraf, row: Row) -> bool:
        """A row of the table under the last header: each indikator's relevansi, target or baseline."""
        header = b.header
        if not (b.table_kind and header is not None and row.is_table):
            return False
        if header.tabel is not None and row.tabel != header.tabel:
            return False
        cells = list(row.sel) + [""] * (len(header.sel) - len(row.sel))
        hk = [_key(c) for c in header.sel]

        def sel(*awal: str, di: bool = False) -> str:
            return next(
                (
                    cells[k]
                    for k, h in enumerate(hk)
                    if any((a in h) if di else h.startswith(a) for a in awal)
                ),
                "",
            )

        if b.table_kind == "baseline":
            self._baseline_row(row, header, b.entries, b.order)
            return True
        if b.table_kind == "relevansi":
            name = _norm(re.sub(r"^\d+\.\s*", "", sel("uraian", di=True) or sel("indikator", di=True)))
        else:
            name = sel("indikator")
        if not _norm(name):
            b.leftovers.append(row)
            return True
        e = b.entry(name if b.table_kind == "target" else _norm(name), row.baris)
        if b.table_kind == "relevansi":
            e["relevansi"] = _norm(sel("relevansi", di=True)) or None
            e["formulasi"] = _norm(sel("formulasi", di=True)) or None
            e["sumber_data"] = _norm(sel("sumber", di=True)) or None
        else:
            e["target"] = _norm(sel("target")) or None
            e["penjelasan_target"] = _norm(sel("penjelasan", "keterangan")) or None
        return True

    @staticmethod
    def _uraian_sasaran(b: _PenjelasanDraf, row: Row) -> bool:
        """The uraian sasaran's text, which may run into "dasar hukum … antara lain: …" on one line."""
        text = row.teks
        m = re.search(r"dasar\s+hukum[^:]*?antara\s+lain\s*:?\s*(?P<v>.*)$", text, re.I)
        if not m:
            b.uraian.append(text)
            return True
        before = text[: m.start()].strip()
        if before:
            b.uraian.append(before)
        inline = m.group("v").strip()
        if inline:
            b.uraian.append(text[m.start() :].strip())
            kutipan = _split_citations(inline)
            b.dasar.extend(kutipan)
            b.dasar_baris.extend([row.baris] * len(kutipan))
        b.part = "dasar"
        return True

    @staticmethod
    def _dasar_hukum(b: _PenjelasanDraf, row: Row) -> bool:
        """A citation of the dasar hukum: a list item, the tail of the one above, or a regulation's name."""
        text = row.teks
        m = _LIST_ITEM.match(text)
        if m:
            b.dasar.append(_norm(m.group("v")).rstrip(";"))
            b.dasar_baris.append(row.baris)
            return True
        if b.dasar and not _is_prose(text) and text[:1].islower():
            b.dasar[-1] = b.dasar[-1] + " " + text
            return True
        if re.match(r"^(?:Undang|Peraturan|Keputusan|Instruksi|Surat\s+Edaran|UU|PP|Perpres|Permen)", text):
            b.dasar.append(_norm(text))
            b.dasar_baris.append(row.baris)
            return True
        return False

    @staticmethod
    def _jumlah_tertulis(b: _PenjelasanDraf, row: Row) -> bool:
        """ "… memiliki tiga indikator …": the number of indikator the text says (checked by the review)."""
        m = re.search(r"memiliki\s+(?P<n>\S+(?:\s+\S+){0,3}?)\s+indikator", row.teks, re.I)
        if m:
            b.jumlah = m.group("n")
            return True
        return _is_prose(row.teks)

    def _simpan_penjelasan(self, b: _PenjelasanDraf, first_baris: int | None) -> None:
        """One Penjelasan per indikator of the block, sharing its uraian sasaran and dasar hukum."""
        uraian_text = _norm(" ".join(b.uraian)) or None
        pertama: dict[str, int] = {}  # each citation once, at the line it first appears
        for d, baris in zip(b.dasar, b.dasar_baris, strict=True):
            if d:
                pertama.setdefault(d, baris)
        dasar_t = tuple(pertama)
        for k in b.order:
            e = b.entries[k]
            pj_text: str | None = e.get("penjelasan_target")
            self.out.penjelasan.append(
                Penjelasan(
                    indikator=str(e["indikator"]),
                    uraian_sasaran=uraian_text,
                    dasar_hukum=dasar_t,
                    baris_dasar_hukum=tuple(pertama.values()),
                    relevansi=e.get("relevansi"),
                    formulasi=e.get("formulasi"),
                    sumber_data=e.get("sumber_data"),
                    target=e.get("target"),
                    penjelasan_target=pj_text,
                    baseline=tuple(e.get("baseline") or ()) or baseline_from_text(pj_text or ""),
                    jumlah_indikator_tertulis=b.jumlah,
                    baris=e.get("baris") or first_baris,
                )
            )
        if not b.order and (uraian_text or dasar_t):
            self.out.note(
                first_baris, "penjelasan kinerja tanpa tabel indikator; tidak dapat dikaitkan ke indikator"
            )

    def _baseline_row(
        self, row: Row, header: Row, entries: dict[str, dict[str, Any]], order: list[str]
    ) -> None:
        if not order:
            self.out.note(row.baris, f"baris baseline tanpa indikator: “{row.teks}”")
            return
        hk = [_key(c) for c in header.sel]
        cells = list(row.sel) + [""] * (len(header.sel) - len(row.sel))

        def num(word: str) -> Decimal | None:
            k = next((i for i, h in enumerate(hk) if h.startswith(word)), None)
            if k is None or not cells[k].strip():
                return None
            try:
                return numbers.parse_nilai(cells[k])[0]
            except ValueError:
                return None

        year = re.search(r"\d{4}", cells[hk.index("tahun")])
        if not year:
            return
        e = entries[order[-1]]
        base = list(e.get("baseline") or [])
        base.append(Baseline(int(year.group()), num("target"), num("realisasi"), num("capaian")))
        e["baseline"] = base

    # -- rencana aksi and other sections ---------------------------------------------------------------
    def _rencana_aksi(self, sec: _Section) -> None:
        header: Row | None = None
        ind_col: int | None = None
        periods: list[tuple[int, str]] = []
        for row in sec.rows:
            keys = [_key(c) for c in row.sel]
            if len(row.sel) >= 3 and any("indikator" in k for k in keys):
                cand = [(k, _norm(c)) for k, c in enumerate(row.sel) if _PERIOD_WORDS.match(_norm(c))]
                if cand:
                    header, periods = row, cand
                    ind_col = next(k for k, key in enumerate(keys) if "indikator" in key)
                    continue
            if header is None or ind_col is None or not row.is_table:
                continue
            cells = list(row.sel) + [""] * (len(header.sel) - len(row.sel))
            name = _norm(cells[ind_col])
            if not name or all(re.fullmatch(r"\(?\d{1,2}\)?", c.strip()) for c in cells if c.strip()):
                continue
            self.out.rencana.append(
                RencanaAksi(
                    indikator=name,
                    target_periode=tuple((p, _norm(cells[k])) for k, p in periods if k < len(cells)),
                    baris=row.baris,
                )
            )
        first = sec.rows[0].baris if sec.rows else sec.start
        if header is None:
            self.out.note(
                first, "bagian Rencana Aksi ditemukan tetapi tabel targetnya tidak terbaca; dilewati"
            )
        else:
            self.out.note(
                first,
                f"bagian Rencana Aksi dibaca terpisah ({len(self.out.rencana)} baris target periodik), "
                "bukan bagian tabel kinerja",
            )

    def _skip_section(self, sec: _Section, name: str) -> None:
        if not sec.rows:
            return
        self.out.note(
            sec.rows[0].baris,
            f"bagian {name} (baris {sec.rows[0].baris}–{sec.rows[-1].baris}) dilewati: "
            "bukan bagian perjanjian kinerja",
        )


_BAGIAN = {"pernyataan": "pernyataan", "lampiran_1": "Lampiran 1", "lampiran_2": "Lampiran 2"}

_CITATION_SPLIT = re.compile(r";\s*|\s+dan\s+(?=(?:Undang|Peraturan|Keputusan|UU|PP)\b)")


def _split_citations(text: str) -> list[str]:
    return [
        _norm(p).rstrip(".;") + ("" if not p.strip().endswith(".") else ".")
        for p in _CITATION_SPLIT.split(text)
        if _norm(p)
    ]


# ---------------------------------------------------------------------------------------------------
# Baselines quoted in the penjelasan text
# ---------------------------------------------------------------------------------------------------

_NUM = r"(\d{1,3}(?:[.,]\d+)*)"
_BASE_TARGET = re.compile(
    r"target\s+tahun\s+(?:sebelumnya\s*)?\(?(?P<y>\d{4})?\)?\s*(?:,\s*)?(?:dengan\s+nilai|sebesar|yaitu|adalah|=)\s*"
    + _NUM,
    re.I,
)
_BASE_REAL = re.compile(
    r"(?:nilai|realisasi|capaian\s+nilai)[^.;()]{0,60}?tahun\s+(?P<y>\d{4})\s*(?:yaitu|sebesar|adalah|=|:)\s*"
    + _NUM,
    re.I,
)
_BASE_CAPAIAN = re.compile(r"capaian\s*(?:kinerja\s*)?(?:sebesar|yaitu|adalah|=)?\s*" + _NUM + r"\s*%", re.I)


def _num(text: str) -> Decimal | None:
    try:
        return numbers.parse_angka(text)
    except ValueError:
        return None


def baseline_from_text(text: str) -> tuple[Baseline, ...]:
    """Previous-year figures quoted in an explanation ('Nilai IKM Tahun 2023 yaitu 80,33 ...')."""
    if not text:
        return ()
    years: dict[int, dict[str, Decimal | None]] = {}
    for m in _BASE_TARGET.finditer(text):
        y = m.group("y")
        if y:
            years.setdefault(int(y), {})["target"] = _num(m.group(2))
    for m in _BASE_REAL.finditer(text):
        y = int(m.group("y"))
        d = years.setdefault(y, {})
        d["realisasi"] = _num(m.group(2))
        cap = _BASE_CAPAIAN.search(text, m.end(), m.end() + 60)
        if cap:
            d["capaian"] = _num(cap.group(1))
    return tuple(
        Baseline(tahun=y, target=d.get("target"), realisasi=d.get("realisasi"), capaian=d.get("capaian"))
        for y, d in sorted(years.items())
    )


# ---------------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------------


def parse_rows(rows: Sequence[Row]) -> list[NaskahPK]:
    """Every PK found in a document's rows; raises ParseError when there is none."""
    if not rows:
        raise ParseError("dokumen kosong: tidak ada teks yang dapat dibaca")
    rows = [
        replace(r, sel=tuple(bersihkan(c) for c in r.sel))
        if any(KARAKTER_TERLARANG.search(c) for c in r.sel)
        else r
        for r in rows
    ]  # control characters and bidi overrides out (a PDF's text may carry them; PostgreSQL takes no NUL)
    docs = _segment(sel_per_baris.rapatkan(rows))
    results: list[NaskahPK] = []
    dilewati: list[Catatan] = []
    for doc in docs:
        has_table = any(_is_kinerja_header(r) for s in doc.sections for r in s.rows)
        if doc.title is None and not has_table:
            continue
        if doc.title is not None and not has_table and not doc.section("lampiran_1"):
            if doc.title.lembar is not None and len(docs) > 1:
                # A workbook's sheet titled as a PK but without its tabel kinerja (a draft, a copy):
                # the other sheets are still read, and the first PK says which sheet was passed over.
                dilewati.append(
                    Catatan(
                        doc.title.baris,
                        f"lembar “{doc.title.lembar}” berjudul Perjanjian Kinerja tetapi tanpa tabel "
                        "kinerja: tidak dibaca",
                    )
                )
                continue
            raise ParseError(
                "tabel kinerja (NO | SASARAN | INDIKATOR KINERJA | TARGET) tidak ditemukan setelah judul "
                "Perjanjian Kinerja",
                doc.title.baris,
            )
        naskah = _PKParser(doc).run()
        if any(r.ocr for s in doc.sections for r in s.rows):
            naskah = replace(naskah, ocr=True)
        results.append(naskah)
    if results and dilewati:
        results[0] = replace(results[0], catatan=(*dilewati, *results[0].catatan))
    if not results:
        first = next((r for r in rows if r.teks), rows[0])
        raise ParseError(
            "bukan dokumen Perjanjian Kinerja: tidak ditemukan judul “PERJANJIAN KINERJA” maupun tabel "
            f"sasaran/indikator/target (baris pertama: “{first.teks[:80]}”)",
            first.baris,
        )
    return results


def parse(text: str) -> list[NaskahPK]:
    """Every PK in a plain-text/Markdown document."""
    return parse_rows(read_text(text))


def parse_file(path: str, *, kemajuan: Kemajuan | None = None) -> list[NaskahPK]:
    """Every PK in a .txt/.md, .docx, .xlsx, .pdf or .png/.jpg file (scanned pages read by OCR)."""
    return parse_rows(read_path(path, kemajuan=kemajuan))


def parse_bytes(data: bytes, name: str, *, kemajuan: Kemajuan | None = None) -> list[NaskahPK]:
    """Every PK in an uploaded file's content (the name tells .txt/.md/.docx/.xlsx/.pdf/.png/.jpg)."""
    return parse_rows(read_bytes(data, name, kemajuan=kemajuan))


def tanggal_pk(pk: NaskahPK) -> tanggal.Tanggal | None:
    """The PK's date (the statement page's), possibly without a day."""
    return tanggal.parse_tanggal(pk.tanggal or "")


__all__ = [
    "ParseError",
    "baseline_from_text",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_rows",
    "parse_target",
]
