"""A tiny server-side SVG builder for the SKM charts (no JavaScript, no CDN): NRR bars and a trend line.

Each chart is a self-contained `<svg role="img">` with a <title> and a <desc> that says the numbers in
words (the page also shows them in a table). The same string goes into the PDF (Typst reads SVG).
Texts use the report's font family first, then generic serif; numbers are printed Indonesian style.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from kinerja.domain.numbers import format_angka

FONT = "Kinerja Serif, Liberation Serif, Times New Roman, serif"
WARNA_MUTU = {"A": "#1a7f37", "B": "#0b5394", "C": "#9a6700", "D": "#cf222e"}


@dataclass(frozen=True)
class Ambang:
    """A threshold line: where a mutu band starts (on the chart's scale) and its label."""

    nilai: Decimal
    label: str


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _teks(
    x: float,
    y: float,
    isi: str,
    *,
    anchor: str = "start",
    ukuran: float = 12,
    tebal: bool = False,
    warna: str = "#1f2328",
) -> str:
    berat = ' font-weight="bold"' if tebal else ""
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-family={quoteattr(FONT)} font-size="{_f(ukuran)}" '
        f'text-anchor="{anchor}" fill="{warna}"{berat}>{escape(isi)}</text>'
    )


def _bungkus(lebar: int, tinggi: int, judul: str, uraian: str, id_: str, isi: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" width="{lebar}" '
        f'height="{tinggi}" role="img" aria-labelledby="{id_}-t {id_}-d">'
        f'<title id="{id_}-t">{escape(judul)}</title><desc id="{id_}-d">{escape(uraian)}</desc>'
        f'<rect x="0" y="0" width="{lebar}" height="{tinggi}" fill="#ffffff"/>' + "".join(isi) + "</svg>"
    )


def batang_nrr(
    baris: Sequence[tuple[str, Decimal, str]],
    *,
    ambang: Sequence[Ambang] = (),
    judul: str = "NRR per unsur",
    id_: str = "grafik-nrr",
    skala: tuple[Decimal, Decimal] = (Decimal(1), Decimal(4)),
    lebar: int = 640,
    sumbu: str = "Nilai rata-rata (NRR, skala 1–4)",
) -> str:
    """Horizontal bars, one per (label, value, mutu) in the given order, on `skala`, with threshold lines."""
    kiri, kanan, atas, tinggi_batang, jarak = 270, 56, 28, 22, 8
    bawah = 34
    tinggi = atas + len(baris) * (tinggi_batang + jarak) + bawah
    lo, hi = float(skala[0]), float(skala[1])
    lebar_plot = lebar - kiri - kanan

    def x(v: float) -> float:
        return kiri + (min(max(v, lo), hi) - lo) / (hi - lo) * lebar_plot

    isi: list[str] = []
    dasar_y = atas + len(baris) * (tinggi_batang + jarak)
    # Axis ticks at every whole number of the scale.
    langkah = 1 if hi - lo <= 4 else 25
    t = lo
    while t <= hi + 1e-9:
        isi.append(
            f'<line x1="{_f(x(t))}" y1="{atas - 6}" x2="{_f(x(t))}" y2="{_f(dasar_y)}" stroke="#d0d7de"/>'
        )
        isi.append(_teks(x(t), dasar_y + 14, format_angka(Decimal(str(t)), 0), anchor="middle", ukuran=11))
        t += langkah
    for i, (label, nilai, mutu) in enumerate(baris):
        y = atas + i * (tinggi_batang + jarak)
        v = float(nilai)
        isi.append(
            f'<rect x="{kiri}" y="{y}" width="{_f(x(v) - kiri)}" height="{tinggi_batang}" '
            f'fill="{WARNA_MUTU.get(mutu, "#57606a")}"/>'
        )
        isi.append(
            _teks(
                kiri - 6,
                y + tinggi_batang - 6,
                label if len(label) <= 44 else label[:43] + "…",
                anchor="end",
                ukuran=12,
            )
        )
        isi.append(_teks(x(v) + 4, y + tinggi_batang - 6, format_angka(nilai, 2), ukuran=12, tebal=True))
    for a in ambang:
        xa = x(float(a.nilai))
        isi.append(
            f'<line x1="{_f(xa)}" y1="{atas - 8}" x2="{_f(xa)}" y2="{_f(dasar_y)}" stroke="#1f2328" '
            'stroke-width="1" stroke-dasharray="4 3"/>'
        )
        isi.append(_teks(xa, atas - 12, a.label, anchor="middle", ukuran=10, warna="#424a53"))
    isi.append(
        _teks(
            kiri + lebar_plot / 2,
            tinggi - 4,
            sumbu,
            anchor="middle",
            ukuran=11,
            warna="#424a53",
        )
    )
    uraian = "; ".join(f"{label}: {format_angka(n, 2)} (mutu {m})" for label, n, m in baris)
    return _bungkus(lebar, tinggi, judul, uraian, id_, isi)


def garis_tren(
    titik: Sequence[tuple[str, Decimal]],
    *,
    judul: str = "Tren IKM",
    id_: str = "grafik-tren",
    lebar: int = 640,
    tinggi: int = 200,
    ambang: Sequence[Ambang] = (),
) -> str:
    """A small line chart of IKM values (25–100 scale) over periods, oldest first, labelled points."""
    kiri, kanan, atas, bawah = 44, 24, 22, 40
    nilai = [float(v) for _, v in titik] or [0.0]
    lo = max(25.0, (min(nilai) // 5) * 5 - 5)
    hi = min(100.0, (max(nilai) // 5) * 5 + 10)
    if hi - lo < 10:
        lo = max(25.0, hi - 10)
    lebar_plot, tinggi_plot = lebar - kiri - kanan, tinggi - atas - bawah

    def y(v: float) -> float:
        return atas + (hi - v) / (hi - lo) * tinggi_plot

    def x(i: int) -> float:
        return kiri + (lebar_plot / 2 if len(titik) == 1 else i * lebar_plot / (len(titik) - 1))

    isi: list[str] = []
    t = lo
    while t <= hi + 1e-9:
        isi.append(
            f'<line x1="{kiri}" y1="{_f(y(t))}" x2="{lebar - kanan}" y2="{_f(y(t))}" stroke="#eaeef2"/>'
        )
        isi.append(_teks(kiri - 6, y(t) + 4, format_angka(Decimal(str(int(t))), 0), anchor="end", ukuran=10))
        t += 5
    for a in ambang:
        if lo < float(a.nilai) < hi:
            ya = y(float(a.nilai))
            isi.append(
                f'<line x1="{kiri}" y1="{_f(ya)}" x2="{lebar - kanan}" y2="{_f(ya)}" stroke="#57606a" '
                'stroke-dasharray="4 3"/>'
            )
            isi.append(_teks(lebar - kanan, ya - 3, a.label, anchor="end", ukuran=10, warna="#424a53"))
    if len(titik) > 1:
        jalur = " ".join(f"{_f(x(i))},{_f(y(float(v)))}" for i, (_, v) in enumerate(titik))
        isi.append(f'<polyline points="{jalur}" fill="none" stroke="#0b5394" stroke-width="2.5"/>')
    for i, (label, v) in enumerate(titik):
        isi.append(f'<circle cx="{_f(x(i))}" cy="{_f(y(float(v)))}" r="4" fill="#0b5394"/>')
        isi.append(_teks(x(i), y(float(v)) - 8, format_angka(v, 2), anchor="middle", ukuran=11, tebal=True))
        isi.append(_teks(x(i), tinggi - bawah + 16, label[:22], anchor="middle", ukuran=10))
    uraian = "; ".join(f"{label}: {format_angka(v, 2)}" for label, v in titik)
    return _bungkus(lebar, tinggi, judul, uraian, id_, isi)
