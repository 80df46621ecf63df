"""The trend of an indikator over the four triwulan: a small server-rendered SVG (no JavaScript).

Self-contained `<svg role="img">` with a <title> and a <desc> that says the numbers in words (the page
shows them in the table too). Plot coordinates are floats; the numbers printed come from Decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from kinerja.domain.numbers import format_angka
from kinerja.domain.pantau import ROMAWI


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def tren(
    capaian: Sequence[Decimal | None], *, judul: str, id_: str, lebar: int = 168, tinggi: int = 56
) -> str:
    """Capaian per triwulan (None: not yet reported, a gap), with the 100% line dashed."""
    kiri, kanan, atas, bawah = 6, 6, 8, 14
    ada = [float(v) for v in capaian if v is not None]
    hi = max([100.0, *ada]) * 1.08
    lo = min([0.0, *ada])
    lebar_plot, tinggi_plot = lebar - kiri - kanan, tinggi - atas - bawah

    def x(i: int) -> float:
        return kiri + i * lebar_plot / 3

    def y(v: float) -> float:
        return atas + (hi - v) / (hi - lo) * tinggi_plot

    isi = [
        f'<line x1="{kiri}" y1="{_f(y(100))}" x2="{lebar - kanan}" y2="{_f(y(100))}" stroke="#57606a" '
        'stroke-dasharray="3 3"/>'
    ]
    ruas: list[list[str]] = [[]]
    for i, v in enumerate(capaian):
        if v is None:
            ruas.append([])
        else:
            ruas[-1].append(f"{_f(x(i))},{_f(y(float(v)))}")
    for r in ruas:
        if len(r) > 1:
            isi.append(f'<polyline points="{" ".join(r)}" fill="none" stroke="#0b5394" stroke-width="2"/>')
    for i, v in enumerate(capaian):
        label = ROMAWI[i + 1]
        isi.append(
            f'<text x="{_f(x(i))}" y="{tinggi - 2}" font-size="9" text-anchor="middle" fill="#424a53">{label}</text>'
        )
        if v is not None:
            isi.append(f'<circle cx="{_f(x(i))}" cy="{_f(y(float(v)))}" r="3" fill="#0b5394"/>')
    uraian = "; ".join(
        f"TW {ROMAWI[i + 1]}: " + ("–" if v is None else f"{format_angka(v, 2)}%")
        for i, v in enumerate(capaian)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{lebar}" height="{tinggi}" '
        f'viewBox="0 0 {lebar} {tinggi}" aria-labelledby="{id_}-j {id_}-u" class="tren">'
        f'<title id="{id_}-j">{escape(judul)}</title><desc id="{id_}-u">{escape(uraian)}</desc>'
        + "".join(isi)
        + "</svg>"
    )
