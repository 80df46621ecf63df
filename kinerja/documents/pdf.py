"""The PK as PDF through Typst: kinerja/documents/typst/pk.typ fed the context as JSON.

Fonts come from the package (kinerja/documents/fonts: Liberation Serif, SIL OFL 1.1, metric-compatible
with Times New Roman) and system fonts are ignored, so the PDF is the same on every machine; the
template sets no date, so the same context gives byte-identical PDFs. A compiler is kept per thread
and reused: it keeps the fonts and the parsed template between documents (see bench/bench_render.py).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from kinerja.documents.contexts import DokumenPK

TEMPLATE = Path(__file__).resolve().parent / "typst" / "pk.typ"
FONTS = Path(__file__).resolve().parent / "fonts"

_lokal = threading.local()


class RenderError(RuntimeError):
    """Typst could not lay the document out (a template error); the message says why."""


def _compiler():
    import typst

    compiler = getattr(_lokal, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(
            input=str(TEMPLATE),
            root=str(TEMPLATE.parent),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,
        )
        _lokal.compiler = compiler
    return compiler


def sys_inputs(dok: DokumenPK) -> dict[str, str]:
    """The template's inputs: the context, and the QR code as PNG bytes when the PK is verifiable."""
    inputs = {"data": dok.to_json()}
    if dok.verifikasi is not None:
        inputs["qr"] = json.dumps({"png": list(qr_png(dok.verifikasi.url))})
    return inputs


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
            return _compiler().compile(sys_inputs=sys_inputs(dok))
        return typst.compile(
            str(TEMPLATE),
            root=str(TEMPLATE.parent),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,
            sys_inputs=sys_inputs(dok),
        )
    except RuntimeError as err:  # typst.TypstError
        raise RenderError(f"PDF tidak dapat dibuat: {err}") from err
