"""`kinerja skm ikm` end to end: from a file or printed NRR, --ikm-tercetak, --json, exit status 0/1/2."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli.test_pk_command import run_cli

TERBIT = "3,31;3,35;3,40;3,28;3,52;3,45;3,38;3,30;3,36"  # IKM 84,31 (B); range 84,18–84,43
TERBIT_3 = "3,312;3,354;3,401;3,285;3,523;3,448;3,381;3,302;3,365"  # 84,36; with 0,111: 84,28
KEPALA = "U1;U2;U3;U4;U5;U6;U7;U8;U9;jenis_kelamin;saran"
BARIS = [
    "4;3;3;4;3;4;4;3;3;L;",
    "3;3;2;4;3;3;4;3;2;P;Antrean lama",
    "4;4;3;3;4;4;4;3;;P;",
    "3;2;3;4;3;3;3;2;3;L;",
]  # IKM 80,32 (docs/formulas.md §IKM, the hand-computed example)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """The environment to run `kinerja skm` in.

    The `skm` management command lives in the surveys app (kinerja/surveys/management/commands/skm.py)
    and delegates to kinerja.surveys_cli. Until that file exists, a stand-in app with the same
    two-line command is added through a settings module in a temporary folder.
    """
    from django.core.management import get_commands

    if "skm" in get_commands():
        return {}
    root = tmp_path_factory.mktemp("skm_shim")
    commands = root / "skm_shim" / "management" / "commands"
    commands.mkdir(parents=True)
    for d in (root / "skm_shim", root / "skm_shim" / "management", commands):
        (d / "__init__.py").write_text("")
    (commands / "skm.py").write_text(
        "from django.core.management.base import BaseCommand\n"
        "from kinerja import surveys_cli\n\n\n"
        "class Command(BaseCommand):\n"
        "    def add_arguments(self, parser):\n"
        "        surveys_cli.add_arguments(parser)\n\n"
        "    def handle(self, *args, **options):\n"
        "        surveys_cli.handle(self, options)\n"
    )
    (root / "skm_shim_settings.py").write_text(
        "from kinerja.settings import *  # noqa: F403\n"
        "INSTALLED_APPS = [*INSTALLED_APPS, 'skm_shim']  # noqa: F405\n"
    )
    pythonpath = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH", "")]))
    return {"DJANGO_SETTINGS_MODULE": "skm_shim_settings", "PYTHONPATH": pythonpath}


@pytest.fixture
def skm(env):
    def jalankan(*args: str):
        return run_cli("skm", "ikm", *args, **env)

    return jalankan


@pytest.fixture
def csv_file(tmp_path) -> Path:
    f = tmp_path / "jawaban.csv"
    f.write_text("\n".join([KEPALA, *BARIS]) + "\n", encoding="utf-8-sig")
    return f


def test_nrr_text_output(skm) -> None:
    res = skm("--nrr", TERBIT)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "IKM: 84,31 — mutu B (Baik)" in out
    # lowest first
    assert out.index("U4   Biaya/Tarif") < out.index("U8   Sarana dan Prasarana") < out.index("U5   Produk")
    assert "penimbang 1/9 (tepat)" in out


def test_nrr_json_has_the_fixed_keys(skm) -> None:
    res = skm("--nrr", TERBIT, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert list(data)[:5] == ["ikm", "mutu", "kinerja", "nrr", "sesuai"]
    assert (data["ikm"], data["mutu"], data["kinerja"], data["sesuai"]) == ("84.31", "B", "Baik", None)
    assert data["nrr"] == {
        "U1": "3.31",
        "U2": "3.35",
        "U3": "3.40",
        "U4": "3.28",
        "U5": "3.52",
        "U6": "3.45",
        "U7": "3.38",
        "U8": "3.30",
        "U9": "3.36",
    }
    assert data["unsur_terendah"][0] == "U4"


def test_printed_ikm_that_follows_exits_0(skm) -> None:
    res = skm("--nrr", TERBIT, "--ikm-tercetak", "84,31", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["sesuai"] is True
    assert data["kesesuaian"]["penimbang_cocok"] == "tepat"


def test_printed_ikm_that_does_not_follow_exits_1(skm) -> None:
    res = skm("--nrr", TERBIT, "--ikm-tercetak", "87,28")
    assert res.returncode == 1, res.stderr
    assert "IKM tercetak: TIDAK SESUAI" in res.stdout
    res = skm("--nrr", TERBIT, "--ikm-tercetak", "87,28", "--json")
    assert res.returncode == 1
    assert json.loads(res.stdout)["sesuai"] is False


def test_printed_ikm_that_only_follows_with_0111(skm) -> None:
    res = skm("--nrr", TERBIT_3, "--ikm-tercetak", "84,28")
    assert res.returncode == 0, res.stderr
    assert "hanya sesuai bila dihitung dengan penimbang 0,111" in res.stdout


def test_nrr_on_the_25_100_scale_and_legacy_weight(skm) -> None:
    res = skm("--nrr", "100;100;100;100;100;100;100;100;100", "--penimbang", "0,111", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["ikm"], data["penimbang"], data["nrr"]["U1"]) == ("99.90", "0,111", "4.00")


def test_2004_regime(skm) -> None:
    res = skm("--nrr", ";".join(["3,10"] * 7 + ["3,20"] * 7), "--regime", "2004", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert (data["ikm"], data["mutu"], data["regime"]) == ("78.75", "B", "2004")


def test_csv_file(skm, csv_file) -> None:
    res = skm(str(csv_file), "--ikm-tercetak", "80,32")
    assert res.returncode == 0, res.stderr
    assert "IKM: 80,32 — mutu B (Baik)" in res.stdout
    assert "Jumlah responden: 4" in res.stdout
    assert "IKM tercetak: SESUAI" in res.stdout


def test_xlsx_file_json(skm, tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for baris in [KEPALA, *BARIS]:
        ws.append([int(x) if x.isdigit() else (x or None) for x in baris.split(";")])
    f = tmp_path / "jawaban.xlsx"
    wb.save(f)
    res = skm(str(f), "--json", "--ikm-tercetak", "80,33")
    assert res.returncode == 1, res.stderr
    data = json.loads(res.stdout)
    assert (data["ikm"], data["jumlah_responden"], data["sesuai"]) == ("80.32", 4, False)
    assert data["nrr"]["U9"] == "2.67"


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        ((), "sebutkan satu sumber"),
        (("x.csv", "--nrr", TERBIT), "sebutkan satu sumber"),
        (("--nrr", "3,31;3,35;3,40"), "Tertulis 3 NRR, padahal PermenPANRB 14/2017 memakai 9 unsur"),
        (("--nrr", "3,31;3,35;3,40;3,28;3,52;3,45;3,38;3,30;tiga"), "NRR ke-9"),
        (("--nrr", TERBIT, "--ikm-tercetak", "delapan puluh"), "IKM tercetak"),
        (("tidak-ada.csv",), "tidak ditemukan"),
    ],
)
def test_unusable_input_exits_2_without_traceback(skm, args, pesan) -> None:
    res = skm(*args)
    assert res.returncode == 2, res.stdout + res.stderr
    assert pesan in res.stderr
    assert "Traceback" not in res.stderr


def test_file_with_row_errors_exits_2_listing_them(skm, tmp_path) -> None:
    f = tmp_path / "salah.csv"
    f.write_text("\n".join([KEPALA, "5;3;3;4;3;4;4;3;3;L;", "3;x;2;4;3;3;4;3;2;P;"]) + "\n")
    res = skm(str(f))
    assert res.returncode == 2
    assert "Berkas salah.csv ditolak: 2 galat" in res.stderr
    assert "baris 2, kolom U1: jawaban 5 di luar skala 1 sampai 4" in res.stderr
    assert "baris 3, kolom U2" in res.stderr
    assert "Traceback" not in res.stderr
