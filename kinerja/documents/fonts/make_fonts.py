#!/usr/bin/env python
"""Make the shipped "Kinerja Serif" fonts from Liberation Serif 2.1.5 (SIL OFL 1.1).

    python kinerja/documents/fonts/make_fonts.py /usr/share/fonts/truetype/liberation2

(Debian/Ubuntu package fonts-liberation2; needs fontTools: pip install fonttools.) What it changes,
nothing else: the TrueType hinting (the `fpgm`, `prep`, `cvt ` tables and each glyph's instructions)
is dropped, and the font is renamed, because the OFL's Reserved Font Names ("Liberation", "Tinos")
may not be used by a modified version. Outlines, advance widths (the metrics of Times New Roman),
kerning and every character stay. Hinting only steers rasterising at small pixel sizes, which PDF
viewers and printers do not use; without it Typst's font subsets are a third of the size, so every
PDF is ≈ 35 % smaller and compiles faster (ADR 0002, "Second pass"). Licence: OFL.txt beside this
script; the changes are also listed in FONTLOG.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

GAYA = ("Regular", "Bold", "Italic", "BoldItalic")
NAMA_GAYA = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}
KELUARGA = "Kinerja Serif"


def buat(sumber: Path, tujuan: Path) -> None:
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont

    for gaya in GAYA:
        font = TTFont(str(sumber / f"LiberationSerif-{gaya}.ttf"), recalcTimestamp=False)
        opsi = Options()
        opsi.hinting = False  # drops fpgm/prep/cvt and the glyphs' instructions
        opsi.layout_features = ["*"]
        opsi.name_IDs = ["*"]
        opsi.name_languages = ["*"]
        opsi.glyph_names = True
        opsi.notdef_outline = True
        opsi.drop_tables += ["FFTM"]
        subsetter = Subsetter(opsi)
        subsetter.populate(unicodes=font.getBestCmap().keys())
        subsetter.subset(font)
        nama = NAMA_GAYA[gaya]
        lengkap = KELUARGA if gaya == "Regular" else f"{KELUARGA} {nama}"
        name = font["name"]
        versi = name.getDebugName(5) or ""
        for kode in (1, 2, 3, 4, 6, 16, 17, 21, 22):  # every record that names the font
            name.removeNames(nameID=kode)
        for kode, teks in (
            (1, KELUARGA),
            (2, nama),
            (3, f"{KELUARGA} {nama}; {versi}; kinerja"),
            (4, lengkap),
            (6, f"KinerjaSerif-{gaya}"),
        ):
            name.setName(teks, kode, 3, 1, 0x409)  # Windows, Unicode, English
            name.setName(teks, kode, 1, 0, 0)  # Macintosh, Roman, English (some readers look here)
        font.save(str(tujuan / f"KinerjaSerif-{gaya}.ttf"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("pakai: make_fonts.py FOLDER_LIBERATION_SERIF_2")
    buat(Path(sys.argv[1]), Path(__file__).resolve().parent)
