"""The SKM report (docs/skm.md §8: BAB I Pendahuluan … BAB V Kesimpulan, Lampiran) as PDF (Typst) and
DOCX (docxtpl), and the poster as PDF. Both formats read one context of formatted texts
(`konteks_laporan`), built from the closed period's snapshot, its aggregates and follow-ups; the unit's
own texts (LaporanSKM) replace the default ones field by field. The Typst compiler is set up like the
PK's (kinerja.documents.pdf): packaged fonts only, system fonts ignored, one compiler per thread.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path
from typing import Any

from django.utils import translation

from kinerja.documents.pdf import FONTS, RenderError, qr_png
from kinerja.domain.numbers import format_angka
from kinerja.domain.tanggal import format_tanggal
from kinerja.surveys.hasil import DataHasil, data_hasil
from kinerja.surveys.models import LaporanSKM, PeriodeSurvei

TYPST = Path(__file__).resolve().parent / "typst"
DOCX = Path(__file__).resolve().parent / "docx" / "laporan.docx"
FIELDS = (
    "latar_belakang",
    "dasar_hukum",
    "maksud_tujuan",
    "pelaksana",
    "metode",
    "lokasi",
    "waktu",
    "analisis",
    "kesimpulan",
)
DASAR_HUKUM = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 "
    "tentang Pelayanan Publik;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang "
    "Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik.",
)


def _a(x, places: int = 2) -> str:
    return format_angka(x, places)


def _daftar_unsur(d: DataHasil, n: int = 3) -> str:
    return "; ".join(f"{u.kode} {u.nama} ({_a(u.nrr)})" for u in d.unsur[:n])


def teks_bawaan(p: PeriodeSurvei, d: DataHasil) -> dict[str, str]:
    """The default text of each editable field of the report, from the period and its results."""
    unit = p.unit.nama
    mulai, selesai = format_tanggal(p.tanggal_mulai), format_tanggal(p.tanggal_selesai)
    n_unsur = len(p.kode_unsur)
    sampel = ""
    if p.populasi and d.kecukupan:
        sampel = (
            f" Populasi pengguna layanan dalam periode ini {format_angka(p.populasi, 0)} orang; menurut tabel "
            f"Krejcie dan Morgan sampel minimumnya {d.kecukupan.minimum} responden. Responden yang terkumpul "
            f"{d.responden} orang, sehingga jumlah sampel "
            + ("telah mencukupi." if d.kecukupan.cukup else f"belum mencukupi (kurang {d.kecukupan.kurang}).")
        )
    bawaan = {
        "latar_belakang": (
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan penyelenggara pelayanan "
            "publik menilai kinerja pelayanannya secara berkala, antara lain dengan mengukur kepuasan "
            f"masyarakat. Sebagai pelaksanaannya, {unit} menyelenggarakan Survei Kepuasan Masyarakat (SKM) "
            "menurut pedoman Peraturan Menteri PANRB Nomor 14 Tahun 2017, untuk mengetahui tingkat "
            "kepuasan pengguna layanan dan menjadi dasar perbaikan pelayanan."
        ),
        "dasar_hukum": "\n".join(DASAR_HUKUM),
        "maksud_tujuan": (
            "Survei ini dimaksudkan untuk mengukur tingkat kepuasan masyarakat atas pelayanan "
            f"{unit}. Tujuannya: mengetahui Indeks Kepuasan Masyarakat (IKM), mengetahui kelemahan dan "
            "kekuatan tiap unsur pelayanan, dan menyusun rencana tindak lanjut perbaikan pelayanan."
        ),
        "pelaksana": f"Survei dilaksanakan secara mandiri oleh {unit}.",
        "metode": (
            f"Data dikumpulkan dengan kuesioner {n_unsur} unsur pelayanan (Peraturan Menteri PANRB Nomor "
            "14 Tahun 2017), masing-masing dengan empat pilihan jawaban bernilai 1 sampai 4, diisi "
            "pengguna layanan secara anonim melalui formulir daring (tautan dan kode QR) atau kuesioner "
            f"kertas. Nilai rata-rata tiap unsur (NRR) ditimbang dengan penimbang 1/{n_unsur}, dijumlahkan "
            "menjadi nilai indeks, lalu dikonversi ke skala 25–100 (dikali 25)." + sampel
        ),
        "lokasi": f"Pengumpulan data dilakukan di tempat pelayanan {unit}.",
        "waktu": f"Survei dilaksanakan pada {mulai} sampai {selesai}.",
        "analisis": "",
        "kesimpulan": "",
    }
    if d.hasil is not None and d.unsur:
        terendah = d.unsur[0]
        tertinggi = d.unsur[-1]
        bawaan["analisis"] = (
            f"Unsur dengan nilai terendah adalah {_daftar_unsur(d)}; unsur-unsur ini menjadi prioritas "
            f"perbaikan. Unsur dengan nilai tertinggi adalah {tertinggi.kode} {tertinggi.nama} "
            f"({_a(tertinggi.nrr)})."
        )
        if len(d.tren) > 1:
            lalu = d.tren[-2]
            arah = "naik" if d.hasil.ikm > lalu.nilai else "turun" if d.hasil.ikm < lalu.nilai else "tetap"
            bawaan["analisis"] += (
                f" Dibandingkan periode {lalu.judul} (IKM {_a(lalu.nilai)}), nilai IKM {arah}."
            )
        bawaan["kesimpulan"] = (
            f"Indeks Kepuasan Masyarakat {unit} periode {mulai} sampai {selesai} adalah "
            f"{_a(d.hasil.ikm)} dengan mutu pelayanan {d.hasil.mutu} (kinerja unit pelayanan "
            f"{d.hasil.kinerja}), dari {d.responden} responden. Unsur {terendah.kode} {terendah.nama} "
            f"mendapat nilai terendah ({_a(terendah.nrr)}) dan menjadi prioritas rencana tindak lanjut."
        )
    return bawaan


def konteks_laporan(p: PeriodeSurvei, d: DataHasil | None = None) -> dict[str, Any]:
    """Everything the report prints, as texts (numbers already formatted Indonesian style).

    The report is an official document: Indonesian whatever the reader's interface language, like
    the PK (the labels data_hasil shares with the results page are translatable).
    """
    with translation.override("id"):
        return _konteks_laporan(p, d)


def _konteks_laporan(p: PeriodeSurvei, d: DataHasil | None) -> dict[str, Any]:
    d = d or data_hasil(p)
    simpan = LaporanSKM.objects.filter(periode=p).first()
    bawaan = teks_bawaan(p, d)
    teks = {f: ((getattr(simpan, f, "") or "").strip() or bawaan[f]) for f in FIELDS}
    h = d.hasil
    return {
        "judul": "Laporan Survei Kepuasan Masyarakat",
        "unit": p.unit.nama,
        "periode": p.judul,
        "tanggal": f"{format_tanggal(p.tanggal_mulai)} – {format_tanggal(p.tanggal_selesai)}",
        "tahun": str(p.tanggal_selesai.year),
        "sementara": not d.final,
        "ikm": _a(h.ikm) if h else "–",
        "mutu": h.mutu if h else "–",
        "kinerja": h.kinerja if h else "–",
        "nilai_interval": _a(h.nilai_interval, 4) if h else "–",
        "responden": str(d.responden),
        "populasi": format_angka(p.populasi, 0) if p.populasi else "",
        "minimum": str(d.kecukupan.minimum) if d.kecukupan else "",
        "cukup": (d.kecukupan.cukup if d.kecukupan else None),
        "regime": p.get_regime_display(),
        "penimbang": p.get_penimbang_display(),
        **{f: teks[f] for f in FIELDS if f != "dasar_hukum"},
        "dasar_hukum": [x.strip() for x in teks["dasar_hukum"].splitlines() if x.strip()],
        "unsur": [
            {
                "peringkat": str(u.peringkat),
                "kode": u.kode,
                "nama": u.nama,
                "nrr": _a(u.nrr),
                "nrr_tertimbang": _a(u.nrr_tertimbang, 4),
                "konversi": _a(u.nrr_konversi),
                "mutu": f"{u.mutu} ({u.kinerja})",
            }
            for u in d.unsur
        ],
        "unsur_kode": [
            {"kode": u.kode, "nama": u.nama, "nrr": _a(u.nrr), "nrr_tertimbang": _a(u.nrr_tertimbang, 4)}
            for u in d.unsur_urut_kode
        ],
        "profil": [
            {
                "judul": str(t.judul),
                "baris": [{"label": str(lab), "n": str(n), "persen": _a(pc)} for lab, n, pc in t.baris],
                "jumlah": str(t.jumlah),
            }
            for t in d.profil
        ],
        "layanan": [
            {
                "nama": b.nama,
                "responden": str(b.responden),
                "ikm": _a(b.ikm) if b.ikm is not None else "–",
                "mutu": f"{b.mutu} ({b.kinerja})" if b.mutu else str(b.catatan),
            }
            for b in d.layanan
        ],
        "tren": [
            {"judul": t.judul + (" (sementara)" if t.sementara else ""), "ikm": _a(t.nilai), "mutu": t.mutu}
            for t in d.tren
        ],
        "tindak_lanjut": [
            {
                "unsur": t.kode_unsur,
                "uraian": t.uraian,
                "penanggung_jawab": t.penanggung_jawab,
                "target_waktu": format_tanggal(t.target_waktu),
                "status": t.get_status_display(),
                "keterangan": t.keterangan,
            }
            for t in d.tindak_lanjut
        ],
        "kuesioner": [
            {"kode": u.kode, "nama": u.nama, "pertanyaan": u.pertanyaan, "label": list(u.label)}
            for u in p.unsur.all()
        ],
        "penandatangan": (simpan.penandatangan if simpan else "") or "",
        "jabatan_penandatangan": (simpan.jabatan_penandatangan if simpan else "")
        or f"Pimpinan {p.unit.nama}",
        "_svg_nrr": d.svg_nrr,
        "_svg_tren": d.svg_tren if len(d.tren) > 1 else "",
    }


# --------------------------------------------------------------------------------------------------
# Typst
# --------------------------------------------------------------------------------------------------

_lokal = threading.local()


def _compiler(nama: str):
    import typst

    cache = getattr(_lokal, "compilers", None)
    if cache is None:
        cache = _lokal.compilers = {}
    if nama not in cache:
        cache[nama] = typst.Compiler(
            input=str(TYPST / nama),
            root=str(TYPST),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,
        )
    return cache[nama]


def _kompilasi(nama: str, inputs: dict[str, str]) -> bytes:
    try:
        return _compiler(nama).compile(sys_inputs=inputs)
    except RuntimeError as err:  # typst.TypstError
        raise RenderError(f"PDF tidak dapat dibuat: {err}") from err


def render_laporan_pdf(p: PeriodeSurvei) -> bytes:
    k = konteks_laporan(p)
    svg_nrr, svg_tren = k.pop("_svg_nrr"), k.pop("_svg_tren")
    return _kompilasi(
        "laporan.typ",
        {"data": json.dumps(k, ensure_ascii=False), "svg_nrr": svg_nrr, "svg_tren": svg_tren},
    )


def render_poster_pdf(p: PeriodeSurvei, alamat: str, layanan: str = "") -> bytes:
    data = {"unit": p.unit.nama, "periode": p.judul, "alamat": alamat, "layanan": layanan}
    return _kompilasi(
        "poster.typ",
        {"data": json.dumps(data, ensure_ascii=False), "qr": json.dumps({"png": list(qr_png(alamat))})},
    )


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------


def render_laporan_docx(p: PeriodeSurvei) -> bytes:
    from docxtpl import DocxTemplate

    k = konteks_laporan(p)
    k.pop("_svg_nrr"), k.pop("_svg_tren")
    doc = DocxTemplate(str(DOCX))
    doc.render({"d": k}, autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
