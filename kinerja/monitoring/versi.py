"""The year's monitoring follows the PK into its perubahan.

A PK perubahan published mid-year (a new official, an APBD-Perubahan) replaces the published version;
from then on the unit reports against the new one. What was entered on the old version moves to the
row of the new one that continues it (paired as the version comparison pairs them,
`agreements.versi.pasangan_baris`): each indikator's realisasi with their evidence and verification,
its rencana aksi, each program's planned and realised budget, and the triwulan's correction requests.
The records move rather than being copied, so each keeps its identity and its trail; capaian is then
computed against the new target. A row of the old version without a counterpart (an indikator
dropped) keeps its realisasi, readable on the old version, and the trail names it. A triwulan the new
row already has is left where it is.

Runs inside the publication's transaction (`agreements.alur.daftarkan_saat_diganti`).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from kinerja.agreements.models import PerjanjianKinerja
from kinerja.agreements.versi import pasangan_baris
from kinerja.monitoring.models import (
    PermintaanKoreksi,
    Realisasi,
    RealisasiAnggaran,
    RencanaIndikator,
    RencanaProgram,
)
from kinerja.riwayat.models import catat


def bawa_ke_pengganti(lama: PerjanjianKinerja, baru: PerjanjianKinerja, oleh: Any, waktu: Any) -> dict:
    """Move the monitoring of `lama` onto `baru`; returns (and traces on `baru`) what moved."""
    pasangan = pasangan_baris(lama, baru)
    ke_indikator = {a.pk: b.pk for a, b in pasangan.indikator}
    ke_program = {a.pk: b.pk for a, b in pasangan.program}

    realisasi = _pindahkan(
        Realisasi.objects.filter(indikator__sasaran__perjanjian=lama),
        "indikator_id",
        ke_indikator,
        "triwulan",
    )
    rencana = _pindahkan(
        RencanaIndikator.objects.filter(indikator__sasaran__perjanjian=lama), "indikator_id", ke_indikator
    )
    anggaran = _pindahkan(
        RealisasiAnggaran.objects.filter(program__perjanjian=lama), "program_id", ke_program, "triwulan"
    )
    rencana_program = _pindahkan(
        RencanaProgram.objects.filter(program__perjanjian=lama), "program_id", ke_program
    )
    koreksi = PermintaanKoreksi.objects.filter(perjanjian=lama).update(perjanjian=baru)
    tertinggal = sorted(
        set(
            Realisasi.objects.filter(indikator__sasaran__perjanjian=lama).values_list(
                "indikator__uraian", flat=True
            )
        )
    )
    hasil = {
        "dari": lama.pk,
        "realisasi": realisasi,
        "rencana": rencana,
        "realisasi_anggaran": anggaran,
        "rencana_anggaran": rencana_program,
        "koreksi": koreksi,
        "tertinggal": tertinggal,
    }
    if realisasi or rencana or anggaran or rencana_program or koreksi or tertinggal:
        catat(
            baru,
            "pantau.bawa",
            oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
            waktu=waktu,
            catatan=_catatan(hasil),
            data=hasil,
        )
    return hasil


def _pindahkan(qs, kolom: str, ke: dict[int, int], per: str | None = None) -> int:
    """Point the rows of `qs` from their old row (`kolom`) to its pair in `ke`, unless the pair already
    has one (for the same `per`, e.g. the triwulan). Returns how many moved."""
    kunci = [kolom, per] if per else [kolom]
    sudah = set(qs.model.objects.filter(**{f"{kolom}__in": list(ke.values())}).values_list(*kunci))
    pindah = []
    for obj in qs.filter(**{f"{kolom}__in": list(ke)}):
        tujuan = ke[getattr(obj, kolom)]
        k = (tujuan, getattr(obj, per)) if per else (tujuan,)
        if k not in sudah:
            setattr(obj, kolom, tujuan)
            sudah.add(k)
            pindah.append(obj)
    qs.model.objects.bulk_update(pindah, [kolom.removesuffix("_id")])
    return len(pindah)


def _catatan(hasil: dict) -> str:
    teks = _(
        "Pemantauan dibawa dari versi sebelumnya: %(realisasi)d realisasi, %(rencana)d rencana aksi, "
        "%(anggaran)d realisasi anggaran, %(koreksi)d permintaan koreksi."
    ) % {
        "realisasi": hasil["realisasi"],
        "rencana": hasil["rencana"],
        "anggaran": hasil["realisasi_anggaran"],
        "koreksi": hasil["koreksi"],
    }
    if hasil["tertinggal"]:
        teks += " " + _("Tetap pada versi sebelumnya (indikator tanpa pasangan): %s.") % "; ".join(
            hasil["tertinggal"]
        )
    return teks
