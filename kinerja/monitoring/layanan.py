"""The verbs of monitoring (docs/adr/0005-monitoring.md): entering a realisasi with its evidence,
submitting, verifying or returning it, correction requests after a triwulan locks, the rencana aksi,
the budget realisasi and the automatic values.

Each verb takes the acting user, checks the right with `can()` (operator: `edit` on the PK's unit;
verifikator: `review`), checks the state, does the work and writes the trail, in one transaction.
The web pages, the spreadsheet upload and the command line call these and nothing else. Refusals are
the `Ditolak` family of the PK's life (Indonesian messages that say what to do).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.agreements.alur import Ditolak, IsianKurang, StatusTidakSesuai, TidakBerhak
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program, Status, ringkas
from kinerja.domain import capaian as dc
from kinerja.domain import pantau
from kinerja.domain.numbers import format_rupiah
from kinerja.monitoring.bukti import BerkasBukti
from kinerja.monitoring.models import (
    BuktiRealisasi,
    PengaturanPantau,
    PermintaanKoreksi,
    Realisasi,
    RealisasiAnggaran,
    RencanaIndikator,
    RencanaProgram,
    StatusRealisasi,
)
from kinerja.riwayat.models import catat
from kinerja.units.models import Unit
from kinerja.units.permissions import can

# Only a signed or published PK is monitored; a replaced one keeps its realisasi, read only.
STATUS_DIPANTAU = (Status.DITANDATANGANI, Status.DITERBITKAN)
STATUS_DAPAT_DIISI = (StatusRealisasi.DRAF, StatusRealisasi.DIAJUKAN, StatusRealisasi.DIKEMBALIKAN)


class PeringatanKewajaran(Ditolak):
    """The value looks implausible; the person confirms (`akui=True`) and the warnings go to the trail."""

    def __init__(self, pesan: str, peringatan: Sequence[pantau.Peringatan]) -> None:
        super().__init__(pesan)
        self.peringatan = list(peringatan)


# ---------------------------------------------------------------------------------------------------
# Settings and the state of a triwulan
# ---------------------------------------------------------------------------------------------------


def pengaturan(unit: Unit) -> PengaturanPantau:
    """The monitoring rules of the unit's pemerintah daerah (the defaults when none are saved)."""
    akar_id = unit.akar_id or unit.pk
    p = PengaturanPantau.objects.filter(unit_id=akar_id).first()
    return p or PengaturanPantau(unit_id=akar_id)


@dataclass(frozen=True)
class KeadaanTriwulan:
    """Where a PK's triwulan stands today: its deadline, whether it is locked, an open correction."""

    triwulan: int
    tenggat: date
    terkunci: bool
    koreksi_terbuka: bool
    dimulai: bool  # the triwulan has begun (realisasi of a future triwulan is not entered)

    @property
    def terbuka(self) -> bool:
        return self.dimulai and (not self.terkunci or self.koreksi_terbuka)


def keadaan_triwulan(
    perjanjian: PerjanjianKinerja,
    triwulan: int,
    hari_ini: date | None = None,
    atur: PengaturanPantau | None = None,
    *,
    koreksi_terbuka: bool | None = None,
) -> KeadaanTriwulan:
    """The triwulan's state today (`atur`, `koreksi_terbuka`: when the caller has read them)."""
    hari_ini = hari_ini or timezone.localdate()
    atur = atur or pengaturan(perjanjian.unit)
    batas = pantau.tenggat(perjanjian.tahun, triwulan, atur.hari_tenggat)
    mulai = pantau.mulai_triwulan(perjanjian.tahun, triwulan)
    koreksi = koreksi_terbuka
    if koreksi is None:
        koreksi = PermintaanKoreksi.objects.filter(
            perjanjian=perjanjian, triwulan=triwulan, status=PermintaanKoreksi.Status.DISETUJUI
        ).exists()
    return KeadaanTriwulan(triwulan, batas, hari_ini > batas, koreksi, hari_ini >= mulai)


def _cek_triwulan(triwulan: int) -> None:
    if triwulan not in pantau.TRIWULAN:
        raise IsianKurang(_("Triwulan harus 1, 2, 3 atau 4 (bukan %s).") % triwulan)


def _cek_pengguna(oleh) -> None:
    if oleh is None or not getattr(oleh, "is_authenticated", False):
        raise TidakBerhak(_("Masuk dulu: setiap isian realisasi dicatat atas nama penggunanya."))


def _cek_izin(oleh, aksi: str, perjanjian: PerjanjianKinerja, kata: str) -> None:
    _cek_pengguna(oleh)
    if not can(oleh, aksi, perjanjian.unit):
        raise TidakBerhak(
            _("%(user)s tidak berhak %(kata)s untuk %(unit)s.")
            % {"user": oleh.get_username(), "kata": kata, "unit": perjanjian.unit}
        )


def _cek_dipantau(perjanjian: PerjanjianKinerja) -> None:
    if perjanjian.status not in STATUS_DIPANTAU:
        raise StatusTidakSesuai(
            _(
                "Perjanjian Kinerja ini berstatus %(status)s: realisasi hanya diisi untuk PK yang sudah "
                "ditandatangani atau diterbitkan."
            )
            % {"status": perjanjian.get_status_display()}
        )


def _cek_terbuka(
    perjanjian: PerjanjianKinerja, triwulan: int, hari_ini: date | None, status: str | None
) -> None:
    k = keadaan_triwulan(perjanjian, triwulan, hari_ini)
    if not k.dimulai:
        raise StatusTidakSesuai(
            _("Triwulan %(tw)s %(tahun)s belum dimulai: realisasinya belum dapat diisi.")
            % {"tw": pantau.ROMAWI[triwulan], "tahun": perjanjian.tahun}
        )
    # A realisasi the verifikator returned may be corrected after the deadline: he asked for it.
    if k.terkunci and not k.koreksi_terbuka and status != StatusRealisasi.DIKEMBALIKAN:
        raise StatusTidakSesuai(
            _(
                "Triwulan %(tw)s terkunci sejak tenggat %(tenggat)s. Ajukan permintaan koreksi dengan "
                "alasannya; verifikator yang memutuskan."
            )
            % {"tw": pantau.ROMAWI[triwulan], "tenggat": _tanggal(k.tenggat)}
        )


def _tanggal(d: date) -> str:
    from kinerja.domain.tanggal import format_tanggal

    return format_tanggal(d)


def _perjanjian(indikator: Indikator) -> PerjanjianKinerja:
    return PerjanjianKinerja.objects.select_related("unit").get(sasaran__indikator=indikator)


# ---------------------------------------------------------------------------------------------------
# Realisasi
# ---------------------------------------------------------------------------------------------------


def spesifikasi(indikator: Indikator, rencana: RencanaIndikator | None) -> pantau.IndikatorPantau:
    """What the capaian of a stored indikator depends on (its target and its rencana aksi)."""
    return pantau.IndikatorPantau(
        target=ringkas(indikator.target_nilai),
        target_atas=ringkas(indikator.target_nilai_atas),
        target_predikat=indikator.target_predikat or "",
        target_triwulan=tuple(ringkas(v) for v in rencana.target_triwulan)
        if rencana
        else (None, None, None, None),
        sifat_target=rencana.sifat_target if rencana else "kumulatif",  # type: ignore[arg-type]
        konsolidasi=rencana.konsolidasi if rencana else "terakhir",  # type: ignore[arg-type]
        polaritas=indikator.polaritas,  # type: ignore[arg-type]
        rumus_negatif=rencana.rumus_negatif if rencana else "selisih",  # type: ignore[arg-type]
        satuan=indikator.satuan or "",
    )


def _rencana(indikator: Indikator) -> RencanaIndikator | None:
    return RencanaIndikator.objects.filter(indikator=indikator).first()


def _cek_predikat(spek: pantau.IndikatorPantau, predikat: str) -> str:
    predikat = " ".join(predikat.split())
    if not predikat:
        return ""
    if not dc.predikat_dikenal(spek.target_predikat, predikat):
        pilihan = ", ".join(dc.pilihan_predikat(spek.target_predikat)) or "-"
        raise IsianKurang(
            _("Predikat “%(p)s” tidak dikenal untuk target “%(t)s”; pilihan: %(pilihan)s.")
            % {"p": predikat, "t": spek.target_predikat, "pilihan": pilihan}
        )
    return predikat


def _perubahan(obj: Any, baru: Mapping[str, Any]) -> list[dict[str, Any]]:
    hasil = []
    for bidang, nilai in baru.items():
        lama = getattr(obj, bidang, None)
        if lama != nilai:
            hasil.append({"bidang": bidang, "lama": _json(lama), "baru": _json(nilai)})
    return hasil


def _json(v: Any) -> Any:
    return str(v) if isinstance(v, Decimal) else v


def simpan_realisasi(
    indikator: Indikator,
    triwulan: int,
    oleh,
    *,
    nilai: Decimal | None = None,
    predikat: str = "",
    kendala: str = "",
    upaya: str = "",
    bukti: Sequence[BerkasBukti] = (),
    akui: bool = False,
    hari_ini: date | None = None,
) -> Realisasi:
    """Enter (or change) an indikator's realisasi for a triwulan, with evidence files.

    Refused on a triwulan that is locked (unless a correction is open or the verifikator returned
    it), on a verified realisasi (a correction request reopens it), and on the value of an automatic
    realisasi. Implausible values raise `PeringatanKewajaran` until confirmed with `akui`.
    """
    _cek_triwulan(triwulan)
    perjanjian = _perjanjian(indikator)
    _cek_izin(oleh, "edit", perjanjian, _("mengisi realisasi"))
    _cek_dipantau(perjanjian)
    with transaction.atomic():
        r = Realisasi.objects.select_for_update().filter(indikator=indikator, triwulan=triwulan).first()
        status = r.status if r else None
        _cek_terbuka(perjanjian, triwulan, hari_ini, status)
        koreksi = keadaan_triwulan(perjanjian, triwulan, hari_ini).koreksi_terbuka
        if r is not None and r.status == StatusRealisasi.TERVERIFIKASI and not koreksi:
            raise StatusTidakSesuai(
                _(
                    "Realisasi ini sudah terverifikasi. Ajukan permintaan koreksi dengan alasannya untuk mengubahnya."
                )
            )
        spek = spesifikasi(indikator, _rencana(indikator))
        if r is not None and r.otomatis:
            nilai, predikat = r.nilai, r.predikat  # filled from its source, never retyped
        elif spek.predikat:
            nilai, predikat = None, _cek_predikat(spek, predikat)
        else:
            predikat = ""
        peringatan: list[pantau.Peringatan] = []
        if not spek.predikat and not (r and r.otomatis):
            sebelumnya = _nilai_sebelumnya(indikator, triwulan)
            peringatan = pantau.periksa_realisasi(spek, triwulan, nilai, sebelumnya)
        if peringatan and not akui:
            raise PeringatanKewajaran(
                _("Periksa lagi isian ini; bila sudah benar, centang “Nilai sudah saya periksa” lalu simpan:")
                + "".join(f"\n- [{p.kode}] {p.pesan}" for p in peringatan),
                peringatan,
            )
        baru = {"nilai": nilai, "predikat": predikat, "kendala": kendala.strip(), "upaya": upaya.strip()}
        if r is None:
            r = Realisasi(indikator=indikator, triwulan=triwulan)
            perubahan = [
                {"bidang": k, "lama": None, "baru": _json(v)} for k, v in baru.items() if v not in (None, "")
            ]
        else:
            perubahan = _perubahan(r, baru)
        dari = r.status if r.pk else ""
        for k, v in baru.items():
            setattr(r, k, v)
        if perubahan and r.status in (StatusRealisasi.TERVERIFIKASI, StatusRealisasi.DIAJUKAN):
            r.status = StatusRealisasi.DRAF  # changed: to be submitted (and verified) again
        r.diisi_oleh = oleh
        r.save()
        if perubahan or not bukti:
            catat(
                r,
                "realisasi.simpan",
                oleh=oleh,
                dari=dari,
                ke=r.status,
                perubahan=perubahan,
                data={"peringatan": [{"kode": p.kode, "pesan": p.pesan} for p in peringatan]}
                if peringatan
                else None,
            )
        for b in bukti:
            _simpan_bukti(r, b, oleh)
    return r


def _nilai_sebelumnya(indikator: Indikator, triwulan: int) -> list[Decimal | None]:
    ada = {
        t: ringkas(v)
        for t, v in Realisasi.objects.filter(indikator=indikator, triwulan__lt=triwulan).values_list(
            "triwulan", "nilai"
        )
    }
    return [ada.get(t) for t in range(1, triwulan)]


def _simpan_bukti(r: Realisasi, b: BerkasBukti, oleh) -> BuktiRealisasi:
    bukti = BuktiRealisasi(
        realisasi=r,
        nama_berkas=b.nama,
        jenis_isi=b.jenis_isi,
        ukuran=len(b.isi),
        sha256=b.sha256,
        diunggah_oleh=oleh,
    )
    bukti.berkas.save(b.nama, ContentFile(b.isi), save=False)
    bukti.save()
    catat(
        r, "realisasi.bukti.unggah", oleh=oleh, data={"bukti": bukti.pk, "nama": b.nama, "sha256": b.sha256}
    )
    return bukti


def unggah_bukti(
    realisasi: Realisasi, bukti: BerkasBukti, oleh, *, hari_ini: date | None = None
) -> BuktiRealisasi:
    """Add an evidence file to a realisasi that may still be changed."""
    perjanjian = _perjanjian(realisasi.indikator)
    _cek_izin(oleh, "edit", perjanjian, _("mengunggah bukti"))
    _cek_dipantau(perjanjian)
    _cek_terbuka(perjanjian, realisasi.triwulan, hari_ini, realisasi.status)
    with transaction.atomic():
        return _simpan_bukti(realisasi, bukti, oleh)


def hapus_bukti(bukti: BuktiRealisasi, oleh, *, hari_ini: date | None = None) -> None:
    """Remove an evidence file of a realisasi not yet verified (the trail keeps its name and hash)."""
    r = bukti.realisasi
    perjanjian = _perjanjian(r.indikator)
    _cek_izin(oleh, "edit", perjanjian, _("menghapus bukti"))
    _cek_terbuka(perjanjian, r.triwulan, hari_ini, r.status)
    if r.status == StatusRealisasi.TERVERIFIKASI:
        raise StatusTidakSesuai(_("Bukti realisasi yang sudah terverifikasi tidak dapat dihapus."))
    with transaction.atomic():
        catat(r, "realisasi.bukti.hapus", oleh=oleh, data={"nama": bukti.nama_berkas, "sha256": bukti.sha256})
        bukti.berkas.delete(save=False)
        bukti.delete()


def _ubah_status(r: Realisasi, oleh, ke: str, aksi: str, catatan: str = "", **kolom: Any) -> Realisasi:
    dari = r.status
    r.status = ke
    for k, v in kolom.items():
        setattr(r, k, v)
    r.save(update_fields=["status", "diperbarui_pada", *kolom])
    catat(r, aksi, oleh=oleh, dari=dari, ke=ke, catatan=catatan)
    return r


def _terisi(r: Realisasi) -> bool:
    return r.nilai is not None or bool(r.predikat)


def ajukan_triwulan(
    perjanjian: PerjanjianKinerja, triwulan: int, oleh, *, hari_ini: date | None = None
) -> list[Realisasi]:
    """Submit the triwulan's filled realisasi (draf or returned) to the verifikator; an open
    correction of the triwulan is closed by it."""
    _cek_triwulan(triwulan)
    _cek_izin(oleh, "edit", perjanjian, _("mengajukan realisasi"))
    _cek_dipantau(perjanjian)
    with transaction.atomic():
        rows = list(
            Realisasi.objects.select_for_update()
            .filter(
                indikator__sasaran__perjanjian=perjanjian,
                triwulan=triwulan,
                status__in=(StatusRealisasi.DRAF, StatusRealisasi.DIKEMBALIKAN),
            )
            .order_by("pk")
        )
        siap = [r for r in rows if _terisi(r)]
        if not siap:
            raise IsianKurang(_("Belum ada realisasi terisi yang dapat diajukan pada triwulan ini."))
        for r in siap:
            _cek_terbuka(perjanjian, triwulan, hari_ini, r.status)
            _ubah_status(r, oleh, StatusRealisasi.DIAJUKAN, "realisasi.ajukan")
        for k in PermintaanKoreksi.objects.filter(
            perjanjian=perjanjian, triwulan=triwulan, status=PermintaanKoreksi.Status.DISETUJUI
        ):
            k.status = PermintaanKoreksi.Status.SELESAI
            k.save(update_fields=["status"])
            catat(k, "koreksi.selesai", oleh=oleh, dari=PermintaanKoreksi.Status.DISETUJUI, ke=k.status)
    return siap


def _cek_verifikator(r: Realisasi, oleh) -> PerjanjianKinerja:
    perjanjian = _perjanjian(r.indikator)
    _cek_izin(oleh, "review", perjanjian, _("memverifikasi realisasi"))
    if r.status != StatusRealisasi.DIAJUKAN:
        raise StatusTidakSesuai(
            _(
                "Realisasi ini berstatus %(s)s; hanya realisasi yang diajukan yang diverifikasi atau dikembalikan."
            )
            % {"s": r.get_status_display()}
        )
    return perjanjian


def verifikasi(realisasi: Realisasi, oleh, *, catatan: str = "") -> Realisasi:
    """The verifikator accepts a submitted realisasi."""
    with transaction.atomic():
        r = Realisasi.objects.select_for_update().get(pk=realisasi.pk)
        _cek_verifikator(r, oleh)
        return _ubah_status(
            r,
            oleh,
            StatusRealisasi.TERVERIFIKASI,
            "realisasi.verifikasi",
            catatan.strip(),
            diverifikasi_oleh=oleh,
            diverifikasi_pada=timezone.now(),
            catatan_verifikasi=catatan.strip(),
        )


def kembalikan(realisasi: Realisasi, oleh, *, catatan: str) -> Realisasi:
    """The verifikator returns a submitted realisasi to the operator, saying what to correct."""
    catatan = (catatan or "").strip()
    if not catatan:
        raise IsianKurang(
            _("Tuliskan apa yang perlu diperbaiki: mengembalikan realisasi memerlukan catatan.")
        )
    with transaction.atomic():
        r = Realisasi.objects.select_for_update().get(pk=realisasi.pk)
        _cek_verifikator(r, oleh)
        return _ubah_status(
            r, oleh, StatusRealisasi.DIKEMBALIKAN, "realisasi.kembalikan", catatan, catatan_verifikasi=catatan
        )


def verifikasi_triwulan(perjanjian: PerjanjianKinerja, triwulan: int, oleh) -> list[Realisasi]:
    """Verify every submitted realisasi of the PK's triwulan at once."""
    _cek_izin(oleh, "review", perjanjian, _("memverifikasi realisasi"))
    rows = Realisasi.objects.filter(
        indikator__sasaran__perjanjian=perjanjian, triwulan=triwulan, status=StatusRealisasi.DIAJUKAN
    ).order_by("pk")
    return [verifikasi(r, oleh) for r in rows]


# ---------------------------------------------------------------------------------------------------
# Corrections after the lock
# ---------------------------------------------------------------------------------------------------


def minta_koreksi(perjanjian: PerjanjianKinerja, triwulan: int, oleh, *, alasan: str) -> PermintaanKoreksi:
    """The operator asks to change a locked (or verified) triwulan, saying why."""
    _cek_triwulan(triwulan)
    _cek_izin(oleh, "edit", perjanjian, _("meminta koreksi"))
    _cek_dipantau(perjanjian)
    alasan = (alasan or "").strip()
    if len(alasan) < 10:
        raise IsianKurang(
            _("Tuliskan alasan koreksi (paling sedikit 10 huruf): verifikator memutuskan dari alasannya.")
        )
    with transaction.atomic():
        if PermintaanKoreksi.objects.filter(
            perjanjian=perjanjian,
            triwulan=triwulan,
            status__in=(PermintaanKoreksi.Status.DIAJUKAN, PermintaanKoreksi.Status.DISETUJUI),
        ).exists():
            raise StatusTidakSesuai(_("Sudah ada permintaan koreksi yang belum selesai untuk triwulan ini."))
        k = PermintaanKoreksi.objects.create(
            perjanjian=perjanjian, triwulan=triwulan, alasan=alasan, diminta_oleh=oleh
        )
        catat(k, "koreksi.minta", oleh=oleh, ke=k.status, catatan=alasan)
    return k


def putuskan_koreksi(
    permintaan: PermintaanKoreksi, oleh, *, setujui: bool, catatan: str = ""
) -> PermintaanKoreksi:
    """The verifikator approves (the triwulan opens to the operator) or refuses a correction request."""
    catatan = (catatan or "").strip()
    with transaction.atomic():
        k = (
            PermintaanKoreksi.objects.select_for_update()
            .select_related("perjanjian__unit")
            .get(pk=permintaan.pk)
        )
        _cek_izin(oleh, "review", k.perjanjian, _("memutuskan permintaan koreksi"))
        if k.status != PermintaanKoreksi.Status.DIAJUKAN:
            raise StatusTidakSesuai(
                _("Permintaan koreksi ini sudah diputuskan (%s).") % k.get_status_display()
            )
        if not setujui and not catatan:
            raise IsianKurang(_("Tuliskan alasan penolakan."))
        dari = k.status
        k.status = PermintaanKoreksi.Status.DISETUJUI if setujui else PermintaanKoreksi.Status.DITOLAK
        k.diputuskan_oleh, k.diputuskan_pada, k.catatan_keputusan = oleh, timezone.now(), catatan
        k.save()
        catat(
            k,
            "koreksi.setujui" if setujui else "koreksi.tolak",
            oleh=oleh,
            dari=dari,
            ke=k.status,
            catatan=catatan,
        )
    return k


# ---------------------------------------------------------------------------------------------------
# Rencana aksi and budget
# ---------------------------------------------------------------------------------------------------

KOLOM_RENCANA = (
    "aksi",
    "sifat_target",
    "konsolidasi",
    "rumus_negatif",
    "penanggung_jawab",
    *(f"target_tw{n}" for n in pantau.TRIWULAN),
)


def simpan_rencana(indikator: Indikator, oleh, **isian: Any) -> RencanaIndikator:
    """Set an indikator's rencana aksi (any of `KOLOM_RENCANA`); changes go to the trail."""
    perjanjian = _perjanjian(indikator)
    _cek_izin(oleh, "edit", perjanjian, _("mengubah rencana aksi"))
    asing = set(isian) - set(KOLOM_RENCANA)
    if asing:
        raise ValueError(f"kolom rencana aksi tidak dikenal: {sorted(asing)}")
    if perjanjian.status not in (*STATUS_DIPANTAU, Status.DRAF, Status.DIKEMBALIKAN):
        raise StatusTidakSesuai(
            _("Rencana aksi PK berstatus %s tidak dapat diubah.") % perjanjian.get_status_display()
        )
    pj = isian.get("penanggung_jawab")
    if pj is not None and pj.unit_id is not None and pj.unit.akar_id != perjanjian.unit.akar_id:
        raise IsianKurang(_("Penanggung jawab harus pejabat pemerintah daerah yang sama."))
    with transaction.atomic():
        r, dibuat = RencanaIndikator.objects.select_for_update().get_or_create(indikator=indikator)
        perubahan = _perubahan(
            r, {k: (v.pk if hasattr(v, "pk") else v) for k, v in isian.items() if k != "penanggung_jawab"}
        )
        if "penanggung_jawab" in isian and r.penanggung_jawab_id != (pj.pk if pj else None):
            perubahan.append(
                {"bidang": "penanggung_jawab", "lama": r.penanggung_jawab_id, "baru": pj.pk if pj else None}
            )
        for k, v in isian.items():
            setattr(r, k, v)
        r.full_clean(exclude=["indikator"])
        r.save()
        if perubahan or dibuat:
            catat(r, "rencana.ubah", oleh=oleh, perubahan=perubahan)
    return r


def simpan_rencana_program(program: Program, oleh, rencana: Sequence[Decimal | None]) -> RencanaProgram:
    """Set a program's planned budget per triwulan (their sum may not exceed its anggaran)."""
    perjanjian = PerjanjianKinerja.objects.select_related("unit").get(pk=program.perjanjian_id)
    _cek_izin(oleh, "edit", perjanjian, _("mengubah rencana anggaran"))
    nilai = list(rencana) + [None] * (4 - len(rencana))
    jumlah = sum((v for v in nilai if v is not None), Decimal(0))
    if any(v is not None and v < 0 for v in nilai):
        raise IsianKurang(_("Rencana anggaran tidak boleh negatif."))
    if program.anggaran is not None and jumlah > program.anggaran:
        raise IsianKurang(
            _("Jumlah rencana anggaran %(jumlah)s melebihi pagu %(pagu)s untuk %(nama)s.")
            % {"jumlah": format_rupiah(jumlah), "pagu": format_rupiah(program.anggaran), "nama": program.nama}
        )
    with transaction.atomic():
        r, _dibuat = RencanaProgram.objects.select_for_update().get_or_create(program=program)
        baru = {f"rencana_tw{n}": nilai[n - 1] for n in pantau.TRIWULAN}
        perubahan = _perubahan(r, baru)
        for k, v in baru.items():
            setattr(r, k, v)
        r.save()
        if perubahan:
            catat(r, "rencana.anggaran.ubah", oleh=oleh, perubahan=perubahan)
    return r


def simpan_realisasi_anggaran(
    program: Program, triwulan: int, oleh, *, nilai: Decimal, akui: bool = False, hari_ini: date | None = None
) -> RealisasiAnggaran:
    """The budget spent in a triwulan; refused when the year's total would exceed the pagu."""
    _cek_triwulan(triwulan)
    perjanjian = PerjanjianKinerja.objects.select_related("unit").get(pk=program.perjanjian_id)
    _cek_izin(oleh, "edit", perjanjian, _("mengisi realisasi anggaran"))
    _cek_dipantau(perjanjian)
    _cek_terbuka(perjanjian, triwulan, hari_ini, None)
    if nilai < 0:
        raise IsianKurang(_("Realisasi anggaran tidak boleh negatif."))
    with transaction.atomic():
        lain = RealisasiAnggaran.objects.filter(program=program).exclude(triwulan=triwulan)
        sampai = (
            sum((v for t, v in lain.values_list("triwulan", "nilai") if t <= triwulan), Decimal(0)) + nilai
        )
        total = sum(lain.values_list("nilai", flat=True), Decimal(0)) + nilai
        if program.anggaran is not None and total > program.anggaran:
            raise IsianKurang(
                _("Realisasi anggaran %(nama)s menjadi %(total)s, melebihi pagu %(pagu)s; periksa angkanya.")
                % {
                    "nama": program.nama,
                    "total": format_rupiah(total),
                    "pagu": format_rupiah(program.anggaran),
                }
            )
        peringatan = pantau.periksa_anggaran(program.anggaran, sampai)
        if peringatan and not akui:
            raise PeringatanKewajaran(
                _("Periksa lagi isian ini; bila sudah benar, centang “Nilai sudah saya periksa” lalu simpan:")
                + "".join(f"\n- [{p.kode}] {p.pesan}" for p in peringatan),
                peringatan,
            )
        r, dibuat = RealisasiAnggaran.objects.select_for_update().get_or_create(
            program=program, triwulan=triwulan, defaults={"nilai": nilai, "diisi_oleh": oleh}
        )
        lama = None if dibuat else r.nilai
        if not dibuat:
            r.nilai, r.diisi_oleh = nilai, oleh
            r.save()
        if dibuat or lama != nilai:
            catat(
                r,
                "realisasi.anggaran.simpan",
                oleh=oleh,
                perubahan=[{"bidang": "nilai", "lama": _json(lama), "baru": _json(nilai)}],
                data={"peringatan": [{"kode": p.kode, "pesan": p.pesan} for p in peringatan]}
                if peringatan
                else None,
            )
    return r


# ---------------------------------------------------------------------------------------------------
# Values filled from other records
# ---------------------------------------------------------------------------------------------------


def isi_otomatis(perjanjian: PerjanjianKinerja, oleh=None) -> list[Realisasi]:
    """Fill the realisasi of indikator whose value another record provides (the IKM of a closed SKM
    period, respondents, follow-ups: `kinerja.agreements.otomatis`), in the triwulan their source
    ended, marked automatic. A value already verified is left alone."""
    from kinerja.agreements import otomatis

    if perjanjian.status not in STATUS_DIPANTAU:
        return []
    indikator, jalur = indikator_berjalur(perjanjian)
    nilai = otomatis.nilai_otomatis(
        perjanjian, [otomatis.IndikatorPK(jalur[i.pk], i.uraian, i.target_teks) for i in indikator]
    )
    per_jalur = {jalur[i.pk]: i for i in indikator}
    hasil = []
    with transaction.atomic():
        for j, daftar in nilai.items():
            ind = per_jalur.get(j)
            for n in daftar:
                if ind is None or n.angka is None or n.tanggal is None or n.tanggal.year != perjanjian.tahun:
                    continue
                tw = pantau.triwulan_dari(n.tanggal)
                r, dibuat = Realisasi.objects.select_for_update().get_or_create(
                    indikator=ind, triwulan=tw, defaults={"status": StatusRealisasi.DIAJUKAN}
                )
                if r.status == StatusRealisasi.TERVERIFIKASI and r.nilai == n.angka:
                    continue
                lama = r.nilai
                r.nilai, r.otomatis, r.sumber_otomatis = n.angka, True, f"{n.judul}: {n.sumber}"[:255]
                if not dibuat and lama != n.angka:
                    r.status = StatusRealisasi.DIAJUKAN
                r.save()
                if dibuat or lama != n.angka:
                    catat(
                        r,
                        "realisasi.otomatis",
                        oleh=oleh,
                        ke=r.status,
                        perubahan=[{"bidang": "nilai", "lama": _json(lama), "baru": _json(n.angka)}],
                        catatan=r.sumber_otomatis,
                    )
                    hasil.append(r)
    return hasil


def indikator_berjalur(perjanjian: PerjanjianKinerja) -> tuple[list[Indikator], dict[int, str]]:
    """The PK's indikator in document order, with their place as the review and the PK page name it
    ("sasaran[0].indikator[1]")."""
    indikator = list(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran__pk", "urutan", "pk")
    )

    urut = perjanjian.sasaran.order_by("urutan", "pk").values_list("pk", flat=True)
    nomor_sasaran = {pk: n for n, pk in enumerate(urut)}
    jalur: dict[int, str] = {}
    per_sasaran: dict[int, int] = {}
    for i in indikator:
        k = nomor_sasaran[i.sasaran_id]
        j = per_sasaran.get(i.sasaran_id, 0)
        per_sasaran[i.sasaran_id] = j + 1
        jalur[i.pk] = f"sasaran[{k}].indikator[{j}]"
    return indikator, jalur
