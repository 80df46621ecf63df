"""`kinerja pk import|aksi|perubahan|beda|riwayat` and `kinerja pengguna`: exit 0 done, 1 refused, 2 bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kinerja.agreements.models import PerjanjianKinerja
from kinerja.units.models import UnitRole
from tests.agreements.test_pk_alur import SEED, seed_diperbaiki

pytestmark = pytest.mark.django_db


def _jalan(capsys, *args) -> tuple[int, str, str]:
    """Run `kinerja …` as the command line does: (exit status, stdout, stderr)."""
    try:
        call_command(*args)
        kode = 0
    except SystemExit as err:
        kode = int(err.code or 0)
    out, err = capsys.readouterr()
    return kode, out, err


@pytest.fixture
def berkas(tmp_path) -> dict[str, Path]:
    asli = tmp_path / "pk-bajeng.txt"
    asli.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    benar = tmp_path / "pk-bajeng-diperbaiki.txt"
    benar.write_text(seed_diperbaiki(), encoding="utf-8")
    perubahan = tmp_path / "pk-bajeng-perubahan.txt"
    perubahan.write_text(seed_diperbaiki().replace("Rp 33.800.000,00", "Rp 45.000.000,00"), encoding="utf-8")
    scan = tmp_path / "ttd.pdf"
    scan.write_bytes(b"%PDF-1.4\n% pindaian bertanda tangan\n")
    bukan = tmp_path / "ttd.txt"
    bukan.write_text("bukan pindaian")
    return {"asli": asli, "benar": benar, "perubahan": perubahan, "scan": scan, "bukan": bukan}


def test_the_whole_round_on_the_command_line(capsys, berkas, operator_a, pimpinan_a, admin_pemda):
    kode, out, _ = _jalan(capsys, "pk", "import", str(berkas["asli"]), "--oleh", "operator_a")
    pk = PerjanjianKinerja.objects.get()
    assert kode == 0 and f"ID: {pk.pk} · status: Draf" in out and f"Tautan: /pk/{pk.pk}/" in out
    i = str(pk.pk)

    # Galat block the submission: exit 1, naming them.
    kode, _, err = _jalan(capsys, "pk", "aksi", "--id", i, "ajukan", "--oleh", "operator_a")
    assert kode == 1 and "Ditolak:" in err and "PK-TTD-001" in err and "4 galat" in err

    _jalan(capsys, "pk", "import", str(berkas["benar"]), "--oleh", "operator_a")
    # Open peringatan are listed; --akui-peringatan acknowledges them (traced).
    kode, _, err = _jalan(capsys, "pk", "aksi", "--id", i, "ajukan", "--oleh", "operator_a")
    assert kode == 1 and "7 peringatan belum diakui" in err and "--akui-peringatan" in err
    kode, out, _ = _jalan(
        capsys, "pk", "aksi", "--id", i, "ajukan", "--oleh", "operator_a", "--akui-peringatan"
    )
    assert kode == 0 and "status Diajukan" in out

    # The operator may not approve; the pimpinan may.
    kode, _, err = _jalan(capsys, "pk", "aksi", "--id", i, "setujui", "--oleh", "operator_a")
    assert kode == 1 and "tidak berhak" in err
    assert _jalan(capsys, "pk", "aksi", "--id", i, "setujui", "--oleh", "pimpinan_a")[0] == 0

    # The scan must be a PDF or an image: exit 2 for anything else, nothing changes.
    kode, _, err = _jalan(
        capsys,
        "pk",
        "aksi",
        "--id",
        i,
        "tandatangani",
        "--oleh",
        "operator_a",
        "--berkas",
        str(berkas["bukan"]),
    )
    assert kode == 2 and "bukan PDF, PNG atau JPEG" in err
    kode, _, err = _jalan(capsys, "pk", "aksi", "--id", i, "tandatangani", "--oleh", "operator_a")
    assert kode == 1 and "pindaian" in err
    kode, _, _ = _jalan(
        capsys,
        "pk",
        "aksi",
        "--id",
        i,
        "tandatangani",
        "--oleh",
        "operator_a",
        "--berkas",
        str(berkas["scan"]),
    )
    assert kode == 0
    assert _jalan(capsys, "pk", "aksi", "--id", i, "terbitkan", "--oleh", "admin_pemda")[0] == 0
    pk.refresh_from_db()
    assert pk.status == "diterbitkan"

    # Re-import past draf: refused (exit 1) with what to do.
    kode, _, err = _jalan(capsys, "pk", "import", str(berkas["benar"]), "--oleh", "operator_a")
    assert kode == 1 and f"kinerja pk perubahan --id {pk.pk}" in err

    # A perubahan from a file, then the comparison.
    kode, out, _ = _jalan(
        capsys,
        "pk",
        "perubahan",
        "--id",
        i,
        str(berkas["perubahan"]),
        "--alasan",
        "b",
        "--keterangan",
        "APBD-Perubahan",
        "--oleh",
        "operator_a",
    )
    v2 = PerjanjianKinerja.objects.get(menggantikan=pk)
    assert kode == 0 and f"id {v2.pk}" in out and "versi 2" in out and f"Tautan: /pk/{v2.pk}/" in out
    kode, out, _ = _jalan(capsys, "pk", "beda", "--id", i, "--id", str(v2.pk), "--json")
    beda = json.loads(out)
    assert kode == 0 and beda["lama"] == pk.pk and beda["baru"] == v2.pk
    assert {
        "aksi": "pk.program.ubah",
        "judul": "Program “Program Pembinaan dan Pengawasan Pemerintahan Desa”",
        "lama": [0],
        "baru": [0],
        "bidang": [{"bidang": "anggaran", "lama": "33800000.00", "baru": "45000000.00"}],
    } in beda["perubahan"]
    kode, out, _ = _jalan(capsys, "pk", "beda", "--id", i, "--id", str(v2.pk))
    assert kode == 0 and "PROGRAM DAN ANGGARAN" in out and "Rp33.800.000,00 → Rp45.000.000,00" in out

    # The trail, oldest first, as JSON with fixed keys.
    kode, out, _ = _jalan(capsys, "pk", "riwayat", "--id", i, "--json")
    riwayat = json.loads(out)
    assert kode == 0
    assert all(set(r) == {"waktu", "oleh", "aksi", "dari", "ke", "catatan", "perubahan"} for r in riwayat)
    transisi = [
        (r["aksi"], r["oleh"], r["dari"], r["ke"])
        for r in riwayat
        if r["aksi"] in ("pk.ajukan", "pk.setujui", "pk.tandatangani", "pk.terbitkan")
    ]
    assert transisi == [
        ("pk.ajukan", "operator_a", "draf", "diajukan"),
        ("pk.setujui", "pimpinan_a", "diajukan", "disetujui"),
        ("pk.tandatangani", "operator_a", "disetujui", "ditandatangani"),
        ("pk.terbitkan", "admin_pemda", "ditandatangani", "diterbitkan"),
    ]
    assert sum(1 for r in riwayat if r["aksi"] == "pk.peringatan.akui") == 7
    kode, out, _ = _jalan(capsys, "pk", "riwayat", "--id", i)
    assert kode == 0 and "Diterbitkan (pk.terbitkan)" in out


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (("pk", "aksi", "--id", "9999", "ajukan", "--oleh", "x"), "tidak ada"),
        (("pk", "riwayat", "--id", "9999"), "tidak ada"),
        (("pk", "beda", "--id", "1"), "dua PK"),
    ],
)
def test_bad_input_exits_2_with_a_message(capsys, args, pesan):
    kode, _, err = _jalan(capsys, *args)
    assert kode == 2 and pesan in err and "Traceback" not in err


def test_unknown_user_and_import_as_signed_need_a_named_user_and_scan(capsys, berkas, pimpinan_a):
    kode, _, err = _jalan(capsys, "pk", "import", str(berkas["benar"]), "--oleh", "siapa")
    assert kode == 2 and "Pengguna “siapa” tidak ada" in err
    kode, _, err = _jalan(capsys, "pk", "import", str(berkas["benar"]), "--ditandatangani")
    assert kode == 2 and "--oleh" in err
    kode, _, err = _jalan(
        capsys, "pk", "import", str(berkas["benar"]), "--ditandatangani", "--oleh", "pimpinan_a"
    )
    assert kode == 2 and "--tanpa-pindaian" in err
    assert not PerjanjianKinerja.objects.exists()
    kode, out, _ = _jalan(
        capsys,
        "pk",
        "import",
        str(berkas["benar"]),
        "--ditandatangani",
        "--oleh",
        "pimpinan_a",
        "--tanpa-pindaian",
    )
    pk = PerjanjianKinerja.objects.get()
    assert kode == 0 and pk.status == "ditandatangani" and "status: Ditandatangani" in out
    kode, out, _ = _jalan(capsys, "pk", "riwayat", "--id", str(pk.pk), "--json")
    terakhir = json.loads(out)[-1]
    assert terakhir["aksi"] == "pk.tandatangani" and terakhir["oleh"] == "pimpinan_a"
    assert "Tanpa pindaian" in terakhir["catatan"]


def test_an_operator_cannot_import_as_signed(capsys, berkas, operator_a):
    kode, _, err = _jalan(
        capsys,
        "pk",
        "import",
        str(berkas["benar"]),
        "--ditandatangani",
        "--oleh",
        "operator_a",
        "--tanpa-pindaian",
    )
    assert kode == 1 and "Hanya pimpinan atau admin" in err
    assert not PerjanjianKinerja.objects.exists()


def test_pengguna_tambah_and_daftar(capsys, unit_a, pemda):
    kode, out, _ = _jalan(
        capsys,
        "pengguna",
        "tambah",
        "ops",
        "--unit",
        "kecamatan bajeng",
        "--peran",
        "operator",
        "--sandi-acak",
    )
    user = get_user_model().objects.get(username="ops")
    sandi = out.split("Sandi: ")[1].split(" ")[0]
    assert kode == 0 and user.check_password(sandi)
    assert UnitRole.objects.filter(user=user, unit=unit_a, peran="operator").exists()
    # Again with another role: the user stays, the role is added; the password is not touched.
    kode, out, _ = _jalan(capsys, "pengguna", "tambah", "ops", "--unit", "Kec. Bajeng", "--peran", "pimpinan")
    user.refresh_from_db()
    assert kode == 0 and user.check_password(sandi) and "Sandi" not in out
    assert set(UnitRole.objects.filter(user=user).values_list("peran", flat=True)) == {"operator", "pimpinan"}
    kode, out, _ = _jalan(capsys, "pengguna", "daftar")
    assert kode == 0 and "ops: Operator @ Kecamatan Bajeng; Pimpinan @ Kecamatan Bajeng" in out


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (
            ("pengguna", "tambah", "x", "--unit", "Kecamatan Entah", "--peran", "operator", "--sandi-acak"),
            "tidak ada",
        ),
        (("pengguna", "tambah", "x", "--unit", "Kecamatan Bajeng", "--peran", "operator"), "--sandi-acak"),
        (("pengguna", "tambah", "x", "--unit", "99999", "--peran", "operator", "--sandi-acak"), "id 99999"),
    ],
)
def test_pengguna_bad_input_exits_2(capsys, unit_a, args, pesan):
    kode, _, err = _jalan(capsys, *args)
    assert kode == 2 and pesan in err
    assert not get_user_model().objects.filter(username="x").exists()
