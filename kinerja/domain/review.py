"""Review of a Perjanjian Kinerja: every inconsistency a careful Inspektorat reviewer would find, explained.

    from kinerja.domain import pk_text, review
    [pk] = pk_text.parse(text)
    for t in review.review(pk):
        print(t.tingkat, t.kode, t.pesan, t.saran)

Each finding (`Temuan`) has a stable code, a level (`galat` = wrong, must fix; `peringatan` = probably
wrong, check; `info` = worth knowing), an Indonesian message naming the places and the values in conflict,
the places themselves (`Lokasi`, with a `jalur` anchor into the PK) and a suggested fix. The rules live in
review_ttd (signatories), review_target (targets), review_struktur (structure) and review_hukum (legal
basis); docs/review.md lists them. Pure Python: the same review runs on a parsed file and on a PK built
from the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from kinerja.domain import review_hukum, review_jenjang, review_struktur, review_target, review_ttd
from kinerja.domain.cascading import Jenjang
from kinerja.domain.pk import NaskahPK
from kinerja.domain.review_inti import (
    ATURAN,
    URUTAN_TINGKAT,
    Aturan,
    Draf,
    Konteks,
    Lokasi,
    Opsi,
    Temuan,
    Tingkat,
    aturan,
)
from kinerja.domain.review_katalog import Katalog, KatalogError, Peraturan

__all__ = [
    "ATURAN",
    "Aturan",
    "Draf",
    "Katalog",
    "KatalogError",
    "Lokasi",
    "Opsi",
    "Peraturan",
    "Temuan",
    "Tingkat",
    "aturan",
    "daftar_aturan",
    "review",
]

# The rule modules register their rules on import.
_MODUL_ATURAN = (review_ttd, review_target, review_struktur, review_hukum, review_jenjang)

KODE_SISTEM = "PK-SYS-001"


def daftar_aturan() -> list[Aturan]:
    """Every registered rule, by code."""
    return [ATURAN[k] for k in sorted(ATURAN)]


def _pilih(kode: Iterable[str] | None) -> list[Aturan]:
    if kode is None:
        return daftar_aturan()
    if isinstance(kode, str):
        kode = [kode]
    dipilih: dict[str, Aturan] = {}
    for k in kode:
        k = k.strip().upper()
        cocok = [a for a in daftar_aturan() if a.kode == k or a.keluarga == k]
        if not cocok:
            raise ValueError(
                f"Aturan {k!r} tidak dikenal: gunakan kode seperti PK-TTD-001 atau keluarga PK-TTD, PK-TGT, "
                "PK-STR, PK-HKM, PK-CAS"
            )
        dipilih.update((a.kode, a) for a in cocok)
    return [dipilih[k] for k in sorted(dipilih)]


def review(
    pk: NaskahPK,
    *,
    katalog: Katalog | None = None,
    kode: Iterable[str] | None = None,
    opsi: Opsi | None = None,
    jenjang: Jenjang | None = None,
) -> list[Temuan]:
    """Run the rules (all, or those whose code or family is in `kode`) on a PK; findings sorted galat →
    peringatan → info, then in document order. A rule that fails becomes an `info` finding PK-SYS-001
    instead of stopping the review. `jenjang` (a stored PK's place in the cascade) turns on the PK-CAS
    rules."""
    konteks = Konteks(
        pk,
        katalog if katalog is not None else Katalog.bawaan(),
        opsi if opsi is not None else Opsi(),
        jenjang,
    )
    hasil: list[Temuan] = []
    for a in _pilih(kode):
        try:
            draf = list(a.fungsi(konteks))
        except Exception as exc:  # a broken rule must never stop the review
            hasil.append(
                Temuan(
                    kode=KODE_SISTEM,
                    tingkat="info",
                    pesan=f"Aturan {a.kode} gagal dijalankan ({type(exc).__name__}: {exc}); temuannya tidak ada di daftar ini.",
                    lokasi=(),
                    nilai={"aturan": a.kode, "galat": f"{type(exc).__name__}: {exc}"},
                    saran="Laporkan dokumen ini kepada pengembang kinerja; periksa hal yang dicek aturan ini secara manual.",
                )
            )
            continue
        hasil.extend(Temuan(a.kode, a.tingkat, d.pesan, d.lokasi, d.nilai, d.saran) for d in draf)

    def urutan(t: Temuan) -> tuple[int, int, str]:
        baris = min((konteks.baris_urut(lok) for lok in t.lokasi), default=2_000_000)
        return (URUTAN_TINGKAT[t.tingkat], baris, t.kode)

    return sorted(hasil, key=urutan)
