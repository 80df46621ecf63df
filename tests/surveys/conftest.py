"""SKM fixtures on top of the fixed cast (tests/conftest.py): an open period of unit A and of unit B."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone


@pytest.fixture
def buat_periode(db):
    """Make an open period of a unit, running from a week ago to a week ahead: `buat_periode(unit_a)`."""
    from kinerja.surveys.services import buat_periode as buat

    def _buat(unit, **kwargs):
        hari = timezone.localdate()
        kwargs.setdefault("judul", f"Semester I {unit.nama}")
        kwargs.setdefault("tanggal_mulai", hari - timedelta(days=7))
        kwargs.setdefault("tanggal_selesai", hari + timedelta(days=7))
        return buat(unit, **kwargs)

    return _buat


@pytest.fixture
def periode_a(buat_periode, unit_a):
    return buat_periode(unit_a)


@pytest.fixture
def periode_b(buat_periode, unit_b):
    return buat_periode(unit_b)


@pytest.fixture
def layanan_a(unit_a):
    from kinerja.surveys.models import JenisLayanan

    return [
        JenisLayanan.objects.create(unit=unit_a, nama="KTP elektronik", urutan=1),
        JenisLayanan.objects.create(unit=unit_a, nama="Surat keterangan usaha", urutan=2),
    ]


def jawaban_penuh(nilai: int | list[int] = 3) -> dict[str, int]:
    """Answers to the nine unsur of 2017: all the same value, or one per unsur."""
    daftar = nilai if isinstance(nilai, list) else [nilai] * 9
    return {f"U{i}": v for i, v in enumerate(daftar, start=1)}


def data_post(nonce: str, nilai: int | list[int] = 3, **lain) -> dict[str, str]:
    """What a browser sends for the public form."""
    data = {k: str(v) for k, v in jawaban_penuh(nilai).items()}
    data["nonce"] = nonce
    data.update({k: str(v) for k, v in lain.items()})
    return data
