#!/usr/bin/env python
"""Benchmark of the PK documents: PDF per second (Typst cold and reused), bulk, DOCX, XLSX, WeasyPrint.

Usage: .venv/bin/python bench/bench_render.py [--kali 200] [--bulk 1000] [--semua-inti]

Runs on one CPU core (the process is pinned to the first core it may use) unless --semua-inti.
Typst memoises layout across compilations, so every measured PDF is of a different PK: either the
seed with another unit and first party (what PKs of one kabupaten share), or with every text changed
(the worst case). "Kompilator baru" is a new typst.Compiler per PDF (fonts loaded again) in a
process that has compiled before.
The PK is the seed (kinerja/demo/pk-kecamatan-bajeng-2024.txt: 18 indicators, 3 programs,
2 penjelasan, 5 pages). "Bulk" stores --bulk published PKs of that size in a temporary SQLite
database (or a throw-away test database next to DATABASE_URL; bench/_lingkungan.py) and writes
every PDF of the year as `kinerja pk render --tahun … --semua` does: the first run renders and issues
each document (QR code, snapshot stored), the second serves the issued snapshots. WeasyPrint (optional: pip install
weasyprint) renders the same PK's HTML page (agreements/pk_detail.html with kinerja.css, print
media) for comparison. Targets (issue #4): >= 100 PDFs/s, 1 000 PKs in bulk <= 20 s.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from dataclasses import fields, is_dataclass, replace
from pathlib import Path

import _lingkungan

ROOT = _lingkungan.ROOT
SEED = ROOT / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


def _waktu(fungsi, kali: int, masukan=None) -> tuple[float, float]:
    """Median and total seconds of `kali` calls (after one warm-up call), on masukan[i] when given."""
    fungsi(*(() if masukan is None else (masukan[-1],)))
    catatan = []
    for i in range(kali):
        arg = () if masukan is None else (masukan[i % len(masukan)],)
        t = time.perf_counter()
        fungsi(*arg)
        catatan.append(time.perf_counter() - t)
    return statistics.median(catatan), sum(catatan)


def _baris(label: str, median: float, satuan: str = "dokumen") -> None:
    print(f"{label:<44}: {median * 1000:8.2f} ms  ({1 / median:7.1f} {satuan}/s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kali", type=int, default=200, help="renders per measurement (default 200)")
    parser.add_argument("--bulk", type=int, default=1000, help="PKs in the bulk run (0: skip; default 1000)")
    parser.add_argument("--semua-inti", action="store_true", help="do not pin to one CPU core")
    args = parser.parse_args()
    semula = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if not args.semua_inti and semula:
        os.sched_setaffinity(0, {min(semula)})

    _lingkungan.siapkan_django()
    from kinerja.documents.contexts import dokumen_pk
    from kinerja.documents.pdf import render_pdf
    from kinerja.documents.word import render_docx
    from kinerja.documents.xlsx import render_xlsx
    from kinerja.domain import pk_text

    inti = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    [seed] = pk_text.parse_file(str(SEED))
    dok = dokumen_pk(seed)
    pdf = render_pdf(dok)
    print(f"inti CPU        : {inti}")
    print(
        f"PK              : seed, {len(seed.indikator)} indikator, {len(seed.program)} program, "
        f"{len(seed.penjelasan)} penjelasan; PDF {len(pdf) / 1024:.0f} KiB"
    )
    print()
    kali = args.kali
    # Every measured document differs. Typst memoises layout across compilations (pdf.py): compiling
    # the same input again measures its cache, not a new document. Two kinds of difference: unit and
    # first party's name (PKs of one kabupaten, whose statement, headings and many indicators are
    # alike), and every text of the document (nothing but the template in common: the worst case).
    ragam = [
        replace(
            seed, unit=f"Kecamatan Uji {i}", pihak_pertama=replace(seed.pihak_pertama, nama=f"CAMAT UJI {i}")
        )
        for i in range(kali + 1)
    ]
    konteks = [dokumen_pk(pk) for pk in ragam]
    lain = [_semua_teks_lain(dok, i) for i in range(kali + 1)]
    # The prepared inputs (thousands of objects) are the bench's, not the renderer's: keep them out of
    # the garbage collector's full passes, which would otherwise run inside the timed calls.
    gc.collect()
    gc.freeze()
    m_ctx, _ = _waktu(dokumen_pk, kali, ragam)
    _baris("konteks (dokumen_pk)", m_ctx, "konteks")
    m_dingin, _ = _waktu(lambda d: render_pdf(d, reuse=False), max(10, kali // 4), lain)
    _baris("PDF Typst, kompilator baru, semua teks beda", m_dingin)
    m_lain, _ = _waktu(render_pdf, kali, lain)
    _baris("PDF Typst, dipakai ulang, semua teks beda", m_lain)
    m_pakai, _ = _waktu(render_pdf, kali, konteks)
    _baris("PDF Typst, dipakai ulang, unit + nama beda", m_pakai)
    m_penuh, _ = _waktu(lambda pk: render_pdf(dokumen_pk(pk)), kali, ragam)
    _baris("PDF Typst, konteks + render (unit + nama)", m_penuh)
    m_sama, _ = _waktu(lambda: render_pdf(dok), kali)
    _baris("PDF Typst, dokumen yang sama dikompilasi ulang", m_sama)
    m_docx, _ = _waktu(render_docx, max(10, kali // 4), konteks)
    _baris("DOCX (docxtpl)", m_docx)
    m_xlsx, _ = _waktu(render_xlsx, max(10, kali // 4), konteks)
    _baris("XLSX (openpyxl)", m_xlsx)
    m_weasy = _weasyprint(seed, max(5, kali // 20))
    if m_weasy is not None:
        _baris("PDF WeasyPrint (halaman HTML PK)", m_weasy)
        print(f"{'rasio WeasyPrint / Typst (dipakai ulang)':<44}: {m_weasy / m_pakai:8.1f} x")
        print(f"{'rasio WeasyPrint / Typst (dingin)':<44}: {m_weasy / m_dingin:8.1f} x")
    for label, m in (
        ("unit + nama beda", m_pakai),
        ("konteks + render", m_penuh),
        ("semua teks beda", m_lain),
    ):
        print(f"{'target >= 100 PDF/detik, ' + label:<44}: {'ya' if m <= 0.01 else 'TIDAK'}")
    if args.bulk:
        if semula:
            os.sched_setaffinity(0, semula)  # bulk uses every core the machine gives
        return _bulk(seed, args.bulk)
    return 0


def _semua_teks_lain(nilai, i: int):
    """`nilai` (the document context, a tree of frozen dataclasses) with " v{i}" after every text
    longer than three characters: a PK that shares nothing with the others but the template."""
    if isinstance(nilai, str):
        return f"{nilai} v{i}" if len(nilai) > 3 else nilai
    if isinstance(nilai, tuple):
        return tuple(_semua_teks_lain(x, i) for x in nilai)
    if is_dataclass(nilai) and not isinstance(nilai, type):
        return replace(nilai, **{f.name: _semua_teks_lain(getattr(nilai, f.name), i) for f in fields(nilai)})
    return nilai


def _weasyprint(seed, kali: int) -> float | None:
    """Median seconds for the PK page through WeasyPrint, or None when it is not installed."""
    try:
        import weasyprint
    except (ImportError, OSError) as err:  # not installed, or its system libraries missing
        print(f"WeasyPrint tidak tersedia ({err}); pembanding dilewati")
        return None
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    from kinerja.documents.contexts import dokumen_pk

    pk = SimpleNamespace(pk=1, tahun=seed.tahun, jenis=seed.jenis, diterbitkan=True)
    css = weasyprint.CSS(filename=str(ROOT / "kinerja" / "static" / "kinerja" / "kinerja.css"))
    _lingkungan.kumpulkan_statik()  # the page names its stylesheet through the static manifest

    def sekali() -> bytes:
        html = render_to_string(
            "agreements/pk_detail.html",
            {"dok": dokumen_pk(seed, tanda_tangan="tercetak"), "pk": pk, "perjanjian": pk},
        )
        # The page links its stylesheet by URL; give it directly instead of serving it.
        html = html.replace('<link rel="stylesheet"', '<link rel="x-tidak"')
        return weasyprint.HTML(string=html, base_url=str(ROOT)).write_pdf(stylesheets=[css])

    median, _ = _waktu(sekali, kali)
    return median


def _bulk(seed, jumlah: int) -> int:
    with _lingkungan.basis_data():
        return _bulk_jalan(seed, jumlah)


def _bulk_jalan(seed, jumlah: int) -> int:
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.documents.banyak import berkas_pk
    from kinerja.documents.models import DokumenTerbit
    from tests.conftest import _sistem, terbitkan_pk

    print()
    inti = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{'inti CPU untuk bulk':<44}: {inti}")
    oleh = _sistem()
    t = time.perf_counter()
    for i in range(jumlah):
        pertama = replace(seed.pihak_pertama, nama=f"CAMAT UJI {i}", jabatan=f"Camat Uji {i}", nip=None)
        # Imports are drafts (rendered with the DRAF mark, never issued): published through the
        # lifecycle, as the tests do, so that round 1 issues every document.
        terbitkan_pk(replace(seed, unit=f"Kecamatan Uji {i}", pihak_pertama=pertama, tanda_tangan=()), oleh)
    print(f"{'siapkan ' + str(jumlah) + ' PK (impor)':<44}: {time.perf_counter() - t:8.1f} s")
    pks = list(
        PerjanjianKinerja.objects.filter(tahun=seed.tahun).untuk_halaman().order_by("unit__nama", "pk")
    )
    waktu = []
    with tempfile.TemporaryDirectory() as folder:
        for putaran in ("1: render + terbitkan", "2: dari dokumen terbit"):
            t = time.perf_counter()
            ukuran = 0
            for nama, data in berkas_pk(pks, "pdf"):
                (Path(folder) / nama).write_bytes(data)
                ukuran += len(data)
            waktu.append(time.perf_counter() - t)
            print(
                f"{f'{jumlah} PDF sekaligus, putaran {putaran}':<44}: {waktu[-1]:8.1f} s  "
                f"({jumlah / waktu[-1]:6.1f} PK/s, {ukuran / 2**20:.0f} MiB)"
            )
        t = time.perf_counter()
        for nama, data in berkas_pk(pks, "xlsx"):
            (Path(folder) / nama).write_bytes(data)
        print(f"{f'{jumlah} XLSX sekaligus':<44}: {time.perf_counter() - t:8.1f} s")
    assert DokumenTerbit.objects.filter(berlaku=True).count() == jumlah
    batas = 20 * jumlah / 1000
    print(f"{'target 1 000 PK <= 20 s (putaran 1)':<44}: {'ya' if waktu[0] <= batas else 'TIDAK'}")
    print(f"{'beban mesin (loadavg 1 menit)':<44}: {os.getloadavg()[0]:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
