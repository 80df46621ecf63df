"""The pemda's administration services (kinerja/units/layanan.py): who may do each change, what lands in
the trail, and the rules of the tree (no moving one's own unit, nothing outside one's subtree)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from kinerja.riwayat.models import Riwayat
from kinerja.units import layanan
from kinerja.units.models import Pejabat, Unit, UnitRole
from kinerja.units.peran import GRUP_ADMIN, beri_peran
from kinerja.units.permissions import can
from tests.conftest import _user

pytestmark = pytest.mark.django_db

NIP_A = "197110101993122003"
NIP_B = "198001012005011002"


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    """A fast password hasher for the cast (PBKDF2 costs half a second a user)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin_unit(unit_a):
    """Admin of unit A (Kecamatan Bajeng): his subtree is unit A and the kelurahan below it."""
    user = _user("admin_unit", unit_a, None)
    beri_peran(user, unit_a, "admin")
    return user


@pytest.fixture
def w(pemda, unit_a, unit_b, admin_unit, admin_pemda, operator_a, operator_b, sistem):
    """The cast and the objects the cases act on."""
    sub_a = Unit.objects.create(nama="Kelurahan Bontosunggu", jenis=Unit.Jenis.SUB_UNIT, induk=unit_a)
    sub2_a = Unit.objects.create(nama="Kelurahan Tubajeng", jenis=Unit.Jenis.SUB_UNIT, induk=unit_a)
    return SimpleNamespace(
        pemda=pemda,
        unit_a=unit_a,
        unit_b=unit_b,
        sub_a=sub_a,
        sub2_a=sub2_a,
        pejabat_a=Pejabat.objects.create(nama="SITI HAERANI, S.Sos", jabatan="Camat Bajeng", unit=unit_a),
        pejabat_b=Pejabat.objects.create(nama="H. MUH. ALI", jabatan="Camat Pallangga", unit=unit_b),
        baru=_user("pengguna_baru", unit_a, None),
        pemeran={
            "admin_unit": admin_unit,
            "admin_pemda": admin_pemda,
            "operator_a": operator_a,
            "sistem": sistem,
        },
        role_operator_a=UnitRole.objects.get(user=operator_a),
        role_operator_b=UnitRole.objects.get(user=operator_b),
        role_admin_unit=UnitRole.objects.get(user=admin_unit),
    )


def _keadaan() -> tuple:
    """Everything a refused change must leave as it was."""
    return (
        list(Unit.objects.order_by("pk").values_list("pk", "nama", "jenis", "kode", "induk_id", "jalur")),
        list(Pejabat.objects.order_by("pk").values_list("pk", "nama", "nip", "jabatan", "unit_id")),
        list(UnitRole.objects.order_by("pk").values_list("pk", "user_id", "unit_id", "peran")),
        list(get_user_model().objects.order_by("pk").values_list("pk", "username", "is_staff")),
        Riwayat.objects.count(),
    )


# --------------------------------------------------------------------------------------------------
# Who may do what: every service, allowed and refused, for the four members of the cast
# --------------------------------------------------------------------------------------------------

PEMERAN = ("admin_unit", "admin_pemda", "operator_a", "sistem")
ADMIN_A = frozenset({"admin_unit", "admin_pemda", "sistem"})  # admin on unit A (and its subtree)
ADMIN_PEMDA = frozenset({"admin_pemda", "sistem"})  # admin on the pemda: everything
SUPERUSER = frozenset({"sistem"})


@dataclass(frozen=True)
class Kasus:
    nama: str
    jalankan: Callable[[SimpleNamespace, Any], Any]
    aksi: str  # the trail's action code
    boleh: frozenset[str]
    objek: Callable[[SimpleNamespace], Any]  # whose trail gets the entry


def _unit_baru(induk: str, nama: str = "Kelurahan Baru", jenis: str = "sub_unit"):
    return lambda w, oleh: layanan.tambah_unit(
        oleh, nama=nama, jenis=jenis, induk=getattr(w, induk) if induk else None
    )


KASUS = [
    # Units: added under a unit one administers; a root only by a superuser.
    Kasus(
        "unit baru di unit A",
        _unit_baru("unit_a"),
        "unit.tambah",
        ADMIN_A,
        lambda w: Unit.objects.latest("pk"),
    ),
    Kasus(
        "unit baru di sub A", _unit_baru("sub_a"), "unit.tambah", ADMIN_A, lambda w: Unit.objects.latest("pk")
    ),
    Kasus(
        "unit baru di unit B",
        _unit_baru("unit_b"),
        "unit.tambah",
        ADMIN_PEMDA,
        lambda w: Unit.objects.latest("pk"),
    ),
    Kasus(
        "unit baru di pemda",
        _unit_baru("pemda", "Dinas Baru", "perangkat_daerah"),
        "unit.tambah",
        ADMIN_PEMDA,
        lambda w: Unit.objects.latest("pk"),
    ),
    Kasus(
        "unit akar baru",
        _unit_baru("", "Kabupaten Takalar", "pemerintah_daerah"),
        "unit.tambah",
        SUPERUSER,
        lambda w: Unit.objects.latest("pk"),
    ),
    # Renamed where one administers (unit A's admin may rename unit A itself).
    Kasus(
        "ubah unit A",
        lambda w, oleh: layanan.ubah_unit(oleh, w.unit_a, nama="Kecamatan Bajeng Baru", jenis="kecamatan"),
        "unit.ubah",
        ADMIN_A,
        lambda w: w.unit_a,
    ),
    Kasus(
        "ubah unit B",
        lambda w, oleh: layanan.ubah_unit(oleh, w.unit_b, nama="Pallangga", jenis="kecamatan", kode="X"),
        "unit.ubah",
        ADMIN_PEMDA,
        lambda w: w.unit_b,
    ),
    # Moved only by an admin of a unit above it, and only under a unit he administers.
    Kasus(
        "pindah unit A ke unit B",
        lambda w, oleh: layanan.pindah_unit(oleh, w.unit_a, w.unit_b),
        "unit.pindah",
        ADMIN_PEMDA,
        lambda w: w.unit_a,
    ),
    Kasus(
        "pindah sub A ke sub2 A",
        lambda w, oleh: layanan.pindah_unit(oleh, w.sub_a, w.sub2_a),
        "unit.pindah",
        ADMIN_A,
        lambda w: w.sub_a,
    ),
    Kasus(
        "pindah sub A ke unit B",
        lambda w, oleh: layanan.pindah_unit(oleh, w.sub_a, w.unit_b),
        "unit.pindah",
        ADMIN_PEMDA,
        lambda w: w.sub_a,
    ),
    Kasus(
        "pindah unit B ke unit A",
        lambda w, oleh: layanan.pindah_unit(oleh, w.unit_b, w.unit_a),
        "unit.pindah",
        ADMIN_PEMDA,
        lambda w: w.unit_b,
    ),
    Kasus(
        "pindah sub A jadi akar",
        lambda w, oleh: layanan.pindah_unit(oleh, w.sub_a, None),
        "unit.pindah",
        SUPERUSER,
        lambda w: w.sub_a,
    ),
    # Pejabat: of units one administers (an operator edits PKs, not the officials' register).
    Kasus(
        "pejabat baru di unit A",
        lambda w, oleh: layanan.tambah_pejabat(oleh, unit=w.unit_a, nama="ANDI, S.E.", nip=NIP_B),
        "pejabat.tambah",
        ADMIN_A,
        lambda w: Pejabat.objects.latest("pk"),
    ),
    Kasus(
        "pejabat baru di unit B",
        lambda w, oleh: layanan.tambah_pejabat(oleh, unit=w.unit_b, nama="ANDI, S.E."),
        "pejabat.tambah",
        ADMIN_PEMDA,
        lambda w: Pejabat.objects.latest("pk"),
    ),
    Kasus(
        "ubah pejabat A",
        lambda w, oleh: layanan.ubah_pejabat(oleh, w.pejabat_a, nama="Hj. SITI HAERANI, S.Sos", nip=NIP_A),
        "pejabat.ubah",
        ADMIN_A,
        lambda w: w.pejabat_a,
    ),
    Kasus(
        "ubah pejabat B",
        lambda w, oleh: layanan.ubah_pejabat(oleh, w.pejabat_b, nama="H. MUH. ALI, S.H."),
        "pejabat.ubah",
        ADMIN_PEMDA,
        lambda w: w.pejabat_b,
    ),
    Kasus(
        "pindah pejabat A ke sub A",
        lambda w, oleh: layanan.pindah_pejabat(oleh, w.pejabat_a, unit=w.sub_a, jabatan="Lurah Bontosunggu"),
        "pejabat.pindah",
        ADMIN_A,
        lambda w: w.pejabat_a,
    ),
    Kasus(
        "pindah pejabat A ke unit B",
        lambda w, oleh: layanan.pindah_pejabat(oleh, w.pejabat_a, unit=w.unit_b, jabatan="Camat Pallangga"),
        "pejabat.pindah",
        ADMIN_PEMDA,
        lambda w: w.pejabat_a,
    ),
    Kasus(
        "pindah pejabat B ke unit A",
        lambda w, oleh: layanan.pindah_pejabat(oleh, w.pejabat_b, unit=w.unit_a, jabatan="Sekcam Bajeng"),
        "pejabat.pindah",
        ADMIN_PEMDA,
        lambda w: w.pejabat_b,
    ),
    # Users and roles: on units one administers; inspektorat by the pemda's admin; never oneself.
    Kasus(
        "pengguna baru operator unit A",
        lambda w, oleh: layanan.tambah_pengguna(oleh, username="op_baru", unit=w.unit_a, peran="operator"),
        "peran.beri",
        ADMIN_A,
        lambda w: w.unit_a,
    ),
    Kasus(
        "pengguna baru operator unit B",
        lambda w, oleh: layanan.tambah_pengguna(oleh, username="op_baru", unit=w.unit_b, peran="operator"),
        "peran.beri",
        ADMIN_PEMDA,
        lambda w: w.unit_b,
    ),
    Kasus(
        "pengguna baru inspektorat unit A",
        lambda w, oleh: layanan.tambah_pengguna(oleh, username="insp", unit=w.unit_a, peran="inspektorat"),
        "peran.beri",
        ADMIN_PEMDA,
        lambda w: w.unit_a,
    ),
    Kasus(
        "beri peran pimpinan unit A",
        lambda w, oleh: layanan.berikan_peran(oleh, penerima=w.baru, unit=w.unit_a, peran="pimpinan"),
        "peran.beri",
        ADMIN_A,
        lambda w: w.unit_a,
    ),
    Kasus(
        "beri peran admin sub A",
        lambda w, oleh: layanan.berikan_peran(oleh, penerima=w.baru, unit=w.sub_a, peran="admin"),
        "peran.beri",
        ADMIN_A,
        lambda w: w.sub_a,
    ),
    Kasus(
        "beri peran di unit B",
        lambda w, oleh: layanan.berikan_peran(oleh, penerima=w.baru, unit=w.unit_b, peran="operator"),
        "peran.beri",
        ADMIN_PEMDA,
        lambda w: w.unit_b,
    ),
    Kasus(
        "beri peran pimpinan kepada diri sendiri",
        lambda w, oleh: layanan.berikan_peran(oleh, penerima=oleh, unit=w.sub_a, peran="pimpinan"),
        "peran.beri",
        SUPERUSER,
        lambda w: w.sub_a,
    ),
    Kasus(
        "cabut peran operator A",
        lambda w, oleh: layanan.cabut_peran(oleh, w.role_operator_a),
        "peran.cabut",
        ADMIN_A,
        lambda w: w.unit_a,
    ),
    Kasus(
        "cabut peran operator B",
        lambda w, oleh: layanan.cabut_peran(oleh, w.role_operator_b),
        "peran.cabut",
        ADMIN_PEMDA,
        lambda w: w.unit_b,
    ),
    # His own admin role: only those above him (he may not revoke himself).
    Kasus(
        "cabut peran admin unit A",
        lambda w, oleh: layanan.cabut_peran(oleh, w.role_admin_unit),
        "peran.cabut",
        ADMIN_PEMDA,
        lambda w: w.unit_a,
    ),
]


@pytest.mark.parametrize("pemeran", PEMERAN)
@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.nama)
def test_each_service_allows_and_refuses_by_the_right(kasus, pemeran, w):
    oleh = w.pemeran[pemeran]
    sebelum = _keadaan()
    if pemeran in kasus.boleh:
        kasus.jalankan(w, oleh)
        entri = Riwayat.objects.order_by("-id").first()
        assert Riwayat.objects.count() == sebelum[-1] + 1
        assert (entri.aksi, entri.oleh, entri.objek_id) == (kasus.aksi, oleh, kasus.objek(w).pk)
        assert entri.jenis_objek.model_class() is type(kasus.objek(w))
        assert entri.perubahan and all(set(p) == {"bidang", "lama", "baru"} for p in entri.perubahan)
    else:
        with pytest.raises(layanan.Ditolak) as err:
            kasus.jalankan(w, oleh)
        assert err.value.pesan  # an Indonesian reason, shown to the user as is
        assert _keadaan() == sebelum


# --------------------------------------------------------------------------------------------------
# The trail: old → new
# --------------------------------------------------------------------------------------------------


def _entri_terakhir() -> Riwayat:
    return Riwayat.objects.order_by("-id").first()


def test_renaming_a_unit_records_the_changed_fields_only(w, admin_unit):
    layanan.ubah_unit(admin_unit, w.unit_a, nama="Kecamatan  Bajeng Raya", jenis="kecamatan", kode="7.01")
    entri = _entri_terakhir()
    assert (entri.aksi, entri.catatan) == ("unit.ubah", "Kecamatan Bajeng")
    assert entri.perubahan == [
        {"bidang": "nama", "lama": "Kecamatan Bajeng", "baru": "Kecamatan Bajeng Raya"},
        {"bidang": "kode", "lama": None, "baru": "7.01"},
    ]
    w.unit_a.refresh_from_db()
    assert (w.unit_a.nama, w.unit_a.kode) == ("Kecamatan Bajeng Raya", "7.01")


def test_saving_a_unit_unchanged_writes_no_entry(w, admin_unit):
    sebelum = Riwayat.objects.count()
    layanan.ubah_unit(admin_unit, w.unit_a, nama="Kecamatan Bajeng", jenis="kecamatan", kode="")
    assert Riwayat.objects.count() == sebelum


def test_a_new_unit_records_its_fields_and_place(w, admin_unit):
    unit = layanan.tambah_unit(admin_unit, nama="Kelurahan Baru", jenis="sub_unit", induk=w.unit_a, kode="K1")
    entri = _entri_terakhir()
    assert entri.aksi == "unit.tambah" and entri.objek_id == unit.pk
    assert entri.perubahan == [
        {"bidang": "nama", "lama": None, "baru": "Kelurahan Baru"},
        {"bidang": "jenis", "lama": None, "baru": "sub_unit"},
        {"bidang": "kode", "lama": None, "baru": "K1"},
        {"bidang": "induk", "lama": None, "baru": "Kecamatan Bajeng"},
    ]
    assert unit.jalur == f"{w.unit_a.jalur}{unit.pk}/"
    assert can(admin_unit, "admin", unit)


def test_moving_a_unit_rewrites_the_path_of_its_subtree_and_is_traced(w, admin_pemda):
    cucu = Unit.objects.create(nama="RW 01", jenis=Unit.Jenis.SUB_UNIT, induk=w.sub_a)
    jalur_lama = w.sub_a.jalur
    layanan.pindah_unit(admin_pemda, w.sub_a, w.unit_b)
    w.sub_a.refresh_from_db()
    cucu.refresh_from_db()
    assert w.sub_a.jalur == f"{w.unit_b.jalur}{w.sub_a.pk}/"
    assert cucu.jalur == f"{w.unit_b.jalur}{w.sub_a.pk}/{cucu.pk}/"
    assert set(Unit.objects.subtree(w.unit_b)) == {w.unit_b, w.sub_a, cucu}
    assert w.sub_a not in set(Unit.objects.subtree(w.unit_a))
    entri = _entri_terakhir()
    assert entri.aksi == "unit.pindah" and entri.objek_id == w.sub_a.pk
    assert entri.perubahan == [{"bidang": "induk", "lama": "Kecamatan Bajeng", "baru": "Kecamatan Pallangga"}]
    assert entri.data["jalur_lama"] == jalur_lama and entri.data["jalur_baru"] == w.sub_a.jalur
    assert entri.data["jumlah_unit_bawah"] == 1


def test_after_a_move_the_unit_admin_no_longer_administers_it(w, admin_unit, admin_pemda):
    layanan.pindah_unit(admin_pemda, w.sub_a, w.unit_b)
    admin_unit = get_user_model().objects.get(pk=admin_unit.pk)  # roles are cached per user object
    assert not can(admin_unit, "admin", Unit.objects.get(pk=w.sub_a.pk))


def test_a_unit_admin_cannot_move_his_own_unit_even_within_reach(w, admin_unit):
    with pytest.raises(layanan.Ditolak, match="admin unit di atasnya"):
        layanan.pindah_unit(admin_unit, w.unit_a, w.sub_a)
    assert not layanan.boleh_pindah_unit(admin_unit, w.unit_a)
    assert layanan.boleh_pindah_unit(admin_unit, w.sub_a)


@pytest.mark.parametrize("tujuan", ["unit_a", "sub_a"])
def test_a_unit_never_goes_under_itself_or_its_subtree(w, admin_pemda, tujuan):
    sebelum = _keadaan()
    with pytest.raises(layanan.IsianSalah, match="Induk"):
        layanan.pindah_unit(admin_pemda, w.unit_a, getattr(w, tujuan))
    assert _keadaan() == sebelum


def test_moving_a_unit_where_it_already_is_is_refused(w, admin_pemda):
    with pytest.raises(layanan.IsianSalah, match="sudah berada di bawah"):
        layanan.pindah_unit(admin_pemda, w.sub_a, w.unit_a)


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"nama": "  "}, "Nama harus diisi"),
        ({"jenis": "desa"}, "Jenis unit “desa” tidak dikenal"),
        ({"jenis": "pemerintah_daerah"}, "Jenis: pemerintah daerah hanya untuk unit teratas"),
        ({"nama": "kelurahan  BONTOSUNGGU"}, "Nama: sudah ada unit"),
        ({"kode": "x" * 65}, "Kode paling panjang 64"),
    ],
)
def test_unusable_unit_input_names_the_field(w, admin_unit, isian, pesan):
    data = {"nama": "Kelurahan Baru", "jenis": "sub_unit", "induk": w.unit_a, **isian}
    sebelum = _keadaan()
    with pytest.raises(layanan.IsianSalah, match=pesan):
        layanan.tambah_unit(admin_unit, **data)
    assert _keadaan() == sebelum


def test_a_new_pejabat_is_checked_as_in_the_editor_and_traced(w, admin_unit):
    with pytest.raises(layanan.IsianSalah, match="NIP 1971"):
        layanan.tambah_pejabat(admin_unit, unit=w.unit_a, nama="ANDI", nip="1971")
    layanan.ubah_pejabat(admin_unit, w.pejabat_a, nama=w.pejabat_a.nama, nip=NIP_A)
    with pytest.raises(layanan.IsianSalah, match="sudah dipakai"):
        layanan.tambah_pejabat(admin_unit, unit=w.unit_a, nama="ANDI", nip=NIP_A)
    p = layanan.tambah_pejabat(
        admin_unit, unit=w.unit_a, nama=" ANDI,  S.E. ", nip="NIP. 19800101 200501 1 002", jabatan="Sekcam"
    )
    assert (p.nama, p.nip, p.unit) == ("ANDI, S.E.", NIP_B, w.unit_a)
    entri = _entri_terakhir()
    assert (entri.aksi, entri.objek_id) == ("pejabat.tambah", p.pk)
    assert {"bidang": "nip", "lama": None, "baru": NIP_B} in entri.perubahan


def test_editing_a_pejabat_checks_the_nip_against_the_others_only(w, admin_unit, admin_pemda):
    layanan.ubah_pejabat(admin_pemda, w.pejabat_b, nama=w.pejabat_b.nama, nip=NIP_B)
    # Saving his own NIP again is no conflict; another's NIP is, and its holder (unit B) is not named.
    layanan.ubah_pejabat(admin_pemda, w.pejabat_b, nama=w.pejabat_b.nama, nip=NIP_B)
    with pytest.raises(layanan.IsianSalah, match="sudah dipakai pejabat lain"):
        layanan.ubah_pejabat(admin_unit, w.pejabat_a, nama=w.pejabat_a.nama, nip=NIP_B)
    with pytest.raises(layanan.IsianSalah, match="NIP 123:"):
        layanan.ubah_pejabat(admin_unit, w.pejabat_a, nama=w.pejabat_a.nama, nip="123")
    layanan.ubah_pejabat(
        admin_unit, w.pejabat_a, nama="Hj. SITI HAERANI, S.Sos", nip=NIP_A, pangkat="Pembina"
    )
    entri = _entri_terakhir()
    assert entri.aksi == "pejabat.ubah" and entri.catatan == "SITI HAERANI, S.Sos"
    assert entri.perubahan == [
        {"bidang": "nama", "lama": "SITI HAERANI, S.Sos", "baru": "Hj. SITI HAERANI, S.Sos"},
        {"bidang": "nip", "lama": None, "baru": NIP_A},
        {"bidang": "pangkat_golongan", "lama": None, "baru": "Pembina"},
    ]


def test_a_pejabat_moving_to_another_post_keeps_his_history(w, admin_pemda, pk_factory, pk_data):
    from kinerja.agreements.models import PerjanjianKinerja

    pk = pk_factory(w.unit_a, draft=True)
    camat = pk.pihak_pertama
    layanan.pindah_pejabat(admin_pemda, camat, unit=w.unit_b, jabatan="Camat Pallangga")
    camat.refresh_from_db()
    pk.refresh_from_db()
    assert (camat.unit, camat.jabatan) == (w.unit_b, "Camat Pallangga")
    # The same row: the PK still points at him and keeps what was signed.
    assert pk.pihak_pertama_id == camat.pk and pk.pihak_pertama_jabatan == "Camat Bajeng"
    assert list(PerjanjianKinerja.objects.filter(pihak_pertama=camat)) == [pk]
    entri = _entri_terakhir()
    assert entri.aksi == "pejabat.pindah" and entri.objek_id == camat.pk
    assert entri.perubahan == [
        {"bidang": "jabatan", "lama": "Camat Bajeng", "baru": "Camat Pallangga"},
        {"bidang": "unit", "lama": "Kecamatan Bajeng", "baru": "Kecamatan Pallangga"},
    ]
    assert entri.data == {"unit_lama": w.unit_a.pk, "unit_baru": w.unit_b.pk}


def test_moving_a_pejabat_nowhere_is_refused(w, admin_unit):
    with pytest.raises(layanan.IsianSalah, match="tidak ada yang dipindahkan"):
        layanan.pindah_pejabat(admin_unit, w.pejabat_a, unit=w.unit_a, jabatan="Camat Bajeng")
    with pytest.raises(layanan.IsianSalah, match="Jabatan harus diisi"):
        layanan.pindah_pejabat(admin_unit, w.pejabat_a, unit=w.sub_a, jabatan=" ")


# --------------------------------------------------------------------------------------------------
# Users and roles
# --------------------------------------------------------------------------------------------------


def test_a_new_user_gets_a_random_password_once_and_his_role(w, admin_unit):
    baru = layanan.tambah_pengguna(
        admin_unit, username="op_bajeng", nama="Andi Operator", unit=w.unit_a, peran="operator"
    )
    user = get_user_model().objects.get(username="op_bajeng")
    assert baru.sandi_acak and len(baru.sandi_acak) >= 16 and user.check_password(baru.sandi_acak)
    assert user.first_name == "Andi Operator"
    assert UnitRole.objects.filter(user=user, unit=w.unit_a, peran="operator").exists()
    entri = _entri_terakhir()
    assert (entri.aksi, entri.objek_id) == ("peran.beri", w.unit_a.pk)
    assert entri.perubahan == [{"bidang": "peran", "lama": None, "baru": "operator"}]
    assert entri.data == {
        "pengguna": "op_bajeng",
        "pengguna_id": user.pk,
        "peran": "operator",
        "pengguna_baru": True,
    }
    assert baru.sandi_acak not in json.dumps([entri.catatan, entri.perubahan, entri.data])


def test_a_new_user_with_the_admins_password(w, admin_unit):
    baru = layanan.tambah_pengguna(
        admin_unit, username="op2", unit=w.unit_a, peran="operator", sandi="Gowa-kinerja-2024!"
    )
    assert baru.sandi_acak is None and baru.user.check_password("Gowa-kinerja-2024!")


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"username": "operator_a"}, "Nama pengguna: “operator_a” sudah dipakai"),
        ({"username": "OPERATOR_A"}, "sudah dipakai"),
        ({"username": "bukan nama"}, "Nama pengguna:"),
        ({"username": ""}, "Nama pengguna harus diisi"),
        ({"sandi": "12345678"}, "Kata sandi:"),
        ({"peran": "raja"}, "Peran “raja” tidak dikenal"),
    ],
)
def test_unusable_user_input_names_the_field(w, admin_unit, isian, pesan):
    data = {"username": "op_baru", "unit": w.unit_a, "peran": "operator", **isian}
    sebelum = _keadaan()
    with pytest.raises(layanan.IsianSalah, match=pesan):
        layanan.tambah_pengguna(admin_unit, **data)
    assert _keadaan() == sebelum


def test_an_admin_role_opens_the_admin_pages_and_its_revocation_closes_them(w, admin_unit):
    role = layanan.berikan_peran(admin_unit, penerima=w.baru, unit=w.sub_a, peran="admin")
    w.baru.refresh_from_db()
    assert w.baru.is_staff and w.baru.groups.filter(name=GRUP_ADMIN).exists()
    layanan.cabut_peran(admin_unit, role)
    w.baru.refresh_from_db()
    assert not w.baru.is_staff and not w.baru.groups.exists()
    entri = _entri_terakhir()
    assert (entri.aksi, entri.objek_id) == ("peran.cabut", w.sub_a.pk)
    assert entri.perubahan == [{"bidang": "peran", "lama": "admin", "baru": None}]
    assert entri.data["pengguna"] == "pengguna_baru"


def test_revoking_one_of_two_admin_roles_keeps_the_admin_pages(w, admin_pemda):
    layanan.berikan_peran(admin_pemda, penerima=w.baru, unit=w.sub_a, peran="admin")
    kedua = layanan.berikan_peran(admin_pemda, penerima=w.baru, unit=w.unit_b, peran="admin")
    layanan.cabut_peran(admin_pemda, kedua)
    w.baru.refresh_from_db()
    assert w.baru.is_staff and w.baru.groups.filter(name=GRUP_ADMIN).exists()


def test_a_role_given_twice_is_refused(w, admin_unit):
    with pytest.raises(layanan.IsianSalah, match="sudah berperan"):
        layanan.berikan_peran(admin_unit, penerima=w.pemeran["operator_a"], unit=w.unit_a, peran="operator")


@pytest.mark.parametrize(
    ("pemeran", "unit", "peran", "sendiri", "pesan"),
    [
        ("admin_unit", "unit_b", "operator", False, "tidak Anda kelola"),
        ("admin_unit", "unit_a", "inspektorat", False, "hanya admin pemerintah daerah"),
        ("admin_pemda", "unit_a", "pimpinan", True, "peran Anda sendiri"),
    ],
)
def test_refusals_of_roles_say_why(w, pemeran, unit, peran, sendiri, pesan):
    oleh = w.pemeran[pemeran]
    penerima = oleh if sendiri else w.baru
    with pytest.raises(layanan.Ditolak, match=pesan):
        layanan.berikan_peran(oleh, penerima=penerima, unit=getattr(w, unit), peran=peran)


def test_users_and_roles_listed_are_those_of_the_subtree_only(
    w, admin_unit, admin_pemda, operator_a, operator_b
):
    assert set(layanan.pengguna_terkelola(admin_unit)) == {admin_unit, operator_a}
    assert operator_b in set(layanan.pengguna_terkelola(admin_pemda))
    assert w.baru not in set(layanan.pengguna_terkelola(admin_pemda))  # no role: nobody's to list
    assert set(layanan.peran_terkelola(admin_unit)) == {w.role_admin_unit, w.role_operator_a}
    assert set(layanan.pejabat_terkelola(admin_unit)) == {w.pejabat_a}
    assert not layanan.mengelola(operator_a) and layanan.mengelola(admin_unit)


def test_the_unit_tree_nests_and_counts(w, admin_unit, admin_pemda, pimpinan_a):
    pohon = layanan.pohon_unit(admin_pemda)
    assert [c.unit for c in pohon] == [w.pemda]
    assert [c.unit.nama for c in pohon[0].anak] == ["Kecamatan Bajeng", "Kecamatan Pallangga"]
    bajeng = pohon[0].anak[0]
    assert [c.unit for c in bajeng.anak] == [w.sub_a, w.sub2_a]
    # Unit A: one pejabat; admin_unit, operator_a and pimpinan_a hold roles on it.
    assert (bajeng.unit.jumlah_pejabat, bajeng.unit.jumlah_pengguna) == (1, 3)
    assert [c.unit for c in layanan.pohon_unit(admin_unit)] == [w.unit_a]
