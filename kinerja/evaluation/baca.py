"""Reading an evaluation for its page, the LHE and the pemda's list, in a fixed number of queries.

`lembar(ev)` gives every criterion with both sides' answers, its evidence, the evidence kinerja
proposes from its own records, and the consistency warnings; the score so far (or the stored one).
`usulan_bukti(ev)` looks for those records: the unit's PK of the year, its rencana aksi, realisasi
entered every triwulan, an IKM of a closed SKM period, the LKjIP.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.agreements.models import PerjanjianKinerja, Status
from kinerja.domain import sakip
from kinerja.domain.numbers import format_angka
from kinerja.domain.tanggal import format_tanggal
from kinerja.evaluation.models import BuktiJawaban, Evaluasi, Jawaban, Rekomendasi, StatusEvaluasi


@dataclass(frozen=True)
class Usulan:
    """A record of kinerja proposed as a criterion's evidence."""

    jenis: str  # sakip.BUKTI_OTOMATIS
    judul: str
    tautan: str


@dataclass(frozen=True)
class _Rekaman:
    pk: PerjanjianKinerja | None
    rencana: bool
    triwulan_terisi: frozenset[int]
    capaian_terisi: Decimal | None
    ikm: object | None


def _pk_tahun(unit_id: int, tahun: int) -> PerjanjianKinerja | None:
    return (
        PerjanjianKinerja.objects.filter(
            unit_id=unit_id, tahun=tahun, status__in=(Status.DITANDATANGANI, Status.DITERBITKAN)
        )
        .order_by("-status", "-id")
        .first()
    )


def _rekaman(ev: Evaluasi) -> _Rekaman:
    """What the unit's records of the evaluated year show (five queries, whatever their size)."""
    from kinerja.agreements.models import Indikator
    from kinerja.monitoring.models import Realisasi, RencanaIndikator
    from kinerja.surveys.models import SnapshotIKM

    pk = _pk_tahun(ev.unit_id, ev.tahun)
    rencana, terisi, capaian = False, frozenset(), None
    if pk is not None:
        rencana = RencanaIndikator.objects.filter(indikator__sasaran__perjanjian=pk).exists()
        per_tw = dict(
            Realisasi.objects.filter(indikator__sasaran__perjanjian=pk)
            .exclude(nilai__isnull=True, predikat="")
            .values_list("triwulan")
            .annotate(n=Count("id"))
        )
        n_ind = Indikator.objects.filter(sasaran__perjanjian=pk).count()
        terisi = frozenset(per_tw)
        jalan = _triwulan_berjalan(ev.tahun)
        if n_ind and jalan:
            isi = sum(n for tw, n in per_tw.items() if tw <= jalan)
            capaian = Decimal(isi) / (n_ind * jalan)
    ikm = (
        SnapshotIKM.objects.semua_layanan().filter(unit_id=ev.unit_id, tanggal_selesai__year=ev.tahun).first()
    )
    return _Rekaman(pk, rencana, terisi, capaian, ikm)


def _triwulan_berjalan(tahun: int, hari_ini: date | None = None) -> int:
    """How many triwulan of `tahun` have ended (4 for a past year)."""
    hari_ini = hari_ini or timezone.localdate()
    if hari_ini.year > tahun:
        return 4
    if hari_ini.year < tahun:
        return 0
    return (hari_ini.month - 1) // 3


def _usulan_per_jenis(r: _Rekaman) -> dict[str, Usulan]:
    u: dict[str, Usulan] = {}
    if r.pk is not None:
        pk_url = reverse("agreements:pk_detail", args=[r.pk.pk])
        u["pk"] = Usulan(
            "pk",
            _("Perjanjian Kinerja %(tahun)s (%(status)s)")
            % {"tahun": r.pk.tahun, "status": r.pk.get_status_display()},
            pk_url,
        )
        if r.rencana:
            u["rencana_aksi"] = Usulan(
                "rencana_aksi",
                _("Rencana aksi (target triwulan) PK %s") % r.pk.tahun,
                reverse("monitoring:rencana", args=[r.pk.pk]),
            )
        if r.triwulan_terisi >= {1, 2, 3, 4}:
            u["realisasi"] = Usulan(
                "realisasi",
                _("Realisasi diisi setiap triwulan (TW I–IV %s)") % r.pk.tahun,
                reverse("monitoring:pk", args=[r.pk.pk]),
            )
            u["lkjip"] = Usulan(
                "lkjip",
                _("LKjIP %s (capaian setahun)") % r.pk.tahun,
                reverse("monitoring:lkjip", args=[r.pk.pk]),
            )
    if r.ikm is not None:
        ikm = r.ikm
        u["ikm"] = Usulan(
            "ikm",
            _("IKM %(nilai)s (%(mutu)s), SKM sampai %(tgl)s")
            % {
                "nilai": format_angka(ikm.nilai),
                "mutu": ikm.mutu,
                "tgl": format_tanggal(ikm.tanggal_selesai),
            },
            reverse("surveys:tahunan", args=[ikm.unit_id, ikm.tanggal_selesai.year]),
        )
    return u


def usulan_bukti(ev: Evaluasi, rekaman: _Rekaman | None = None) -> dict[str, list[Usulan]]:
    """criterion code → the records proposed as its evidence (only criteria that name one)."""
    per_jenis = _usulan_per_jenis(rekaman or _rekaman(ev))
    hasil: dict[str, list[Usulan]] = {}
    for k in ev.instrumen.domain.kriteria:
        ada = [per_jenis[j] for j in k.bukti_otomatis if j in per_jenis]
        if ada:
            hasil[k.kode] = ada
    return hasil


# ---------------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisKriteria:
    kriteria: sakip.Kriteria
    jawaban: Jawaban
    bukti: tuple[BuktiJawaban, ...]
    usulan: tuple[Usulan, ...]
    peringatan: tuple[sakip.PeringatanLKE, ...]
    pilihan: tuple[str, ...]

    @property
    def beda(self) -> bool:
        """The evaluator adjusted the unit's answer."""
        return bool(self.jawaban.direviu and self.jawaban.jawaban_evaluator)


@dataclass(frozen=True)
class BarisSub:
    sub: sakip.Subkomponen
    hasil: sakip.HasilSubkomponen
    baris: tuple[BarisKriteria, ...]


@dataclass(frozen=True)
class BarisKomponen:
    komponen: sakip.Komponen
    hasil: sakip.HasilKomponen
    hasil_unit: sakip.HasilKomponen
    sub: tuple[BarisSub, ...]
    catatan: str


@dataclass(frozen=True)
class Lembar:
    evaluasi: Evaluasi
    instrumen: sakip.Instrumen
    komponen: tuple[BarisKomponen, ...]
    nilai: sakip.NilaiSAKIP  # the answers that count (the evaluator's where he adjusted)
    nilai_unit: sakip.NilaiSAKIP  # the unit's own answers
    peringatan: tuple[sakip.PeringatanLKE, ...]
    rekomendasi: tuple[Rekomendasi, ...]
    dijawab: int
    direviu: int
    disesuaikan: int
    capaian_terisi: Decimal | None

    @property
    def jumlah(self) -> int:
        return len(self.instrumen.kriteria)


def lembar(ev: Evaluasi) -> Lembar:
    """Everything the evaluation page shows (a fixed number of queries, whatever the instrument)."""
    ins = ev.instrumen.domain
    jawaban = {j.kriteria: j for j in Jawaban.objects.filter(evaluasi=ev)}
    bukti: dict[int, list[BuktiJawaban]] = defaultdict(list)
    for b in BuktiJawaban.objects.filter(jawaban__evaluasi=ev):
        bukti[b.jawaban_id].append(b)
    rek = _rekaman(ev)
    usulan = usulan_bukti(ev, rek)
    akhir = {k: j.jawaban_akhir for k, j in jawaban.items()}
    unit_saja = {k: j.jawaban_unit for k, j in jawaban.items()}
    ada_bukti = frozenset(k for k, j in jawaban.items() if bukti.get(j.pk))
    keadaan = sakip.KeadaanBukti(ada_bukti=ada_bukti, capaian_terisi=rek.capaian_terisi)
    peringatan = sakip.periksa_konsistensi(ins, akhir, keadaan)
    per_kriteria: dict[str, list[sakip.PeringatanLKE]] = defaultdict(list)
    for p in peringatan:
        per_kriteria[p.kriteria].append(p)
    nilai, nilai_unit = sakip.hitung(ins, akhir), sakip.hitung(ins, unit_saja)
    komponen = []
    for km, hk, hu in zip(ins.komponen, nilai.komponen, nilai_unit.komponen, strict=True):
        subs = []
        for s, hs in zip(km.subkomponen, hk.subkomponen, strict=True):
            baris = tuple(
                BarisKriteria(
                    k,
                    jawaban[k.kode],
                    tuple(bukti.get(jawaban[k.kode].pk, ())),
                    tuple(usulan.get(k.kode, ())),
                    tuple(per_kriteria.get(k.kode, ())),
                    ins.pilihan(k),
                )
                for k in s.kriteria
            )
            subs.append(BarisSub(s, hs, baris))
        komponen.append(BarisKomponen(km, hk, hu, tuple(subs), ev.catatan_komponen.get(km.kode, "")))
    semua = list(jawaban.values())
    return Lembar(
        evaluasi=ev,
        instrumen=ins,
        komponen=tuple(komponen),
        nilai=nilai,
        nilai_unit=nilai_unit,
        peringatan=tuple(peringatan),
        rekomendasi=tuple(Rekomendasi.objects.filter(evaluasi=ev)),
        dijawab=sum(1 for j in semua if j.jawaban_unit),
        direviu=sum(1 for j in semua if j.direviu),
        disesuaikan=sum(1 for j in semua if j.direviu and j.jawaban_evaluator),
        capaian_terisi=rek.capaian_terisi,
    )


# ---------------------------------------------------------------------------------------------------
# The pemda's list
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisDaftar:
    evaluasi: Evaluasi
    lalu: Evaluasi | None

    @property
    def perubahan(self) -> Decimal | None:
        if self.evaluasi.nilai is None or self.lalu is None or self.lalu.nilai is None:
            return None
        return self.evaluasi.nilai - self.lalu.nilai


def daftar(user, tahun: int) -> list[BarisDaftar]:
    """Every evaluation of `tahun` the user may view, with the unit's final one of the year before
    (two queries)."""
    from kinerja.units.permissions import unit_filter

    q = unit_filter(user, "view", prefix="unit__")
    qs = Evaluasi.objects.select_related("unit")
    if q is not None:
        qs = qs.filter(q)
    ini = list(qs.filter(tahun=tahun).order_by("unit__jalur"))
    lalu = {
        e.unit_id: e
        for e in qs.filter(tahun=tahun - 1, status=StatusEvaluasi.FINAL, unit_id__in=[e.unit_id for e in ini])
    }
    return [BarisDaftar(e, lalu.get(e.unit_id)) for e in ini]


def lalu(ev: Evaluasi) -> Evaluasi | None:
    """The unit's final evaluation of the year before."""
    return Evaluasi.objects.filter(
        unit_id=ev.unit_id, tahun=ev.tahun - 1, status=StatusEvaluasi.FINAL
    ).first()
