"""One entry point for the three renderers: `render(dok, "pdf" | "docx" | "xlsx")`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kinerja.documents.contexts import DokumenPK


@dataclass(frozen=True)
class Format:
    ekstensi: str
    mime: str
    render: Callable[..., bytes]


def _pdf(dok: DokumenPK, templat: str | Path | None = None) -> bytes:
    from kinerja.documents.pdf import render_pdf

    return render_pdf(dok)


def _docx(dok: DokumenPK, templat: str | Path | None = None) -> bytes:
    from kinerja.documents.word import render_docx

    return render_docx(dok, template=templat)


def _xlsx(dok: DokumenPK, templat: str | Path | None = None) -> bytes:
    from kinerja.documents.xlsx import render_xlsx

    return render_xlsx(dok)


FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", "application/pdf", _pdf),
    "docx": Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx),
}


def render(dok: DokumenPK, format: str, *, templat: str | Path | None = None) -> bytes:
    """The document in `format` ("pdf", "docx" or "xlsx"); `templat` replaces the Word template."""
    if format not in FORMATS:
        raise ValueError(f"format tidak dikenal: {format!r} (pilihan: pdf, docx, xlsx)")
    return FORMATS[format].render(dok, templat)


def nama_berkas(dok: DokumenPK, format: str) -> str:
    """ "PK-2024-Kecamatan-Bajeng.pdf"."""
    return f"{dok.nama_berkas}.{FORMATS[format].ekstensi}"
