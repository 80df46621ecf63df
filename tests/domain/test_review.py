"""The PK review core: findings and their JSON, order, rule selection, failing rules, the registry.

Also the shared helpers of the rule tests (test_review_*.py): the hand-corrected seed as the correct
base document, small edits of it, and the table-driven checker `periksa`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pytest

from kinerja.domain import pk_text
from kinerja.domain.pk import Indikator, NaskahPK, Penjelasan, Sasaran, TandaTangan
from kinerja.domain.review import ATURAN, Aturan, Draf, Lokasi, Opsi, Temuan, daftar_aturan, review

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
BENAR = Path(__file__).resolve().parent / "fixtures" / "pk-bajeng-2024-benar.txt"


# --- shared helpers --------------------------------------------------------------------------------------


@lru_cache
def teks_benar() -> str:
    return BENAR.read_text(encoding="utf-8")


@lru_cache
def pk_benar() -> NaskahPK:
    """The seed corrected by hand: consistent names, NIPs, targets, dates and citations."""
    [pk] = pk_text.parse(teks_benar())
    return pk


@lru_cache
def pk_seed() -> NaskahPK:
    [pk] = pk_text.parse(SEED.read_text(encoding="utf-8"))
    return pk


def pk_dari(*ganti: tuple[str, str]) -> NaskahPK:
    """The correct PK with some printed text replaced (every old text must be found)."""
    teks = teks_benar()
    for lama, baru in ganti:
        assert lama in teks, f"teks {lama!r} tidak ada di fixture"
        teks = teks.replace(lama, baru)
    [pk] = pk_text.parse(teks)
    return pk


def ganti_ttd(pk: NaskahPK, i: int, **ubah: object) -> NaskahPK:
    ttd = list(pk.tanda_tangan)
    ttd[i] = replace(ttd[i], **ubah)  # type: ignore[arg-type]
    return replace(pk, tanda_tangan=tuple(ttd))


def ganti_indikator(pk: NaskahPK, si: int, ii: int, **ubah: object) -> NaskahPK:
    sasaran = list(pk.sasaran)
    ind = list(sasaran[si].indikator)
    ind[ii] = replace(ind[ii], **ubah)  # type: ignore[arg-type]
    sasaran[si] = replace(sasaran[si], indikator=tuple(ind))
    return replace(pk, sasaran=tuple(sasaran))


def ganti_target(pk: NaskahPK, si: int, ii: int, teks: str) -> NaskahPK:
    return ganti_indikator(pk, si, ii, target=pk_text.parse_target(teks))


def ganti_penjelasan(pk: NaskahPK, pi: int, **ubah: object) -> NaskahPK:
    pj = list(pk.penjelasan)
    pj[pi] = replace(pj[pi], **ubah)  # type: ignore[arg-type]
    return replace(pk, penjelasan=tuple(pj))


def ringkas(temuan: Iterable[Temuan]) -> str:
    """All findings, one per line, for assertion messages."""
    return "\n".join(
        f"  {t.tingkat} {t.kode} {[lok.jalur for lok in t.lokasi]} {dict(t.nilai)}\n      {t.pesan}"
        for t in temuan
    )


@dataclass(frozen=True)
class Kasus:
    """One row of a rule's table: a PK, and the finding the rule must give on it (or none)."""

    id: str
    kode: str
    pk: Callable[[], NaskahPK]
    jalur: tuple[str, ...] | None = None  # the places named, exactly (order free); None: not checked
    nilai: dict[str, str] = field(default_factory=dict)  # values that must be in `nilai`
    pesan: tuple[str, ...] = ()  # fragments of the message
    saran: tuple[str, ...] = ()  # fragments of the suggestion
    jumlah: int = 1  # findings of this code; 0 = the rule stays silent
    opsi: Opsi | None = None


def periksa(kasus: Kasus) -> list[Temuan]:
    """Run one rule on the case's PK and check its findings against the row."""
    hasil = review(kasus.pk(), kode=[kasus.kode], opsi=kasus.opsi)
    assert len(hasil) == kasus.jumlah, (
        f"{kasus.kode}: {len(hasil)} temuan, harap {kasus.jumlah}\n{ringkas(hasil)}"
    )
    if not hasil:
        return hasil
    t = hasil[0]
    assert t.kode == kasus.kode and t.tingkat == ATURAN[kasus.kode].tingkat
    if kasus.jalur is not None:
        assert sorted(lok.jalur for lok in t.lokasi) == sorted(kasus.jalur), ringkas(hasil)
    for k, v in kasus.nilai.items():
        assert t.nilai.get(k) == v, f"nilai[{k!r}] = {t.nilai.get(k)!r}, harap {v!r}\n{ringkas(hasil)}"
    for s in kasus.pesan:
        assert s in t.pesan, f"{s!r} tidak ada di pesan:\n{t.pesan}"
    for s in kasus.saran:
        assert s in t.saran, f"{s!r} tidak ada di saran:\n{t.saran}"
    # Every finding names its places with labels and names the values; the suggestion is concrete.
    for lok in t.lokasi:
        assert lok.label and lok.jalur and lok.bagian
    assert t.saran.strip()
    return hasil


# --- the core ------------------------------------------------------------------------------------------------


def test_every_rule_is_registered_with_a_stable_code_level_and_docstring():
    kode = [a.kode for a in daftar_aturan()]
    assert kode == sorted(kode)
    assert {a.keluarga for a in daftar_aturan()} == {"PK-TTD", "PK-TGT", "PK-STR", "PK-HKM", "PK-CAS"}
    for a in daftar_aturan():
        assert re.fullmatch(r"PK-(TTD|TGT|STR|HKM|CAS)-\d{3}", a.kode)
        assert a.tingkat in {"galat", "peringatan", "info"}
        assert a.judul and a.fungsi.__doc__, a.kode


@pytest.mark.parametrize("kode", sorted(ATURAN))
def test_every_rule_is_silent_on_the_corrected_seed(kode):
    hasil = [t for t in review(pk_benar(), kode=[kode]) if t.kode != "PK-STR-003"]
    assert hasil == [], ringkas(hasil)


def test_temuan_to_json_has_exactly_the_documented_keys():
    t = Temuan(
        kode="PK-TTD-001",
        tingkat="galat",
        pesan="Nama berbeda",
        lokasi=(Lokasi("pernyataan", "Pernyataan, identitas Pihak Pertama", "pihak_pertama", None),),
        nilai={"pihak_pertama": "A"},
        saran="Samakan.",
    )
    data = t.to_json()
    assert list(data) == ["kode", "tingkat", "pesan", "lokasi", "nilai", "saran"]
    assert data["lokasi"] == [
        {
            "bagian": "pernyataan",
            "label": "Pernyataan, identitas Pihak Pertama",
            "jalur": "pihak_pertama",
            "baris": None,
        }
    ]
    assert data["nilai"] == {"pihak_pertama": "A"}
    hash(t)  # findings can go in sets despite the mapping field


def test_findings_are_sorted_by_level_then_document_order():
    hasil = review(pk_seed())
    urut = [{"galat": 0, "peringatan": 1, "info": 2}[t.tingkat] for t in hasil]
    assert urut == sorted(urut), ringkas(hasil)
    galat = [t for t in hasil if t.tingkat == "galat"]
    baris = [min(lok.baris for lok in t.lokasi if lok.baris is not None) for t in galat]
    assert baris == sorted(baris), ringkas(galat)


def test_rules_can_be_selected_by_code_or_family():
    assert {t.kode for t in review(pk_seed(), kode=["PK-TTD-001"])} == {"PK-TTD-001"}
    assert {t.kode for t in review(pk_seed(), kode=["pk-hkm"])} == {"PK-HKM-001", "PK-HKM-002", "PK-HKM-003"}
    assert review(pk_seed(), kode=[]) == []
    with pytest.raises(ValueError, match="tidak dikenal"):
        review(pk_seed(), kode=["PK-XXX-999"])


def test_a_failing_rule_becomes_an_info_finding_and_the_review_goes_on(monkeypatch):
    def rusak(_k):
        yield Draf("sebagian", ())
        raise RuntimeError("pecah")

    monkeypatch.setitem(ATURAN, "PK-TTD-999", Aturan("PK-TTD-999", "galat", "Aturan rusak", rusak))
    hasil = review(pk_seed())
    sys = [t for t in hasil if t.kode == "PK-SYS-001"]
    assert len(sys) == 1
    assert sys[0].tingkat == "info"
    assert "PK-TTD-999" in sys[0].pesan and "RuntimeError" in sys[0].pesan
    assert sys[0].nilai["aturan"] == "PK-TTD-999"
    assert not any(t.kode == "PK-TTD-999" for t in hasil)  # a half-finished rule reports nothing
    assert any(t.kode == "PK-TTD-001" for t in hasil)  # the other rules still ran
    assert hasil[-1].kode == "PK-SYS-001" or all(t.tingkat == "info" for t in hasil[hasil.index(sys[0]) :])


def test_rule_registration_refuses_bad_codes_and_levels():
    from kinerja.domain.review import aturan

    with pytest.raises(ValueError):
        aturan("TTD-1", "galat", "x")
    with pytest.raises(ValueError):
        aturan("PK-TTD-998", "fatal", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sudah dipakai"):
        aturan("PK-TTD-001", "galat", "x")(lambda k: iter(()))


def test_review_of_an_empty_pk_reports_nothing_and_does_not_fail():
    assert review(NaskahPK(tahun=None)) == []


def test_places_use_the_documented_jalur_shapes():
    pola = re.compile(
        r"^(?:pihak_(?:pertama|kedua)|tanggal|total_anggaran|tanda_tangan\[\d+\]|program\[\d+\]"
        r"|sasaran\[\d+\](?:\.indikator\[\d+\])?"
        r"|penjelasan\[\d+\](?:\.(?:target|penjelasan_target|uraian_sasaran|jumlah_indikator_tertulis)"
        r"|\.dasar_hukum\[\d+\]|\.baseline\[\d+\])?)$"
    )
    for t in review(pk_seed()):
        for lok in t.lokasi:
            assert pola.match(lok.jalur), lok
            assert lok.bagian in {
                "pernyataan",
                "lampiran_1",
                "lampiran_2",
                "tabel_kinerja",
                "program",
                "dasar_hukum",
            }


@pytest.mark.parametrize(
    ("jalur", "baris"),
    [
        ("penjelasan[1].dasar_hukum[0]", "penjelasan[1]"),
        ("penjelasan[0].penjelasan_target", "penjelasan[0]"),
        ("sasaran[0].indikator[1]", "sasaran[0].indikator[1]"),
        ("tanda_tangan[3]", "tanda_tangan[3]"),
    ],
)
def test_jalur_baris_is_the_row_anchor(jalur, baris):
    assert Lokasi("lampiran_2", "x", jalur).jalur_baris == baris


def test_docs_describe_every_rule():
    doc = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    for a in daftar_aturan():
        assert a.kode in doc, f"{a.kode} tidak ada di docs/review.md"
        baris = [b for b in doc.splitlines() if b.startswith(f"| {a.kode} |")]
        assert len(baris) == 1, f"{a.kode}: harus tepat satu baris tabel di docs/review.md"
        assert f"| {a.tingkat} |" in baris[0], (
            f"tingkat {a.tingkat} untuk {a.kode} tidak tertulis di docs/review.md"
        )


def test_helpers_build_valid_variants():
    pk = ganti_target(pk_benar(), 0, 0, "88,35 (B)")
    assert pk.sasaran[0].indikator[0].target.predikat == "B"
    pk = ganti_ttd(pk_benar(), 3, nama="X")
    assert pk.tanda_tangan[3].nama == "X"
    assert isinstance(pk.tanda_tangan[3], TandaTangan)
    assert dataclasses.is_dataclass(Sasaran) and dataclasses.is_dataclass(Indikator)
    assert isinstance(ganti_penjelasan(pk_benar(), 0, target="A").penjelasan[0], Penjelasan)
