"""Reading a scanned page by OCR: Tesseract with its Indonesian data, words with their boxes.

A page without a text layer (a scanned PDF page, a JPEG/PNG photo of a PK) is turned into what
pdfplumber gives for a text page — ruled tables with their cells, and words with their boxes — so that
`pdf_source` lays it out into rows exactly as it does a text page. The steps, per page:

1. The page image in grey, at 300 dpi (Tesseract reads 10–12 pt print best at about 300 dpi; a photo
   is scaled to an A4 page's width at 300 dpi).
2. Deskew: the angle (within ±5°) at which the image's rows of pixels are most unequal — text lines
   are then horizontal, dark rows alternating with white gaps — found on a reduced copy, then the
   full image turned by it. Lines of a skewed page would otherwise drift into the line above.
3. Threshold: the ruling lines are looked for on a black-and-white copy (`ocr_tabel`); the tables
   they draw are kept as grids, and their lines painted white so that Tesseract does not read them
   as "|" or "l". Tesseract binarises the image itself (Otsu), which suits scans: no more is done.
4. `tesseract - - -l ind --psm 6 tsv` (one uniform block: with automatic layout Tesseract cuts a
   table into columns read one after another) with OMP_THREAD_LIMIT=1, so that one OCR keeps to one
   core and the web server has the other. Each word then goes into the table cell holding its centre,
   or stays a word of the page's text.
5. Words with confidence below `KEYAKINAN_MINIMUM` that hold no letter or digit, or only up to three
   letters (specks, the edge of a stamp or a logo, "SI" read into a signature's scribble) are left
   out; every other word is kept, however unsure: what the parser cannot place goes to its catatan.
   "%" read as "Yo" is put right.

Tesseract is a program of the operating system (Debian: tesseract-ocr and tesseract-ocr-ind), not a
Python package: `tersedia()` says whether it is there, and a caller without it gets `OCRTidakAda` with
an Indonesian message saying what to install.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

from kinerja.domain.ocr_tabel import cari_kisi, garis, hapus_garis, susun_tabel
from kinerja.domain.source import SourceError

DPI = 300
BATAS_HALAMAN = 20  # pages read by OCR in one file: a signed PK has 2–6 pages
PIKSEL_MAKS = 60_000_000  # a photo larger than this (60 megapixels) is refused before OCR
KEYAKINAN_MINIMUM = 40.0  # Tesseract's word confidence (0–100)
_BAHASA = "ind"
_SUDUT_MAKS = 5.0  # degrees
_LANGKAH_SUDUT = 0.25
_WAKTU_HALAMAN = 120  # seconds: a page that takes longer than this is a sign of a broken image

# Tesseract's Indonesian model reads a percent sign as "Yo" (or "Yo." at a cell's end).
_PERSEN = re.compile(r"^(\d+(?:[.,]\d+)?)(?:Yo|yo|Y0)\.?$")
_PERSEN_SENDIRI = {"Yo", "Yo.", "yo", "Y0"}
_ANGKA = re.compile(r"^\d+(?:[.,]\d+)?$")

PESAN_TIDAK_ADA = (
    "berkas ini hasil pindaian (tanpa lapisan teks) dan harus dibaca dengan OCR, tetapi Tesseract "
    "belum terpasang di server ini (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-ind)"
)


class OCRTidakAda(SourceError):
    """Tesseract or its Indonesian data is not installed."""


class OCRGagal(SourceError):
    """Tesseract could not read a page; the message is Indonesian."""


@dataclass(frozen=True)
class Kata:
    """A word read by OCR, its box in points (1/72 inch) from the page's top left, and its confidence."""

    teks: str
    x0: float
    x1: float
    top: float
    bottom: float
    keyakinan: float

    def sebagai_pdfplumber(self) -> dict[str, Any]:
        """The word as pdfplumber's extract_words() gives one (what pdf_source lays out)."""
        return {"text": self.teks, "x0": self.x0, "x1": self.x1, "top": self.top, "bottom": self.bottom}


def tersedia() -> bool:
    """Whether Tesseract and its Indonesian language data are installed (asked once per process)."""
    return _bahasa_terpasang()


@functools.cache
def _bahasa_terpasang() -> bool:
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        hasil = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return _BAHASA in hasil.stdout.split()


def pastikan_tersedia() -> None:
    if not tersedia():
        raise OCRTidakAda(PESAN_TIDAK_ADA)


def periksa_pindaian(halaman: int) -> None:
    """Refuse, before any OCR, a file with more pages to read than `BATAS_HALAMAN`, or any page to read
    where Tesseract is missing (the upload form and the PDF reader ask the same)."""
    if halaman > BATAS_HALAMAN:
        raise SourceError(
            f"berkas ini memuat {halaman} halaman pindaian tanpa lapisan teks; OCR dibatasi {BATAS_HALAMAN} "
            "halaman per berkas — unggah hanya halaman Perjanjian Kinerja"
        )
    if halaman:
        pastikan_tersedia()


@dataclass(frozen=True)
class TabelOCR:
    """A ruled table found on a page image: its box in points and its cells' texts by grid position,
    None where a merged cell covers the position (as pdf_source's tables give them)."""

    kotak: tuple[float, float, float, float]  # x0, top, x1, bottom
    sel: list[list[str | None]]


@dataclass(frozen=True)
class HalamanOCR:
    """What OCR read on one page: the ruled tables and the words outside them."""

    tabel: list[TabelOCR]
    kata: list[Kata]


def baca_gambar(gambar: Any, *, dpi: float = DPI) -> HalamanOCR:
    """The tables and words of a page image (a PIL image), in points for an image of `dpi` dots per inch.

    The image is straightened, its ruling lines are found (they make the tables' grid) and painted
    out, and Tesseract reads what is left: a ruling line read as "|" or "l" would join the words."""
    program = shutil.which("tesseract")
    if program is None:
        raise OCRTidakAda(PESAN_TIDAK_ADA)
    abu = luruskan(gambar.convert("L"))
    kisi = cari_kisi(garis(abu))
    bersih = hapus_garis(abu, [g for k in kisi for g in k.garis])
    png = io.BytesIO()
    bersih.save(png, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        hasil = subprocess.run(
            [program, "-", "-", "-l", _BAHASA, "--psm", "6", "--dpi", str(round(dpi)), "tsv"],
            input=png.getvalue(),
            capture_output=True,
            timeout=_WAKTU_HALAMAN,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise OCRGagal(f"OCR satu halaman melebihi {_WAKTU_HALAMAN} detik; gambarnya mungkin rusak") from None
    except OSError as exc:
        raise OCRGagal(f"Tesseract tidak dapat dijalankan: {exc}") from None
    if hasil.returncode != 0:
        alasan = hasil.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["tanpa pesan"]
        raise OCRGagal(f"Tesseract gagal membaca halaman: {alasan[0]}")
    kata = kata_tsv(hasil.stdout.decode("utf-8", "replace"))
    tabel, luar = susun_tabel(kisi, kata)
    skala = 72.0 / dpi
    return HalamanOCR(
        tabel=[
            TabelOCR(
                kotak=(t.kotak[0] * skala, t.kotak[1] * skala, t.kotak[2] * skala, t.kotak[3] * skala),
                sel=t.sel,
            )
            for t in tabel
        ],
        kata=[_skala(k, skala) for k in luar],
    )


def _skala(k: Kata, skala: float) -> Kata:
    return Kata(k.teks, k.x0 * skala, k.x1 * skala, k.top * skala, k.bottom * skala, k.keyakinan)


def kata_tsv(tsv: str, *, skala: float = 1.0) -> list[Kata]:
    """The words of Tesseract's TSV output (level 5 rows), boxes multiplied by `skala`; specks out."""
    kata: list[Kata] = []
    for baris in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        teks = (baris.get("text") or "").strip()
        if baris.get("level") != "5" or not teks:
            continue
        try:
            kiri, atas = float(baris["left"]), float(baris["top"])
            lebar, tinggi = float(baris["width"]), float(baris["height"])
            keyakinan = float(baris["conf"])
        except (KeyError, TypeError, ValueError):
            continue
        if _derau(teks, keyakinan):
            continue
        kata.append(
            Kata(
                teks=_PERSEN.sub(r"\1%", teks),
                x0=kiri * skala,
                x1=(kiri + lebar) * skala,
                top=atas * skala,
                bottom=(atas + tinggi) * skala,
                keyakinan=keyakinan,
            )
        )
    # "%" alone after a number, read as "Yo" ("20 Yo" for "20 %").
    return [
        Kata("%", k.x0, k.x1, k.top, k.bottom, k.keyakinan)
        if k.teks in _PERSEN_SENDIRI and i and _ANGKA.match(kata[i - 1].teks)
        else k
        for i, k in enumerate(kata)
    ]


def _derau(teks: str, keyakinan: float) -> bool:
    """A speck, or a "word" read into a signature's scribble or a stamp (unsure, and short or no word)."""
    if keyakinan >= KEYAKINAN_MINIMUM or teks.isdigit():
        return False
    return len(teks) <= 3 or not any(c.isalnum() for c in teks)


def sudut_miring(gambar: Any) -> float:
    """The angle in degrees (counter-clockwise positive, as PIL's rotate) that makes the text lines of
    a grey page image horizontal: the one, within ±5°, whose rows of pixels differ most in darkness."""
    from PIL import Image, ImageOps

    kecil = ImageOps.invert(gambar.convert("L"))
    lebar = 600
    if kecil.width > lebar:
        kecil = kecil.resize((lebar, max(1, round(kecil.height * lebar / kecil.width))), Image.Resampling.BOX)

    def sebaran(sudut: float) -> float:
        putar = kecil.rotate(sudut, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=0)
        # Mean darkness of each row of pixels, computed in C by shrinking the image to one column.
        kolom = putar.resize((1, putar.height), Image.Resampling.BOX)
        nilai = list(kolom.tobytes())
        rata = sum(nilai) / len(nilai)
        return sum((v - rata) ** 2 for v in nilai)

    langkah = round(_SUDUT_MAKS / _LANGKAH_SUDUT)
    terbaik = max(range(-langkah, langkah + 1), key=lambda i: (sebaran(i * _LANGKAH_SUDUT), -abs(i)))
    return terbaik * _LANGKAH_SUDUT


def luruskan(gambar: Any) -> Any:
    """The grey page image turned so that its text lines are horizontal (unchanged when they are)."""
    from PIL import Image

    sudut = sudut_miring(gambar)
    if sudut == 0:
        return gambar
    return gambar.rotate(sudut, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
