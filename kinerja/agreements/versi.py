"""PK versions (PK perubahan, PermenPANRB 53/2014): making a new version, the chain, comparing two.

A published PK may be revised when (a) the official is replaced or moved, (b) the strategy changes
(programme, activity or budget allocation, typically after the APBD-Perubahan) or (c) priorities or
assumptions change significantly. "Buat perubahan" makes a new draft version linked to the published
one (`menggantikan`), from a file or as a copy; when it is published, the old one becomes *diganti*
(`alur.terbitkan`). Any number of versions per year; at most one open successor per PK.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.agreements.alur import (
    IZIN_PERUBAHAN,
    IsianKurang,
    StatusTidakSesuai,
    TidakBerhak,
    boleh,
)
from kinerja.agreements.domain_pk import to_domain, to_domain_banyak
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program, Sasaran, Status
from kinerja.domain import pk as d
from kinerja.domain.pk_beda import BedaPK, beda
from kinerja.riwayat.models import catat

ALASAN = PerjanjianKinerja.AlasanPerubahan


def buat_perubahan(
    perjanjian: PerjanjianKinerja,
    oleh,
    *,
    alasan: str,
    keterangan: str = "",
    data: d.NaskahPK | None = None,
    sumber: str | None = None,
    sha256: str | None = None,
) -> PerjanjianKinerja:
    """A new draft version of a published PK, from `data` (a parsed file) or as a copy of it.

    `alasan` is the regulation's reason a, b or c; `keterangan` says what happened (required for c).
    """
    from kinerja.agreements.services import import_pk

    keterangan = (keterangan or "").strip()
    if alasan not in ALASAN.values:
        raise IsianKurang(_("Pilih alasan perubahan: a, b atau c (PermenPANRB 53/2014)."))
    if alasan == ALASAN.PERUBAHAN_PRIORITAS and not keterangan:
        raise IsianKurang(_("Alasan c memerlukan keterangan: tuliskan perubahan prioritas atau asumsinya."))
    with transaction.atomic():
        lama = (
            PerjanjianKinerja.objects.select_for_update(of=("self",))
            .select_related("unit", "unit__induk")
            .get(pk=perjanjian.pk)
        )
        _periksa(lama, oleh)
        naskah_lama = to_domain(lama)
        naskah = replace(data if data is not None else naskah_lama, jenis="perubahan", alasan_perubahan=None)
        if data is None:
            naskah = replace(naskah, catatan=(), rencana_aksi=())
        hasil = import_pk(
            naskah,
            oleh=oleh,
            sumber=sumber if data is not None else _("salinan PK #%d") % lama.pk,
            sha256=sha256,
            menggantikan=lama,
            catat_impor=data is not None,
        )
        baru = hasil.perjanjian
        baru.alasan_perubahan = alasan
        baru.alasan_perubahan_keterangan = keterangan
        baru.save(update_fields=["alasan_perubahan", "alasan_perubahan_keterangan", "diperbarui_pada"])
        _salin_yang_tak_tertulis(lama, naskah_lama, baru, naskah)
        catat(
            baru,
            "pk.perubahan.buat",
            oleh=oleh,
            ke=baru.status,
            catatan=f"{ALASAN(alasan).label}" + (f": {keterangan}" if keterangan else ""),
            data={
                "menggantikan": lama.pk,
                "versi": baru.versi,
                "alasan": alasan,
                "dari_berkas": data is not None,
            },
        )
    return baru


def _periksa(lama: PerjanjianKinerja, oleh) -> None:
    if oleh is None or not getattr(oleh, "is_authenticated", False) or not boleh(oleh, IZIN_PERUBAHAN, lama):
        nama = oleh.get_username() if getattr(oleh, "is_authenticated", False) else _("Pengguna ini")
        raise TidakBerhak(
            _("%(user)s tidak berhak membuat PK perubahan untuk %(unit)s.")
            % {"user": nama, "unit": lama.unit}
        )
    if lama.status != Status.DITERBITKAN:
        raise StatusTidakSesuai(
            _("PK perubahan dibuat dari PK yang diterbitkan; PK ini berstatus %s.")
            % lama.get_status_display()
        )
    terbuka = lama.pengganti.exclude(status=Status.DICABUT).first()
    if terbuka is not None:
        raise StatusTidakSesuai(
            _("Sudah ada PK perubahan versi %(versi)d (%(status)s) dari PK ini: lanjutkan di /pk/%(id)d/.")
            % {"versi": terbuka.versi, "status": terbuka.get_status_display(), "id": terbuka.pk}
        )


@dataclass(frozen=True)
class PasanganBaris:
    """The rows of a new version paired with the rows they continue in the old one (by `beda`)."""

    sasaran: list[tuple[Sasaran, Sasaran]]
    indikator: list[tuple[Indikator, Indikator]]
    program: list[tuple[Program, Program]]


def pasangan_baris(
    lama: PerjanjianKinerja,
    baru: PerjanjianKinerja,
    naskah_lama: d.NaskahPK | None = None,
    naskah_baru: d.NaskahPK | None = None,
) -> PasanganBaris:
    """Which sasaran, indikator and program row of `baru` continues which of `lama` (rows added or
    dropped have no pair). Used to carry what the text does not hold, and the year's monitoring."""
    perbedaan = beda(naskah_lama or to_domain(lama), naskah_baru or to_domain(baru))
    urut_lama = _indikator_urut(lama)
    urut_baru = _indikator_urut(baru)
    sasaran_lama = list(lama.sasaran.order_by("urutan", "id"))
    sasaran_baru = list(baru.sasaran.order_by("urutan", "id"))
    program_lama = list(lama.program.order_by("urutan", "id"))
    program_baru = list(baru.program.order_by("urutan", "id"))
    return PasanganBaris(
        sasaran=[
            (sasaran_lama[x], sasaran_baru[y])
            for x, y in perbedaan.sasaran
            if x is not None and y is not None and x < len(sasaran_lama) and y < len(sasaran_baru)
        ],
        indikator=[
            (urut_lama[x], urut_baru[y])
            for x, y in perbedaan.indikator
            if x is not None and y is not None and x in urut_lama and y in urut_baru
        ],
        program=[
            (program_lama[x], program_baru[y])
            for x, y in perbedaan.program
            if x is not None and y is not None and x < len(program_lama) and y < len(program_baru)
        ],
    )


def _salin_yang_tak_tertulis(
    lama: PerjanjianKinerja, naskah_lama: d.NaskahPK, baru: PerjanjianKinerja, naskah_baru: d.NaskahPK
) -> None:
    """A row of the new version keeps what the text does not carry of the row it continues (paired by
    beda): an indikator its polaritas and cascade link, a sasaran its cascade link."""
    pasangan = pasangan_baris(lama, baru, naskah_lama, naskah_baru)
    pasangan_i, pasangan_s = pasangan.indikator, pasangan.sasaran
    # A link inside the old version (a sasaran program under its sasaran strategis) moves to the new one.
    indikator_baru = {a.pk: b.pk for a, b in pasangan_i}
    sasaran_baru_id = {a.pk: b.pk for a, b in pasangan_s}
    ubah = []
    for asal, ind in pasangan_i:
        mendukung = indikator_baru.get(asal.mendukung_id, asal.mendukung_id)
        if (ind.polaritas, ind.mendukung_id) != (asal.polaritas, mendukung):
            ind.polaritas, ind.mendukung_id = asal.polaritas, mendukung
            ubah.append(ind)
    Indikator.objects.bulk_update(ubah, ["polaritas", "mendukung"])
    ubah_sasaran = []
    for asal_s, s in pasangan_s:
        mendukung = sasaran_baru_id.get(asal_s.mendukung_id, asal_s.mendukung_id)
        if s.mendukung_id != mendukung:
            s.mendukung_id = mendukung
            ubah_sasaran.append(s)
    Sasaran.objects.bulk_update(ubah_sasaran, ["mendukung"])


def _indikator_urut(perjanjian: PerjanjianKinerja) -> dict[tuple[int, int], Indikator]:
    hasil: dict[tuple[int, int], Indikator] = {}
    sasaran: dict[int, int] = {}
    hitung: dict[int, int] = {}
    for ind in (
        Indikator.objects.filter(sasaran__perjanjian=perjanjian)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    ):
        s = sasaran.setdefault(ind.sasaran_id, len(sasaran))
        hasil[(s, hitung.get(s, 0))] = ind
        hitung[s] = hitung.get(s, 0) + 1
    return hasil


@dataclass(frozen=True)
class VersiPK:
    """One version of a PK in its chain, for the page's list."""

    id: int
    versi: int
    jenis: str
    status: str
    label_status: str
    ini: bool


def rantai(perjanjian: PerjanjianKinerja) -> list[VersiPK]:
    """Every version in this PK's chain, oldest first (one query: the unit's PKs of the year)."""
    semua = {
        p.pk: p
        for p in PerjanjianKinerja.objects.filter(unit_id=perjanjian.unit_id, tahun=perjanjian.tahun).only(
            "pk", "versi", "jenis", "status", "menggantikan_id"
        )
    }
    akar = semua.get(perjanjian.pk, perjanjian)
    while akar.menggantikan_id in semua:
        akar = semua[akar.menggantikan_id]
    anak = {p.menggantikan_id: p for p in semua.values() if p.menggantikan_id and p.status != Status.DICABUT}
    for p in semua.values():
        if p.menggantikan_id:
            anak.setdefault(p.menggantikan_id, p)
    hasil = []
    kini: PerjanjianKinerja | None = akar
    dilihat: set[int] = set()
    while kini is not None and kini.pk not in dilihat:
        dilihat.add(kini.pk)
        hasil.append(
            VersiPK(
                id=kini.pk,
                versi=kini.versi,
                jenis=kini.jenis,
                status=kini.status,
                label_status=kini.get_status_display(),
                ini=kini.pk == perjanjian.pk,
            )
        )
        kini = anak.get(kini.pk)
    return hasil


def bandingkan(a: PerjanjianKinerja, b: PerjanjianKinerja) -> BedaPK:
    """What changed from PK `a` to PK `b` (any two stored PKs; usually two versions)."""
    na, nb = to_domain_banyak([a, b])
    return beda(na, nb)
