"""`to_domain_banyak` reads many stored PKs exactly as `to_domain` reads one, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kinerja.agreements.domain_pk import to_domain, to_domain_banyak
from kinerja.agreements.models import PerjanjianKinerja
from kinerja.agreements.services import import_pk
from kinerja.domain import pk as d
from tests.conftest import build_pk_data

pytestmark = pytest.mark.django_db


def test_many_read_as_each_one(pk_factory, unit_a, unit_b):
    pk_factory(unit_a, n_indikator=12)
    pk_factory(unit_b, n_indikator=3, draft=True)
    data = replace(
        build_pk_data(n_indikator=2, tahun=2025, penjelasan=False),
        pihak_kedua=None,
        tanda_tangan=(),
        program=(d.Program(nama="Program Tanpa Pagu"),),
        sasaran=(
            d.Sasaran(tingkat="kegiatan", uraian="Tanpa indikator"),
            d.Sasaran(
                tingkat="strategis",
                uraian="Dengan target desimal",
                indikator=(
                    d.Indikator(uraian="Nilai", target=d.Target(teks="3,250", nilai=Decimal("3.250"))),
                ),
            ),
        ),
    )
    import_pk(data)
    pks = list(PerjanjianKinerja.objects.untuk_halaman().order_by("pk"))
    assert len(pks) == 3
    assert to_domain_banyak(pks) == [to_domain(pk) for pk in pks]


def test_queries_do_not_grow_with_the_number_of_pks(pk_factory, unit_a, django_assert_num_queries):
    for tahun in range(2020, 2026):
        pk_factory(unit_a, n_indikator=4, tahun=tahun)
    pks = list(PerjanjianKinerja.objects.untuk_halaman())
    with django_assert_num_queries(6):
        to_domain_banyak(pks)
    assert to_domain_banyak([]) == []
