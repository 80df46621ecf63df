"""The permission matrix with the fixed cast: each role can do its part, and someone else cannot."""

import pytest
from django.contrib.auth import get_user_model

from kinerja.units.models import Unit, UnitRole
from kinerja.units.permissions import AKSI, can, forget_roles


@pytest.fixture
def pemda_lain(db):
    pemda = Unit.objects.create(nama="Kabupaten Takalar", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    return Unit.objects.create(nama="Kecamatan Galesong", jenis=Unit.Jenis.KECAMATAN, induk=pemda)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("super", "super@example.org", "rahasia-uji-123")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pengguna", "aksi", "sasaran", "boleh"),
    [
        # operator: view and edit the own unit only
        ("operator_a", "view", "unit_a", True),
        ("operator_a", "edit", "unit_a", True),
        ("operator_a", "approve", "unit_a", False),
        ("operator_a", "review", "unit_a", False),
        ("operator_a", "admin", "unit_a", False),
        ("operator_a", "view", "unit_b", False),
        ("operator_a", "edit", "unit_b", False),
        ("operator_a", "view", "pemda", False),
        ("operator_b", "edit", "unit_a", False),
        ("operator_b", "view", "unit_a", False),
        ("operator_b", "edit", "unit_b", True),
        # pimpinan: approve the own unit, view it; nothing on a sibling
        ("pimpinan_a", "approve", "unit_a", True),
        ("pimpinan_a", "view", "unit_a", True),
        ("pimpinan_a", "edit", "unit_a", False),
        ("pimpinan_a", "approve", "unit_b", False),
        ("pimpinan_a", "view", "unit_b", False),
        # verifikator at the pemda: review units strictly below, not the pemda itself
        ("verifikator", "review", "unit_a", True),
        ("verifikator", "review", "unit_b", True),
        ("verifikator", "review", "pemda", False),
        ("verifikator", "view", "unit_a", True),
        ("verifikator", "edit", "unit_a", False),
        ("verifikator", "approve", "unit_a", False),
        ("verifikator", "review", "pemda_lain", False),
        # inspektorat: read every unit of the own pemda (not only below the inspektorat unit)
        ("inspektur", "view", "unit_a", True),
        ("inspektur", "view", "unit_b", True),
        ("inspektur", "view", "pemda", True),
        ("inspektur", "edit", "unit_a", False),
        ("inspektur", "review", "unit_a", False),
        ("inspektur", "view", "pemda_lain", False),
        # admin of the pemda: everything administrative below it, but no approving or reviewing
        ("admin_pemda", "admin", "unit_a", True),
        ("admin_pemda", "edit", "unit_b", True),
        ("admin_pemda", "view", "pemda", True),
        ("admin_pemda", "approve", "unit_a", False),
        ("admin_pemda", "review", "unit_a", False),
        ("admin_pemda", "edit", "pemda_lain", False),
        # the public
        ("anonymous", "view", "unit_a", False),
        ("anonymous", "edit", "unit_a", False),
        # superuser
        ("superuser", "approve", "pemda_lain", True),
        ("superuser", "admin", "unit_a", True),
    ],
)
def test_matrix(request, pengguna, aksi, sasaran, boleh):
    user = request.getfixturevalue(pengguna)
    unit = request.getfixturevalue(sasaran)
    assert can(user, aksi, unit) is boleh


@pytest.mark.django_db
def test_unknown_action_is_an_error(operator_a, unit_a):
    with pytest.raises(ValueError, match="Aksi tidak dikenal"):
        can(operator_a, "hapus", unit_a)


@pytest.mark.django_db
def test_inactive_user_can_do_nothing(operator_a, unit_a):
    operator_a.is_active = False
    assert not can(operator_a, "view", unit_a)


@pytest.mark.django_db
def test_object_with_unit_is_checked_on_its_unit(operator_a, operator_b, anonymous, pk_factory, unit_a):
    draft = pk_factory(unit_a, draft=True)
    assert can(operator_a, "edit", draft)
    assert can(operator_a, "view", draft)
    assert not can(operator_b, "view", draft)
    assert not can(anonymous, "view", draft)


@pytest.mark.django_db
def test_published_pk_is_viewable_by_anyone_but_not_editable(operator_b, anonymous, pk_factory, unit_a):
    terbit = pk_factory(unit_a)
    assert terbit.publik
    assert can(anonymous, "view", terbit)
    assert can(operator_b, "view", terbit)
    assert not can(anonymous, "edit", terbit)
    assert not can(operator_b, "edit", terbit)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pengguna", "terlihat"),
    [
        ("operator_a", {"unit_a"}),
        ("operator_b", {"unit_b"}),
        ("pimpinan_a", {"unit_a"}),
        ("verifikator", {"pemda", "unit_a", "unit_b", "inspektorat_unit"}),
        ("inspektur", {"pemda", "unit_a", "unit_b", "inspektorat_unit"}),
        ("admin_pemda", {"pemda", "unit_a", "unit_b", "inspektorat_unit"}),
        ("anonymous", set()),
        ("superuser", {"pemda", "unit_a", "unit_b", "inspektorat_unit", "pemda_lain"}),
    ],
)
def test_visible_to_agrees_with_can(
    request, pengguna, terlihat, pemda, unit_a, unit_b, inspektorat_unit, pemda_lain
):
    user = request.getfixturevalue(pengguna)
    semua = {"pemda": pemda, "unit_a": unit_a, "unit_b": unit_b, "inspektorat_unit": inspektorat_unit}
    semua["pemda_lain"] = pemda_lain
    harapan = {semua[n] for n in terlihat}
    if pengguna == "superuser":
        harapan.add(pemda_lain.induk)
    assert set(Unit.objects.visible_to(user)) == harapan
    for unit in Unit.objects.all():
        assert can(user, "view", unit) is (unit in harapan)


@pytest.mark.django_db
def test_roles_are_read_once_per_request_user(operator_a, unit_a, unit_b, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert can(operator_a, "edit", unit_a)
        assert not can(operator_a, "edit", unit_b)
    UnitRole.objects.create(user=operator_a, unit=unit_b, peran=UnitRole.Peran.OPERATOR)
    assert not can(operator_a, "edit", unit_b)  # cached until forgotten
    forget_roles(operator_a)
    assert can(operator_a, "edit", unit_b)


def test_every_action_is_documented():
    import kinerja.units.permissions as perm

    assert set(AKSI) == {"view", "edit", "approve", "review", "admin", "evaluate"}
    for aksi in AKSI:
        assert aksi in (perm.__doc__ or "")
