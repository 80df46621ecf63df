"""The PK parser on Word and PDF files: real tables, cells over several lines, packed cells."""

from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.domain import pk_text
from kinerja.domain.pk import to_json
from tests.domain.docfixtures import MERGE_UP, PAGE_BREAK, blocks_from_text, make_docx, make_pdf

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"
MAKERS = {"docx": make_docx, "pdf": make_pdf}


def _without_lines(data):
    """JSON of a PK without line numbers (they differ between formats)."""
    if isinstance(data, dict):
        return {k: _without_lines(v) for k, v in data.items() if not k.startswith("baris")}
    if isinstance(data, list):
        return [_without_lines(v) for v in data]
    return data


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_reads_the_same_from_word_and_pdf(tmp_path, fmt):
    text = SEED.read_text(encoding="utf-8")
    [expected] = pk_text.parse(text)
    path = MAKERS[fmt](tmp_path / f"seed.{fmt}", blocks_from_text(text))
    [got] = pk_text.parse_file(str(path))
    assert _without_lines(to_json(got)) == _without_lines(to_json(expected))


REAL_TABLES = [
    "PERJANJIAN KINERJA PERUBAHAN",
    "TAHUN 2024",
    "SEKRETARIAT DAERAH KABUPATEN SLEMAN",
    "Yang bertanda tangan di bawah ini:",
    "Nama\t: Ir. HARDA KISWAYA, M.Si.",
    "Jabatan\t: Sekretaris Daerah",
    "Selanjutnya disebut Pihak Pertama",
    "Nama\t: Hj. KUSTINI SRI PURNOMO",
    "Jabatan\t: Bupati Sleman",
    "Selaku atasan langsung pihak pertama, selanjutnya disebut Pihak Kedua",
    "Sleman, 28 Juni 2024",
    [
        ["PIHAK KEDUA,", "PIHAK PERTAMA,"],
        [
            "Bupati Sleman\n\n\nHj. KUSTINI SRI PURNOMO",
            "Sekretaris Daerah\n\n\nIr. HARDA KISWAYA, M.Si.\nPembina Utama Madya (IV/d)\nNIP. 19660701 199303 1 007",
        ],
    ],
    PAGE_BREAK,
    "LAMPIRAN PERJANJIAN KINERJA PERUBAHAN TAHUN 2024",
    [
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "SATUAN"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [
            "1",
            "Meningkatnya kualitas\ntata kelola pemerintahan",
            "a. Nilai SAKIP\nb. Indeks Reformasi Birokrasi",
            "80,01\n75",
            "Nilai\nIndeks",
        ],
        [MERGE_UP, MERGE_UP, "Opini BPK", "WTP", "Predikat"],
        ["2", "Meningkatnya kepuasan masyarakat", "Indeks Kepuasan Masyarakat", "88,31", "Indeks"],
    ],
    PAGE_BREAK,
    [
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "SATUAN"],
        ["3", "Menurunnya angka kemiskinan", "Persentase penduduk miskin", "7,5", "%"],
    ],
    [
        ["NO", "PROGRAM", "ANGGARAN (Rp)"],
        ["1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "26.138.904.000"],
        ["2", "Program Pemerintahan dan Kesejahteraan Rakyat", "Rp 1.000.000.000,00"],
        ["", "TOTAL ANGGARAN", "27.138.904.000"],
    ],
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_real_tables_with_packed_cells_units_column_and_repeated_header(tmp_path, fmt):
    path = MAKERS[fmt](tmp_path / f"pk.{fmt}", REAL_TABLES)
    [pk] = pk_text.parse_file(str(path))
    assert pk.jenis == "perubahan"
    assert pk.tahun == 2024
    assert pk.unit == "Sekretariat Daerah"
    assert pk.pemerintah == "Kabupaten Sleman"
    assert pk.pihak_pertama.nama == "Ir. HARDA KISWAYA, M.Si."
    assert pk.pihak_kedua.jabatan == "Bupati Sleman"
    assert pk.tanggal == "28 Juni 2024"
    got = [
        (s.uraian, i.uraian, i.target.nilai, i.target.satuan, i.target.predikat)
        for s in pk.sasaran
        for i in s.indikator
    ]
    assert got == [
        ("Meningkatnya kualitas tata kelola pemerintahan", "Nilai SAKIP", Decimal("80.01"), "Nilai", None),
        (
            "Meningkatnya kualitas tata kelola pemerintahan",
            "Indeks Reformasi Birokrasi",
            Decimal("75"),
            "Indeks",
            None,
        ),
        ("Meningkatnya kualitas tata kelola pemerintahan", "Opini BPK", None, "Predikat", None),
        ("Meningkatnya kepuasan masyarakat", "Indeks Kepuasan Masyarakat", Decimal("88.31"), "Indeks", None),
        ("Menurunnya angka kemiskinan", "Persentase penduduk miskin", Decimal("7.5"), "%", None),
    ]
    assert [(p.nama, p.anggaran) for p in pk.program] == [
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", Decimal("26138904000.00")),
        ("Program Pemerintahan dan Kesejahteraan Rakyat", Decimal("1000000000.00")),
    ]
    assert pk.total_anggaran_tercetak == Decimal("27138904000.00")
    sig = {t.pihak: t for t in pk.tanda_tangan if t.bagian == "pernyataan"}
    assert sig["pertama"].nama == "Ir. HARDA KISWAYA, M.Si."
    assert sig["pertama"].nip == "196607011993031007"
    assert sig["pertama"].pangkat == "Pembina Utama Madya (IV/d)"
    assert sig["kedua"].nama == "Hj. KUSTINI SRI PURNOMO"


KEMENDAG = [
    "PERJANJIAN KINERJA TAHUN 2025",
    "BIRO PERENCANAAN",
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, yang bertanda tangan di bawah ini:",
    "Nama\t: Dr. IR. SUHANTO, M.Si",
    "Jabatan\t: Kepala Biro Perencanaan",
    "berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini.",
    "Jakarta, 6 Januari 2025",
    "Kepala Biro Perencanaan",
    "Dr. IR. SUHANTO, M.Si",
    "NIP. 19680512 199403 1 009",
    PAGE_BREAK,
    "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025 BIRO PERENCANAAN",
    [
        [
            "No",
            "Sasaran Program",
            "Indikator Sasaran Program",
            "Target",
            "Prediksi Capaian (%)",
            None,
            None,
            None,
        ],
        [MERGE_UP, MERGE_UP, MERGE_UP, MERGE_UP, "Tw 1", "Tw 2", "Tw 3", "Tw 4"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        [
            "1",
            "Meningkatnya kualitas perencanaan",
            "Persentase rekomendasi yang ditindaklanjuti",
            "90%",
            "20",
            "45",
            "70",
            "90",
        ],
    ],
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_single_signatory_pk_with_quarterly_prediction_columns(tmp_path, fmt):
    path = MAKERS[fmt](tmp_path / f"pk.{fmt}", KEMENDAG)
    [pk] = pk_text.parse_file(str(path))
    assert pk.pihak_pertama.nama == "Dr. IR. SUHANTO, M.Si"
    assert pk.pihak_kedua is None
    assert [(s.tingkat, i.uraian, i.target.teks) for s in pk.sasaran for i in s.indikator] == [
        ("program", "Persentase rekomendasi yang ditindaklanjuti", "90%")
    ]
    assert pk.rencana_aksi[0].target_periode == (
        ("Tw 1", "20"),
        ("Tw 2", "45"),
        ("Tw 3", "70"),
        ("Tw 4", "90"),
    )
    assert not [c for c in pk.catatan if "kolom lain" in c.pesan]
    [ttd] = pk.tanda_tangan
    assert (ttd.pihak, ttd.nip, ttd.tanggal) == ("pertama", "196805121994031009", "6 Januari 2025")
