"""`kinerja pk review`: findings most serious first, JSON keys, exit status 0/1/2."""

import json

import pytest
from django.core.management import call_command

from tests.cli.test_pk_command import ROOT, SEED, run_cli

BENAR = ROOT / "tests" / "domain" / "fixtures" / "pk-bajeng-2024-benar.txt"


def test_review_of_the_seed_exits_1_and_lists_galat_first():
    res = run_cli("pk", "review", str(SEED))
    assert res.returncode == 1, res.stderr
    out = res.stdout
    assert out.index("GALAT") < out.index("PERINGATAN") < out.index("INFO")
    assert "HAKRAN" in out and "197110171993122003" in out


def test_review_json_has_the_fixed_keys():
    res = run_cli("pk", "review", str(SEED), "--json")
    assert res.returncode == 1
    data = json.loads(res.stdout)
    assert data and all(set(t) == {"kode", "tingkat", "pesan", "lokasi", "nilai", "saran"} for t in data)
    levels = [t["tingkat"] for t in data]
    order = {"galat": 0, "peringatan": 1, "info": 2}
    assert levels == sorted(levels, key=order.__getitem__)
    assert {"PK-TTD-001", "PK-TTD-003", "PK-TGT-002", "PK-TGT-007", "PK-TGT-008"} <= {t["kode"] for t in data}


def test_review_of_a_correct_pk_exits_0():
    res = run_cli("pk", "review", str(BENAR))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "GALAT" not in res.stdout and "PERINGATAN" not in res.stdout


@pytest.mark.parametrize("args", [(), ("--id", "1", str(SEED))])
def test_review_needs_exactly_one_source(args):
    res = run_cli("pk", "review", *args)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr


def test_review_of_unusable_file_exits_2(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("bukan PK\n")
    res = run_cli("pk", "review", str(f))
    assert res.returncode == 2
    assert "bukan dokumen Perjanjian Kinerja" in res.stderr


@pytest.mark.django_db
def test_review_by_id_gives_the_same_findings_as_the_file(capsys):
    from kinerja.agreements.models import PerjanjianKinerja

    call_command("pk", "import", str(SEED))
    capsys.readouterr()
    pk = PerjanjianKinerja.objects.get()
    with pytest.raises(SystemExit) as exit_:
        call_command("pk", "review", "--id", str(pk.pk), "--json")
    assert exit_.value.code == 1
    from_db = {(t["kode"], t["pesan"]) for t in json.loads(capsys.readouterr().out)}
    with pytest.raises(SystemExit):
        call_command("pk", "review", str(SEED), "--json")
    from_file = {(t["kode"], t["pesan"]) for t in json.loads(capsys.readouterr().out)}
    assert {k for k, _ in from_db} == {k for k, _ in from_file}


@pytest.mark.django_db
def test_review_of_unknown_id_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("pk", "review", "--id", "999")
    assert exit_.value.code == 2
    assert "999" in capsys.readouterr().err
