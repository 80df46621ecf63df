"""The results of a period as the results page, the PDF and the DOCX report show them.

`data_hasil(periode)` reads a constant number of queries whatever the number of responses: the closed
period's snapshots (or, while open, its aggregates), one GROUP BY for the respondent profile, the unit's
earlier snapshots for the trend and the follow-ups. Numbers stay Decimals; templates format them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy

from kinerja.domain import predikat, sampling
from kinerja.domain.ikm import HasilIKM, IKMError, daftar_unsur, gabung_periode, gabung_unit
from kinerja.domain.numbers import bulatkan
from kinerja.surveys import svg
from kinerja.surveys.kuesioner import PROFIL
from kinerja.surveys.models import (
    Agregat,
    OpsiProfil,
    PeriodeSurvei,
    Respons,
    SnapshotIKM,
    TindakLanjut,
    UnsurPeriode,
)
from kinerja.surveys.services import Rekap

JUDUL_PROFIL = {
    "jenis_kelamin": gettext_lazy("Jenis kelamin"),
    "umur": gettext_lazy("Umur"),
    "pendidikan": gettext_lazy("Pendidikan terakhir"),
    "pekerjaan": gettext_lazy("Pekerjaan"),
}
TIDAK_MENGISI = gettext_lazy("Tidak mengisi")
TREN_MAKS = 8


def hasil_dari_snapshot(s: SnapshotIKM) -> HasilIKM:
    """The frozen HasilIKM of a snapshot (from its stored to_json())."""
    h = s.hasil or {}
    nrr = {k: Decimal(v) for k, v in (h.get("nrr") or s.nrr).items()}
    tertimbang = {k: Decimal(v) for k, v in (h.get("nrr_tertimbang") or {}).items()}
    if not tertimbang:
        w = Decimal(1) / Decimal(len(nrr))
        tertimbang = {k: v * w for k, v in nrr.items()}
    return HasilIKM(
        nrr=MappingProxyType(nrr),
        nrr_tertimbang=MappingProxyType(tertimbang),
        nilai_interval=Decimal(h.get("nilai_interval") or s.nilai_interval),
        ikm=s.nilai,
        mutu=s.mutu,
        kinerja=s.kinerja,
        jumlah_responden=s.jumlah_responden,
        penimbang=s.penimbang,  # type: ignore[arg-type]
        regime=s.regime,  # type: ignore[arg-type]
    )


def ambang_ni(regime: str) -> list[svg.Ambang]:
    """Where mutu C, B and A start on the 1–4 scale (PermenPANRB 14/2017 table)."""
    tabel = predikat._tabel_ikm(regime)
    return [svg.Ambang(b.ni_bawah, b.mutu) for b in tabel if b.mutu != "D"]


def ambang_konversi(regime: str) -> list[svg.Ambang]:
    tabel = predikat._tabel_ikm(regime)
    return [
        svg.Ambang(b.nik_bawah, f"{b.mutu} ≥ {str(b.nik_bawah).replace('.', ',')}")
        for b in tabel
        if b.mutu != "D"
    ]


@dataclass
class BarisUnsur:
    kode: str
    nama: str
    nrr: Decimal
    nrr_tertimbang: Decimal
    mutu: str
    kinerja: str
    peringkat: int  # 1 = lowest NRR

    @property
    def nrr_konversi(self) -> Decimal:
        return bulatkan(self.nrr * 25, 2)


@dataclass
class TabelProfil:
    kunci: str
    judul: str
    baris: list[tuple[str, int, Decimal]]  # label, count, percent of the respondents
    jumlah: int


@dataclass
class BarisLayanan:
    nama: str
    responden: int
    ikm: Decimal | None
    mutu: str
    kinerja: str
    catatan: str = ""


@dataclass
class TitikTren:
    judul: str
    nilai: Decimal
    mutu: str
    ini: bool
    sementara: bool = False


@dataclass
class DataHasil:
    periode: PeriodeSurvei
    final: bool
    snapshot: SnapshotIKM | None
    hasil: HasilIKM | None
    galat: str = ""
    responden: int = 0
    unsur: list[BarisUnsur] = field(default_factory=list)
    kecukupan: sampling.Kecukupan | None = None
    profil: list[TabelProfil] = field(default_factory=list)
    layanan: list[BarisLayanan] = field(default_factory=list)
    tren: list[TitikTren] = field(default_factory=list)
    tindak_lanjut: list[TindakLanjut] = field(default_factory=list)
    svg_nrr: str = ""
    svg_tren: str = ""

    @property
    def terendah(self) -> list[BarisUnsur]:
        """The weakest unsur (up to three, lowest first): what the follow-up plan addresses."""
        return self.unsur[:3]

    @property
    def unsur_urut_kode(self) -> list[BarisUnsur]:
        urutan = {u.kode: i for i, u in enumerate(daftar_unsur(self.periode.regime))}  # type: ignore[arg-type]
        return sorted(self.unsur, key=lambda b: urutan.get(b.kode, 99))


def _persen(n: int, total: int) -> Decimal:
    return bulatkan(Decimal(n) * 100 / Decimal(total), 2) if total else Decimal(0)


def _profil(periode: PeriodeSurvei, agregat: dict[int, Agregat], responden: int) -> list[TabelProfil]:
    # One GROUP BY over the four profile columns; the margins are summed here (≤ a few hundred groups).
    baris = Respons.objects.filter(periode=periode).order_by().values(*PROFIL).annotate(n=Count("pk"))
    hitung: dict[str, Counter] = {p: Counter() for p in PROFIL}
    for b in baris:
        for p in PROFIL:
            hitung[p][b[p] or ""] += b["n"]
    urutan: dict[str, list[str]] = {p: [] for p in PROFIL}
    for o in OpsiProfil.objects.filter(unit_id=periode.unit_id).order_by("pertanyaan", "urutan", "pk"):
        urutan.setdefault(o.pertanyaan, []).append(o.label)
    tabel = []
    for p in PROFIL:
        c = hitung[p]
        label = [x for x in urutan.get(p, []) if c.get(x)] + sorted(
            x for x in c if x and x not in urutan.get(p, [])
        )
        rows = [(x, c[x], _persen(c[x], responden)) for x in label]
        if c.get(""):
            rows.append((TIDAK_MENGISI, c[""], _persen(c[""], responden)))
        tabel.append(TabelProfil(p, JUDUL_PROFIL.get(p, p), rows, responden))
    # Jenis layanan from the aggregates (one row per layanan).
    rows = []
    tercatat = 0
    for kunci, a in sorted(
        agregat.items(), key=lambda kv: (kv[1].jenis_layanan.urutan if kv[1].jenis_layanan else 0, kv[0])
    ):
        if kunci == Agregat.SEMUA:
            continue
        rows.append((a.jenis_layanan.nama, a.responden, _persen(a.responden, responden)))
        tercatat += a.responden
    if rows:
        if responden - tercatat > 0:
            rows.append((TIDAK_MENGISI, responden - tercatat, _persen(responden - tercatat, responden)))
        tabel.append(TabelProfil("jenis_layanan", gettext_lazy("Jenis layanan"), rows, responden))
    return tabel


def data_hasil(periode: PeriodeSurvei, *, dengan_grafik: bool = True) -> DataHasil:
    """Everything the results page and the report show for one period (closed: frozen; open: interim)."""
    final = periode.status == PeriodeSurvei.Status.DITUTUP
    snapshots = list(SnapshotIKM.objects.filter(periode=periode)) if final else []
    semua_s = next((s for s in snapshots if s.jenis_layanan_id is None), None)
    agregat = {a.kunci: a for a in Agregat.objects.filter(periode=periode).select_related("jenis_layanan")}
    semua_a = agregat.get(Agregat.SEMUA)
    kodes = periode.kode_unsur
    d = DataHasil(periode=periode, final=final and semua_s is not None, snapshot=semua_s, hasil=None)
    if semua_s is not None:
        d.hasil = hasil_dari_snapshot(semua_s)
        d.responden = semua_s.jumlah_responden
    elif semua_a is not None and semua_a.responden:
        d.responden = semua_a.responden
        try:
            d.hasil = Rekap(semua_a.responden, semua_a.jumlah(kodes), semua_a.cacah(kodes)).hasil(periode)
        except IKMError as exc:
            d.galat = str(exc)
    else:
        d.galat = "Belum ada respons."
    if periode.populasi:
        d.kecukupan = sampling.kecukupan(d.responden, periode.populasi)

    nama = dict(UnsurPeriode.objects.filter(periode=periode).values_list("kode", "nama"))
    if d.hasil is not None:
        mutu = d.hasil.mutu_unsur()
        for i, (kode, nilai) in enumerate(d.hasil.unsur_terendah(), start=1):
            d.unsur.append(
                BarisUnsur(
                    kode=kode,
                    nama=nama.get(kode) or d.hasil.nama_unsur(kode),
                    nrr=nilai,
                    nrr_tertimbang=d.hasil.nrr_tertimbang[kode],
                    mutu=mutu[kode].mutu,
                    kinerja=mutu[kode].kinerja,
                    peringkat=i,
                )
            )

    d.profil = _profil(periode, agregat, d.responden) if d.responden else []

    per_layanan_s = {s.jenis_layanan_id: s for s in snapshots if s.jenis_layanan_id is not None}
    for kunci, a in sorted(
        agregat.items(), key=lambda kv: (kv[1].jenis_layanan.urutan if kv[1].jenis_layanan else 0, kv[0])
    ):
        if kunci == Agregat.SEMUA:
            continue
        s = per_layanan_s.get(kunci)
        if s is not None:
            d.layanan.append(
                BarisLayanan(a.jenis_layanan.nama, s.jumlah_responden, s.nilai, s.mutu, s.kinerja)
            )
            continue
        try:
            h = Rekap(a.responden, a.jumlah(kodes), a.cacah(kodes)).hasil(periode)
        except IKMError:
            d.layanan.append(
                BarisLayanan(
                    a.jenis_layanan.nama, a.responden, None, "", "", gettext_lazy("ada unsur tanpa jawaban")
                )
            )
        else:
            d.layanan.append(
                BarisLayanan(
                    a.jenis_layanan.nama, a.responden, h.ikm, h.mutu, h.kinerja, "" if final else "sementara"
                )
            )

    sebelumnya = list(
        SnapshotIKM.objects.semua_layanan()
        .filter(unit_id=periode.unit_id, tanggal_selesai__lte=periode.tanggal_selesai)
        .exclude(periode=periode)
        .select_related("periode")
        .order_by("-tanggal_selesai", "-pk")[: TREN_MAKS - 1]
    )
    d.tren = [TitikTren(s.periode.judul, s.nilai, s.mutu, False) for s in reversed(sebelumnya)]
    if d.hasil is not None:
        d.tren.append(TitikTren(periode.judul, d.hasil.ikm, d.hasil.mutu, True, sementara=not d.final))

    d.tindak_lanjut = list(TindakLanjut.objects.filter(periode=periode).order_by("target_waktu", "pk"))

    if dengan_grafik and d.unsur:
        d.svg_nrr = svg.batang_nrr(
            [(f"{b.kode} {b.nama}", b.nrr, b.mutu) for b in d.unsur],
            ambang=ambang_ni(periode.regime),
            judul=f"NRR per unsur, {periode.judul} (terendah di atas)",
        )
    if dengan_grafik and d.tren:
        d.svg_tren = svg.garis_tren(
            [(t.judul + (" (sementara)" if t.sementara else ""), t.nilai) for t in d.tren],
            judul=f"Tren IKM {periode.unit.nama}",
            ambang=ambang_konversi(periode.regime),
        )
    return d


# --------------------------------------------------------------------------------------------------
# A unit's year: its periods, the annual figure, and its child units' mean
# --------------------------------------------------------------------------------------------------

URUTAN_JENIS = ("tahun", "semester", "triwulan", "custom")


@dataclass
class Tahunan:
    """A unit's annual IKM from its closed periods of the year."""

    unit_id: int
    nama: str
    snapshot: list[SnapshotIKM]
    dipakai: list[SnapshotIKM]  # the periods the annual figure averages
    hasil: HasilIKM | None
    galat: str = ""


def tahunan_dari(unit_id: int, nama: str, snapshots: list[SnapshotIKM]) -> Tahunan:
    """Annual figure: a closed yearly period if any; else the mean of its semesters (gabung_periode);
    else of its triwulan; else of its other periods. Never mixes kinds of period."""
    if not snapshots:
        return Tahunan(unit_id, nama, [], [], None, "Belum ada periode yang ditutup.")
    dipakai: list[SnapshotIKM] = []
    for jenis in URUTAN_JENIS:
        dipakai = [s for s in snapshots if s.periode.jenis == jenis]
        if dipakai:
            break
    if len(dipakai) > 1 and dipakai[0].periode.jenis == "tahun":
        dipakai = dipakai[:1]
    try:
        hasil = gabung_periode([hasil_dari_snapshot(s) for s in dipakai])
    except IKMError as exc:
        return Tahunan(unit_id, nama, snapshots, dipakai, None, str(exc))
    return Tahunan(unit_id, nama, snapshots, dipakai, hasil)


def data_tahunan(unit, tahun: int) -> dict[str, Any]:
    """The unit's own annual figure and the mean of the units below it that ran surveys (gabung_unit).

    Two queries: every whole-period snapshot of the subtree ending in `tahun`, and nothing else.
    """
    semua = list(
        SnapshotIKM.objects.semua_layanan()
        .filter(unit__jalur__startswith=unit.jalur, tanggal_selesai__year=tahun)
        .select_related("periode", "unit")
        .order_by("unit__jalur", "tanggal_mulai", "pk")
    )
    per_unit: dict[int, list[SnapshotIKM]] = {}
    nama: dict[int, str] = {}
    for s in semua:
        per_unit.setdefault(s.unit_id, []).append(s)
        nama[s.unit_id] = s.unit.nama
    sendiri = tahunan_dari(unit.pk, unit.nama, per_unit.pop(unit.pk, []))
    anak = [tahunan_dari(uid, nama[uid], ss) for uid, ss in per_unit.items()]
    gabungan, galat = None, ""
    bisa = [t.hasil for t in anak if t.hasil is not None]
    if bisa:
        try:
            gabungan = gabung_unit(bisa)
        except IKMError as exc:
            galat = str(exc)
    svg_unit = ""
    if len(bisa) > 0:
        svg_unit = svg.batang_nrr(
            [
                (t.nama, t.hasil.ikm, t.hasil.mutu)
                for t in sorted(anak, key=lambda t: t.hasil.ikm if t.hasil else 0)
                if t.hasil
            ],
            ambang=ambang_konversi(bisa[0].regime),
            judul=f"IKM unit pelayanan {unit.nama} {tahun}",
            id_="grafik-unit",
            skala=(Decimal(25), Decimal(100)),
            sumbu="IKM (skala 25–100)",
        )
    return {
        "sendiri": sendiri,
        "anak": anak,
        "gabungan": gabungan,
        "galat_gabungan": galat,
        "svg_unit": svg_unit,
    }
