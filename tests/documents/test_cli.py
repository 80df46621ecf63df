"""`kinerja pk render`: from a file (no database), by --id, a whole year; bad input exits 2 with a message."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from django.core.management import call_command

from kinerja.documents.models import DokumenTerbit

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kinerja.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=120,
    )


def test_render_a_file_without_a_database(tmp_path):
    out = tmp_path / "pk.pdf"
    # A database URL that cannot be opened proves the file path never touches the database.
    res = run_cli(
        "pk",
        "render",
        str(SEED),
        "--format",
        "pdf",
        "-o",
        str(out),
        DATABASE_URL=f"sqlite:///{tmp_path}/x/db",
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == str(out)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 5
        assert not any(p.images for p in pdf.pages)  # no QR code: nothing was issued
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("format", ["docx", "xlsx"])
def test_render_a_file_to_a_folder(tmp_path, format):
    out = io.StringIO()
    call_command("pk", "render", str(SEED), "--format", format, "-o", str(tmp_path / "keluar"), stdout=out)
    berkas = tmp_path / "keluar" / f"PK-2024-Kecamatan-Bajeng.{format}"
    assert out.getvalue().strip() == str(berkas)
    assert zipfile.is_zipfile(berkas)
    if format == "xlsx":
        wb = openpyxl.load_workbook(berkas)
        assert wb.sheetnames == ["Tabel Kinerja", "Program", "Penjelasan", "Baseline"]


def test_rupiah_with_a_space_on_request(tmp_path):
    call_command(
        "pk", "render", str(SEED), "-o", str(tmp_path / "pk.pdf"), "--rupiah-spasi", stdout=io.StringIO()
    )
    with pdfplumber.open(tmp_path / "pk.pdf") as pdf:
        assert "Rp 5.204.765.371,00" in pdf.pages[2].extract_text()


def test_a_replacement_word_template(tmp_path):
    import docx

    from kinerja.documents.word import TEMPLATE

    templat = docx.Document(str(TEMPLATE))
    templat.sections[0].header.paragraphs[0].text = "PEMERINTAH KABUPATEN GOWA — KECAMATAN BAJENG"
    templat.save(str(tmp_path / "kop.docx"))
    out = tmp_path / "pk.docx"
    call_command(
        "pk",
        "render",
        str(SEED),
        "--format",
        "docx",
        "--template",
        str(tmp_path / "kop.docx"),
        "-o",
        str(out),
        stdout=io.StringIO(),
    )
    hasil = docx.Document(str(out))
    assert hasil.sections[0].header.paragraphs[0].text.startswith("PEMERINTAH KABUPATEN GOWA")
    assert "PERJANJIAN KINERJA TAHUN 2024" in [p.text for p in hasil.paragraphs]


@pytest.mark.django_db
def test_render_by_id_gives_the_issued_pdf(pk_factory, unit_a, tmp_path):
    pk = pk_factory(unit_a, n_indikator=3)
    out = tmp_path / "pk.pdf"
    call_command("pk", "render", "--id", str(pk.pk), "-o", str(out), stdout=io.StringIO())
    [dokumen] = DokumenTerbit.objects.all()
    assert out.read_bytes() == bytes(dokumen.pdf)
    call_command(
        "pk", "render", "--id", str(pk.pk), "--format", "xlsx", "-o", str(tmp_path), stdout=io.StringIO()
    )
    assert (tmp_path / "PK-2024-Kecamatan-Bajeng.xlsx").is_file()


@pytest.mark.django_db
def test_render_every_pk_of_a_year(pk_factory, unit_a, unit_b, tmp_path):
    pk_factory(unit_a, n_indikator=2)
    pk_factory(unit_b, n_indikator=2, draft=True)
    pk_factory(unit_a, n_indikator=2, tahun=2023)
    out = io.StringIO()
    call_command("pk", "render", "--tahun", "2024", "--semua", "-o", str(tmp_path / "2024"), stdout=out)
    assert sorted(p.name for p in (tmp_path / "2024").iterdir()) == [
        "PK-2024-Kecamatan-Bajeng.pdf",
        "PK-2024-Kecamatan-Pallangga.pdf",
    ]
    assert "2 berkas PDF ditulis" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        ([], "pilih satu sumber"),
        ([str(SEED), "--id", "1"], "pilih satu sumber"),
        (["--tahun", "2024"], "--tahun dipakai bersama --semua"),
        (["--semua", "--id", "1"], "--semua butuh --tahun"),
        (["--id", "1", "--rupiah-spasi"], "KINERJA_RUPIAH_SPASI"),
        ([str(SEED), "--template", "/tidak/ada.docx"], "templat Word tidak ditemukan"),
    ],
)
def test_wrong_options_exit_2_with_a_message(tmp_path, args, pesan):
    err = io.StringIO()
    with pytest.raises(SystemExit) as keluar:
        call_command("pk", "render", *args, "-o", str(tmp_path / "x.pdf"), stdout=io.StringIO(), stderr=err)
    assert keluar.value.code == 2
    assert pesan in err.getvalue()


@pytest.mark.django_db
def test_unknown_id_or_empty_year_exits_2(tmp_path):
    for args, pesan in (
        (["--id", "999"], "id 999 tidak ada"),
        (["--tahun", "1999", "--semua"], "tahun 1999"),
    ):
        err = io.StringIO()
        with pytest.raises(SystemExit) as keluar:
            call_command("pk", "render", *args, "-o", str(tmp_path / "x"), stdout=io.StringIO(), stderr=err)
        assert keluar.value.code == 2 and pesan in err.getvalue()


def test_an_unusable_file_exits_2_without_a_traceback(tmp_path):
    f = tmp_path / "belanja.txt"
    f.write_text("Daftar belanja\nGula 2 kg\n")
    res = run_cli("pk", "render", str(f), "-o", str(tmp_path / "x.pdf"))
    assert res.returncode == 2
    assert "bukan dokumen Perjanjian Kinerja" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "x.pdf").exists()
