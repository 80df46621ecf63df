"""Reading a Word document (.docx) into rows, in the order a reader sees them.

The body is walked as XML (python-docx opens the package; lxml elements do the rest), because the
merge rules below need the raw `w:gridSpan`/`w:vMerge` that python-docx's `Table.cell()` hides:
python-docx repeats a merged cell in every grid position it covers, which would duplicate a section
title ("Sasaran Strategis") into every column and a vertically merged sasaran into every row.

Rules, chosen so that a DOCX and a PDF of the same document give the same rows where they can:

- Paragraphs: one `Row` per *line* (a soft line break `w:br`/`w:cr` starts a new line, as it does on
  paper and in a PDF of the document); a tab or a run of four or more spaces splits the line into
  cells (several in a row count as one), as `source.split_cells` does for plain text and
  `pdf_source` does for wide gaps, so "Nama<TAB>: SITI" gives ("Nama", ": SITI"). Runs of spaces
  inside a cell become one space; empty lines are dropped. `tabel` is None.
- Tables: one `Row` per table row, one cell per grid column, so every row of a table has the same
  width and a cell keeps its column position. A horizontally merged cell (`w:gridSpan`, or the old
  `w:hMerge`) gives its text in its first column and "" in the other columns it covers; a
  vertical-merge continuation (`w:vMerge` without "restart") is "" (its text belongs to the row
  where the merge starts). Grid columns in which no cell of any row starts (left over from
  editing, or from converters that draw fine grids) are dropped; `gridBefore` shifts a row's cells
  right and short rows are padded with "". Rows whose cells are all empty are dropped.
- Cell text: the cell's paragraphs and line breaks joined by "\\n", spaces and tabs inside a line
  collapsed to one space and empty lines dropped, as a PDF cell reads. A nested table is flattened
  into its cell: one line per nested row, its cells joined by "\\t".
- `baris` counts the emitted rows (1, 2, …) in document order; `tabel` is a running index (0, 1, …)
  over the top-level tables that gave at least one row.
- Text boxes (`w:txbxContent`, VML or DrawingML; the fallback copy of `mc:AlternateContent` skipped):
  their paragraphs and tables are read right after the paragraph that anchors them. Exports of
  e-SAKIP applications put the whole statement page in a framed text box.
- Ignored: headers and footers, footnotes and comments, shapes and drawings without text boxes,
  deleted text of tracked changes (inserted text is kept), field codes (their results
  are kept), automatic list numbering ("1.", "a." drawn by Word is not in the text), and
  embedded documents (`w:altChunk`). Content controls (`w:sdt`) and custom XML are read through.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kinerja.domain.source import Row, SourceError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
_T, _TAB, _PTAB, _BR, _CR = _W + "t", _W + "tab", _W + "ptab", _W + "br", _W + "cr"
_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
_VAL = _W + "val"

# Subtrees of a paragraph whose text is not part of the paragraph as read: properties (w:pPr holds
# tab stops named w:tab), deleted or moved-away text, text boxes and drawings, and the duplicate
# fallback rendering of mc:AlternateContent.
_SKIP = frozenset(
    {
        _W + "pPr",
        _W + "rPr",
        _W + "del",
        _W + "moveFrom",
        _W + "txbxContent",
        _W + "drawing",
        _W + "pict",
        _W + "object",
        _W + "instrText",
        _W + "footnoteReference",
        _W + "endnoteReference",
        _W + "commentReference",
        _MC + "Fallback",
    }
)

# A tab, or four spaces (about two average character widths, the gap pdf_source splits on).
_CELL_GAP = re.compile(r"\t\s*| {4,}")


def read_docx(path: str | Path) -> list[Row]:
    """Rows of a .docx file: paragraph lines and table rows in document order."""
    body = _open_body(Path(path))
    rows: list[Row] = []
    tabel = 0
    for element in _blocks(body):
        if element.tag == _P:
            for line in _paragraph_text(element).split("\n"):
                cells = tuple(t for t in (" ".join(c.split()) for c in _CELL_GAP.split(line)) if t)
                if cells:
                    rows.append(Row(baris=len(rows) + 1, sel=cells))
        else:
            table_rows = [cells for cells in _table_rows(element) if any(cells)]
            for cells in table_rows:
                rows.append(Row(baris=len(rows) + 1, sel=cells, tabel=tabel))
            if table_rows:
                tabel += 1
    return rows


def _open_body(path: Path) -> Any:
    """The w:body element of the main document part, or SourceError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise SourceError(f"berkas tidak ditemukan: {path}")
    try:
        return docx.Document(str(path)).element.body
    except (PackageNotFoundError, zipfile.BadZipFile):
        why = "bukan arsip DOCX yang sah (rusak, terpotong, atau dokumen Word lama .doc)"
    except ValueError as exc:
        # python-docx: "file '…' is not a Word file, content type is '…'" (e.g. .dotx, .xlsx).
        why = f"bukan dokumen Word ({exc})"
    except Exception as exc:  # lxml syntax errors, missing parts, …: a damaged package
        why = f"isi berkas rusak ({type(exc).__name__}: {exc})"
    raise SourceError(f"berkas DOCX tidak dapat dibaca: {why}")


def _blocks(parent: Any) -> Iterator[Any]:
    """The w:p and w:tbl children of a container, looking inside content controls and custom XML."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
            if tag == _P:
                for kotak in _kotak_teks(child):
                    yield from _blocks(kotak)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag == _CUSTOM_XML:
            yield from _blocks(child)


def _kotak_teks(p: Any) -> Iterator[Any]:
    """The text boxes anchored in a paragraph (`w:txbxContent`, VML or DrawingML), outermost only and
    not the duplicate of an `mc:Fallback`: their paragraphs and tables are read after it."""
    for kotak in p.iter(_W + "txbxContent"):
        atas = [a.tag for a in kotak.iterancestors() if a is not p]
        if _MC + "Fallback" in atas or _W + "txbxContent" in atas:
            continue
        yield kotak


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children with `tag` (w:tr of a table, w:tc of a row), through content controls."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _paragraph_text(p: Any) -> str:
    """Text of a paragraph; line breaks as "\\n", tabs as "\\t"."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts).replace("\xa0", " ")


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:  # comments and processing instructions
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            _collect(child, parts)


def _cell_text(tc: Any) -> str:
    """Text of a table cell: its paragraphs' lines joined by "\\n"; nested tables flattened."""
    lines: list[str] = []
    for element in _blocks(tc):
        if element.tag == _P:
            lines.extend(" ".join(line.split()) for line in _paragraph_text(element).split("\n"))
        else:
            for cells in _table_rows(element):
                lines.append("\t".join(" ".join(c.split()) for c in cells if c))
    return "\n".join(s for s in (line.strip() for line in lines) if s)


def _int_val(parent: Any, tag: str, default: int) -> int:
    """The integer w:val of a property child, or `default` when absent or unreadable."""
    if parent is None:
        return default
    el = parent.find(tag)
    if el is None:
        return default
    try:
        return max(0, int(el.get(_VAL, default)))
    except ValueError:
        return default


def _table_rows(tbl: Any) -> list[tuple[str, ...]]:
    """Cells of every row of a table, one per used grid column (see the module docstring)."""
    # Per row: (start grid column, text, starts a cell) for each w:tc. The grid (w:tblGrid) itself
    # is not needed: columns are the positions where some cell starts.
    layout: list[list[tuple[int, str, bool]]] = []
    for tr in _children(tbl, _TR):
        tr_pr = tr.find(_W + "trPr")
        column = _int_val(tr_pr, _W + "gridBefore", 0)
        cells: list[tuple[int, str, bool]] = []
        for tc in _children(tr, _TC):
            tc_pr = tc.find(_W + "tcPr")
            span = max(1, _int_val(tc_pr, _W + "gridSpan", 1))
            v_merge = tc_pr.find(_W + "vMerge") if tc_pr is not None else None
            h_merge = tc_pr.find(_W + "hMerge") if tc_pr is not None else None
            v_continue = v_merge is not None and v_merge.get(_VAL, "continue") == "continue"
            h_continue = h_merge is not None and h_merge.get(_VAL, "continue") == "continue"
            text = "" if v_continue or h_continue else _cell_text(tc)
            cells.append((column, text, not h_continue))
            column += span
        layout.append(cells)
    used = sorted({start for cells in layout for start, _, starts in cells if starts})
    position = {column: i for i, column in enumerate(used)}
    rows: list[tuple[str, ...]] = []
    for cells in layout:
        out = [""] * len(used)
        for start, text, starts in cells:
            if starts and text:
                out[position[start]] = text
        rows.append(tuple(out))
    return rows
