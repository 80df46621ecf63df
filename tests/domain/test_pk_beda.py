"""Pairing two versions of a PK row by row, and what changed between them (kinerja.domain.pk_beda)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kinerja.domain import pk as d
from kinerja.domain.pk_beda import beda, pasangkan
from tests.conftest import build_pk_data

# (old keys, new keys, expected pairs (old index, new index); None = added / removed)
PASANGAN = [
    ("same", "ABC", "ABC", [(0, 0), (1, 1), (2, 2)]),
    ("nothing", "", "", []),
    ("all new", "", "AB", [(None, 0), (None, 1)]),
    ("all gone", "AB", "", [(0, None), (1, None)]),
    ("inserted at the front", "ABC", "XABC", [(None, 0), (0, 1), (1, 2), (2, 3)]),
    ("one removed", "ABC", "AC", [(0, 0), (2, 1), (1, None)]),
    ("one renamed: paired by position", "ABC", "AXC", [(0, 0), (1, 1), (2, 2)]),
    ("renamed and appended", "ABC", "AXCD", [(0, 0), (1, 1), (2, 2), (None, 3)]),
    # B lies between A and C; X is before A: X is new, B becomes Y (same gap), not X.
    ("gaps decide, not indices", "ABC", "XAYC", [(None, 0), (0, 1), (1, 2), (2, 3)]),
    ("reordered rows keep their pair", "ABC", "CAB", [(2, 0), (0, 1), (1, 2)]),
    ("duplicates pair in order", "AAB", "AAB", [(0, 0), (1, 1), (2, 2)]),
    ("two renamed in one gap", "ABCD", "AXYD", [(0, 0), (1, 1), (2, 2), (3, 3)]),
    ("gap with more new than old", "AD", "AXYD", [(0, 0), (None, 1), (None, 2), (1, 3)]),
]


@pytest.mark.parametrize(("lama", "baru", "harapan"), [p[1:] for p in PASANGAN], ids=[p[0] for p in PASANGAN])
def test_pasangkan(lama: str, baru: str, harapan: list[tuple[int | None, int | None]]) -> None:
    hasil = pasangkan(list(lama), list(baru))
    assert hasil == harapan
    # Every old and every new index appears exactly once.
    assert sorted(i for i, _ in hasil if i is not None) == list(range(len(lama)))
    assert sorted(j for _, j in hasil if j is not None) == list(range(len(baru)))


def _ganti_target(pk: d.NaskahPK, s: int, i: int, teks: str, nilai: str) -> d.NaskahPK:
    sasaran = list(pk.sasaran)
    indikator = list(sasaran[s].indikator)
    indikator[i] = replace(indikator[i], target=replace(indikator[i].target, teks=teks, nilai=Decimal(nilai)))
    sasaran[s] = replace(sasaran[s], indikator=tuple(indikator))
    return replace(pk, sasaran=tuple(sasaran))


def test_the_same_pk_has_no_changes() -> None:
    pk = build_pk_data(n_indikator=5)
    hasil = beda(pk, pk)
    assert hasil.perubahan == ()
    assert all(i == j for i, j in hasil.indikator)


def test_one_target_changed_is_one_change_of_one_field() -> None:
    lama = build_pk_data(n_indikator=5)
    baru = _ganti_target(lama, 1, 0, "95%", "95")
    hasil = beda(lama, baru)
    [p] = hasil.perubahan
    assert (p.kode, p.lama, p.baru) == ("pk.indikator.ubah", (1, 0), (1, 0))
    assert [(b.bidang, b.lama, b.baru) for b in p.bidang] == [("target", "100%", "95%")]
    assert all(i == j for i, j in hasil.indikator)


def test_line_numbers_do_not_count() -> None:
    lama = build_pk_data(n_indikator=3)
    baru = replace(lama, sasaran=tuple(replace(s, baris=(s.baris or 0) + 7) for s in lama.sasaran))
    assert beda(lama, baru).perubahan == ()


def test_added_removed_and_renamed_program() -> None:
    lama = build_pk_data(n_indikator=3)
    program = list(lama.program)
    program[1] = replace(program[1], nama="Program Pemberdayaan Masyarakat", anggaran=Decimal("1.00"))
    program.append(d.Program(nama="Program Baru", anggaran=Decimal("5.00")))
    del program[0]
    baru = replace(lama, program=tuple(program))
    kode = [(p.kode, p.lama, p.baru) for p in beda(lama, baru).perubahan]
    assert kode == [
        ("pk.program.ubah", (1,), (0,)),
        ("pk.program.tambah", None, (2,)),
        ("pk.program.hapus", (0,), None),
    ]
    ubah = beda(lama, baru).perubahan[0]
    assert [b.bidang for b in ubah.bidang] == ["nama", "anggaran"]
    assert ubah.bidang[1].lama == "1521097505.00" and ubah.bidang[1].baru == "1.00"


def test_an_indicator_moved_to_another_sasaran_keeps_its_pair() -> None:
    lama = build_pk_data(n_indikator=4)
    s = list(lama.sasaran)
    pindah = s[1].indikator[0]
    s[1] = replace(s[1], indikator=())
    s[3] = replace(s[3], indikator=(*s[3].indikator, pindah))
    baru = replace(lama, sasaran=tuple(s))
    hasil = beda(lama, baru)
    assert ((1, 0), (3, 1)) in hasil.indikator
    [p] = [p for p in hasil.perubahan if p.bagian == "indikator"]
    assert p.kode == "pk.indikator.ubah"
    assert [b.bidang for b in p.bidang] == ["sasaran"]


def test_party_and_explanation_changes_are_named_by_field() -> None:
    lama = build_pk_data(n_indikator=2)
    assert lama.pihak_pertama is not None
    baru = replace(
        lama,
        pihak_pertama=replace(lama.pihak_pertama, nip="197110171993122003"),
        penjelasan=(replace(lama.penjelasan[0], relevansi="Relevansi baru."), *lama.penjelasan[1:]),
    )
    perubahan = beda(lama, baru).perubahan
    assert [(p.kode, [b.bidang for b in p.bidang]) for p in perubahan] == [
        ("pk.ubah", ["pihak_pertama_nip"]),
        ("pk.indikator.ubah", ["relevansi"]),
    ]
    assert perubahan[0].bidang[0].label == "NIP pihak pertama"


def test_sasaran_pair_only_within_their_level() -> None:
    lama = build_pk_data(n_indikator=3)
    s = list(lama.sasaran)
    s[0] = replace(s[0], uraian="Sasaran strategis yang ditulis ulang")
    baru = replace(lama, sasaran=tuple(s))
    hasil = beda(lama, baru)
    assert hasil.sasaran == [(0, 0), (1, 1), (2, 2)]
    [p] = hasil.perubahan
    assert p.kode == "pk.sasaran.ubah" and [b.bidang for b in p.bidang] == ["uraian"]
