"""The review on the real seed (issue 3, "Done when"), on the seed corrected by hand, and on the other
real layouts the parser reads."""

from __future__ import annotations

import json

import pytest

from kinerja.domain import pk_text
from kinerja.domain.review import review
from tests.domain import test_pk_text
from tests.domain.test_review import pk_benar, pk_seed, ringkas


@pytest.fixture(scope="module")
def temuan():
    return review(pk_seed())


def _satu(temuan, kode, syarat=lambda t: True):
    cocok = [t for t in temuan if t.kode == kode and syarat(t)]
    assert len(cocok) == 1, f"{kode}: {len(cocok)} temuan yang cocok\nsemua temuan:\n{ringkas(temuan)}"
    return cocok[0]


def test_seed_pihak_pertama_name_mismatch(temuan):
    t = _satu(temuan, "PK-TTD-001")
    assert t.tingkat == "galat"
    assert t.nilai["pihak_pertama"] == "SITI HAERANI, S.SOS"
    assert t.nilai["tanda_tangan[1]"] == "SITI HAERANI, S.SOS"
    assert t.nilai["tanda_tangan[3]"] == "ST. HAKRAN, S.Sos"
    assert "“SITI HAERANI, S.SOS” (Pernyataan" in t.pesan
    assert "“ST. HAKRAN, S.Sos” (Lampiran 1, tanda tangan Pihak Pertama)" in t.pesan
    assert {lok.baris for lok in t.lokasi} == {9, 35, 86}  # "Nama : SITI HAERANI" is line 9
    assert "SK" in t.saran


def test_seed_pihak_pertama_nip_mismatch(temuan):
    t = _satu(temuan, "PK-TTD-003")
    assert t.tingkat == "galat"
    assert t.nilai == {"tanda_tangan[1]": "197110101993122003", "tanda_tangan[3]": "197110171993122003"}
    assert (
        "Pernyataan, tanda tangan Pihak Pertama" in t.pesan
        and "Lampiran 1, tanda tangan Pihak Pertama" in t.pesan
    )
    assert "angka ke-8 (tanggal lahir)" in t.pesan


def test_seed_pihak_kedua_written_with_and_without_yl(temuan):
    t = _satu(temuan, "PK-TTD-002")
    assert t.tingkat == "peringatan"
    assert t.nilai["pihak_kedua"] == "Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H."
    assert t.nilai["tanda_tangan[2]"] == "Dr. ADNAN PURICHTA ICHSAN, S.H., M.H."
    assert "“YL”" in t.pesan
    assert not any(x.kode == "PK-TTD-001" and "Pihak Kedua" in x.pesan for x in temuan)


def test_seed_sakip_target_80_in_table_and_74_50_in_explanation(temuan):
    t = _satu(temuan, "PK-TGT-007")
    assert t.tingkat == "galat"
    assert t.nilai == {"sasaran[1].indikator[0]": "80,00 (BB)", "penjelasan[0].penjelasan_target": "74,50"}
    assert "80,00 (BB) (Lampiran 1" in t.pesan and "74,50 (Lampiran 2" in t.pesan
    assert "menargetkan Nilai SAKIP yaitu 74,50" in t.pesan


def test_seed_balk(temuan):
    t = _satu(temuan, "PK-TGT-002")
    assert t.nilai["tercetak"] == "Balk" and t.nilai["seharusnya"] == "Baik"
    assert [lok.jalur for lok in t.lokasi] == ["sasaran[0].indikator[0]"]
    assert "“Balk”" in t.pesan and "“Baik”" in t.pesan


def test_seed_rising_claim_contradicts_84_below_85(temuan):
    t = _satu(temuan, "PK-TGT-008")
    assert t.tingkat == "galat"
    assert t.nilai["sasaran[0].indikator[0]"] == "84,00 (Balk)"
    assert t.nilai["target_2023"] == "85"
    assert "meningkat" in t.nilai["penjelasan[1].penjelasan_target"]
    assert "“meningkat”" in t.pesan and "85" in t.pesan and "84,00" in t.pesan
    assert {lok.jalur for lok in t.lokasi} == {"sasaran[0].indikator[0]", "penjelasan[1].penjelasan_target"}


def test_seed_date_without_day(temuan):
    t = _satu(temuan, "PK-STR-008")
    assert t.tingkat == "peringatan"
    assert {lok.jalur for lok in t.lokasi} == {"tanggal", "tanda_tangan[0]", "tanda_tangan[1]"}
    assert set(t.nilai.values()) == {"Januari 2024"}
    assert "02 Januari 2024" in t.pesan  # the attachment's full date is offered


def test_seed_incomplete_citations(temuan):
    tanpa_nomor = _satu(temuan, "PK-HKM-001")
    assert tanpa_nomor.nilai["seharusnya"].startswith(
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang"
    )
    assert "Nomor 14 Tahun 2017" in tanpa_nomor.pesan
    assert [lok.jalur for lok in tanpa_nomor.lokasi] == ["penjelasan[1].dasar_hukum[1]"]
    assert [lok.baris for lok in tanpa_nomor.lokasi] == [127]  # "2. Peraturan Menteri … Tahun 2017 …"

    judul = [t for t in temuan if t.kode == "PK-HKM-003"]
    assert len(judul) == 2, ringkas(temuan)
    perpres = _satu(temuan, "PK-HKM-003", lambda t: "Nomor 29 Tahun 2014" in t.pesan)
    assert "Sistem Akuntabilitas Kinerja Pemerintah (SAKIP)" in perpres.pesan
    assert "kurang kata “Instansi”" in perpres.pesan
    assert "uraian sasaran" in perpres.lokasi[0].label
    evaluasi = _satu(temuan, "PK-HKM-003", lambda t: "Nomor 88 Tahun 2021" in t.pesan)
    assert evaluasi.nilai["seharusnya"] == "Evaluasi Akuntabilitas Kinerja Instansi Pemerintah"
    assert evaluasi.lokasi[0].label.startswith("Lampiran 2, dasar hukum butir 3")
    assert evaluasi.lokasi[0].baris == 104
    assert perpres.lokasi[0].baris == 98  # cited inside the uraian sasaran's line

    kata_nomor = [t for t in temuan if t.kode == "PK-HKM-002"]
    assert {t.nilai["seharusnya"] for t in kata_nomor} == {
        "Undang-Undang Nomor 28 Tahun 1999",
        "Undang-Undang Nomor 25 Tahun 2009",
    }


def test_seed_sasaran_of_lampiran_2_and_implied_previous_target(temuan):
    sasaran = _satu(temuan, "PK-STR-007")
    assert sasaran.tingkat == "peringatan"
    assert sasaran.nilai["penjelasan[1].uraian_sasaran"] == (
        "Meningkatnya kepuasan masyarakat terhadap layanan pos pelayanan publik"
    )
    assert sasaran.nilai["sasaran[0]"] == "Meningkatnya kepuasan masyarakat terhadap pelayanan publik"
    tersirat = _satu(temuan, "PK-TGT-010")
    assert tersirat.tingkat == "info"
    assert tersirat.nilai == {"realisasi_2023": "74,15", "capaian_2023": "99,87%", "tersirat": "74,25"}


def test_seed_is_a_handful_of_findings_not_dozens(temuan):
    kode = sorted(t.kode for t in temuan)
    assert kode == sorted(
        [
            "PK-TTD-001",
            "PK-TTD-003",
            "PK-TGT-007",
            "PK-TGT-008",
            "PK-TTD-002",
            "PK-STR-007",
            "PK-STR-008",
            "PK-TGT-002",
            "PK-HKM-001",
            "PK-HKM-003",
            "PK-HKM-003",
            "PK-STR-003",
            "PK-TGT-010",
            "PK-HKM-002",
            "PK-HKM-002",
        ]
    ), ringkas(temuan)
    json.dumps([t.to_json() for t in temuan], ensure_ascii=False)


def test_corrected_seed_has_no_galat_and_no_peringatan():
    hasil = review(pk_benar())
    serius = [t for t in hasil if t.tingkat in ("galat", "peringatan")]
    assert serius == [], ringkas(hasil)
    assert [t.kode for t in hasil] == ["PK-STR-003"]  # only the list of program/kegiatan indicators


@pytest.mark.parametrize("nama", ["PIPES", "SPACES", "LAYOUT"])
def test_other_real_layouts_give_a_handful_of_readable_findings(nama):
    for pk in pk_text.parse(getattr(test_pk_text, nama)):
        hasil = review(pk)
        assert len(hasil) <= 3, ringkas(hasil)
        assert not any(t.kode == "PK-SYS-001" for t in hasil), ringkas(hasil)
        assert not any(t.tingkat == "galat" for t in hasil), ringkas(hasil)
