"""The PK page runs a fixed number of SQL queries, whatever the number of indicators."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _jumlah_query(client, pk) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(reverse("agreements:pk_detail", args=[pk.pk]))
    assert r.status_code == 200
    return len(q.captured_queries)


def test_page_queries_do_not_grow_with_indicators(client, pk_factory, unit_a, django_assert_num_queries):
    kecil = pk_factory(unit_a, n_indikator=3)
    besar = pk_factory(unit_a, n_indikator=200, tahun=2025)
    n = _jumlah_query(client, kecil)
    assert n <= 8
    with django_assert_num_queries(n):
        r = client.get(reverse("agreements:pk_detail", args=[besar.pk]))
    assert r.content.decode().count("<h3") == 200


def test_page_queries_are_fixed_for_a_logged_in_user_too(client_as, operator_a, pk_factory, unit_a):
    client = client_as(operator_a)
    kecil = pk_factory(unit_a, n_indikator=3, draft=True)
    besar = pk_factory(unit_a, n_indikator=200, draft=True, tahun=2025)
    assert _jumlah_query(client, kecil) == _jumlah_query(client, besar)


def test_list_queries_do_not_grow_with_pks(client, pk_factory, unit_a, django_assert_max_num_queries):
    for tahun in range(2020, 2026):
        pk_factory(unit_a, n_indikator=4, tahun=tahun)
    with django_assert_max_num_queries(4):
        client.get("/")
