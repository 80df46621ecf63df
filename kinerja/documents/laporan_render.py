"""Rendering a report from one frozen context dataclass: a Typst template to PDF, a docxtpl template to
DOCX (used by kinerja.monitoring.laporan and kinerja.evaluation.lhe).

The context is turned into plain JSON values first (`data_polos`: decimals as strings, every text
passed through a cleaner: `teks_pdf` for the PDF, `bersih` for the DOCX). Text is data, never markup:
the PDF receives the whole context as one JSON string literal in a small main source
(`#import "<template>": dokumen` + `#dokumen(json(bytes("…")))`, as kinerja.documents.pdf does and
for the same reason: Typst's memoised layout survives between documents), the DOCX is rendered with
autoescape.

One Typst compiler per thread and template folder (its root), reused between documents; fonts come
from the package (kinerja/documents/fonts), system fonts are ignored, so the PDF is the same on every
machine.
"""

from __future__ import annotations

import dataclasses
import io
import json
import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kinerja.domain.teks_keluaran import bersih, string_typst, teks_pdf

if TYPE_CHECKING:
    import typst

__all__ = ["compiler", "data_polos", "docx_dari_template", "pdf_dari_template"]

_lokal = threading.local()


def data_polos(konteks: Any, bersihkan: Callable[[str], str]) -> Any:
    """A context dataclass as plain JSON values (decimals as strings), every text through `bersihkan`."""

    def ubah(v: Any) -> Any:
        if isinstance(v, str):
            return bersihkan(v)
        if isinstance(v, Decimal):
            return str(v)
        if isinstance(v, dict):
            return {k: ubah(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [ubah(x) for x in v]
        return v

    return ubah(dataclasses.asdict(konteks))


def compiler(folder: Path) -> typst.Compiler:
    """This thread's Typst compiler rooted at `folder` (a template may import only files under it)."""
    import typst

    from kinerja.documents.pdf import FONTS

    cache = getattr(_lokal, "compilers", None)
    if cache is None:
        cache = _lokal.compilers = {}
    kunci = str(folder)
    c = cache.get(kunci)
    if c is None:
        c = cache[kunci] = typst.Compiler(root=kunci, font_paths=[str(FONTS)], ignore_system_fonts=True)
    return c


def pdf_dari_template(
    folder: Path,
    template: str,
    konteks: Any,
    *,
    bersihkan: Callable[[str], str] = teks_pdf,
    pesan: str = "PDF laporan tidak dapat dibuat",
) -> bytes:
    """The PDF of `folder/template`, whose `dokumen(d)` receives the context as JSON data (every text
    through `bersihkan`: one line, overlong words made breakable, unless told otherwise).

    A Typst error raises kinerja.documents.pdf.RenderError, its message starting with `pesan`."""
    from kinerja.documents.pdf import RenderError

    data = json.dumps(data_polos(konteks, bersihkan), ensure_ascii=False, separators=(",", ":"))
    sumber = f'#import "{template}": dokumen\n#dokumen(json(bytes({string_typst(data)})))\n'.encode()
    try:
        return cast(bytes, compiler(folder).compile(input=sumber))
    except RuntimeError as err:  # typst.TypstError
        raise RenderError(f"{pesan}: {err}") from err


def docx_dari_template(template: Path, konteks: Any, *, bersihkan: Callable[[str], str] = bersih) -> bytes:
    """The DOCX of the docxtpl template at `template`, which sees the context as `d` (every text
    through `bersihkan`; docxtpl writes a line break for "\\n" and a tab for "\\t")."""
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(template))
    # autoescape: texts may hold "&" or "<", which would break the document's XML.
    doc.render({"d": data_polos(konteks, bersihkan)}, autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
