"""The reports of monitoring (docs/monitoring-laporan.md): the triwulan report ("Laporan Pengukuran
Kinerja Triwulan II Tahun 2024") and the draft LKjIP of a PK, as a page, PDF (Typst), DOCX (docxtpl)
and XLSX (openpyxl).

Every format reads one context, built here from `ringkasan.pantau_pk` (the same figures as the
monitoring pages) plus the narrative of the realisasi (kendala, upaya) and, for the LKjIP, last year's
realisasi and the programs' sasaran: pure data (dataclasses of texts already formatted the Indonesian
way, with the Decimal beside each number for the spreadsheet), read in a fixed number of queries
whatever the PK's size. Every capaian carries the formula that produced it (`Capaian.rumus`, with
its numbers and result) and a note number: the documents print the formulas as numbered notes under
the table, the page links each capaian to its note and shows it on hover.

The documents are official papers: Indonesian whatever the reader's interface language (like the PK
and the SKM report); the page follows the interface language (its labels are translatable).
Text is data, never markup or a formula: the PDF receives it as one JSON string (as pohon_ekspor),
the DOCX is rendered with autoescape, the XLSX types every text cell as a string (with Excel's quote
prefix before "=", "+", "-", "@").
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.agreements.models import Baseline, Indikator, JenisProgram, PerjanjianKinerja, Program, Tingkat
from kinerja.documents.laporan_render import docx_dari_template, pdf_dari_template
from kinerja.domain import capaian as dc
from kinerja.domain import pantau
from kinerja.domain.numbers import bulatkan, format_angka, format_rupiah
from kinerja.domain.tanggal import format_tanggal
from kinerja.domain.teks_keluaran import bersih, isi_sel
from kinerja.monitoring.models import Realisasi, RencanaIndikator, StatusRealisasi
from kinerja.monitoring.ringkasan import BarisIndikator, BarisProgram, PantauPK, pantau_pk
from kinerja.units.models import Unit

TYPST = Path(__file__).resolve().parent / "typst"
DOCX = Path(__file__).resolve().parent / "docx"
STRIP = "–"

# The category bands' labels, translatable (the domain's are Indonesian only).
_LABEL_PITA = {
    "ST": gettext_lazy("Sangat Tinggi"),
    "T": gettext_lazy("Tinggi"),
    "S": gettext_lazy("Sedang"),
    "R": gettext_lazy("Rendah"),
    "SR": gettext_lazy("Sangat Rendah"),
}


# ---------------------------------------------------------------------------------------------------
# The context: pure data
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CapaianTampil:
    """A capaian as printed: "92,50" (or "–"), the number, the formula with its numbers and result,
    the category (code, label, mark readable without colour) and its note number (0: none)."""

    teks: str
    nilai: Decimal | None
    rumus: str
    kode: str = ""
    label: str = ""
    tanda: str = ""
    catatan: int = 0


@dataclass(frozen=True)
class Catatan:
    """A numbered note under a table: which figure (`label`) and the formula that produced it."""

    nomor: int
    label: str
    rumus: str


@dataclass
class _Penomor:
    """Numbers the formula notes of one document in the order the figures are printed."""

    catatan: list[Catatan] = field(default_factory=list)

    def tambah(self, label: str, rumus: str) -> int:
        self.catatan.append(Catatan(len(self.catatan) + 1, label, rumus))
        return len(self.catatan)


@dataclass(frozen=True)
class Kepala:
    """The header of a report: what, whose, when."""

    judul: str
    unit: str
    pemda: str
    tahun: int
    jenis_pk: str
    pihak_pertama: str
    jabatan_pertama: str
    nip_pertama: str
    pihak_kedua: str
    jabatan_kedua: str
    tanggal: str  # the day the report was drawn from the data
    perjanjian_id: int
    batas: str  # the capaian cap ("110%") or "" (none)


@dataclass(frozen=True)
class BarisTriwulan:
    """One indikator in the triwulan report."""

    nomor: str
    uraian: str
    satuan: str
    target_tahun: str
    target: str
    target_nilai: Decimal | None
    realisasi: str
    realisasi_nilai: Decimal | None
    status: str  # the triwulan's status, as a label ("Belum diisi" when nothing was entered)
    terverifikasi: bool  # every realisasi the figure to date counts is verified (or there is none)
    capaian: CapaianTampil
    kendala: str
    upaya: str


@dataclass(frozen=True)
class SasaranTriwulan:
    nomor: str
    uraian: str
    tingkat: str
    capaian: CapaianTampil
    indikator: list[BarisTriwulan]


@dataclass(frozen=True)
class BarisAnggaran:
    """A budget row: a program (counted in the total), kegiatan or sub kegiatan."""

    nomor: str
    kode: str
    nama: str
    jenis: str  # program | kegiatan | sub_kegiatan
    jenis_label: str
    pagu: Decimal | None
    pagu_teks: str
    realisasi: Decimal | None
    realisasi_teks: str
    serapan: Decimal | None
    serapan_teks: str


@dataclass(frozen=True)
class Anggaran:
    """The budget table with its totals (top-level programs only: a kegiatan is part of its program)."""

    baris: list[BarisAnggaran]
    pagu: Decimal | None
    pagu_teks: str
    realisasi: Decimal | None
    realisasi_teks: str
    serapan: Decimal | None
    serapan_teks: str


@dataclass(frozen=True)
class LaporanTriwulan:
    kepala: Kepala
    triwulan: int
    romawi: str
    sasaran: list[SasaranTriwulan]
    capaian: CapaianTampil  # the mean of every indikator's capaian to date
    anggaran: Anggaran
    catatan: list[Catatan]
    belum_terverifikasi: int  # indikator whose figure counts a realisasi not verified


@dataclass(frozen=True)
class IndikatorRencana:
    nomor: str
    uraian: str
    target: str
    satuan: str


@dataclass(frozen=True)
class SasaranRencana:
    nomor: str
    uraian: str
    tingkat: str
    indikator: list[IndikatorRencana]


@dataclass(frozen=True)
class Narasi:
    """The kendala and upaya an operator wrote with a triwulan's realisasi."""

    triwulan: str  # "I"
    kendala: str
    upaya: str


@dataclass(frozen=True)
class BarisCapaian:
    """One indikator in BAB III: the year against its target, last year, the Renstra."""

    nomor: str
    uraian: str
    satuan: str
    target: str
    target_nilai: Decimal | None
    realisasi: str
    realisasi_nilai: Decimal | None
    terverifikasi: bool
    capaian: CapaianTampil
    lalu: str  # last year's realisasi, or "–"
    lalu_nilai: Decimal | None
    lalu_sumber: str  # where it comes from ("realisasi 2023", "baseline PK"), or ""
    renstra: str  # the Renstra's end target: kinerja has no Renstra yet, so "–"
    narasi: list[Narasi]


@dataclass(frozen=True)
class SasaranCapaian:
    nomor: str
    uraian: str
    tingkat: str
    capaian: CapaianTampil
    indikator: list[BarisCapaian]
    program: list[str]  # the programs (kegiatan) that serve it


@dataclass(frozen=True)
class BarisEfisiensi:
    nomor: str
    nama: str
    jenis_label: str
    sasaran: str  # the numbers of the sasaran it serves ("1, 2"), or "–"
    capaian: Decimal | None
    capaian_teks: str
    serapan: Decimal | None
    serapan_teks: str
    indeks: Decimal | None
    indeks_teks: str


@dataclass(frozen=True)
class Isian:
    """A part of the LKjIP the unit writes: its heading and the placeholder that says what goes in."""

    kunci: str
    judul: str
    petunjuk: str


@dataclass(frozen=True)
class Lkjip:
    kepala: Kepala
    isian: dict[str, Isian]
    ringkasan: str  # the figures of the executive summary, written from the data
    rencana: list[SasaranRencana]
    program: Anggaran  # BAB II: the programs with their anggaran (realisasi not used there)
    capaian: list[SasaranCapaian]
    capaian_tahun: CapaianTampil
    efisiensi: list[BarisEfisiensi]
    anggaran: Anggaran
    catatan: list[Catatan]
    belum_terverifikasi: int
    lampiran: str
    triwulan_terisi: int  # the last triwulan with a realisasi (0: none yet)


# ---------------------------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------------------------


def _nilai(v: Decimal | None) -> str:
    """A value with its own decimals ("92,5", "100"; a mean of quarters at most two: "90,33"), or "–"."""
    if v is None:
        return STRIP
    n = v.normalize()
    if n.as_tuple().exponent < -2:  # type: ignore[operator]
        n = bulatkan(n, 2)
    return format_angka(n.quantize(Decimal(1)) if n.as_tuple().exponent > 0 else n, None)  # type: ignore[operator]


def _persen(v: Decimal | None) -> str:
    return STRIP if v is None else format_angka(v, 2)


def _uang(v: Decimal | None) -> str:
    return STRIP if v is None else format_angka(v, 2)


def _rumus(c: dc.Capaian, batas: Decimal | None) -> str:
    """The formula with its numbers and result: "R ÷ T × 100 = 92,5 ÷ 100 × 100 = 92,50%"."""
    if c.mentah is None or c.nilai is None:
        return c.keterangan or _("belum ada realisasi")
    # An equation ends "× 100" and equals its result; a rule ("T = 0, R = 3", "R = 95 dalam rentang
    # 90–100") leads to it.
    teks = f"{c.rumus}{' = ' if c.rumus.endswith('× 100') else ' → '}{format_angka(c.mentah, 2)}%"
    if c.nilai != c.mentah and batas is not None and c.mentah > batas:
        teks += "; " + _("dibatasi %(batas)s%%: %(nilai)s%%") % {
            "batas": format_angka(batas, None),
            "nilai": format_angka(c.nilai, 2),
        }
    elif c.nilai != c.mentah:  # below 0: a capaian is never negative
        teks += "; " + _("paling rendah 0%%: %(nilai)s%%") % {"nilai": format_angka(c.nilai, 2)}
    if c.keterangan:
        teks += f" ({c.keterangan})"
    return teks


def _pita(nilai: Decimal | None) -> tuple[str, str, str]:
    p = dc.kategori(nilai)
    if p is None:
        return "", "", ""
    return p.kode, str(_LABEL_PITA.get(p.kode, p.label)), p.tanda


def _tampil(c: dc.Capaian, batas: Decimal | None, label: str, nomor: _Penomor) -> CapaianTampil:
    """A capaian as printed, its formula numbered as a note."""
    rumus = _rumus(c, batas)
    kode, lab, tanda = _pita(c.nilai)
    return CapaianTampil(_persen(c.nilai), c.nilai, rumus, kode, lab, tanda, nomor.tambah(label, rumus))


def _rata(nilai: list[Decimal | None], label: str, nomor: _Penomor, siapa: str) -> CapaianTampil:
    """The mean of capaian ("–" left out), with its formula: "(94,51 + 100,00) ÷ 2 = 97,26%"."""
    hasil = dc.rata_rata(nilai)
    ada = [v for v in nilai if v is not None]
    if hasil is None:
        rumus = _("belum ada capaian %(siapa)s") % {"siapa": siapa}
    else:
        rumus = _("rata-rata capaian %(n)s %(siapa)s = (%(isi)s) ÷ %(n)s = %(hasil)s%%") % {
            "n": len(ada),
            "siapa": siapa,
            "isi": " + ".join(format_angka(v, 2) for v in ada),
            "hasil": format_angka(hasil, 2),
        }
    kode, lab, tanda = _pita(hasil)
    return CapaianTampil(_persen(hasil), hasil, rumus, kode, lab, tanda, nomor.tambah(label, rumus))


def _status(kode: str) -> str:
    return str(StatusRealisasi(kode).label) if kode else _("Belum diisi")


def _terverifikasi(b: BarisIndikator, tw: int) -> bool:
    """Whether every realisasi the figure up to `tw` counts is verified (a "last value" or a
    predicate counts the triwulan's own; a sum or mean every triwulan so far)."""
    sel = b.sel[tw - 1 : tw] if b.spek.predikat or b.spek.konsolidasi == "terakhir" else b.sel[:tw]
    return all(s.status == StatusRealisasi.TERVERIFIKASI for s in sel if s.status)


def _realisasi_sampai(b: BarisIndikator, tw: int) -> tuple[str, Decimal | None]:
    if b.spek.predikat:
        p = b.sel[tw - 1].predikat
        return (p or STRIP), None
    v = pantau.realisasi_sampai([s.nilai for s in b.sel], tw, b.spek.konsolidasi)
    return _nilai(v), v


def _realisasi_tahun(b: BarisIndikator) -> tuple[str, Decimal | None]:
    if b.spek.predikat:
        ada = [s.predikat for s in b.sel if s.predikat]
        return (ada[-1] if ada else STRIP), None
    v = dc.konsolidasi([s.nilai for s in b.sel], b.spek.konsolidasi)
    return _nilai(v), v


def _target(b: BarisIndikator, nilai: Decimal | None) -> str:
    if b.spek.predikat:
        return b.spek.target_predikat
    return _nilai(nilai) if nilai is not None else (b.target_teks or STRIP)


def _anggaran(program: list[BarisProgram], sampai: int | None) -> Anggaran:
    """The budget table up to a triwulan (`sampai`; None: the pagu only, as planned in the PK)."""
    jenis = dict(JenisProgram.choices)
    baris = []
    nomor = 0
    for p in program:
        if p.jenis == JenisProgram.PROGRAM:
            nomor += 1
        realisasi = p.sampai(sampai) if sampai else None
        serapan = pantau.serapan(p.pagu, realisasi) if sampai else None
        baris.append(
            BarisAnggaran(
                nomor=str(nomor) if p.jenis == JenisProgram.PROGRAM else "",
                kode=p.kode,
                nama=p.nama,
                jenis=p.jenis,
                jenis_label=str(jenis.get(p.jenis, p.jenis)),
                pagu=p.pagu,
                pagu_teks=_uang(p.pagu),
                realisasi=realisasi,
                realisasi_teks=_uang(realisasi),
                serapan=serapan,
                serapan_teks=_persen(serapan),
            )
        )
    atas = [b for b in baris if b.jenis == JenisProgram.PROGRAM]
    pagu = _jumlah(b.pagu for b in atas)
    realisasi = _jumlah(b.realisasi for b in atas) if sampai else None
    serapan = pantau.serapan(pagu, realisasi)
    return Anggaran(baris, pagu, _uang(pagu), realisasi, _uang(realisasi), serapan, _persen(serapan))


def _jumlah(nilai: Iterable[Decimal | None]) -> Decimal | None:
    ada = [v for v in nilai if v is not None]
    return sum(ada, Decimal(0)) if ada else None


def nama_pemda(unit: Unit) -> str:
    """The name of the unit's pemerintah daerah (the root of its tree; one query at most)."""
    akar = unit.akar_id
    if akar is None or akar == unit.pk:
        return unit.nama
    if unit.induk_id == akar and Unit._meta.get_field("induk").is_cached(unit):
        return unit.induk.nama
    return Unit.objects.filter(pk=akar).values_list("nama", flat=True).first() or ""


def _kepala(pp: PantauPK, judul: str) -> Kepala:
    pk = pp.perjanjian
    return Kepala(
        judul=judul,
        unit=pk.unit.nama,
        pemda=nama_pemda(pk.unit),
        tahun=pk.tahun,
        jenis_pk=str(pk.get_jenis_display()),
        pihak_pertama=pk.pihak_pertama_nama or "",
        jabatan_pertama=pk.pihak_pertama_jabatan or "",
        nip_pertama=pk.pihak_pertama_nip or "",
        pihak_kedua=pk.pihak_kedua_nama or "",
        jabatan_kedua=pk.pihak_kedua_jabatan or "",
        tanggal=format_tanggal(pp.hari_ini),
        perjanjian_id=pk.pk,
        batas=f"{format_angka(pp.batas, None)}%" if pp.batas is not None else "",
    )


def _tingkat(kode: str) -> str:
    return str(dict(Tingkat.choices).get(kode, kode))


# ---------------------------------------------------------------------------------------------------
# The triwulan report
# ---------------------------------------------------------------------------------------------------


def judul_triwulan(tw: int, tahun: int) -> str:
    return _("Laporan Pengukuran Kinerja Triwulan %(tw)s Tahun %(tahun)s") % {
        "tw": pantau.ROMAWI[tw],
        "tahun": tahun,
    }


def laporan_triwulan(
    perjanjian: PerjanjianKinerja, triwulan: int, hari_ini: date | None = None
) -> LaporanTriwulan:
    """The triwulan report's context: `pantau_pk` and one query for the narrative."""
    if triwulan not in pantau.TRIWULAN:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan!r}")
    pp = pantau_pk(perjanjian, hari_ini or timezone.localdate())
    narasi = {
        r["indikator_id"]: r
        for r in Realisasi.objects.filter(indikator__sasaran__perjanjian=perjanjian, triwulan=triwulan)
        .order_by()
        .values("indikator_id", "kendala", "upaya")
    }
    nomor = _Penomor()
    sasaran = []
    belum = 0
    semua: list[Decimal | None] = []
    for k, s in enumerate(pp.sasaran, start=1):
        # Numbered as printed: the sasaran's row (the mean of its indikator), then its indikator.
        nilai = [b.sel[triwulan - 1].capaian.nilai for b in s.indikator]
        rata = _rata(nilai, _("Sasaran %s") % k, nomor, _("indikator"))
        semua.extend(nilai)
        baris = []
        for j, b in enumerate(s.indikator, start=1):
            sel = b.sel[triwulan - 1]
            realisasi, realisasi_nilai = _realisasi_sampai(b, triwulan)
            verif = _terverifikasi(b, triwulan)
            belum += not verif
            n = narasi.get(b.id, {})
            baris.append(
                BarisTriwulan(
                    nomor=f"{k}.{j}",
                    uraian=b.uraian,
                    satuan=b.satuan,
                    target_tahun=b.target_teks,
                    target=_target(b, sel.target),
                    target_nilai=sel.target,
                    realisasi=realisasi,
                    realisasi_nilai=realisasi_nilai,
                    status=_status(sel.status),
                    terverifikasi=verif,
                    capaian=_tampil(sel.capaian, pp.batas, f"{k}.{j} {b.uraian}", nomor),
                    kendala=(n.get("kendala") or "").strip(),
                    upaya=(n.get("upaya") or "").strip(),
                )
            )
        sasaran.append(SasaranTriwulan(str(k), s.uraian, _tingkat(s.tingkat), rata, baris))
    capaian = _rata(semua, _("Seluruh indikator"), nomor, _("indikator"))
    return LaporanTriwulan(
        kepala=_kepala(pp, judul_triwulan(triwulan, perjanjian.tahun)),
        triwulan=triwulan,
        romawi=pantau.ROMAWI[triwulan],
        sasaran=sasaran,
        capaian=capaian,
        anggaran=_anggaran(pp.program, triwulan),
        catatan=nomor.catatan,
        belum_terverifikasi=belum,
    )


# ---------------------------------------------------------------------------------------------------
# The LKjIP draft
# ---------------------------------------------------------------------------------------------------


def judul_lkjip(tahun: int) -> str:
    return _("Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun %(tahun)s") % {"tahun": tahun}


def _isian() -> dict[str, Isian]:
    """The parts the unit writes, each with what goes in it (PermenPANRB 53/2014's structure)."""
    daftar = (
        ("kata_pengantar", _("Kata Pengantar"), _("kata pengantar pimpinan unit")),
        (
            "ringkasan_eksekutif",
            _("Ringkasan Eksekutif"),
            _("ringkasan tujuan dan sasaran, capaian utama, kendala dan langkah ke depan"),
        ),
        (
            "organisasi",
            _("A. Gambaran Umum Organisasi"),
            _("kedudukan, struktur organisasi, sumber daya manusia dan sarana"),
        ),
        (
            "tugas_fungsi",
            _("B. Tugas dan Fungsi"),
            _("tugas pokok dan fungsi menurut peraturan kepala daerah"),
        ),
        (
            "isu_strategis",
            _("C. Isu Strategis"),
            _("permasalahan utama (isu strategis) yang dihadapi organisasi tahun ini"),
        ),
        (
            "analisis",
            _("Analisis capaian"),
            _(
                "analisis capaian sasaran ini: penyebab keberhasilan atau kegagalan, perbandingan dengan "
                "tahun lalu dan target akhir Renstra, serta alternatif solusi"
            ),
        ),
        (
            "efisiensi",
            _("Analisis efisiensi"),
            _("analisis efisiensi penggunaan sumber daya: capaian kinerja dibanding anggaran yang terserap"),
        ),
        (
            "penutup",
            _("BAB IV Penutup"),
            _("kesimpulan umum atas capaian kinerja dan langkah perbaikan ke depan"),
        ),
    )
    return {k: Isian(k, judul, _("[Diisi oleh unit: %(apa)s.]") % {"apa": apa}) for k, judul, apa in daftar}


def _lalu(
    perjanjian: PerjanjianKinerja,
) -> tuple[dict[int, tuple[str, Decimal | None, str]], dict[int, list[Narasi]]]:
    """Last year's realisasi per indikator (from the indikator it was copied from, else the PK's
    baseline of the year before), and the narrative of this year's realisasi: 3 or 4 queries."""
    asal = list(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian, asal__isnull=False).values_list(
            "id", "asal_id", "asal__target_predikat"
        )
    )
    hasil: dict[int, tuple[str, Decimal | None, str]] = {}
    if asal:
        ids = [a for _i, a, _p in asal]
        konsolidasi = dict(
            RencanaIndikator.objects.filter(indikator_id__in=ids).values_list("indikator_id", "konsolidasi")
        )
        tahun_asal: dict[int, int] = {}
        per_asal: dict[int, dict[int, tuple[Decimal | None, str]]] = defaultdict(dict)
        for iid, tw, nilai, predikat, th in Realisasi.objects.filter(indikator_id__in=ids).values_list(
            "indikator_id", "triwulan", "nilai", "predikat", "indikator__sasaran__perjanjian__tahun"
        ):
            per_asal[iid][tw] = (nilai, predikat)
            tahun_asal[iid] = th
        for iid, a, target_predikat in asal:
            rows = per_asal.get(a)
            if not rows:
                continue
            sumber = _("realisasi %s") % tahun_asal[a]
            if target_predikat and not any(v is not None for v, _p in rows.values()):
                akhir = [rows[t][1] for t in sorted(rows) if rows[t][1]]
                if akhir:
                    hasil[iid] = (akhir[-1], None, sumber)
                continue
            v = dc.konsolidasi(
                [rows.get(t, (None, ""))[0] for t in pantau.TRIWULAN],
                cast(dc.Konsolidasi, konsolidasi.get(a) or "terakhir"),
            )
            if v is not None:
                hasil[iid] = (_nilai(v), v, sumber)
    for iid, realisasi in Baseline.objects.filter(
        indikator__sasaran__perjanjian=perjanjian, tahun=perjanjian.tahun - 1, realisasi__isnull=False
    ).values_list("indikator_id", "realisasi"):
        hasil.setdefault(iid, (_nilai(realisasi), realisasi, _("baseline PK")))
    narasi: dict[int, list[Narasi]] = defaultdict(list)
    for iid, tw, kendala, upaya in (
        Realisasi.objects.filter(indikator__sasaran__perjanjian=perjanjian)
        .exclude(Q(kendala="") & Q(upaya=""))
        .order_by("triwulan")
        .values_list("indikator_id", "triwulan", "kendala", "upaya")
    ):
        narasi[iid].append(Narasi(pantau.ROMAWI[tw], (kendala or "").strip(), (upaya or "").strip()))
    return hasil, narasi


def lkjip(perjanjian: PerjanjianKinerja, hari_ini: date | None = None) -> Lkjip:
    """The LKjIP draft's context: `pantau_pk`, last year's realisasi, the narrative and the programs'
    sasaran, in a fixed number of queries."""
    pp = pantau_pk(perjanjian, hari_ini or timezone.localdate())
    lalu, narasi = _lalu(perjanjian)
    melayani: dict[int, list[int]] = defaultdict(list)
    for pid, sid in Program.sasaran.through.objects.filter(program__perjanjian=perjanjian).values_list(
        "program_id", "sasaran_id"
    ):
        melayani[pid].append(sid)
    nomor_sasaran = {s.id: k for k, s in enumerate(pp.sasaran, start=1)}
    nama_program = {p.id: p.nama for p in pp.program}
    program_sasaran: dict[int, list[str]] = defaultdict(list)
    for pid, sids in melayani.items():
        for sid in sids:
            program_sasaran[sid].append(nama_program.get(pid, ""))

    nomor = _Penomor()
    rencana = []
    capaian = []
    belum = 0
    for k, s in enumerate(pp.sasaran, start=1):
        rencana.append(
            SasaranRencana(
                nomor=str(k),
                uraian=s.uraian,
                tingkat=_tingkat(s.tingkat),
                indikator=[
                    IndikatorRencana(f"{k}.{j}", b.uraian, b.target_teks, b.satuan)
                    for j, b in enumerate(s.indikator, start=1)
                ],
            )
        )
        # Numbered as printed: the sasaran's capaian (the mean of its indikator), then its indikator.
        rata = _rata([b.tahun.nilai for b in s.indikator], _("Sasaran %s") % k, nomor, _("indikator"))
        baris = []
        for j, b in enumerate(s.indikator, start=1):
            realisasi, realisasi_nilai = _realisasi_tahun(b)
            verif = all(c.status == StatusRealisasi.TERVERIFIKASI for c in b.sel if c.status)
            belum += not verif
            lalu_teks, lalu_nilai, lalu_sumber = lalu.get(b.id, (STRIP, None, ""))
            baris.append(
                BarisCapaian(
                    nomor=f"{k}.{j}",
                    uraian=b.uraian,
                    satuan=b.satuan,
                    target=b.spek.target_predikat if b.spek.predikat else (b.target_teks or STRIP),
                    target_nilai=b.spek.target,
                    realisasi=realisasi,
                    realisasi_nilai=realisasi_nilai,
                    terverifikasi=verif,
                    capaian=_tampil(b.tahun, pp.batas, f"{k}.{j} {b.uraian}", nomor),
                    lalu=lalu_teks,
                    lalu_nilai=lalu_nilai,
                    lalu_sumber=lalu_sumber,
                    renstra=STRIP,
                    narasi=narasi.get(b.id, []),
                )
            )
        capaian.append(
            SasaranCapaian(
                nomor=str(k),
                uraian=s.uraian,
                tingkat=_tingkat(s.tingkat),
                capaian=rata,
                indikator=baris,
                program=[n for n in program_sasaran.get(s.id, []) if n],
            )
        )
    capaian_tahun = _rata([s.capaian.nilai for s in capaian], _("Seluruh sasaran"), nomor, _("sasaran"))
    per_sasaran = {s.id: c.capaian.nilai for s, c in zip(pp.sasaran, capaian, strict=True)}
    jenis = dict(JenisProgram.choices)
    efisiensi = []
    nomor_program = 0
    for p in pp.program:
        if p.jenis == JenisProgram.PROGRAM:
            nomor_program += 1
        sids = sorted(melayani.get(p.id, []), key=lambda x: nomor_sasaran.get(x, 0))
        nilai = dc.rata_rata([per_sasaran.get(x) for x in sids]) if sids else None
        indeks = pantau.indeks_efisiensi(nilai, p.serapan)
        efisiensi.append(
            BarisEfisiensi(
                nomor=str(nomor_program) if p.jenis == JenisProgram.PROGRAM else "",
                nama=p.nama,
                jenis_label=str(jenis.get(p.jenis, p.jenis)),
                sasaran=", ".join(str(nomor_sasaran[x]) for x in sids if x in nomor_sasaran) or STRIP,
                capaian=nilai,
                capaian_teks=_persen(nilai),
                serapan=p.serapan,
                serapan_teks=_persen(p.serapan),
                indeks=indeks,
                indeks_teks=_persen(indeks),
            )
        )
    anggaran = _anggaran(pp.program, 4)
    terisi = max((c.triwulan for b in pp.indikator for c in b.sel if c.status), default=0)
    kepala = _kepala(pp, judul_lkjip(perjanjian.tahun))
    return Lkjip(
        kepala=kepala,
        isian=_isian(),
        ringkasan=_ringkasan(kepala, capaian, capaian_tahun, anggaran, terisi),
        rencana=rencana,
        program=_anggaran(pp.program, None),
        capaian=capaian,
        capaian_tahun=capaian_tahun,
        efisiensi=efisiensi,
        anggaran=anggaran,
        catatan=nomor.catatan,
        belum_terverifikasi=belum,
        lampiran=_("Perjanjian Kinerja %(jenis)s Tahun %(tahun)s %(unit)s, %(pihak)s")
        % {
            "jenis": kepala.jenis_pk,
            "tahun": kepala.tahun,
            "unit": kepala.unit,
            "pihak": kepala.pihak_pertama,
        },
        triwulan_terisi=terisi,
    )


def _ringkasan(
    kepala: Kepala, capaian: list[SasaranCapaian], tahun: CapaianTampil, anggaran: Anggaran, terisi: int
) -> str:
    """The figures of the executive summary, in one paragraph written from the data."""
    if not terisi:
        return _("Belum ada realisasi yang diisi untuk Perjanjian Kinerja tahun %(tahun)s.") % {
            "tahun": kepala.tahun
        }
    teks = _(
        "Dari %(n)s sasaran dalam Perjanjian Kinerja tahun %(tahun)s, rata-rata capaian kinerja "
        "%(unit)s sampai Triwulan %(tw)s adalah %(capaian)s%%"
    ) % {
        "n": len(capaian),
        "tahun": kepala.tahun,
        "unit": kepala.unit,
        "tw": pantau.ROMAWI[terisi],
        "capaian": tahun.teks,
    }
    if tahun.label:
        teks += " " + _("(kategori %(k)s)") % {"k": tahun.label}
    teks += "."
    if anggaran.pagu is not None:
        teks += " " + _("Anggaran terserap %(realisasi)s dari pagu %(pagu)s (%(serapan)s%%).") % {
            "realisasi": format_rupiah(anggaran.realisasi or Decimal(0)),
            "pagu": format_rupiah(anggaran.pagu),
            "serapan": anggaran.serapan_teks,
        }
    return teks


# ---------------------------------------------------------------------------------------------------
# File names
# ---------------------------------------------------------------------------------------------------


def _slug(teks: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode().lower()
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", ascii_)).strip("-") or "unit"


def nama_berkas_triwulan(perjanjian: PerjanjianKinerja, tw: int, format: str) -> str:
    """ "laporan-tw2-2024-kecamatan-bajeng.pdf"."""
    return f"laporan-tw{tw}-{perjanjian.tahun}-{_slug(perjanjian.unit.nama)}.{format}"


def nama_berkas_lkjip(perjanjian: PerjanjianKinerja, format: str) -> str:
    """ "lkjip-2024-kecamatan-bajeng.docx"."""
    return f"lkjip-{perjanjian.tahun}-{_slug(perjanjian.unit.nama)}.{format}"


# ---------------------------------------------------------------------------------------------------
# As documents: one context, Indonesian
# ---------------------------------------------------------------------------------------------------


def konteks_dokumen(buat: Callable[[], Any]) -> Any:
    """A context for the documents: built in Indonesian whatever the reader's language."""
    with translation.override("id"):
        return buat()


# -- PDF (Typst) ------------------------------------------------------------------------------------


def pdf_triwulan(laporan: LaporanTriwulan) -> bytes:
    return pdf_dari_template(TYPST, "laporan_triwulan.typ", laporan)


def pdf_lkjip(laporan: Lkjip) -> bytes:
    return pdf_dari_template(TYPST, "lkjip.typ", laporan)


# -- DOCX (docxtpl) ---------------------------------------------------------------------------------


def docx_triwulan(laporan: LaporanTriwulan) -> bytes:
    return docx_dari_template(DOCX / "laporan_triwulan.docx", laporan)


def docx_lkjip(laporan: Lkjip) -> bytes:
    return docx_dari_template(DOCX / "lkjip.docx", laporan)


# -- XLSX (openpyxl) --------------------------------------------------------------------------------

FORMAT_UANG = "#,##0.00"
FORMAT_PERSEN = "#,##0.00"  # capaian and serapan are in percent already (92,50 under "Capaian (%)")


def _format_nilai(v: Decimal) -> str:
    e = v.normalize().as_tuple().exponent
    desimal = -e if isinstance(e, int) and e < 0 else 0
    return "#,##0" + ("." + "0" * desimal if desimal else "")


def _angka_xlsx(v: Decimal | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)


class _Buku:
    """A workbook whose text cells are always text (never a formula) and numbers always numbers."""

    def __init__(self, kepala: Kepala) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.kepala = kepala
        tipis = Side(style="thin")
        self.garis = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
        self.tebal = Font(bold=True)
        self.isi_kepala = PatternFill("solid", fgColor="DDDDDD")
        self.isi_sasaran = PatternFill("solid", fgColor="F3F5F7")
        self.bungkus = Alignment(wrap_text=True, vertical="top")
        self.tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def sel(self, ws, baris: int, kolom: int, nilai: Any, format: str | None = None):
        c = ws.cell(row=baris, column=kolom)
        if isinstance(nilai, str) or nilai is None:
            isi_sel(c, nilai)
        elif isinstance(nilai, Decimal):
            c.value = _angka_xlsx(nilai)
            c.number_format = format or _format_nilai(nilai)
        else:
            c.value = nilai
            if format:
                c.number_format = format
        return c

    def lembar(self, nama: str, judul: str, kolom: list[tuple[str, float]]):
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(nama)
        k = self.kepala
        for n, teks in enumerate(
            (k.judul, f"{k.unit} — {k.pemda}" if k.pemda and k.pemda != k.unit else k.unit, judul), start=1
        ):
            self.sel(ws, n, 1, teks).font = Font(bold=True, size=12 if n == 1 else 11)
        self.sel(ws, 4, 1, _("Disusun dari data pemantauan per %s") % k.tanggal)
        for i, (teks, lebar) in enumerate(kolom, start=1):
            c = self.sel(ws, 6, i, teks)
            c.font, c.fill, c.border, c.alignment = self.tebal, self.isi_kepala, self.garis, self.tengah
            ws.column_dimensions[get_column_letter(i)].width = lebar
        ws.freeze_panes = "A7"
        ws.print_title_rows = "6:6"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        return ws

    def tambah(
        self, ws, nilai: list, formats: dict[int, str] | None = None, *, tebal=False, isi=None
    ) -> None:
        baris = ws.max_row + 1
        for i, v in enumerate(nilai, start=1):
            c = self.sel(ws, baris, i, v, (formats or {}).get(i))
            c.border, c.alignment = self.garis, self.bungkus
            if tebal:
                c.font = self.tebal
            if isi is not None:
                c.fill = isi

    def catatan(self, ws, catatan: list[Catatan], judul: str) -> None:
        baris = ws.max_row + 2
        self.sel(ws, baris, 1, judul).font = self.tebal
        for c in catatan:
            baris += 1
            self.sel(ws, baris, 1, c.nomor)
            self.sel(ws, baris, 2, f"{c.label}: {c.rumus}")

    def simpan(self, judul: str) -> bytes:
        self.wb.properties.creator = "kinerja"
        self.wb.properties.title = bersih(judul)
        out = io.BytesIO()
        self.wb.save(out)
        return out.getvalue()


def _lembar_anggaran(buku: _Buku, a: Anggaran, judul: str, realisasi: str, *, hanya_pagu=False) -> None:
    kolom = [
        ("No", 6),
        (_("Kode"), 14),
        (_("Program / Kegiatan"), 55),
        (_("Jenis"), 14),
        (_("Pagu (Rp)"), 20),
    ]
    if not hanya_pagu:
        kolom += [(realisasi, 20), (_("Serapan (%)"), 12)]
    ws = buku.lembar(_("Anggaran") if not hanya_pagu else _("Program"), judul, kolom)
    for b in a.baris:
        isi = [b.nomor, b.kode, b.nama, b.jenis_label, b.pagu]
        if not hanya_pagu:
            isi += [b.realisasi, b.serapan]
        buku.tambah(ws, isi, {5: FORMAT_UANG, 6: FORMAT_UANG, 7: FORMAT_PERSEN})
    jumlah = ["", "", _("Jumlah (program)"), "", a.pagu]
    if not hanya_pagu:
        jumlah += [a.realisasi, a.serapan]
    buku.tambah(ws, jumlah, {5: FORMAT_UANG, 6: FORMAT_UANG, 7: FORMAT_PERSEN}, tebal=True)


def xlsx_triwulan(laporan: LaporanTriwulan) -> bytes:
    """Sheets "Pengukuran" (one row per sasaran and indikator) and "Anggaran"."""
    buku = _Buku(laporan.kepala)
    tw = _("TW %(r)s") % {"r": laporan.romawi}
    ws = buku.lembar(
        _("Pengukuran"),
        _("Pengukuran kinerja sampai Triwulan %s") % laporan.romawi,
        [
            ("No", 6),
            (_("Sasaran / Indikator Kinerja"), 45),
            (_("Satuan"), 10),
            (_("Target tahun"), 14),
            (_("Target s.d. %s") % tw, 13),
            (_("Realisasi s.d. %s") % tw, 13),
            (_("Capaian (%)"), 11),
            (_("Kategori"), 14),
            (_("Status"), 14),
            (_("Rumus capaian"), 45),
            (_("Kendala"), 35),
            (_("Upaya"), 35),
        ],
    )
    for s in laporan.sasaran:
        c = s.capaian
        buku.tambah(
            ws,
            [s.nomor, s.uraian, None, None, None, None, c.nilai, c.label or None, None, c.rumus, None, None],
            {7: FORMAT_PERSEN},
            tebal=True,
            isi=buku.isi_sasaran,
        )
        for i in s.indikator:
            c = i.capaian
            buku.tambah(
                ws,
                [
                    i.nomor,
                    i.uraian,
                    i.satuan,
                    i.target_tahun,
                    i.target_nilai if i.target_nilai is not None else i.target,
                    i.realisasi_nilai if i.realisasi_nilai is not None else i.realisasi,
                    c.nilai,
                    c.label or None,
                    i.status if i.terverifikasi else f"{i.status} ({_('belum terverifikasi')})",
                    c.rumus,
                    i.kendala,
                    i.upaya,
                ],
                {7: FORMAT_PERSEN},
            )
    c = laporan.capaian
    buku.tambah(
        ws,
        [
            None,
            _("Rata-rata seluruh indikator"),
            None,
            None,
            None,
            None,
            c.nilai,
            c.label or None,
            None,
            c.rumus,
        ],
        {7: FORMAT_PERSEN},
        tebal=True,
    )
    _lembar_anggaran(
        buku,
        laporan.anggaran,
        _("Realisasi anggaran sampai Triwulan %s") % laporan.romawi,
        _("Realisasi s.d. %s (Rp)") % tw,
    )
    return buku.simpan(laporan.kepala.judul)


def xlsx_lkjip(laporan: Lkjip) -> bytes:
    """Sheets "Perencanaan", "Program" (BAB II), "Capaian", "Kendala dan upaya", "Efisiensi" (BAB III A)
    and "Anggaran" (BAB III B)."""
    buku = _Buku(laporan.kepala)
    ws = buku.lembar(
        _("Perencanaan"),
        _("BAB II Perencanaan Kinerja: sasaran, indikator dan target"),
        [("No", 6), (_("Sasaran / Indikator Kinerja"), 60), (_("Target"), 18), (_("Satuan"), 12)],
    )
    for s in laporan.rencana:
        buku.tambah(ws, [s.nomor, s.uraian, None, None], tebal=True, isi=buku.isi_sasaran)
        for i in s.indikator:
            buku.tambah(ws, [i.nomor, i.uraian, i.target, i.satuan])
    _lembar_anggaran(
        buku, laporan.program, _("BAB II Perencanaan Kinerja: program dan anggaran"), "", hanya_pagu=True
    )

    ws = buku.lembar(
        _("Capaian"),
        _("BAB III A. Capaian Kinerja Organisasi"),
        [
            ("No", 6),
            (_("Sasaran / Indikator Kinerja"), 45),
            (_("Satuan"), 10),
            (_("Target"), 13),
            (_("Realisasi"), 13),
            (_("Capaian (%)"), 11),
            (_("Kategori"), 14),
            (_("Realisasi tahun lalu"), 14),
            (_("Target akhir Renstra"), 14),
            (_("Rumus capaian"), 45),
        ],
    )
    for s in laporan.capaian:
        c = s.capaian
        buku.tambah(
            ws,
            [s.nomor, s.uraian, None, None, None, c.nilai, c.label or None, None, None, c.rumus],
            {6: FORMAT_PERSEN},
            tebal=True,
            isi=buku.isi_sasaran,
        )
        for i in s.indikator:
            c = i.capaian
            buku.tambah(
                ws,
                [
                    i.nomor,
                    i.uraian,
                    i.satuan,
                    i.target_nilai if i.target_nilai is not None else i.target,
                    i.realisasi_nilai if i.realisasi_nilai is not None else i.realisasi,
                    c.nilai,
                    c.label or None,
                    i.lalu_nilai if i.lalu_nilai is not None else i.lalu,
                    i.renstra,
                    c.rumus,
                ],
                {6: FORMAT_PERSEN},
            )
    c = laporan.capaian_tahun
    buku.tambah(
        ws,
        [
            None,
            _("Rata-rata seluruh sasaran"),
            None,
            None,
            None,
            c.nilai,
            c.label or None,
            None,
            None,
            c.rumus,
        ],
        {6: FORMAT_PERSEN},
        tebal=True,
    )

    ws = buku.lembar(
        _("Kendala dan upaya"),
        _("BAB III A. Kendala dan upaya per indikator"),
        [("No", 6), (_("Indikator Kinerja"), 45), (_("Triwulan"), 10), (_("Kendala"), 50), (_("Upaya"), 50)],
    )
    for s in laporan.capaian:
        for i in s.indikator:
            for n in i.narasi:
                buku.tambah(ws, [i.nomor, i.uraian, n.triwulan, n.kendala, n.upaya])

    ws = buku.lembar(
        _("Efisiensi"),
        _("BAB III A. Efisiensi penggunaan sumber daya"),
        [
            ("No", 6),
            (_("Program / Kegiatan"), 55),
            (_("Jenis"), 14),
            (_("Sasaran"), 10),
            (_("Capaian (%)"), 12),
            (_("Serapan (%)"), 12),
            (_("Indeks efisiensi"), 12),
        ],
    )
    for e in laporan.efisiensi:
        buku.tambah(
            ws,
            [e.nomor, e.nama, e.jenis_label, e.sasaran, e.capaian, e.serapan, e.indeks],
            {5: FORMAT_PERSEN, 6: FORMAT_PERSEN, 7: FORMAT_PERSEN},
        )
    _lembar_anggaran(buku, laporan.anggaran, _("BAB III B. Realisasi Anggaran"), _("Realisasi (Rp)"))
    return buku.simpan(laporan.kepala.judul)
