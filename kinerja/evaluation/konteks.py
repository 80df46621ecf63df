"""The LHE's context from a stored evaluation (kinerja.evaluation.lhe renders it as PDF and DOCX)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from kinerja.domain import sakip
from kinerja.domain.nip import format_nip
from kinerja.domain.numbers import format_angka
from kinerja.domain.tanggal import format_tanggal
from kinerja.evaluation import baca
from kinerja.evaluation.layanan import jawaban_akhir
from kinerja.evaluation.lhe import LHE, BarisKomponenLHE, CatatanLHE, RekomendasiLHE
from kinerja.evaluation.models import Evaluasi, Rekomendasi
from kinerja.monitoring.laporan import nama_pemda
from kinerja.units.models import Unit


def _nilai_lalu(lalu: Evaluasi | None) -> dict[str, Decimal]:
    """Last year's component scores by component name (from its stored breakdown)."""
    if lalu is None:
        return {}
    return {k["komponen"]: Decimal(k["nilai"]) for k in lalu.rincian.get("komponen", [])}


def _kepala_unit(unit: Unit) -> str:
    """ "Camat Bajeng" for a kecamatan; "Kepala <unit>" otherwise."""
    if unit.nama.lower().startswith("kecamatan "):
        return "Camat " + unit.nama[len("kecamatan ") :]
    return _("Kepala %s") % unit.nama


_KEPALA_DAERAH = (("kabupaten ", "Bupati "), ("kota ", "Wali Kota "), ("provinsi ", "Gubernur "))


def _kepala_daerah(pemda: str) -> str:
    """ "Bupati Gowa" for Kabupaten Gowa (the LHE's tembusan)."""
    for awal, jabatan in _KEPALA_DAERAH:
        if pemda.lower().startswith(awal):
            return jabatan + pemda[len(awal) :]
    return _("Kepala Daerah %s") % pemda


def konteks_lhe(ev: Evaluasi) -> LHE:
    """The letter of a final evaluation (or a DRAF of one still in progress, scored as it stands)."""
    ins = ev.instrumen.domain
    hasil = sakip.hitung(ins, jawaban_akhir(ev))
    nilai = ev.nilai if ev.final and ev.nilai is not None else hasil.nilai
    lalu = baca.lalu(ev)
    lalu_k = _nilai_lalu(lalu)
    baris = tuple(
        BarisKomponenLHE(
            nomor=str(i),
            komponen=k.nama,
            bobot=format_angka(k.bobot, 2),
            nilai=format_angka(k.nilai_bulat, 2),
            nilai_lalu=format_angka(lalu_k[k.nama], 2) if k.nama in lalu_k else "–",
            persen=format_angka(k.persen, 2) + "%",
            predikat=k.predikat.kode,
        )
        for i, k in enumerate(hasil.komponen, 1)
    )
    nama_komponen = {k.kode: k.nama for k in ins.komponen}
    pemda = nama_pemda(ev.unit)
    tempat = ev.tempat_lhe
    tanggal = format_tanggal(ev.tanggal_lhe) if ev.tanggal_lhe else ""
    return LHE(
        nomor_surat=ev.nomor_surat,
        tempat_tanggal=", ".join(x for x in (tempat, tanggal) if x),
        pemda=_("Pemerintah %s") % pemda,
        inspektorat=_("Inspektorat Daerah %s") % pemda,
        kepada=_kepala_unit(ev.unit),
        unit=ev.unit.nama,
        tahun=ev.tahun,
        peraturan=ins.peraturan or ins.nama,
        nilai=format_angka(nilai, 2),
        predikat=sakip.predikat_sakip(nilai).kode,
        kategori=sakip.predikat_sakip(nilai).label,
        nilai_lalu=format_angka(lalu.nilai, 2) if lalu is not None and lalu.nilai is not None else "–",
        predikat_lalu=lalu.predikat if lalu is not None else "",
        komponen=baris,
        jumlah_bobot=format_angka(sum((k.bobot for k in hasil.komponen), Decimal(0)), 2),
        catatan=tuple(CatatanLHE(k.nama, ev.catatan_komponen.get(k.kode, "")) for k in ins.komponen),
        rekomendasi=tuple(
            RekomendasiLHE(str(r.nomor), r.teks, nama_komponen.get(r.komponen, ""))
            for r in Rekomendasi.objects.filter(evaluasi=ev)
        ),
        penandatangan_jabatan=ev.penandatangan_jabatan or _("Inspektur Daerah %s") % pemda,
        penandatangan_nama=ev.penandatangan_nama,
        penandatangan_nip=format_nip(ev.penandatangan_nip) if ev.penandatangan_nip else "",
        tembusan=(_kepala_daerah(pemda), _("Sekretaris Daerah %s") % pemda),
        draf=not ev.final,
    )
