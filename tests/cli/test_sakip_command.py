"""`kinerja sakip nilai` end to end: component rows and criterion rows (CSV, XLSX), the built-in and a
pemda's own instrument, --nilai-tercetak, --json, exit status 0/1/2 (issue #14)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from kinerja.domain.sakip import FOLDER_BAWAAN, Instrumen, Kriteria, instrumen_untuk_tahun

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "sakip"
KOMPONEN_CSV = DATA / "komponen.csv"  # 22,50 / 21,90 / 11,25 / 18,50 of 30 / 30 / 15 / 25 → 74,15 BB
KEPALA_KRITERIA = "komponen;subkomponen;kriteria;jawaban"


def sakip(*args: str) -> tuple[int, str, str]:
    """`kinerja sakip nilai ARGS` in process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("sakip", "nilai", *map(str, args), stdout=out, stderr=err)
        kode = 0
    except SystemExit as exc:
        kode = int(exc.code or 0)
    return kode, out.getvalue(), err.getvalue()


def kinerja(*args: str) -> subprocess.CompletedProcess:
    """The real console entry point on a reviewer's laptop: production defaults, no configuration."""
    lepas = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in lepas}
    return subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "sakip", "nilai", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def tulis(path: Path, *baris: str) -> Path:
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")
    return path


def jawaban_bernilai(ins: Instrumen, k: Kriteria, nilai: str) -> str:
    """The answer of a criterion's scale worth `nilai` (a fraction of 1)."""
    cocok = [j for j, v in ins.skala[k.skala].items() if v == Decimal(nilai)]
    assert cocok, f"skala {k.skala} of {k.kode} has no answer worth {nilai}"
    return cocok[0]


def csv_kriteria(path: Path, ins: Instrumen, jawab) -> Path:
    """Criterion rows for every criterion of `ins`, the answer given by jawab(komponen, kriteria)."""
    baris = [KEPALA_KRITERIA]
    for km in ins.komponen:
        for s in km.subkomponen:
            for k in s.kriteria:
                baris.append(f"{km.nama};{s.jenis};{k.kode};{jawab(km, k)}")
    return tulis(path, *baris)


@pytest.fixture(scope="module")
def ins88() -> Instrumen:
    ins = instrumen_untuk_tahun(2024)
    assert ins.kode == "88/2021"
    return ins


# ---------------------------------------------------------------------------------------------------
# Component rows
# ---------------------------------------------------------------------------------------------------


def test_component_rows_text_output() -> None:
    kode, out, err = sakip(KOMPONEN_CSV)
    assert kode == 0, err
    assert "Nilai SAKIP: 74,15 — BB (Sangat Baik)" in out
    baris = out.splitlines()
    assert baris[0].split() == ["Komponen", "Bobot", "Nilai", "Persen", "Predikat"]
    assert baris[1].split() == ["Perencanaan", "Kinerja", "30,00", "22,50", "75,00%", "BB"]
    assert baris[2].split()[-3:] == ["21,90", "73,00%", "BB"]
    assert "Jumlah" not in out  # the total row under an LHE's table is not a component
    assert "Kriteria dijawab" not in out


@pytest.mark.parametrize(
    ("baris", "nilai", "predikat"),
    [
        # plain format, comma-separated, no total row
        (["komponen,bobot,nilai", "A,30,22.5", "B,30,21.90", "C,15,11.25", "D,25,18.5"], "74.15", "BB"),
        # Indonesian format in a comma-separated file (quoted), tab-separated, odd header spacing
        (
            ["Komponen , BOBOT , Nilai", 'A,30,"22,50"', 'B,30,"21,9"', 'C,15,"11,25"', 'D,25,"18,5"'],
            "74.15",
            "BB",
        ),
        (["Komponen\tBobot\tNilai", "A\t30\t27", "B\t30\t27,5", "C\t15\t14", "D\t25\t23,01"], "91.51", "AA"),
        (["komponen;bobot;nilai", "A;30;0", "B;30;0", "C;15;0", "D;25;0"], "0.00", "D"),
        (["komponen;bobot;nilai", "A;30;24", "B;30;24", "C;15;12", "D;25;20"], "80.00", "BB"),
        (["komponen;bobot;nilai", "A;30;24", "B;30;24", "C;15;12", "D;25;20,01"], "80.01", "A"),
        # 12/2015: five components
        (["komponen;bobot;nilai", "A;30;20", "B;25;15", "C;15;10", "D;10;6", "E;20;10"], "61.00", "B"),
    ],
)
def test_component_rows_table(tmp_path, baris, nilai, predikat) -> None:
    kode, out, err = sakip(tulis(tmp_path / "k.csv", *baris), "--json")
    assert kode == 0, err
    data = json.loads(out)
    assert (data["nilai"], data["predikat"]) == (nilai, predikat)


def test_json_has_exactly_the_fixed_keys() -> None:
    kode, out, err = sakip(KOMPONEN_CSV, "--json")
    assert kode == 0, err
    data = json.loads(out)
    assert list(data) == ["nilai", "predikat", "kategori", "komponen", "sesuai"]
    assert (data["nilai"], data["predikat"], data["kategori"], data["sesuai"]) == (
        "74.15",
        "BB",
        "Sangat Baik",
        None,
    )
    assert data["komponen"] == [
        {
            "komponen": "Perencanaan Kinerja",
            "bobot": "30",
            "nilai": "22.50",
            "persen": "75.00",
            "predikat": "BB",
        },
        {
            "komponen": "Pengukuran Kinerja",
            "bobot": "30",
            "nilai": "21.90",
            "persen": "73.00",
            "predikat": "BB",
        },
        {
            "komponen": "Pelaporan Kinerja",
            "bobot": "15",
            "nilai": "11.25",
            "persen": "75.00",
            "predikat": "BB",
        },
        {
            "komponen": "Evaluasi Akuntabilitas Kinerja Internal",
            "bobot": "25",
            "nilai": "18.50",
            "persen": "74.00",
            "predikat": "BB",
        },
    ]


@pytest.mark.parametrize("tercetak", ["74,15", "74.15", "74,150"])
def test_printed_total_that_follows_exits_0(tercetak) -> None:
    kode, out, err = sakip(KOMPONEN_CSV, "--nilai-tercetak", tercetak)
    assert kode == 0, err
    assert "sesuai dengan hasil hitung" in out
    kode, out, _ = sakip(KOMPONEN_CSV, "--nilai-tercetak", tercetak, "--json")
    assert kode == 0 and json.loads(out)["sesuai"] is True


def test_printed_total_that_does_not_follow_exits_1() -> None:
    kode, out, _ = sakip(KOMPONEN_CSV, "--nilai-tercetak", "74,5")
    assert kode == 1
    assert "Nilai tercetak 74,50 tidak sesuai: hasil hitung 74,15" in out
    kode, out, _ = sakip(KOMPONEN_CSV, "--nilai-tercetak", "74.14", "--json")
    assert kode == 1
    assert json.loads(out)["sesuai"] is False


def test_xlsx_component_rows_below_a_title(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Rekapitulasi Nilai Evaluasi AKIP 2024"])
    ws.append([])
    ws.append(["No", "Komponen", "Bobot", "Nilai"])
    for i, (nama, bobot, nilai) in enumerate(
        [
            ("Perencanaan", 30, 22.5),
            ("Pengukuran", 30, 21.9),
            ("Pelaporan", 15, 11.25),
            ("Evaluasi", 25.0, "18,50"),
        ],
        start=1,
    ):
        ws.append([i, nama, bobot, nilai])
    ws.append([None, "Nilai Akhir", 100, 74.15])
    f = tmp_path / "lhe.xlsx"
    wb.save(f)
    kode, out, err = sakip(f, "--json", "--nilai-tercetak", "74,15")
    assert kode == 0, err
    data = json.loads(out)
    assert (data["nilai"], data["predikat"], data["sesuai"]) == ("74.15", "BB", True)
    assert [k["nilai"] for k in data["komponen"]] == ["22.50", "21.90", "11.25", "18.50"]


# ---------------------------------------------------------------------------------------------------
# Criterion rows
# ---------------------------------------------------------------------------------------------------


def test_criterion_rows_every_one_bb_gives_80(tmp_path, ins88) -> None:
    """Every criterion of 88/2021 at the answer worth 0,80 (BB). Its Y/T criteria cannot be BB, so the
    instrument is given as a pemda's own file whose criteria all use the AA–E scale (the same weights)."""
    data = json.loads((FOLDER_BAWAAN / "88-2021.json").read_text(encoding="utf-8"))
    for km in data["komponen"]:
        for s in km["subkomponen"]:
            for k in s["kriteria"]:
                k["skala"] = "AA-E"
    sendiri = tmp_path / "lke-pemda.json"
    sendiri.write_text(json.dumps(data), encoding="utf-8")
    f = csv_kriteria(tmp_path / "lke.csv", ins88, lambda km, k: "BB")
    kode, out, err = sakip(f, "--instrumen-berkas", sendiri)
    assert kode == 0, err
    assert "Nilai SAKIP: 80,00 — BB (Sangat Baik)" in out
    assert "Kriteria dijawab: 80 dari 80 (kriteria yang tidak dijawab bernilai 0)" in out
    assert len(ins88.kriteria) == 80


def test_criterion_rows_of_the_builtin_88_2021(tmp_path, ins88) -> None:
    """BB where the scale has it (Y where it is Y/T): each component's persen is at least 80."""
    f = csv_kriteria(tmp_path / "lke.csv", ins88, lambda km, k: "BB" if "BB" in ins88.skala[k.skala] else "Y")
    kode, out, err = sakip(f, "--json")
    assert kode == 0, err
    data = json.loads(out)
    assert [k["komponen"] for k in data["komponen"]] == [km.nama for km in ins88.komponen]
    assert [k["bobot"] for k in data["komponen"]] == ["30", "30", "15", "25"]
    assert all(Decimal(k["persen"]) >= 80 for k in data["komponen"])


def test_criterion_rows_a_mix(tmp_path, ins88) -> None:
    """Component 1 all at 1,00 (AA/Y), 2 all at 0,50 (C), 3 unanswered, 4 all at 0,70 (B):
    30 + 15 + 0 + 17,50 = 62,50 (B)."""
    nilai = {"1": "1", "2": "0.5", "4": "0.7"}
    f = csv_kriteria(
        tmp_path / "lke.csv",
        ins88,
        lambda km, k: jawaban_bernilai(ins88, k, nilai[km.kode]).lower() if km.kode in nilai else "",
    )
    kode, out, err = sakip(f, "--nilai-tercetak", "62,50")
    assert kode == 0, err
    assert "Instrumen LKE 88/2021" in out
    assert "Nilai SAKIP: 62,50 — B (Baik)" in out
    belum = sum(len(s.kriteria) for s in ins88.komponen[2].subkomponen)
    assert f"Kriteria dijawab: {80 - belum} dari 80 (kriteria yang tidak dijawab bernilai 0)" in out
    kode, out, _ = sakip(f, "--json")
    komponen = json.loads(out)["komponen"]
    assert [(k["nilai"], k["persen"], k["predikat"]) for k in komponen] == [
        ("30.00", "100.00", "AA"),
        ("15.00", "50.00", "C"),
        ("0.00", "0.00", "D"),
        ("17.50", "70.00", "B"),
    ]


def test_criterion_rows_xlsx_with_codes_only(tmp_path, ins88) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Komponen", "Sub Komponen", "Kode Kriteria", "Jawaban"])
    for km in ins88.komponen:
        ws.append([int(km.kode), None, None, None])  # a heading row, as in an LKE export
        for s in km.subkomponen:
            for k in s.kriteria:
                ws.append([int(km.kode), s.kode, k.kode.upper(), jawaban_bernilai(ins88, k, "1")])
    f = tmp_path / "lke.xlsx"
    wb.save(f)
    kode, out, err = sakip(f, "--json")
    assert kode == 0, err
    assert (json.loads(out)["nilai"], json.loads(out)["predikat"]) == ("100.00", "AA")


@pytest.mark.parametrize("pilih", [("--instrumen", "12/2015"), ("--tahun", "2019")])
def test_criterion_rows_of_12_2015(tmp_path, pilih) -> None:
    ins = instrumen_untuk_tahun(2019)
    assert ins.kode == "12/2015"
    f = csv_kriteria(tmp_path / "lke.csv", ins, lambda km, k: jawaban_bernilai(ins, k, "1"))
    kode, out, err = sakip(f, *pilih)
    assert kode == 0, err
    assert "Instrumen LKE 12/2015" in out
    assert "Nilai SAKIP: 100,00 — AA (Sangat Memuaskan)" in out
    assert f"Kriteria dijawab: {len(ins.kriteria)} dari {len(ins.kriteria)}" in out


# ---------------------------------------------------------------------------------------------------
# Unusable input: exit 2, a message naming the file and the line, never a traceback
# ---------------------------------------------------------------------------------------------------

K = "komponen;bobot;nilai"
KR = KEPALA_KRITERIA


@pytest.mark.parametrize(
    ("nama", "isi", "args", "pesan"),
    [
        ("x.csv", None, (), "Berkas x.csv ditolak: berkas tidak ditemukan"),
        ("x.txt", "komponen;bobot;nilai\n", (), "jenis berkas '.txt' tidak dikenal: pakai .csv atau .xlsx"),
        ("x.xls", "a", (), "format Excel lama (.xls) tidak didukung"),
        ("x.xlsx", "bukan zip", (), "Berkas x.xlsx ditolak: bukan berkas XLSX yang sah"),
        ("x.csv", b"PK\x03\x04\x00\x00binary", (), "bukan berkas CSV"),
        ("x.csv", "", (), "Berkas x.csv ditolak: berkas kosong"),
        ("x.csv", "\n ; ;\n", (), "berkas kosong"),
        (
            "x.csv",
            "nama;skor\nA;30\n",
            (),
            "baris judul kolom tidak ditemukan (baris kriteria: komponen, subkomponen, kriteria, jawaban; baris komponen: komponen, bobot, nilai)",
        ),
        ("x.csv", "komponen;bobot\nA;30\n", (), "baris 1: kolom nilai tidak ada"),
        ("x.csv", "komponen;kriteria\nA;1.a.1\n", (), "baris 1: kolom jawaban tidak ada"),
        ("x.csv", "komponen;nilai;bobot;Nilai\n", (), "baris 1: kolom nilai muncul dua kali"),
        ("x.csv", f"{K}\n", (), "tidak ada baris komponen di bawah baris judul kolom"),
        ("x.csv", f"{KR}\n", (), "tidak ada baris kriteria di bawah baris judul kolom"),
        (
            "x.csv",
            f"{K}\nA;30;22,5\nB;30;dua puluh\nC;15;11\nD;25;18\n",
            (),
            "baris 3, kolom nilai: Angka 'dua puluh' tidak dapat dibaca",
        ),
        ("x.csv", f"{K}\nA;3O;22,5\nB;30;20\nC;15;11\nD;25;18\n", (), "baris 2, kolom bobot: Angka '3O'"),
        (
            "x.csv",
            f"{K}\nA;30;22,5\nB;30;31\nC;15;11\nD;25;18\n",
            (),
            "baris 3, kolom nilai: nilai 31 di luar 0 sampai bobotnya 30",
        ),
        (
            "x.csv",
            f"{K}\nA;30;-1\nB;30;20\nC;15;11\nD;25;18\n",
            (),
            "baris 2, kolom nilai: nilai -1 di luar 0 sampai bobotnya 30",
        ),
        ("x.csv", f"{K}\nA;0;0\nB;30;20\n", (), "baris 2, kolom bobot: bobot 0 harus lebih dari 0"),
        ("x.csv", f"{K}\n;30;20\n", (), "baris 2: nama komponen kosong"),
        ("x.csv", f"{K}\nA;30;20\nB;30;20\nC;15;10\n", (), "bobot komponen berjumlah 75, bukan 100"),
        (
            "x.csv",
            f"{KR}\n;;1.a.1;ZZ\n",
            (),
            "baris 2: Jawaban 'ZZ' untuk kriteria 1.a.1 tidak dikenal: pilih AA, A, BB, B, CC, C, D, E",
        ),
        ("x.csv", f"{KR}\n;;9.z.9;A\n", (), "baris 2: kriteria '9.z.9' tidak ada dalam instrumen 88/2021"),
        ("x.csv", f"{KR}\n;;;A\n", (), "baris 2: kode kriteria kosong, padahal ada jawaban 'A'"),
        ("x.csv", f"{KR}\n;;1.a.1;A\n;;1.A.1;B\n", (), "baris 3: kriteria 1.a.1 sudah diisi di baris 2"),
        (
            "x.csv",
            f"{KR}\nPengukuran Kinerja;;1.a.1;A\n",
            (),
            "baris 2: kriteria 1.a.1 termasuk komponen 1 (Perencanaan Kinerja), bukan 'Pengukuran Kinerja'",
        ),
        (
            "x.csv",
            f"{KR}\n1;pemanfaatan;1.a.1;A\n",
            (),
            "baris 2: kriteria 1.a.1 termasuk subkomponen 1.a (keberadaan:",
        ),
        (
            "x.csv",
            f"{KR}\n;;1.a.1;A\n",
            ("--instrumen", "99/2030"),
            "instrumen '99/2030' tidak dikenal: pilih 12/2015 atau 88/2021",
        ),
        ("x.csv", f"{KR}\n;;1.a.1;A\n", ("--tahun", "2010"), "tidak ada instrumen LKE untuk tahun 2010"),
        (
            "x.csv",
            f"{KR}\n;;1.a.1;A\n",
            ("--instrumen-berkas", "tidak-ada.json"),
            "berkas instrumen tidak-ada.json tidak dapat dipakai: berkas instrumen tidak dapat dibaca",
        ),
        (
            "x.csv",
            f"{K}\nA;100;50\n",
            ("--nilai-tercetak", "delapan"),
            "--nilai-tercetak: Angka 'delapan' tidak dapat dibaca",
        ),
    ],
)
def test_unusable_input_exits_2_with_its_message(tmp_path, nama, isi, args, pesan) -> None:
    f = tmp_path / nama
    if isinstance(isi, bytes):
        f.write_bytes(isi)
    elif isi is not None:
        f.write_text(isi, encoding="utf-8")
    kode, out, err = sakip(f, *args)
    assert kode == 2, out + err
    assert err.startswith("Galat: ")
    assert pesan in err
    assert out == ""


@pytest.mark.parametrize(
    ("instrumen", "pesan"),
    [
        (
            "{bukan json",
            "berkas instrumen lke.json tidak dapat dipakai: berkas instrumen bukan JSON yang sah",
        ),
        ("[]", "instrumen harus berupa objek JSON"),
        ('{"skala": {"Y/T": {"Y": 1, "T": 0}}, "komponen": []}', "bobot komponen berjumlah 0, bukan 100"),
    ],
)
def test_invalid_instrument_file_exits_2(tmp_path, instrumen, pesan) -> None:
    (tmp_path / "lke.json").write_text(instrumen, encoding="utf-8")
    f = tulis(tmp_path / "x.csv", KR, ";;1.a.1;Y")
    kode, _, err = sakip(f, "--instrumen-berkas", tmp_path / "lke.json")
    assert kode == 2
    assert pesan in err


def test_every_row_error_is_listed(tmp_path) -> None:
    f = tulis(tmp_path / "x.csv", KR, ";;1.a.1;ZZ", ";;9.9;A", ";;1.b.1;BB")
    kode, _, err = sakip(f)
    assert kode == 2
    assert err.splitlines()[0] == "Galat: Berkas x.csv ditolak: 2 galat"
    assert "  baris 2: Jawaban 'ZZ'" in err and "  baris 3: kriteria '9.9'" in err


# ---------------------------------------------------------------------------------------------------
# The real command line: exit codes, no configuration needed, no traceback
# ---------------------------------------------------------------------------------------------------


def test_console_exit_codes_without_configuration(tmp_path) -> None:
    res = kinerja(KOMPONEN_CSV, "--nilai-tercetak", "74,15")
    assert res.returncode == 0, res.stderr
    assert "Nilai SAKIP: 74,15 — BB (Sangat Baik)" in res.stdout
    res = kinerja(KOMPONEN_CSV, "--nilai-tercetak", "74,50", "--json")
    assert res.returncode == 1, res.stderr
    assert json.loads(res.stdout)["sesuai"] is False
    res = kinerja(tulis(tmp_path / "x.csv", K, "A;100;101"))
    assert res.returncode == 2
    assert (
        "Galat: Berkas x.csv ditolak: baris 2, kolom nilai: nilai 101 di luar 0 sampai bobotnya 100"
        in res.stderr
    )
    assert "Traceback" not in res.stderr


def test_console_refuses_two_instrument_choices() -> None:
    res = kinerja(KOMPONEN_CSV, "--instrumen", "12/2015", "--tahun", "2020")
    assert res.returncode == 2
    assert "not allowed with" in res.stderr or "tidak boleh" in res.stderr
    assert "Traceback" not in res.stderr


def test_damaged_xlsx_exits_2(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["komponen", "bobot", "nilai"])
    utuh, rusak = tmp_path / "utuh.xlsx", tmp_path / "rusak.xlsx"
    wb.save(utuh)
    with zipfile.ZipFile(utuh) as zin, zipfile.ZipFile(rusak, "w") as zout:
        for item in zin.infolist():
            isi = zin.read(item.filename)
            zout.writestr(item, isi[: len(isi) // 2] if item.filename.endswith("sheet1.xml") else isi)
    kode, _, err = sakip(rusak)
    assert kode == 2
    assert "Berkas rusak.xlsx ditolak: isi berkas XLSX rusak" in err


def test_readme_example_is_the_real_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    contoh = readme.split("$ kinerja sakip nilai lhe.csv --nilai-tercetak 74,50\n", 1)[1].split("```", 1)[0]
    kode, out, _ = sakip(KOMPONEN_CSV, "--nilai-tercetak", "74,50")
    assert kode == 1
    assert out.rstrip("\n") == contoh.rstrip("\n")
    csv_readme = readme.split("```text\nKomponen;Bobot;Nilai\n", 1)[1].split("```", 1)[0]
    assert KOMPONEN_CSV.read_text(encoding="utf-8").startswith("Komponen;Bobot;Nilai\n" + csv_readme)
