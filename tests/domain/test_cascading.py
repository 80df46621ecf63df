"""The cascade as data: the three PK-CAS review rules (fire, and stay silent on a complete cascade) and
the pohon kinerja built from the links."""

from __future__ import annotations

import pytest

from kinerja.domain import pk as d
from kinerja.domain.cascading import (
    IndikatorJenjang,
    Jenjang,
    PKJenjang,
    SasaranJenjang,
    pohon,
    satuan_jumlah,
)
from kinerja.domain.pk_text import parse_target
from kinerja.domain.review import review


def ind(id_: int, uraian: str, target: str, *, mendukung: int | None = None, polaritas="positif"):
    return IndikatorJenjang(id_, uraian, parse_target(target), polaritas, mendukung)


def sas(id_: int, uraian: str, *indikator, tingkat="strategis", mendukung=None):
    return SasaranJenjang(id_, tingkat, uraian, mendukung, tuple(indikator))


def pkj(id_: int, pihak: str, *sasaran, atasan=None):
    return PKJenjang(id_, pihak.split(" ", 1)[-1], pihak, 2024, "diterbitkan", atasan, sasaran=tuple(sasaran))


def naskah(pk: PKJenjang) -> d.NaskahPK:
    """The PK text aligned with its cascade view (same sasaran and indikator, same order)."""
    return d.NaskahPK(
        tahun=2024,
        sasaran=tuple(
            d.Sasaran(
                tingkat=s.tingkat,  # type: ignore[arg-type]
                uraian=s.uraian,
                indikator=tuple(d.Indikator(uraian=i.uraian, target=i.target) for i in s.indikator),
            )
            for s in pk.sasaran
        ),
    )


def cas(pk: PKJenjang, **jenjang) -> list[tuple[str, str]]:
    temuan = review(naskah(pk), kode=["PK-CAS"], jenjang=Jenjang(pk, **jenjang))
    return [(t.kode, t.lokasi[0].jalur) for t in temuan]


# The Bupati's PK (id 1) and two kecamatan deriving from it.
BUPATI = pkj(
    1,
    "Bupati Gowa",
    sas(10, "Meningkatnya kualitas pelayanan publik", ind(100, "Indeks Kepuasan Masyarakat", "85,00 (Baik)")),
    sas(
        11,
        "Meningkatnya sarana pelayanan",
        ind(110, "Jumlah sarana pelayanan yang memadai", "20 unit"),
        ind(111, "Jumlah pengaduan yang tidak ditindaklanjuti", "10 pengaduan", polaritas="negatif"),
    ),
)


def bajeng(sarana="12 unit", pengaduan="4 pengaduan", *, taut_ikm=True):
    return pkj(
        2,
        "Camat Bajeng",
        sas(
            20,
            "Meningkatnya kepuasan masyarakat",
            ind(200, "IKM", "84,00", mendukung=100 if taut_ikm else None),
        ),
        sas(
            21,
            "Meningkatnya sarana prasarana",
            ind(210, "Jumlah sarana", sarana, mendukung=110),
            ind(211, "Jumlah pengaduan tidak ditindaklanjuti", pengaduan, mendukung=111),
        ),
        atasan=1,
    )


def pallangga(sarana="8 unit", pengaduan="6 pengaduan"):
    return pkj(
        3,
        "Camat Pallangga",
        sas(30, "Meningkatnya pelayanan", mendukung=10),
        sas(
            31,
            "Meningkatnya sarana",
            ind(310, "Jumlah sarana", sarana, mendukung=110),
            ind(311, "Pengaduan tidak ditindaklanjuti", pengaduan, mendukung=111),
        ),
        atasan=1,
    )


# (case, this PK, its cascade, expected findings)
KASUS = [
    ("lengkap: diam", bajeng(), {"atasan": BUPATI, "saudara": (pallangga(),)}, []),
    ("tanpa PK atasan: diam", bajeng(taut_ikm=False), {}, []),
    (
        "sasaran strategis tanpa tautan",
        bajeng(taut_ikm=False),
        {"atasan": BUPATI, "saudara": (pallangga(),)},
        [("PK-CAS-001", "sasaran[0]")],
    ),
    (
        "tautan sasaran saja cukup",
        pallangga(),
        {"atasan": BUPATI, "saudara": (bajeng(),)},
        [],
    ),
    (
        "jumlah kurang dari target atasan (12 + 7 < 20)",
        bajeng(),
        {"atasan": BUPATI, "saudara": (pallangga(sarana="7 unit"),)},
        [("PK-CAS-003", "sasaran[1].indikator[0]")],
    ),
    (
        "polaritas negatif: jumlah melebihi (4 + 7 > 10)",
        bajeng(),
        {"atasan": BUPATI, "saudara": (pallangga(pengaduan="7 pengaduan"),)},
        [("PK-CAS-003", "sasaran[1].indikator[1]")],
    ),
    (
        "satuan lain tidak dijumlah",
        bajeng(sarana="12 paket"),
        {"atasan": BUPATI, "saudara": (pallangga(sarana="1 unit"),)},
        [],
    ),
]


@pytest.mark.parametrize(
    ("jenjang_pk", "jenjang", "harap"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS]
)
def test_aturan_anak(jenjang_pk, jenjang, harap):
    assert cas(jenjang_pk, **jenjang) == harap


def test_indikator_atasan_tanpa_pendukung_info():
    # Pallangga supports sasaran 10 (one indikator: counts) and 110, 111; nobody else: all supported.
    assert cas(BUPATI, bawahan=(pallangga(),)) == []
    # Bajeng without its IKM link and Pallangga without its sasaran link: IKM (100) is supported by no one.
    p = pkj(3, "Camat Pallangga", sas(30, "Meningkatnya pelayanan"), *pallangga().sasaran[1:], atasan=1)
    temuan = review(
        naskah(BUPATI), kode=["PK-CAS-002"], jenjang=Jenjang(BUPATI, bawahan=(bajeng(taut_ikm=False), p))
    )
    assert [(t.kode, t.tingkat, t.lokasi[0].jalur) for t in temuan] == [
        ("PK-CAS-002", "info", "sasaran[0].indikator[0]")
    ]
    assert "Indeks Kepuasan Masyarakat" in temuan[0].pesan and "2 PK" in temuan[0].pesan
    # Without any child PK there is nothing to say.
    assert cas(BUPATI) == []


def test_pesan_jumlah_menyebut_angka():
    [t] = review(
        naskah(bajeng()),
        kode=["PK-CAS-003"],
        jenjang=Jenjang(bajeng(), atasan=BUPATI, saudara=(pallangga(sarana="7 unit"),)),
    )
    assert "berjumlah 19 unit: kurang dari target atasan" in t.pesan
    assert "20 unit" in t.pesan and "Camat Pallangga: 7" in t.pesan
    assert t.nilai["jumlah"] == "19"


def test_jenjang_tidak_sejajar_diam():
    # A cascade view that does not match the PK row for row is ignored rather than misplaced.
    lain = pkj(2, "Camat Bajeng", sas(20, "Satu saja"), atasan=1)
    assert review(naskah(bajeng(taut_ikm=False)), kode=["PK-CAS"], jenjang=Jenjang(lain, atasan=BUPATI)) == []


@pytest.mark.parametrize(
    ("satuan", "harap"),
    [
        ("unit", "unit"),
        (" Unit ", "unit"),
        ("%", None),
        ("persen", None),
        ("hari kerja", None),
        (None, None),
        ("Rp", "rp"),
    ],
)
def test_satuan_jumlah(satuan, harap):
    assert satuan_jumlah(satuan) == harap


def test_pohon():
    kegiatan = sas(
        22, "Tersedianya sarana", ind(220, "Jumlah sarana baru", "3 unit"), tingkat="program", mendukung=21
    )
    b = bajeng()
    b = PKJenjang(
        b.id,
        b.unit,
        b.pihak,
        2024,
        atasan=1,
        sasaran=(*b.sasaran, kegiatan, sas(23, "Lepas", tingkat="kegiatan")),
    )
    p = pallangga()
    t = pohon([BUPATI, b, p])
    assert [s.sasaran.id for s in t.akar] == [10, 11]
    ikm, sarana = t.akar
    assert [a.sasaran.id for a in ikm.anak] == [20, 30]
    assert [a.sasaran.id for a in sarana.anak] == [21, 31]
    assert [a.sasaran.id for a in sarana.anak[0].anak] == [22]
    assert ikm.anak[0].mendukung_indikator == {200: "Indeks Kepuasan Masyarakat"}
    assert [(pk.id, [s.sasaran.id for s in daftar]) for pk, daftar in t.lepas] == [(2, [23])]
    assert t.jumlah_simpul == 8


def test_pohon_tanpa_atasan_dan_siklus():
    # A PK whose superior is not in the set is a root; a cycle of links does not loop.
    a = pkj(5, "Lurah A", sas(50, "A", mendukung=60), atasan=99)
    b = pkj(6, "Lurah B", sas(60, "B", mendukung=50), atasan=99)
    t = pohon([a, b])
    assert [s.sasaran.id for s in t.akar] == [50]
    assert [a.sasaran.id for a in t.akar[0].anak] == [60]
    assert t.lepas == []


def test_a_node_below_a_not_linked_sasaran_is_kept_with_it():
    # The Bupati's sasaran program is linked to nothing; a kecamatan's sasaran supports it.
    bupati = pkj(
        1, "Bupati Gowa", sas(10, "A", ind(100, "X", "1 unit")), sas(12, "Program", tingkat="program")
    )
    camat = pkj(2, "Camat Bajeng", sas(20, "B", mendukung=12), atasan=1)
    t = pohon([bupati, camat])
    [(pk, [lepas])] = t.lepas
    assert (pk.id, lepas.sasaran.id, [a.sasaran.id for a in lepas.anak]) == (1, 12, [20])


def test_saring_dan_baris_pohon():
    from kinerja.domain.cascading import baris_pohon, saring

    b, p = bajeng(), pallangga()
    t = pohon([BUPATI, b, p])
    hanya = saring(t, "pallangga")
    assert [(n, s.sasaran.id) for n, s in baris_pohon(hanya)] == [(0, 10), (1, 30), (0, 11), (1, 31)]
    assert saring(t, "  ") is t
    assert saring(t, "tidak ada").akar == []
    assert [s.sasaran.id for _, s in baris_pohon(t)] == [10, 20, 30, 11, 21, 31]
