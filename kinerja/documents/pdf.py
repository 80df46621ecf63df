"""The PK as PDF through Typst: kinerja/documents/typst/pk.typ fed the context as JSON.

Fonts come from the package (kinerja/documents/fonts: Kinerja Serif, which is Liberation Serif without
hinting, SIL OFL 1.1, metric-compatible with Times New Roman; FONTLOG.txt) and system fonts are ignored, so the PDF is the same on every machine; the
template sets no date, so the same context gives byte-identical PDFs. A compiler is kept per thread
and reused: it keeps the fonts and the parsed template between documents (see bench/bench_render.py).

Speed (ADR 0002, "Speed"): the document is compiled from a small main source made per PK,
`#import "pk.typ": dokumen` + `#dokumen(json(bytes("…")))`, not from `sys.inputs`. Typst memoises
layout across compilations, but `sys.inputs` is part of its standard library, so new inputs
invalidate every memoised layout; data in the main source leaves the library, the template and its
styles unchanged, and what two PKs have in common (the statement's wording, headings, table heads,
shared indicators and programs) is laid out once. The template keeps per-PK data out of its styles
for the same reason (the running header reads a state, the PDF title is set last).
"""

from __future__ import annotations

import json
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from kinerja.documents.contexts import DokumenPK
from kinerja.domain.teks_keluaran import string_typst

if TYPE_CHECKING:
    import typst
    from PIL import ImageFont

TEMPLATE = Path(__file__).resolve().parent / "typst" / "pk.typ"
FONTS = Path(__file__).resolve().parent / "fonts"

# A signature column of pk.typ: the A4 text width (21cm less margins 2.5cm and 2cm) less the 1cm gutter,
# halved; the block's text is 12pt. A name is bold.
KOLOM_TANDA_TANGAN_PT = (21.0 - 2.5 - 2.0 - 1.0) / 2 / 2.54 * 72
UKURAN_PT = 12.0
# No tagged-PDF structure tree (accessibility tags): it cost about 2 ms of 11 per PK (ADR 0002, Speed);
# the text, its order and the parser's reading are the same without it.
PDF_TAGS = False

_lokal = threading.local()


class RenderError(RuntimeError):
    """Typst could not lay the document out (a template error); the message says why."""


def _compiler() -> typst.Compiler:
    import typst

    compiler = getattr(_lokal, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(
            root=str(TEMPLATE.parent), font_paths=[str(FONTS)], ignore_system_fonts=True
        )
        _lokal.compiler = compiler
    return compiler


@cache
def _huruf(tebal: bool) -> ImageFont.FreeTypeFont:
    """The shipped font at 100 units per point, for advance widths (Pillow, FreeType; basic layout)."""
    from PIL import ImageFont

    berkas = FONTS / ("KinerjaSerif-Bold.ttf" if tebal else "KinerjaSerif-Regular.ttf")
    return ImageFont.truetype(str(berkas), size=int(UKURAN_PT * 100), layout_engine=ImageFont.Layout.BASIC)


@cache
def _lebar_huruf(huruf: str, tebal: bool) -> float:
    """The advance width (pt at 12pt) of one character; a line's width is their sum.

    Summed per character (cached) rather than measured per line: the same within 0.2 % (kerning
    only narrows a line, so the sum errs on the safe side), and a PDF no longer waits for FreeType.
    """
    return float(_huruf(tebal).getlength(huruf)) / 100


def _ukuran_pas(teks: str, *, tebal: bool, kecil: float) -> float | None:
    """The size (pt) at which `teks` fits one signature column, or None when it fits at 12pt.

    Shrinks from 99% of the column and to 97% of it: Typst's width (with kerning) may differ from
    the advance widths here by a fraction of a point, and a name that wraps reads back as two lines.
    """
    lebar = sum(_lebar_huruf(c, tebal) for c in teks)
    if lebar <= KOLOM_TANDA_TANGAN_PT * 0.99:
        return None
    return round(max(kecil, UKURAN_PT * KOLOM_TANDA_TANGAN_PT / lebar * 0.97), 2)


def ukuran_pas(dok: DokumenPK) -> dict[str, dict[str, float]]:
    """Sizes of the signature blocks' long names and jabatan (the template's `d.pas`)."""
    nama: dict[str, float] = {}
    jabatan: dict[str, float] = {}
    for bagian in (dok.pernyataan, dok.lampiran_1, dok.lampiran_2):
        for blok in (bagian.kiri, bagian.kanan):
            if blok is None:
                continue
            if (u := _ukuran_pas(blok.nama, tebal=True, kecil=8)) is not None:
                nama[blok.nama] = u
            if (u := _ukuran_pas(blok.jabatan, tebal=False, kecil=9)) is not None:
                jabatan[blok.jabatan] = u
    return {"nama": nama, "jabatan": jabatan}


def sumber(dok: DokumenPK) -> bytes:
    """The main source compiled for `dok`: the template's `dokumen` called with the context as JSON
    (plus `pas`, the sizes of long signature lines) and, when the PK is verifiable, its QR code as
    PNG bytes."""
    data = dok.to_json()
    data = data[:-1] + ',"pas":' + json.dumps(ukuran_pas(dok), ensure_ascii=False) + "}"
    argumen = f"json(bytes({string_typst(data)}))"
    if dok.verifikasi is not None:
        png = ",".join(map(str, qr_png(dok.verifikasi.url)))
        argumen += f", qr: bytes(({png},))"
    return f'#import "{TEMPLATE.name}": dokumen\n#dokumen({argumen})\n'.encode()


def qr_png(url: str) -> bytes:
    """The QR code of `url` as a 1-pixel-per-module PNG (Typst scales it, pixelated)."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=1, border=2)
    return out.getvalue()


def render_pdf(dok: DokumenPK, *, reuse: bool = True) -> bytes:
    """The PDF bytes of a PK document; `reuse=False` compiles cold (a new compiler, for the bench)."""
    import typst

    try:
        if reuse:
            return cast(bytes, _compiler().compile(input=sumber(dok), pdf_tags=PDF_TAGS))
        pdf = typst.compile(  # type: ignore[misc]  # the stub's `Input` TypeVar does not bind bytes
            sumber(dok),
            root=str(TEMPLATE.parent),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,
            pdf_tags=PDF_TAGS,
        )
        return pdf
    except RuntimeError as err:  # typst.TypstError
        raise RenderError(f"PDF tidak dapat dibuat: {err}") from err
