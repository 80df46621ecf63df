"""The admin in Indonesian: every model's pages load; staff see and change only their units."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pk(pk_factory, unit_a):
    return pk_factory(unit_a, n_indikator=3, draft=True)


def test_pk_changelist_and_change_form_load_for_a_superuser(admin_client, pk):
    r = admin_client.get(reverse("admin:agreements_perjanjiankinerja_changelist"))
    assert r.status_code == 200
    assert "Kecamatan Bajeng" in r.content.decode()
    r = admin_client.get(reverse("admin:agreements_perjanjiankinerja_change", args=[pk.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    # Indonesian labels and the inlines; a draft may be changed.
    for teks in ("Pihak pertama", "Sasaran", "Program", "Tanda tangan", "Simpan"):
        assert teks in html, teks


def test_a_pk_past_draf_is_read_only_in_the_admin_even_for_a_superuser(admin_client, pk_factory, unit_a):
    terbit = pk_factory(unit_a, n_indikator=2)
    r = admin_client.get(reverse("admin:agreements_perjanjiankinerja_change", args=[terbit.pk]))
    assert r.status_code == 200 and r.context["has_change_permission"] is False
    sasaran = terbit.sasaran.first()
    r = admin_client.post(
        reverse("admin:agreements_sasaran_change", args=[sasaran.pk]),
        {"perjanjian": terbit.pk, "tingkat": "strategis", "urutan": 1, "uraian": "Diubah diam-diam"},
    )
    assert r.status_code == 403
    sasaran.refresh_from_db()
    assert sasaran.uraian != "Diubah diam-diam"


def test_an_admin_change_of_a_draft_lands_in_the_trail(admin_client, admin_user, pk):
    from kinerja.riwayat.models import Riwayat

    program = pk.program.order_by("urutan").first()
    r = admin_client.post(
        reverse("admin:agreements_program_change", args=[program.pk]),
        {
            "perjanjian": pk.pk,
            "urutan": program.urutan,
            "jenis": "program",
            "kode": "",
            "nama": program.nama,
            "anggaran": "35000000.00",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    entri = Riwayat.objects.untuk(pk).last()
    assert (entri.aksi, entri.oleh, entri.perubahan) == (
        "pk.program.ubah",
        admin_user,
        [{"bidang": "anggaran", "lama": "33800000.00", "baru": "35000000.00"}],
    )


@pytest.mark.parametrize("app_label", ["units", "agreements"])
def test_every_model_has_a_working_admin(admin_client, pk, app_label):
    for model in apps.get_app_config(app_label).get_models():
        info = (model._meta.app_label, model._meta.model_name)
        assert admin_client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        add = admin_client.get(reverse("admin:{}_{}_add".format(*info))).status_code
        # uploads waiting for acceptance are made by the import page, the printed record of an import
        # by the import, a signed scan by the signing: never by hand in the admin
        tanpa_tambah = {"unggahanpk", "rencanaaksi", "catatanimpor", "pindaianpk"}
        assert add == (403 if model._meta.model_name in tanpa_tambah else 200), info
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


def test_staff_cannot_file_a_pk_or_a_unit_under_a_unit_they_may_not_change(
    rf, operator_b, admin_pemda, unit_a, pemda
):
    from django.contrib import admin as django_admin
    from django.core.exceptions import PermissionDenied

    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.units.models import Pejabat, Unit

    request = rf.post("/admin/")
    request.user = _staf(operator_b)
    pk_admin = django_admin.site._registry[PerjanjianKinerja]
    baru = PerjanjianKinerja(tahun=2024, unit=unit_a, pihak_pertama=Pejabat.objects.create(nama="X"))
    with pytest.raises(PermissionDenied):
        pk_admin.save_model(request, baru, form=None, change=False)
    assert not PerjanjianKinerja.objects.exists()

    unit_admin = django_admin.site._registry[Unit]
    request.user = admin_pemda
    unit_admin.save_model(
        request, Unit(nama="Kelurahan Limbung", jenis="sub_unit", induk=unit_a), None, False
    )
    request.user = operator_b
    with pytest.raises(PermissionDenied):
        unit_admin.save_model(
            request, Unit(nama="Kelurahan Lain", jenis="sub_unit", induk=unit_a), None, False
        )
    with pytest.raises(PermissionDenied):
        unit_admin.save_model(request, Unit(nama="Kabupaten Baru", jenis="pemerintah_daerah"), None, False)
    assert list(Unit.objects.filter(jenis="sub_unit").values_list("nama", flat=True)) == ["Kelurahan Limbung"]
