"""A published PK of 2024 for monitoring tests, and the dates its triwulan are entered on."""

from datetime import date

import pytest

# TW I of 2024 is entered until 10 April 2024 (the default deadline).
HARI_TW1 = date(2024, 4, 5)
SESUDAH_TW1 = date(2024, 4, 11)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def pk_pantau(pk_factory, unit_a):
    """Kecamatan Bajeng's published PK 2024: IKM (84), a percentage (100%), a count (8 unit)."""
    return pk_factory(unit_a, n_indikator=3)


@pytest.fixture
def indikator(pk_pantau):
    from kinerja.agreements.models import Indikator

    return list(
        Indikator.objects.filter(sasaran__perjanjian=pk_pantau).order_by("sasaran__urutan", "urutan", "pk")
    )
