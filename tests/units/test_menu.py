"""The menu by role: each person sees only what he may do."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

IMPOR, SKM, UNDUH, ADMIN = "Impor PK", "SKM", "Unduh", "Administrasi"
PEMDA, POHON, HASIL, PK = "Unit dan pengguna", "Pohon kinerja", "Hasil SKM", "Perjanjian Kinerja"
SEMUA = {IMPOR, SKM, UNDUH, ADMIN, PEMDA, POHON, HASIL, PK}
PUBLIK = {PK, POHON}


def _menu(client) -> set[str]:
    html = client.get(reverse("agreements:pk_list")).content.decode()
    nav = html[html.index('aria-label="Navigasi utama"') : html.index("</nav>")]
    return set(re.findall(r'<a href="[^"]+">([^<]+)</a>', nav)) & SEMUA


@pytest.mark.parametrize(
    ("pengguna", "harapan"),
    [
        # A visitor: the published PKs, the pohon kinerja and the SKM results.
        ("anonim", PUBLIK | {HASIL}),
        ("operator_a", PUBLIK | {IMPOR, SKM}),
        ("pimpinan_a", PUBLIK | {SKM}),  # signs and approves; the import of a draft is the operator's
        ("verifikator", PUBLIK | {SKM}),
        ("inspektur", PUBLIK | {SKM}),
        ("admin_pemda", PUBLIK | {IMPOR, SKM, UNDUH, PEMDA}),
    ],
)
def test_each_role_sees_what_it_may_do(request, client, pengguna, harapan):
    if pengguna != "anonim":
        client.force_login(request.getfixturevalue(pengguna))
    assert _menu(client) == harapan


def test_a_user_without_a_role_sees_only_the_public_pages(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("baru", password="rahasia-uji-123"))
    assert _menu(client) == PUBLIK | {HASIL}
