"""Review rules on the cascade (PK-CAS): does the PK support its superior's, and can the units' targets
reach it? They run only on a stored PK, whose place in the cascade (`Konteks.jenjang`) is known.

The evaluator's first question in a SAKIP evaluation (PermenPANRB 88/2021, component Perencanaan
Kinerja, "cascading"): is each sasaran of a unit aligned with a sasaran of the level above.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from kinerja.domain.cascading import IndikatorJenjang, Jenjang, PKJenjang, SasaranJenjang, satuan_jumlah
from kinerja.domain.review_inti import Draf, Konteks, aturan
from kinerja.domain.review_teks import desimal, tepat


def _jenjang(k: Konteks) -> Jenjang | None:
    """The cascade view when it matches the PK reviewed row for row (else the rules stay silent)."""
    j = k.jenjang
    if j is None or len(j.pk.sasaran) != len(k.pk.sasaran):
        return None
    if any(len(a.indikator) != len(b.indikator) for a, b in zip(j.pk.sasaran, k.pk.sasaran, strict=True)):
        return None
    return j


def _posisi(j: Jenjang) -> dict[int, tuple[int, int]]:
    """indikator id → (si, ii) in the PK reviewed."""
    return {i.id: (si, ii) for si, s in enumerate(j.pk.sasaran) for ii, i in enumerate(s.indikator)}


def _mendukung_atasan(s: SasaranJenjang, atasan: PKJenjang) -> bool:
    sasaran = {x.id for x in atasan.sasaran}
    indikator = {i.id for _, i in atasan.semua_indikator()}
    return s.mendukung in sasaran or any(i.mendukung in indikator for i in s.indikator)


@aturan("PK-CAS-001", "peringatan", "Sasaran strategis tidak mendukung PK atasan")
def sasaran_tanpa_induk(k: Konteks) -> Iterator[Draf]:
    """A sasaran strategis of a PK derived from a superior's PK that supports nothing of it."""
    j = _jenjang(k)
    if j is None or j.atasan is None:
        return
    for si, s in enumerate(j.pk.sasaran):
        if s.tingkat != "strategis" or _mendukung_atasan(s, j.atasan):
            continue
        lok = k.lokasi_sasaran(si)
        yield Draf(
            pesan=(
                f"Sasaran strategis “{s.uraian}” tidak tertaut ke sasaran atau indikator mana pun di "
                f"{j.atasan.label}, tempat PK ini diturunkan."
            ),
            lokasi=(lok,),
            nilai={lok.jalur: s.uraian},
            saran=(
                "Pilih sasaran atau indikator PK atasan yang didukung sasaran ini (kolom “Mendukung” di "
                "halaman ubah), atau pertimbangkan apakah sasaran ini memang sasaran unit."
            ),
        )


def _didukung(pk: PKJenjang, bawahan: tuple[PKJenjang, ...]) -> set[int]:
    """Ids of `pk`'s indikator that some child PK supports: named by an indikator, or the only
    indikator of a sasaran that a child sasaran names."""
    sasaran = {s.id: s for s in pk.sasaran}
    hasil: set[int] = set()
    for anak in bawahan:
        for s in anak.sasaran:
            induk = sasaran.get(s.mendukung) if s.mendukung is not None else None
            if induk is not None and len(induk.indikator) == 1:
                hasil.add(induk.indikator[0].id)
            hasil.update(i.mendukung for i in s.indikator if i.mendukung is not None)
    return hasil


@aturan("PK-CAS-002", "info", "Indikator yang belum didukung PK bawahan")
def indikator_tanpa_pendukung(k: Konteks) -> Iterator[Draf]:
    """On a PK that others derive from: each indikator that none of them supports."""
    j = _jenjang(k)
    if j is None or not j.bawahan:
        return
    didukung = _didukung(j.pk, j.bawahan)
    unit = ", ".join(sorted({b.label for b in j.bawahan}))
    for si, s in enumerate(j.pk.sasaran):
        for ii, i in enumerate(s.indikator):
            if i.id in didukung:
                continue
            lok = k.lokasi_indikator(si, ii)
            yield Draf(
                pesan=(
                    f"Indikator “{i.uraian}” belum didukung oleh PK bawahan mana pun "
                    f"({len(j.bawahan)} PK diturunkan dari PK ini: {unit})."
                ),
                lokasi=(lok,),
                nilai={lok.jalur: i.uraian},
                saran=(
                    "Pastikan ada unit yang bertanggung jawab atas indikator ini: turunkan ke PK unit di "
                    "bawahnya, atau catat bahwa pimpinan sendiri yang mencapainya."
                ),
            )


def _pendukung(pks: list[PKJenjang], induk: IndikatorJenjang, satuan: str) -> list[tuple[PKJenjang, Decimal]]:
    """The targets, in the same satuan, of the indikator of `pks` that support `induk`."""
    hasil = []
    for pk in pks:
        for _, i in pk.semua_indikator():
            nilai = desimal(i.target.nilai)
            if i.mendukung == induk.id and nilai is not None and satuan_jumlah(i.target.satuan) == satuan:
                hasil.append((pk, nilai))
    return hasil


@aturan("PK-CAS-003", "peringatan", "Target unit bawahan tidak mencapai target atasan")
def jumlah_tidak_mencapai(k: Konteks) -> Iterator[Draf]:
    """Counts of the same thing that, summed over the supporting units, cannot reach the parent's target."""
    j = _jenjang(k)
    if j is None or j.atasan is None:
        return
    induk_id = {i.id: i for _, i in j.atasan.semua_indikator()}
    posisi = _posisi(j)
    for _, i in j.pk.semua_indikator():
        induk = induk_id.get(i.mendukung) if i.mendukung is not None else None
        if induk is None:
            continue
        satuan = satuan_jumlah(induk.target.satuan)
        target_induk = desimal(induk.target.nilai)
        if satuan is None or target_induk is None or satuan_jumlah(i.target.satuan) != satuan:
            continue
        semua = _pendukung([j.pk, *j.saudara], induk, satuan)
        total = sum((v for _, v in semua), Decimal(0))
        negatif = induk.polaritas == "negatif"
        if (total >= target_induk) if not negatif else (total <= target_induk):
            continue
        si, ii = posisi[i.id]
        lok = k.lokasi_indikator(si, ii)
        rincian = "; ".join(f"{pk.label}: {tepat(v)}" for pk, v in semua)
        arah = "kurang dari" if not negatif else "melebihi"
        yield Draf(
            pesan=(
                f"Target “{i.uraian}” ({tepat(desimal(i.target.nilai) or Decimal(0))} {satuan}), bersama "
                f"unit lain yang mendukung indikator yang sama, berjumlah {tepat(total)} {satuan}: {arah} "
                f"target atasan “{induk.uraian}” {tepat(target_induk)} {satuan} di {j.atasan.label} "
                f"({rincian})."
            ),
            lokasi=(lok,),
            nilai={lok.jalur: i.target.teks, "target_atasan": tepat(target_induk), "jumlah": tepat(total)},
            saran=(
                "Sesuaikan target unit-unit pendukung agar bersama-sama mencapai target atasan, atau "
                "tautkan unit lain yang ikut mendukungnya."
            ),
        )
