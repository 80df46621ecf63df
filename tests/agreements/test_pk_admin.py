"""The admin in Indonesian: every model's pages load; staff see and change only their units."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pk(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=3)


def test_pk_changelist_and_change_form_load_for_a_superuser(admin_client, pk):
    r = admin_client.get(reverse("admin:agreements_perjanjiankinerja_changelist"))
    assert r.status_code == 200
    assert "Kecamatan Bajeng" in r.content.decode()
    r = admin_client.get(reverse("admin:agreements_perjanjiankinerja_change", args=[pk.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    # Indonesian labels and the inlines.
    for teks in ("Pihak pertama", "Sasaran", "Program", "Tanda tangan", "Simpan"):
        assert teks in html, teks


@pytest.mark.parametrize("app_label", ["units", "agreements"])
def test_every_model_has_a_working_admin(admin_client, pk, app_label):
    for model in apps.get_app_config(app_label).get_models():
        info = (model._meta.app_label, model._meta.model_name)
        assert admin_client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        assert admin_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, info
        obj = model.objects.first()
        if obj is not None:
            url = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            assert admin_client.get(url).status_code == 200, info


def test_admin_requires_login(client, pk):
    r = client.get(reverse("admin:agreements_perjanjiankinerja_changelist"))
    assert r.status_code == 302 and "/admin/login/" in r["Location"]


def _staf(user):
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="agreements"))
    return user


def test_staff_see_only_their_units_drafts_and_change_only_their_units(
    client_as, operator_a, operator_b, pk_factory, unit_a, unit_b
):
    draf_a = pk_factory(unit_a, draft=True)
    terbit_b = pk_factory(unit_b)
    client = client_as(_staf(operator_b))

    r = client.get(reverse("admin:agreements_perjanjiankinerja_changelist"))
    assert set(r.context["cl"].result_list) == {terbit_b}
    assert (
        client.get(reverse("admin:agreements_perjanjiankinerja_change", args=[draf_a.pk])).status_code == 302
    )

    client = client_as(_staf(operator_a))
    r = client.get(reverse("admin:agreements_perjanjiankinerja_change", args=[terbit_b.pk]))
    assert r.status_code == 200
    assert r.context["has_change_permission"] is False  # published elsewhere: read only
    r = client.get(reverse("admin:agreements_perjanjiankinerja_change", args=[draf_a.pk]))
    assert r.context["has_change_permission"] is True
