"""`kinerja pk parse|import` end to end: the seed, re-import, bad input (exit 2, nothing stored)."""

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from kinerja.agreements.models import Indikator, PerjanjianKinerja
from kinerja.units.models import Pejabat, Unit
from tests.conftest import muat_demo

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the real console entry point, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "kinerja.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=60,
    )


def test_parse_prints_the_fixed_json_without_a_database(tmp_path):
    # A database URL that cannot be opened proves parse does not touch the database.
    res = run_cli("pk", "parse", str(SEED), DATABASE_URL=f"sqlite:///{tmp_path}/nope/db.sqlite3")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["unit"] == "Kecamatan Bajeng"
    assert data["total_anggaran"] == "5204765371.00"
    assert sum(len(s["indikator"]) for s in data["sasaran"]) == 18
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "berkas kosong"),
        (b"\x00\x01\x02binary\xff\xfe" * 20, "biner"),
        (b"Daftar belanja\nGula 2 kg\n", "bukan dokumen Perjanjian Kinerja"),
        (
            b"PERJANJIAN KINERJA TAHUN 2024\nNama : A\nJabatan : Camat X\nNO\tSASARAN\tINDIKATOR\tTARGET\n",
            "baris 4",
        ),
    ],
)
def test_unusable_input_exits_2_with_a_message_and_no_traceback(tmp_path, content, fragment):
    f = tmp_path / "dokumen.txt"
    f.write_bytes(content)
    res = run_cli("pk", "parse", str(f))
    assert res.returncode == 2
    assert fragment in res.stderr
    assert "Traceback" not in res.stderr


def test_scanned_pdf_says_it_needs_ocr(tmp_path):
    import typst

    src = tmp_path / "pindaian.typ"
    src.write_text("#set page(width: 10cm, height: 8cm)\n#rect(width: 6cm, height: 4cm, fill: gray)\n")
    f = tmp_path / "pindaian.pdf"
    typst.compile(str(src), output=str(f))
    res = run_cli("pk", "parse", str(f))
    assert res.returncode == 2
    assert "OCR" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.django_db
def test_import_seed_then_again_leaves_one_pk():
    call_command("pk", "import", str(SEED))
    call_command("pk", "import", str(SEED))
    assert PerjanjianKinerja.objects.count() == 1
    pk = PerjanjianKinerja.objects.get()
    assert pk.tahun == 2024
    assert pk.unit.nama == "Kecamatan Bajeng"
    assert pk.unit.induk.nama == "Kabupaten Gowa"
    assert Indikator.objects.filter(sasaran__perjanjian=pk).count() == 18
    assert sum(p.anggaran for p in pk.program.all()) == Decimal("5204765371.00")
    assert pk.status == "draf" and not pk.publik
    assert Unit.objects.count() == 2
    assert Pejabat.objects.count() == 2


@pytest.mark.django_db
def test_import_prints_id_link_and_status_and_draft_stays_accepted(capsys):
    call_command("pk", "import", str(SEED), "--draft")  # the old flag: a draft is the default now
    pk = PerjanjianKinerja.objects.get()
    out = capsys.readouterr().out
    assert f"ID: {pk.pk} · status: Draf" in out and f"Tautan: /pk/{pk.pk}/" in out
    assert not pk.publik


@pytest.mark.django_db
def test_import_of_unusable_file_exits_2_and_stores_nothing(tmp_path, capsys):
    f = tmp_path / "rusak.txt"
    f.write_text("PERJANJIAN KINERJA TAHUN 2024\nNama : A\nNO\tSASARAN\tINDIKATOR\tTARGET\n")
    with pytest.raises(SystemExit) as exit_:
        call_command("pk", "import", str(f))
    assert exit_.value.code == 2
    assert "Tidak ada yang disimpan" in capsys.readouterr().err
    assert PerjanjianKinerja.objects.count() == 0
    assert Unit.objects.count() == 0


@pytest.mark.django_db
def test_import_of_two_pks_is_one_transaction(tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8")
    # The second PK has no pihak pertama name: the service refuses it, so the first is not kept either.
    broken = text.replace("Nama : SITI HAERANI, S.SOS", "Nama :").replace("SITI HAERANI, S.SOS\nNIP", "\nNIP")
    broken = broken.replace("Camat Bajeng", "Camat Pallangga")
    broken = broken.replace("KECAMATAN BAJENG", "KECAMATAN PALLANGGA")
    f = tmp_path / "dua.txt"
    f.write_text(text + "\n\n" + broken, encoding="utf-8")
    from kinerja.domain import pk_text

    pks = pk_text.parse_file(str(f))
    assert len(pks) == 2
    if pks[1].pihak_pertama is not None:
        pytest.fail(f"fixture should lack the pihak pertama, got {pks[1].pihak_pertama}")
    with pytest.raises(SystemExit) as exit_:
        call_command("pk", "import", str(f))
    assert exit_.value.code == 2
    assert PerjanjianKinerja.objects.count() == 0


@pytest.mark.django_db
def test_demo_command_loads_seed_and_account_idempotently():
    from django.contrib.auth import get_user_model

    muat_demo("demo")
    muat_demo("demo")
    assert PerjanjianKinerja.objects.count() == 1
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("kinerja-demo")


@pytest.mark.django_db
def test_demo_skm_closes_a_period_whose_ikm_shows_beside_the_pk(client):
    from django.urls import reverse

    from kinerja.surveys.models import PeriodeSurvei, SnapshotIKM

    muat_demo("demo")
    muat_demo("demo_skm")
    muat_demo("demo_skm")  # idempotent
    assert PeriodeSurvei.objects.count() == 2
    snapshot = SnapshotIKM.objects.get(jenis_layanan__isnull=True)
    assert snapshot.jumlah_responden == 320
    pk = PerjanjianKinerja.objects.get()
    html = client.get(reverse("agreements:pk_detail", args=[pk.pk])).content.decode()
    assert "IKM Semester I 2024" in html
    assert str(snapshot.nilai).replace(".", ",") in html
