"""Backup and restore round trip: every row and every media file identical after `kinerja cadangan
pulihkan` of what `kinerja cadangan buat` made (on SQLite and on PostgreSQL), and a damaged backup
refused before anything is replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from kinerja.cadangan import CadanganGagal, buat, jumlah_baris, pulihkan
from kinerja.units.models import Unit

pytestmark = pytest.mark.django_db(transaction=True)


def _semua_baris() -> str:
    """Every row of every table, serialised in a fixed order (the database's whole content)."""
    objek = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if model._meta.managed and not model._meta.proxy:
            objek += list(model._default_manager.order_by("pk"))
    return serializers.serialize("json", objek)


def _media(akar: Path) -> dict[str, bytes]:
    return {p.relative_to(akar).as_posix(): p.read_bytes() for p in sorted(akar.rglob("*")) if p.is_file()}


def test_a_backup_restores_every_row_and_file(settings, tmp_path, pk_factory, unit_a, operator_a):
    pk_factory(unit_a, tahun=2024)
    media = Path(settings.MEDIA_ROOT)
    (media / "pindaian").mkdir(parents=True, exist_ok=True)
    (media / "pindaian" / "pk-2024.pdf").write_bytes(b"%PDF-1.4 ditandatangani\n")
    (media / "bukti.jpg").write_bytes(bytes(range(256)) * 40)
    sebelum, berkas_sebelum, hitungan = _semua_baris(), _media(media), jumlah_baris()

    manifest = buat(tmp_path / "cadangan")
    assert manifest["jumlah_baris"] == hitungan and set(manifest["media"]) == {
        "pindaian/pk-2024.pdf",
        "bukti.jpg",
    }

    # Life goes on, then something goes wrong: rows changed and added, a file lost, one added.
    Unit.objects.filter(pk=unit_a.pk).update(nama="Kecamatan Rusak")
    Unit.objects.create(nama="Unit Sesudah Cadangan", jenis="sub_unit", induk=unit_a)
    (media / "bukti.jpg").unlink()
    (media / "baru.txt").write_text("sesudah cadangan")

    pulihkan(tmp_path / "cadangan")
    assert _semua_baris() == sebelum
    assert _media(Path(settings.MEDIA_ROOT)) == berkas_sebelum
    disisihkan = [p for p in media.parent.iterdir() if p.name.startswith(f"{media.name}.sebelum-pulih-")]
    assert len(disisihkan) == 1 and (disisihkan[0] / "baru.txt").is_file()  # the replaced media kept aside


def test_a_damaged_backup_is_refused_before_anything_changes(settings, tmp_path, unit_a):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "a.pdf").write_bytes(b"asli")
    buat(tmp_path / "c")
    (tmp_path / "c" / "media" / "a.pdf").write_bytes(b"diubah")
    Unit.objects.filter(pk=unit_a.pk).update(nama="Sesudah")
    with pytest.raises(CadanganGagal, match=r"berkas media tidak sama dengan manifest: a\.pdf"):
        pulihkan(tmp_path / "c")
    assert Unit.objects.get(pk=unit_a.pk).nama == "Sesudah" and (media / "a.pdf").read_bytes() == b"asli"

    manifest = json.loads((tmp_path / "c" / "manifest.json").read_text())
    manifest["migrasi"]["agreements"] = "9999_dari_masa_depan"
    (tmp_path / "c" / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "c" / "media" / "a.pdf").write_bytes(b"asli")
    with pytest.raises(CadanganGagal, match="kinerja yang lebih baru"):
        pulihkan(tmp_path / "c")


def test_the_command_refuses_a_used_folder_and_a_restore_without_yes(tmp_path, capsys):
    (tmp_path / "isi").mkdir()
    (tmp_path / "isi" / "x").write_text("x")
    with pytest.raises(SystemExit) as keluar:
        call_command("cadangan", "buat", str(tmp_path / "isi"))
    assert keluar.value.code == 2 and "sudah berisi" in capsys.readouterr().err
    call_command("cadangan", "buat", str(tmp_path / "baru"))
    assert "Cadangan dibuat di" in capsys.readouterr().out
    with pytest.raises(SystemExit) as keluar:
        call_command("cadangan", "pulihkan", str(tmp_path / "baru"))
    assert keluar.value.code == 2 and "--ya" in capsys.readouterr().err
