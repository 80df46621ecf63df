"""The PK as DOCX through docxtpl: a Word template in the repository that a user may replace.

The default template is kinerja/documents/docx/pk.docx (made by docx/make_template.py). A unit puts
its own kop surat (letterhead) on a copy and points kinerja at it with the setting
KINERJA_DOCX_TEMPLATE or `kinerja pk render --template`; docs/documents.md lists the fields. The
template sees one variable, `dok`: the `DokumenPK` context, already formatted.
"""

from __future__ import annotations

import io
from pathlib import Path

from kinerja.documents.contexts import DokumenPK

TEMPLATE = Path(__file__).resolve().parent / "docx" / "pk.docx"


class TemplateError(ValueError):
    """The Word template cannot be used (missing, not a .docx, broken tags); the message is Indonesian."""


def template_path(path: str | Path | None = None) -> Path:
    """The template to use: `path`, else the KINERJA_DOCX_TEMPLATE setting, else the default."""
    if path is None:
        from django.conf import settings

        if settings.configured:
            path = getattr(settings, "KINERJA_DOCX_TEMPLATE", None)
    return Path(path) if path else TEMPLATE


def render_docx(dok: DokumenPK, *, template: str | Path | None = None) -> bytes:
    """The DOCX bytes of a PK document, from the default template or `template`."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError

    path = template_path(template)
    if not path.is_file():
        raise TemplateError(f"templat Word tidak ditemukan: {path}")
    try:
        doc = DocxTemplate(str(path))
        # autoescape: names and texts may hold "&" or "<", which would break the document's XML.
        doc.render({"dok": dok}, autoescape=True)
    except JinjaError as err:
        raise TemplateError(f"templat Word {path.name} tidak dapat dipakai: {err}") from err
    except (KeyError, ValueError) as err:  # not a Word package
        raise TemplateError(f"templat Word {path.name} bukan dokumen Word yang sah: {err}") from err
    if dok.tanda_air:
        _tanda_air(doc.docx, dok.tanda_air)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _tanda_air(dokumen, tanda: str) -> None:
    """A PK that is not published says so at the top of every page (in each header, any template)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    teks = f"{tanda} — dokumen ini belum diterbitkan; tidak berlaku sebagai Perjanjian Kinerja"
    if tanda != "DRAF":
        teks = f"{tanda} — dokumen ini tidak berlaku lagi"
    for section in dokumen.sections:
        kepala = [section.header]
        if section.different_first_page_header_footer:
            kepala.append(section.first_page_header)
        for header in kepala:
            header.is_linked_to_previous = False
            awal = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            par = awal.insert_paragraph_before()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = par.add_run(teks)
            run.bold = True
            run.font.size = Pt(14)
            run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
