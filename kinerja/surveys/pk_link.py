"""The SKM's values beside a PK's indicators (kinerja.agreements.otomatis), registered in apps.ready().

- "Indeks Kepuasan Masyarakat" / "IKM" / "kepuasan masyarakat": the unit's latest closed IKM snapshot of
  the PK's year (period ending in that year), against the indicator's target;
- "Jumlah pengguna layanan yang mengisi kuesioner" / "jumlah responden": the respondents of the unit's
  periods ending in that year, read from the aggregates;
- "Persentase hasil SKM yang ditindaklanjuti": the share of follow-ups done.

At most one query per kind of indicator, whatever the number of indicators.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.domain.numbers import bulatkan, format_angka, parse_nilai
from kinerja.domain.tanggal import format_tanggal

IKM = "ikm"
RESPONDEN = "responden"
TINDAK_LANJUT = "tindak_lanjut"


def _norm(teks: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", teks.lower()).split())


@functools.lru_cache(maxsize=4096)  # the same indicator names come back on every page view
def jenis_indikator(uraian: str) -> str | None:
    """Which SKM figure an indicator names, from its words; None when it names none."""
    t = _norm(uraian)
    kata = set(t.split())
    if "ditindaklanjuti" in kata or "tindak lanjut" in t:
        if "skm" in kata or "survei" in t or "survey" in t or "kepuasan" in kata:
            return TINDAK_LANJUT
        return None
    if "mengisi kuesioner" in t or "jumlah responden" in t or "mengisi survei" in t:
        return RESPONDEN
    if "indeks kepuasan masyarakat" in t or "ikm" in kata or "kepuasan masyarakat" in t:
        return IKM
    return None


def keterangan_capaian(realisasi: Decimal, target_teks: str) -> str:
    """ "target 84,00 — capaian 97,80%" (positive polarity: realisasi / target × 100), or ""."""
    target, _satuan = parse_nilai(target_teks)
    if target is None:
        return ""
    places = -target.as_tuple().exponent if isinstance(target.as_tuple().exponent, int) else 0
    teks_target = format_angka(target, max(places, 0))
    if not target:
        return _("target %(target)s") % {"target": teks_target}
    capaian = bulatkan(realisasi * 100 / target, 2)
    return _("target %(target)s — capaian %(capaian)s%%") % {
        "target": teks_target,
        "capaian": format_angka(capaian, 2),
    }


def _rentang(mulai, selesai) -> str:
    return f"{format_tanggal(mulai)} – {format_tanggal(selesai)}"


def _sampai_hari_ini(tahun: int):
    """A running count (respondents, follow-ups) belongs to today's triwulan, or the year's last day."""
    from datetime import date

    return min(timezone.localdate(), date(tahun, 12, 31))


def nilai_skm(pk, indikator: Sequence) -> dict[str, list]:
    """The provider: {jalur: [NilaiOtomatis]} for the PK's SKM indicators."""
    from kinerja.agreements.otomatis import NilaiOtomatis
    from kinerja.surveys.models import Agregat, SnapshotIKM
    from kinerja.surveys.tindak_lanjut import persentase_tindak_lanjut

    per_jenis: dict[str, list] = {}
    for ind in indikator:
        j = jenis_indikator(ind.uraian)
        if j:
            per_jenis.setdefault(j, []).append(ind)
    if not per_jenis:
        return {}
    hasil: dict[str, list] = {}
    unit_id, tahun = pk.unit_id, pk.tahun

    if IKM in per_jenis:
        s = (
            SnapshotIKM.objects.semua_layanan()
            .filter(unit_id=unit_id, tanggal_selesai__year=tahun)
            .select_related("periode", "unit")
            .order_by("-tanggal_selesai", "-dibuat_pada")
            .first()
        )
        if s is not None:
            ditutup = timezone.localtime(s.periode.ditutup_pada or s.dibuat_pada).date()
            judul = s.periode.judul if s.periode.judul.upper().startswith("IKM") else f"IKM {s.periode.judul}"
            for ind in per_jenis[IKM]:
                hasil.setdefault(ind.jalur, []).append(
                    NilaiOtomatis(
                        judul=judul,
                        nilai=f"{format_angka(s.nilai, 2)} ({s.mutu}, {s.kinerja})",
                        keterangan=keterangan_capaian(s.nilai, ind.target_teks),
                        sumber=_("SKM %(unit)s, %(rentang)s, %(n)s responden (ditutup %(tanggal)s)")
                        % {
                            "unit": s.unit.nama,
                            "rentang": _rentang(s.tanggal_mulai, s.tanggal_selesai),
                            "n": s.jumlah_responden,
                            "tanggal": format_tanggal(ditutup),
                        },
                        tautan=reverse("surveys:hasil", args=[s.periode.token]),
                        angka=s.nilai,
                        tanggal=s.tanggal_selesai,
                    )
                )

    if RESPONDEN in per_jenis:
        b = Agregat.objects.filter(
            kunci=Agregat.SEMUA, periode__unit_id=unit_id, periode__tanggal_selesai__year=tahun
        ).aggregate(
            n_responden=Sum("responden"),
            n_periode=Count("pk"),
            n_dibuka=Count("pk", filter=Q(periode__status="dibuka")),
        )
        if b["n_periode"]:
            n = int(b["n_responden"] or 0)
            catatan = (
                _("; %(n)s periode masih dibuka (sementara)") % {"n": b["n_dibuka"]} if b["n_dibuka"] else ""
            )
            for ind in per_jenis[RESPONDEN]:
                hasil.setdefault(ind.jalur, []).append(
                    NilaiOtomatis(
                        judul=_("Responden SKM %(tahun)s") % {"tahun": tahun},
                        nilai=_("%(n)s responden") % {"n": format_angka(Decimal(n), 0)},
                        keterangan=keterangan_capaian(Decimal(n), ind.target_teks),
                        sumber=_("SKM tahun %(tahun)s: %(n)s periode survei")
                        % {"tahun": tahun, "n": b["n_periode"]}
                        + catatan,
                        tautan=reverse("surveys:tahunan", args=[unit_id, tahun]),
                        angka=Decimal(n),
                        tanggal=_sampai_hari_ini(tahun),
                    )
                )

    if TINDAK_LANJUT in per_jenis:
        p = persentase_tindak_lanjut(unit_id, tahun)
        if p.jumlah:
            for ind in per_jenis[TINDAK_LANJUT]:
                hasil.setdefault(ind.jalur, []).append(
                    NilaiOtomatis(
                        judul=_("Tindak lanjut SKM %(tahun)s") % {"tahun": tahun},
                        nilai=f"{format_angka(p.persen, 2)}%",
                        keterangan=keterangan_capaian(p.persen, ind.target_teks),
                        sumber=_(
                            "%(selesai)s dari %(jumlah)s rencana tindak lanjut selesai "
                            "(%(periode)s periode survei tahun %(tahun)s)"
                        )
                        % {"selesai": p.selesai, "jumlah": p.jumlah, "periode": p.periode, "tahun": tahun},
                        tautan=reverse("surveys:tahunan", args=[unit_id, tahun]),
                        angka=p.persen,
                        tanggal=_sampai_hari_ini(tahun),
                    )
                )
    return hasil
