"""The admin pages are scoped to the acting admin's units: the holes that were open, kept closed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.domain import pk as d
from kinerja.units.models import Pejabat, Unit, UnitRole
from kinerja.units.peran import beri_peran
from tests.conftest import _user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_unit(unit_a):
    user = _user("admin_unit", unit_a, None)
    beri_peran(user, unit_a, "admin")
    return user


def test_a_unit_admin_cannot_grant_a_role_above_or_beside_his_unit(
    client_as, admin_unit, pemda, unit_a, unit_b
):
    client = client_as(admin_unit)
    url = reverse("admin:units_unitrole_add")
    form = client.get(url).context["adminform"].form
    assert set(form.fields["unit"].queryset) == {unit_a}
    for unit in (pemda, unit_b):
        r = client.post(url, {"user": admin_unit.pk, "unit": unit.pk, "peran": "admin"})
        assert r.status_code == 200 and r.context["adminform"].form.errors.get("unit")
    assert not UnitRole.objects.filter(unit__in=[pemda, unit_b]).exists()
    # On his own unit, he may.
    staf = _user("staf", unit_a, None)
    r = client.post(url, {"user": staf.pk, "unit": unit_a.pk, "peran": "operator"})
    assert r.status_code == 302 and UnitRole.objects.filter(user=staf, unit=unit_a, peran="operator").exists()


def test_roles_of_other_units_are_not_listed_nor_changeable(client_as, admin_unit, operator_b, unit_b):
    client = client_as(admin_unit)
    r = client.get(reverse("admin:units_unitrole_changelist"))
    assert operator_b.peran_unit.get() not in r.context["cl"].result_list
    r = client.get(reverse("admin:units_unitrole_change", args=[operator_b.peran_unit.get().pk]))
    assert r.status_code == 302  # "does not exist": not his to see


def test_a_unit_admin_cannot_move_his_unit_under_another(client_as, admin_unit, unit_a, unit_b, pemda):
    client = client_as(admin_unit)
    r = client.post(
        reverse("admin:units_unit_change", args=[unit_a.pk]),
        {
            "nama": unit_a.nama,
            "jenis": unit_a.jenis,
            "induk": unit_b.pk,
            "kode": "",
            "peran-TOTAL_FORMS": "0",
            "peran-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code in (200, 403)
    unit_a.refresh_from_db()
    assert unit_a.induk == pemda and unit_a.jalur.startswith(pemda.jalur)


def test_the_pemda_admin_may_reorganise_his_tree(client_as, admin_pemda, unit_a, unit_b, pemda):
    beri_peran(admin_pemda, pemda, "admin")
    r = client_as(admin_pemda).post(
        reverse("admin:units_unit_change", args=[unit_a.pk]),
        {
            "nama": unit_a.nama,
            "jenis": unit_a.jenis,
            "induk": unit_b.pk,
            "kode": "",
            "peran-TOTAL_FORMS": "0",
            "peran-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.induk == unit_b


def test_the_pejabat_admin_shows_only_officials_of_units_one_may_view(
    client_as, admin_unit, unit_a, unit_b, pemda
):
    camat_a = Pejabat.objects.create(nama="Camat A", unit=unit_a)
    camat_b = Pejabat.objects.create(nama="Camat B", unit=unit_b)
    tanpa_unit = Pejabat.objects.create(nama="Tanpa Unit")
    client = client_as(admin_unit)
    r = client.get(reverse("admin:units_pejabat_changelist"))
    assert set(r.context["cl"].result_list) == {camat_a}
    assert client.get(reverse("admin:units_pejabat_change", args=[camat_b.pk])).status_code == 302
    assert client.get(reverse("admin:units_pejabat_change", args=[tanpa_unit.pk])).status_code == 302
    # Nor can he file his official under another unit.
    r = client.post(
        reverse("admin:units_pejabat_change", args=[camat_a.pk]),
        {"nama": "Camat A", "nip": "", "jabatan": "", "pangkat_golongan": "", "unit": unit_b.pk},
    )
    camat_a.refresh_from_db()
    assert r.status_code == 200 and camat_a.unit == unit_a
    assert Unit.objects.count() == 3  # nothing created on the way


def test_an_import_does_not_rename_or_move_another_units_official(operator_b, unit_a, unit_b):
    from kinerja.agreements.services import import_pk
    from tests.conftest import NIP_CAMAT, build_pk_data

    camat_a = Pejabat.objects.create(
        nama="SITI HAERANI, S.SOS", nip=NIP_CAMAT, jabatan="Camat Bajeng", unit=unit_a
    )
    data = build_pk_data(
        unit="Kecamatan Pallangga",
        pihak_pertama=d.Pihak(nama="NAMA LAIN", jabatan="Camat Pallangga", nip=NIP_CAMAT),
    )
    import_pk(data, oleh=operator_b)
    camat_a.refresh_from_db()
    assert (camat_a.nama, camat_a.unit, camat_a.jabatan) == ("SITI HAERANI, S.SOS", unit_a, "Camat Bajeng")


def test_nobody_widens_his_own_reach_through_a_role(client_as, admin_unit, unit_a, pemda):
    client = client_as(admin_unit)
    url = reverse("admin:units_unitrole_add")
    staf = _user("staf", unit_a, None)
    # An inspektorat role reads the whole pemda: only the pemda's admin gives it.
    r = client.post(url, {"user": staf.pk, "unit": unit_a.pk, "peran": "inspektorat"})
    assert r.status_code == 403 and not UnitRole.objects.filter(peran="inspektorat").exists()
    # Nor does an admin make himself pimpinan (and approve his own unit's PK).
    r = client.post(url, {"user": admin_unit.pk, "unit": unit_a.pk, "peran": "pimpinan"})
    assert r.status_code == 403 and not UnitRole.objects.filter(user=admin_unit, peran="pimpinan").exists()


def test_a_unit_admin_saves_his_own_units_page_and_an_admin_role_opens_the_admin(
    client_as, admin_unit, unit_a, pemda
):
    client = client_as(admin_unit)
    staf = _user("staf", unit_a, None)
    r = client.post(
        reverse("admin:units_unit_change", args=[unit_a.pk]),
        {
            "nama": "Kecamatan Bajeng (baru)",
            "jenis": unit_a.jenis,
            "induk": pemda.pk,
            "kode": "",
            "peran-TOTAL_FORMS": "1",
            "peran-INITIAL_FORMS": "0",
            "peran-0-user": staf.pk,
            "peran-0-peran": "admin",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    unit_a.refresh_from_db()
    staf.refresh_from_db()
    assert unit_a.nama == "Kecamatan Bajeng (baru)" and unit_a.induk == pemda
    assert staf.is_staff and staf.groups.filter(name="Admin unit kinerja").exists()
