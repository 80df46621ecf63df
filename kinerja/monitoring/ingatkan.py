"""Reminders (docs/monitoring-lembar.md, "Pengingat"): per unit with a monitored PK of the year, what is
missing in the triwulan that have begun — realisasi not entered, returned by the verifikator, without
evidence, not verified — and how late it is; late units first. Used by `kinerja monitoring ingatkan`,
which prints it and, with `--kirim`, emails each unit's operators.

Read in a constant number of queries whatever the number of units (PKs, indikator, rencana,
realisasi, settings, operators), through the same reading layer as the dashboards
(`kinerja.monitoring.ringkasan`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.agreements.models import Indikator, PerjanjianKinerja
from kinerja.domain import pantau
from kinerja.domain.tanggal import format_tanggal
from kinerja.monitoring import ringkasan as rk
from kinerja.monitoring.layanan import STATUS_DIPANTAU
from kinerja.monitoring.models import PengaturanPantau
from kinerja.units.models import UnitRole

# A deadline this many days away (or fewer) is "near": said so, and the unit is listed before others.
HARI_DEKAT = 7
JENIS = ("belum_diisi", "dikembalikan", "tanpa_bukti", "belum_diverifikasi")


def label_jenis(jenis: str) -> str:
    return {
        "belum_diisi": _("belum diisi"),
        "dikembalikan": _("dikembalikan verifikator"),
        "tanpa_bukti": _("tanpa bukti"),
        "belum_diverifikasi": _("belum diverifikasi"),
    }.get(jenis, jenis)


@dataclass(frozen=True)
class KurangTriwulan:
    """What one triwulan of a unit's PK still lacks, and its deadline."""

    triwulan: int
    tenggat: date
    terlambat_hari: int  # days past the deadline (0: not past)
    sisa_hari: int  # days until the deadline (0: today or past)
    butir: tuple[rk.Kekurangan, ...]

    @property
    def jumlah(self) -> dict[str, int]:
        hasil = dict.fromkeys(JENIS, 0)
        for k in self.butir:
            hasil[k.jenis] = hasil.get(k.jenis, 0) + 1
        return {j: n for j, n in hasil.items() if n}

    @property
    def dekat(self) -> bool:
        return not self.terlambat_hari and self.sisa_hari <= HARI_DEKAT

    @property
    def keterangan(self) -> str:
        """ "terlambat 5 hari", "tenggat hari ini", "tenggat dalam 3 hari", "tenggat 10 Juli 2024"."""
        if self.terlambat_hari:
            return (
                ngettext("terlambat %d hari", "terlambat %d hari", self.terlambat_hari) % self.terlambat_hari
            )
        if self.sisa_hari == 0:
            return _("tenggat hari ini")
        if self.sisa_hari <= HARI_DEKAT:
            return ngettext("tenggat dalam %d hari", "tenggat dalam %d hari", self.sisa_hari) % self.sisa_hari
        return _("tenggat %s") % format_tanggal(self.tenggat)

    @property
    def tenggat_teks(self) -> str:
        """ "tenggat 10 April 2024, terlambat 5 hari", "tenggat dalam 3 hari, 10 April 2024",
        "tenggat 10 Juli 2024"."""
        d = format_tanggal(self.tenggat)
        if self.terlambat_hari:
            return _("tenggat %(d)s, %(ket)s") % {"d": d, "ket": self.keterangan}
        if self.dekat:
            return _("%(ket)s, %(d)s") % {"d": d, "ket": self.keterangan}
        return self.keterangan

    @property
    def ringkas(self) -> str:
        """ "2 belum diisi, 1 tanpa bukti"."""
        return ", ".join(f"{n} {label_jenis(j)}" for j, n in self.jumlah.items())


@dataclass(frozen=True)
class Pengingat:
    """One unit's monitored PK and what its triwulan still lack (empty: complete)."""

    unit_id: int
    unit: str
    jalur: str
    perjanjian_id: int
    tahun: int
    triwulan: tuple[KurangTriwulan, ...]
    penerima: tuple[str, ...]  # the e-mail addresses of the unit's operators

    @property
    def lengkap(self) -> bool:
        return not self.triwulan

    @property
    def terlambat_hari(self) -> int:
        return max((t.terlambat_hari for t in self.triwulan), default=0)

    @property
    def sisa_hari(self) -> int | None:
        """Days until the nearest deadline not yet past (None: every one is past, or nothing is missing)."""
        return min((t.sisa_hari for t in self.triwulan if not t.terlambat_hari), default=None)

    @property
    def keterangan(self) -> str:
        if self.lengkap:
            return _("lengkap")
        if self.terlambat_hari:
            return next(t.keterangan for t in self.triwulan if t.terlambat_hari == self.terlambat_hari)
        return min(self.triwulan, key=lambda t: t.sisa_hari).keterangan

    @property
    def urutan(self) -> tuple:
        """Late units first (most late first), then a near deadline (nearest first), then the rest."""
        if self.terlambat_hari:
            return (0, -self.terlambat_hari, self.jalur)
        sisa = self.sisa_hari
        if sisa is not None and sisa <= HARI_DEKAT:
            return (1, sisa, self.jalur)
        return (2 if not self.lengkap else 3, 0, self.jalur)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "unit_id": self.unit_id,
            "perjanjian_id": self.perjanjian_id,
            "tahun": self.tahun,
            "lengkap": self.lengkap,
            "terlambat_hari": self.terlambat_hari,
            "keterangan": self.keterangan,
            "triwulan": [
                {
                    "triwulan": t.triwulan,
                    "tenggat": t.tenggat.isoformat(),
                    "terlambat_hari": t.terlambat_hari,
                    "sisa_hari": t.sisa_hari,
                    "keterangan": t.tenggat_teks,
                    "jumlah": t.jumlah,
                    "kekurangan": [{"jenis": k.jenis, "indikator": k.indikator} for k in t.butir],
                }
                for t in self.triwulan
            ],
            "penerima": list(self.penerima),
        }


def tahun_bawaan(hari_ini: date) -> int:
    """The year reminded by default: the current one, but in January the previous one (its TW IV is
    due on the 10th of January)."""
    return hari_ini.year - 1 if hari_ini.month == 1 else hari_ini.year


def ingatkan(tahun: int, hari_ini: date | None = None, unit_q: Q | None = None) -> list[Pengingat]:
    """Every unit with a monitored PK of `tahun` (the newest version per unit), with what is missing
    in the triwulan begun by `hari_ini`; late units first. `unit_q` narrows the units (a
    `unit_filter`; None: all). A constant number of queries."""
    hari_ini = hari_ini or timezone.localdate()
    pks = PerjanjianKinerja.objects.filter(tahun=tahun, status__in=STATUS_DIPANTAU).select_related("unit")
    if unit_q is not None:
        pks = pks.filter(unit_q)
    per_unit: dict[int, PerjanjianKinerja] = {}
    for p in pks.order_by("unit__jalur", "-versi"):
        per_unit.setdefault(p.unit_id, p)  # a perubahan replaces the murni only when published
    if not per_unit:
        return []
    ids = [p.pk for p in per_unit.values()]
    indikator = list(
        Indikator.objects.filter(sasaran__perjanjian_id__in=ids)
        .order_by("sasaran__urutan", "urutan", "pk")
        .values(*rk.KOLOM_INDIKATOR, "sasaran__perjanjian_id")
    )
    rencana = rk.rencana_per_indikator(Q(indikator__sasaran__perjanjian_id__in=ids))
    realisasi = rk.realisasi_per_indikator(Q(indikator__sasaran__perjanjian_id__in=ids))
    atur = {a.unit_id: a for a in PengaturanPantau.objects.all()}
    per_pk: dict[int, list[dict]] = defaultdict(list)
    for ind in indikator:
        per_pk[ind["sasaran__perjanjian_id"]].append(ind)
    penerima: dict[int, list[str]] = defaultdict(list)
    for unit_id, email in (
        UnitRole.objects.filter(
            unit_id__in=list(per_unit), peran=UnitRole.Peran.OPERATOR, user__is_active=True
        )
        .exclude(user__email="")
        .order_by("unit_id", "user__email")
        .values_list("unit_id", "user__email")
    ):
        if email not in penerima[unit_id]:
            penerima[unit_id].append(email)
    hasil = []
    for p in per_unit.values():
        a = atur.get(p.unit.akar_id or p.unit_id) or PengaturanPantau()
        baris = [
            rk.baris_indikator(i, rencana.get(i["id"]), realisasi.get(i["id"], {}), a.batas)
            for i in per_pk[p.pk]
        ]
        keadaan = rk.keadaan_ringan(tahun, a.hari_tenggat, hari_ini)
        kurang = rk.kekurangan(baris, keadaan, hari_ini)
        triwulan = []
        for k in keadaan:
            # The most pressing kind first (not entered, returned, …), in the PK's order within a kind.
            butir = tuple(
                sorted((x for x in kurang if x.triwulan == k.triwulan), key=lambda x: JENIS.index(x.jenis))
            )
            if not butir:
                continue
            selisih = (hari_ini - k.tenggat).days
            triwulan.append(KurangTriwulan(k.triwulan, k.tenggat, max(selisih, 0), max(-selisih, 0), butir))
        hasil.append(
            Pengingat(
                unit_id=p.unit_id,
                unit=str(p.unit.nama),
                jalur=p.unit.jalur,
                perjanjian_id=p.pk,
                tahun=tahun,
                triwulan=tuple(triwulan),
                penerima=tuple(penerima.get(p.unit_id, ())),
            )
        )
    return sorted(hasil, key=lambda x: x.urutan)


# ---------------------------------------------------------------------------------------------------
# Text and e-mail
# ---------------------------------------------------------------------------------------------------


def _alamat(path: str) -> str:
    base = getattr(settings, "KINERJA_BASE_URL", None)
    return f"{base}{path}" if base else path


def format_teks(pengingat: Sequence[Pengingat], tahun: int, hari_ini: date) -> str:
    """The reminders as printed by the command (units with nothing missing are only counted)."""
    kurang = [p for p in pengingat if not p.lengkap]
    baris = [
        _(
            "Pengingat realisasi kinerja %(tahun)s per %(tanggal)s: %(kurang)s belum lengkap, %(lengkap)s lengkap."
        )
        % {
            "tahun": tahun,
            "tanggal": format_tanggal(hari_ini),
            "kurang": ngettext("%d unit", "%d unit", len(kurang)) % len(kurang),
            "lengkap": ngettext("%d unit", "%d unit", len(pengingat) - len(kurang))
            % (len(pengingat) - len(kurang)),
        }
    ]
    if not pengingat:
        baris.append(_("Tidak ada PK yang dipantau untuk tahun %s.") % tahun)
    for p in kurang:
        baris.append("")
        baris.append(f"{p.unit} — {p.keterangan}")
        for t in p.triwulan:
            baris.append(
                "  "
                + _("%(tw)s (%(tenggat)s): %(ringkas)s")
                % {"tw": pantau.nama_triwulan(t.triwulan), "tenggat": t.tenggat_teks, "ringkas": t.ringkas}
            )
            for k in t.butir:
                baris.append(f"    - {label_jenis(k.jenis)}: {k.indikator}")
        if p.penerima:
            baris.append("  " + _("Operator: %s") % ", ".join(p.penerima))
        else:
            baris.append("  " + _("Operator: tidak ada operator dengan alamat surel"))
    return "\n".join(baris)


def surel(p: Pengingat, hari_ini: date) -> tuple[str, str]:
    """The subject and body of a unit's reminder."""
    subjek = _("[kinerja] Realisasi kinerja %(unit)s %(tahun)s: %(ket)s") % {
        "unit": p.unit,
        "tahun": p.tahun,
        "ket": p.keterangan,
    }
    isi = [
        _("Yth. operator %s,") % p.unit,
        "",
        _("pemantauan kinerja %(tahun)s per %(tanggal)s mencatat isian yang belum lengkap:")
        % {"tahun": p.tahun, "tanggal": format_tanggal(hari_ini)},
    ]
    for t in p.triwulan:
        isi += [
            "",
            _("%(tw)s (%(tenggat)s): %(ringkas)s")
            % {"tw": pantau.nama_triwulan(t.triwulan), "tenggat": t.tenggat_teks, "ringkas": t.ringkas},
        ]
        isi += [f"- {label_jenis(k.jenis)}: {k.indikator}" for k in t.butir]
        isi.append(
            _("Isi dan ajukan di: %s")
            % _alamat(reverse("monitoring:triwulan", args=[p.perjanjian_id, t.triwulan]))
        )
    isi += ["", _("Pesan ini dikirim otomatis oleh kinerja (kinerja monitoring ingatkan).")]
    return subjek, "\n".join(isi)


@dataclass(frozen=True)
class HasilKirim:
    unit: str
    penerima: tuple[str, ...]
    galat: str = ""  # why it was not sent ("" when sent)


def kirim(pengingat: Sequence[Pengingat], hari_ini: date) -> list[HasilKirim]:
    """E-mail each unit with something missing to its operators (one message per unit, through
    Django's `send_mail` and the configured EMAIL_BACKEND)."""
    hasil = []
    for p in pengingat:
        if p.lengkap:
            continue
        if not p.penerima:
            hasil.append(HasilKirim(p.unit, (), _("tidak ada operator dengan alamat surel")))
            continue
        subjek, isi = surel(p, hari_ini)
        try:
            send_mail(subjek, isi, None, list(p.penerima), fail_silently=False)
        except Exception as e:  # SMTP refused, server down: reported per unit, the others still sent
            hasil.append(HasilKirim(p.unit, p.penerima, str(e) or type(e).__name__))
        else:
            hasil.append(HasilKirim(p.unit, p.penerima))
    return hasil
