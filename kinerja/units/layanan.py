"""The pemda's own administration: units, pejabat, users and their roles, one service per change.

Every change takes the acting user, checks the right (`can(user, "admin", unit)`, and
`boleh_beri_peran` for roles), changes one thing and writes one trail entry
(`kinerja.riwayat.models.catat`) with the changed fields old → new. Action codes: `unit.tambah`,
`unit.ubah`, `unit.pindah`, `pejabat.tambah`, `pejabat.ubah`, `pejabat.pindah`, `peran.beri`,
`peran.cabut` (roles are traced on their Unit). A refused right raises `Ditolak`, unusable input
`IsianSalah`; both carry an Indonesian message. The pages (kinerja/units/views_pemda.py) read with the
queries at the top and change data only through these functions.

Rules beside the permission matrix:
- a unit is filed only under a unit the acting user administers; a new root is the superuser's;
- a unit is moved only by an admin of a unit above it (or a superuser): a unit admin cannot move the
  unit he administers, nor file anything outside his subtree; never under itself or below itself;
- a pejabat moved to another post keeps his row, so the PKs he signed keep pointing at him (each PK
  keeps its own snapshot of his name and jabatan at signing).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kinerja.domain import nip as nip_mod
from kinerja.domain.nama import normalise_unit
from kinerja.riwayat.models import catat
from kinerja.units.models import Pejabat, Unit, UnitQuerySet, UnitRole
from kinerja.units.peran import GRUP_ADMIN, beri_peran
from kinerja.units.permissions import MATRIX, boleh_beri_peran, can, forget_roles, unit_filter

PANJANG_SANDI_ACAK = 12  # bytes of secrets.token_urlsafe: 16 characters


class Ditolak(Exception):
    """The acting user may not do this; `pesan` says why, in Indonesian."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class IsianSalah(ValueError):
    """Input a service cannot take; the Indonesian message names the field."""


# ---------------------------------------------------------------------------------------------------
# What the acting user administers (reads)
# ---------------------------------------------------------------------------------------------------


def mengelola(user) -> bool:
    """Whether `user` administers some unit (or is a superuser)."""
    q = unit_filter(user, "admin")
    return q is None or bool(q)


def unit_terkelola(user) -> UnitQuerySet:
    """The units `user` administers (his subtrees), in tree order."""
    return Unit.objects.visible_to(user, "admin").order_by("jalur")


def _di_unit_terkelola(qs: QuerySet, user) -> QuerySet:
    q = unit_filter(user, "admin", prefix="unit__")
    if q is None:
        return qs
    return qs.filter(q) if q else qs.none()


def pejabat_terkelola(user) -> QuerySet[Pejabat]:
    """The officials of the units `user` administers."""
    return _di_unit_terkelola(Pejabat.objects.select_related("unit"), user)


def peran_terkelola(user) -> QuerySet[UnitRole]:
    """The roles held on the units `user` administers."""
    return _di_unit_terkelola(UnitRole.objects.select_related("unit", "user"), user)


def pengguna_terkelola(user) -> QuerySet:
    """The users holding a role on a unit `user` administers (never every user of the site)."""
    return get_user_model().objects.filter(pk__in=peran_terkelola(user).values("user_id"))


@dataclass
class CabangUnit:
    """A unit in the tree of what a user administers, with the branches below it."""

    unit: Unit
    anak: list[CabangUnit] = field(default_factory=list)


def _dengan_jumlah(qs: UnitQuerySet) -> UnitQuerySet:
    """Annotate `jumlah_pejabat` and `jumlah_pengguna` (subqueries: no row multiplication)."""
    pejabat = (
        Pejabat.objects.filter(unit=OuterRef("pk"))
        .order_by()
        .values("unit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pengguna = (
        UnitRole.objects.filter(unit=OuterRef("pk"))
        .order_by()
        .values("unit")
        .annotate(n=Count("user", distinct=True))
        .values("n")
    )
    nol = Value(0, output_field=IntegerField())
    return qs.annotate(
        jumlah_pejabat=Coalesce(Subquery(pejabat, output_field=IntegerField()), nol),
        jumlah_pengguna=Coalesce(Subquery(pengguna, output_field=IntegerField()), nol),
    )


def pohon_unit(user) -> list[CabangUnit]:
    """The units `user` administers as a tree (siblings by name), in one query."""
    units = list(_dengan_jumlah(unit_terkelola(user)))
    cabang = {u.pk: CabangUnit(u) for u in units}
    akar: list[CabangUnit] = []
    for u in units:
        induk = cabang.get(u.induk_id)
        (induk.anak if induk is not None else akar).append(cabang[u.pk])
    for c in cabang.values():
        c.anak.sort(key=lambda x: x.unit.nama_normal)
    akar.sort(key=lambda x: x.unit.nama_normal)
    return akar


def boleh_pindah_unit(user, unit: Unit) -> bool:
    """Whether `user` may move `unit`: a superuser, or an admin of a unit above it (so a unit admin
    cannot move the unit he administers)."""
    if _superuser(user):
        return True
    return unit.induk_id is not None and can(user, "admin", unit.induk)


def periksa_pindah_unit(oleh, unit: Unit) -> None:
    """Ditolak unless `oleh` may move `unit` (wherever to: the new induk is checked apart)."""
    _pastikan(can(oleh, "admin", unit), _("Anda tidak berhak mengubah unit %s.") % unit)
    _pastikan(
        boleh_pindah_unit(oleh, unit),
        _(
            "Anda tidak berhak memindahkan %s: unit yang Anda kelola hanya dapat dipindahkan oleh admin unit di atasnya."
        )
        % unit,
    )


# ---------------------------------------------------------------------------------------------------
# Shared checks
# ---------------------------------------------------------------------------------------------------


def _pastikan(boleh: bool, pesan: str) -> None:
    if not boleh:
        raise Ditolak(pesan)


def _aktif(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def _superuser(user) -> bool:
    return _aktif(user) and user.is_superuser


def _teks(nilai: Any, label: str, *, wajib: bool = False, maks: int = 255) -> str:
    teks = " ".join(str(nilai or "").split())
    if wajib and not teks:
        raise IsianSalah(_("%s harus diisi.") % label)
    if len(teks) > maks:
        raise IsianSalah(_("%(label)s paling panjang %(n)d karakter.") % {"label": label, "n": maks})
    return teks


def _beda(lama: Mapping[str, str | None], baru: Mapping[str, str | None]) -> list[dict[str, str | None]]:
    """The changed fields as the trail stores them: [{"bidang", "lama", "baru"}]."""
    return [{"bidang": k, "lama": lama.get(k), "baru": v} for k, v in baru.items() if lama.get(k) != v]


def _nama_unit(unit: Unit | None) -> str | None:
    return unit.nama if unit is not None else None


# ---------------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------------


def _isi_unit(unit: Unit) -> dict[str, str | None]:
    return {
        "nama": unit.nama,
        "jenis": unit.jenis,
        "kode": unit.kode or None,
        "induk": _nama_unit(unit.induk),
    }


def _jenis(jenis: str, induk: Unit | None) -> str:
    if jenis not in Unit.Jenis.values:
        raise IsianSalah(_("Jenis unit “%s” tidak dikenal.") % jenis)
    if jenis == Unit.Jenis.PEMERINTAH_DAERAH and induk is not None:
        raise IsianSalah(_("Jenis: pemerintah daerah hanya untuk unit teratas (tanpa induk)."))
    return jenis


def _nama_unik(nama: str, induk: Unit | None, kecuali: Unit | None = None) -> None:
    sama = Unit.objects.filter(induk=induk, nama_normal=normalise_unit(nama))
    if kecuali is not None:
        sama = sama.exclude(pk=kecuali.pk)
    if sama.exists():
        raise IsianSalah(
            _("Nama: sudah ada unit “%(nama)s” di bawah %(induk)s.")
            % {"nama": nama, "induk": induk or _("akar (tanpa induk)")}
        )


def _periksa_induk(oleh, induk: Unit | None) -> None:
    """A unit may be filed under `induk`: one the acting user administers; no induk, superuser only."""
    if induk is None:
        _pastikan(
            _superuser(oleh), _("Hanya superuser yang boleh membuat unit teratas (pemerintah daerah baru).")
        )
        return
    _pastikan(
        can(oleh, "admin", induk),
        _("Anda tidak berhak menaruh unit di bawah %s: unit itu tidak Anda kelola.") % induk,
    )


def _kunci_unit(unit: Unit) -> Unit:
    return Unit.objects.select_for_update(of=("self",)).select_related("induk").get(pk=unit.pk)


def tambah_unit(oleh, *, nama: str, jenis: str, induk: Unit | None, kode: str = "") -> Unit:
    """A new unit under `induk` (a unit the acting user administers)."""
    _periksa_induk(oleh, induk)
    nama = _teks(nama, _("Nama"), wajib=True)
    kode = _teks(kode, _("Kode"), maks=64)
    with transaction.atomic():
        induk = _kunci_unit(induk) if induk is not None else None
        _jenis(jenis, induk)
        _nama_unik(nama, induk)
        unit = Unit.objects.create(nama=nama, jenis=jenis, kode=kode, induk=induk)
        catat(
            unit,
            "unit.tambah",
            oleh=oleh,
            catatan=unit.nama,
            perubahan=_beda({}, _isi_unit(unit)),
            data={"induk": induk.pk if induk else None, "jalur": unit.jalur},
        )
    return unit


def ubah_unit(oleh, unit: Unit, *, nama: str, jenis: str, kode: str = "") -> Unit:
    """Rename a unit, change its kode or jenis (where it sits: `pindah_unit`)."""
    with transaction.atomic():
        u = _kunci_unit(unit)
        _pastikan(can(oleh, "admin", u), _("Anda tidak berhak mengubah unit %s.") % u)
        nama = _teks(nama, _("Nama"), wajib=True)
        kode = _teks(kode, _("Kode"), maks=64)
        _jenis(jenis, u.induk)
        if normalise_unit(nama) != u.nama_normal:
            _nama_unik(nama, u.induk, kecuali=u)
        lama = _isi_unit(u)
        u.nama, u.jenis, u.kode = nama, jenis, kode
        perubahan = _beda(lama, _isi_unit(u))
        if perubahan:
            u.save()
            catat(u, "unit.ubah", oleh=oleh, catatan=lama["nama"] or "", perubahan=perubahan)
    return u


def pindah_unit(oleh, unit: Unit, induk: Unit | None) -> Unit:
    """File `unit` (and its subtree) under `induk`; the paths of the subtree are rewritten."""
    with transaction.atomic():
        u = _kunci_unit(unit)
        periksa_pindah_unit(oleh, u)
        baru = _kunci_unit(induk) if induk is not None else None
        _periksa_induk(oleh, baru)
        if (baru.pk if baru else None) == u.induk_id:
            raise IsianSalah(
                _("Induk: %(unit)s sudah berada di bawah %(induk)s.") % {"unit": u, "induk": baru}
            )
        lama, jalur_lama = u.induk, u.jalur
        u.induk = baru
        try:
            u.clean()
        except ValidationError as err:
            raise IsianSalah(_("Induk: %s") % " ".join(err.messages)) from err
        _jenis(u.jenis, baru)
        _nama_unik(u.nama, baru, kecuali=u)
        n_bawah = Unit.objects.filter(jalur__startswith=jalur_lama).exclude(pk=u.pk).count()
        u.save()
        catat(
            u,
            "unit.pindah",
            oleh=oleh,
            catatan=u.nama,
            perubahan=[{"bidang": "induk", "lama": _nama_unit(lama), "baru": _nama_unit(baru)}],
            data={
                "induk_lama": lama.pk if lama else None,
                "induk_baru": baru.pk if baru else None,
                "jalur_lama": jalur_lama,
                "jalur_baru": u.jalur,
                "jumlah_unit_bawah": n_bawah,
            },
        )
    return u


# ---------------------------------------------------------------------------------------------------
# Pejabat
# ---------------------------------------------------------------------------------------------------


def _isi_pejabat(p: Pejabat) -> dict[str, str | None]:
    return {
        "nama": p.nama,
        "nip": p.nip or None,
        "pangkat_golongan": p.pangkat_golongan or None,
        "jabatan": p.jabatan or None,
        "unit": _nama_unit(p.unit),
    }


def _nip(teks: str, oleh, kecuali: Pejabat | None = None) -> str | None:
    """The 18 digits of a typed NIP (None when empty), checked and not used by another pejabat."""
    teks = _teks(teks, "NIP", maks=64)
    if not teks:
        return None
    salah = nip_mod.periksa_nip(teks)
    digits = nip_mod.normalise_nip(teks)
    if salah or digits is None:
        raise IsianSalah(
            _("NIP %(nip)s: %(pesan)s") % {"nip": teks, "pesan": " ".join(salah) or _("harus 18 angka.")}
        )
    sama = Pejabat.objects.filter(nip=digits)
    if kecuali is not None:
        sama = sama.exclude(pk=kecuali.pk)
    lain = sama.first()
    if lain is not None:
        siapa = str(lain) if can(oleh, "view", lain) else _("pejabat lain")
        raise IsianSalah(_("NIP %(nip)s sudah dipakai %(nama)s.") % {"nip": teks, "nama": siapa})
    return digits


def _kunci_pejabat(pejabat: Pejabat) -> Pejabat:
    return Pejabat.objects.select_for_update(of=("self",)).select_related("unit").get(pk=pejabat.pk)


def _boleh_pejabat(oleh, p: Pejabat) -> None:
    _pastikan(can(oleh, "admin", p), _("Anda tidak berhak mengubah pejabat %s.") % p.nama)


def tambah_pejabat(
    oleh, *, unit: Unit, nama: str, nip: str = "", jabatan: str = "", pangkat: str = ""
) -> Pejabat:
    """A new official of `unit` (the editor's rule and messages: `sunting.tambah_pejabat`)."""
    from kinerja.agreements import alur, sunting

    _pastikan(
        unit is not None and can(oleh, "admin", unit), _("Anda tidak berhak menambah pejabat %s.") % unit
    )
    with transaction.atomic():
        try:
            p = sunting.tambah_pejabat(unit, oleh, nama=nama, nip=nip, jabatan=jabatan, pangkat=pangkat)
        except sunting.IsianSalah as err:
            raise IsianSalah(str(err)) from err
        except alur.Ditolak as err:
            raise Ditolak(err.pesan) from err
        catat(p, "pejabat.tambah", oleh=oleh, catatan=p.nama, perubahan=_beda({}, _isi_pejabat(p)))
    return p


def ubah_pejabat(oleh, pejabat: Pejabat, *, nama: str, nip: str = "", pangkat: str = "") -> Pejabat:
    """Correct an official's name (with gelar), NIP or pangkat (his post: `pindah_pejabat`)."""
    with transaction.atomic():
        p = _kunci_pejabat(pejabat)
        _boleh_pejabat(oleh, p)
        nama = _teks(nama, _("Nama"), wajib=True)
        digits = _nip(nip, oleh, kecuali=p)
        pangkat = _teks(pangkat, _("Pangkat/golongan"))
        lama = _isi_pejabat(p)
        p.nama, p.nip, p.pangkat_golongan = nama, digits, pangkat
        perubahan = _beda(lama, _isi_pejabat(p))
        if perubahan:
            p.save()
            catat(p, "pejabat.ubah", oleh=oleh, catatan=lama["nama"] or "", perubahan=perubahan)
    return p


def pindah_pejabat(oleh, pejabat: Pejabat, *, unit: Unit, jabatan: str) -> Pejabat:
    """Move an official to another post (unit and/or jabatan). He keeps his row: the PKs he signed
    keep pointing at him, each with its own record of his name and jabatan at signing."""
    with transaction.atomic():
        p = _kunci_pejabat(pejabat)
        _boleh_pejabat(oleh, p)
        _pastikan(
            unit is not None and can(oleh, "admin", unit),
            _("Anda tidak berhak memindahkan pejabat ke %s: unit itu tidak Anda kelola.") % unit,
        )
        jabatan = _teks(jabatan, _("Jabatan"), wajib=True)
        if unit.pk == p.unit_id and jabatan == p.jabatan:
            raise IsianSalah(_("Unit dan jabatan sama dengan yang sekarang: tidak ada yang dipindahkan."))
        lama = _isi_pejabat(p)
        unit_lama = p.unit_id
        p.unit, p.jabatan = unit, jabatan
        p.save()
        catat(
            p,
            "pejabat.pindah",
            oleh=oleh,
            catatan=p.nama,
            perubahan=_beda(lama, _isi_pejabat(p)),
            data={"unit_lama": unit_lama, "unit_baru": unit.pk},
        )
    return p


# ---------------------------------------------------------------------------------------------------
# Users and roles
# ---------------------------------------------------------------------------------------------------


def _peran(peran: str) -> str:
    if peran not in UnitRole.Peran.values:
        raise IsianSalah(_("Peran “%s” tidak dikenal.") % peran)
    return peran


def _alasan_peran(oleh, unit: Unit, peran: str, penerima) -> str:
    """Why `boleh_beri_peran` says no, in words."""
    if penerima is not None and getattr(penerima, "pk", None) == getattr(oleh, "pk", None):
        return _("Anda tidak boleh memberi atau mencabut peran Anda sendiri.")
    if not can(oleh, "admin", unit):
        return _("Anda tidak berhak mengatur peran pada %s: unit itu tidak Anda kelola.") % unit
    if MATRIX.get(peran, {}).get("view") == "pemda":
        return (
            _(
                "Peran %s menjangkau seluruh pemerintah daerah: hanya admin pemerintah daerah yang boleh mengaturnya."
            )
            % UnitRole.Peran(peran).label
        )
    return _("Anda tidak berhak mengatur peran ini.")


def _periksa_peran(oleh, unit: Unit, peran: str, penerima) -> None:
    _pastikan(boleh_beri_peran(oleh, unit, peran, penerima), _alasan_peran(oleh, unit, peran, penerima))


def _catat_peran(role: UnitRole, aksi: str, oleh, **data: Any) -> None:
    from kinerja.riwayat.keamanan import Jenis, catat_keamanan

    username = role.user.get_username()
    lama, baru = (None, role.peran) if aksi == "peran.beri" else (role.peran, None)
    kata = "diberi" if aksi == "peran.beri" else "dicabut"
    catat_keamanan(
        Jenis.PERAN,
        pengguna=oleh,
        keterangan=f"{username} {kata} peran {role.peran} pada {role.unit}",
        unit=role.unit_id,
        penerima=username,
    )
    catat(
        role.unit,
        aksi,
        oleh=oleh,
        catatan=f"{username}: {UnitRole.Peran(role.peran).label}",
        perubahan=[{"bidang": "peran", "lama": lama, "baru": baru}],
        data={"pengguna": username, "pengguna_id": role.user_id, "peran": role.peran, **data},
    )


def cari_pengguna(username: str):
    """The user with this username (case-insensitive), else IsianSalah."""
    username = _teks(username, _("Nama pengguna"), wajib=True, maks=150)
    user = get_user_model().objects.filter(username__iexact=username).first()
    if user is None:
        raise IsianSalah(_("Nama pengguna: “%s” tidak ditemukan.") % username)
    return user


def _username_baru(username: str) -> str:
    User = get_user_model()
    username = _teks(username, _("Nama pengguna"), wajib=True, maks=150)
    try:
        User.username_validator(username)
    except ValidationError as err:
        raise IsianSalah(_("Nama pengguna: %s") % " ".join(err.messages)) from err
    if User.objects.filter(username__iexact=username).exists():
        raise IsianSalah(
            _("Nama pengguna: “%s” sudah dipakai. Untuk pengguna yang sudah ada, berikan perannya saja.")
            % username
        )
    return username


def _pasang_sandi(user, sandi: str | None) -> str | None:
    """Set the password typed by the admin (checked) or a random one; the random one is returned."""
    if sandi:
        try:
            validate_password(sandi, user)
        except ValidationError as err:
            raise IsianSalah(_("Kata sandi: %s") % " ".join(err.messages)) from err
        user.set_password(sandi)
        return None
    acak = secrets.token_urlsafe(PANJANG_SANDI_ACAK)
    user.set_password(acak)
    return acak


@dataclass(frozen=True)
class PenggunaBaru:
    user: Any
    role: UnitRole
    sandi_acak: str | None  # shown once, never stored in clear


def tambah_pengguna(
    oleh, *, username: str, nama: str = "", unit: Unit, peran: str, sandi: str | None = None
) -> PenggunaBaru:
    """A new user with a first role on `unit` (a user without a role would be nobody's to manage).

    The password is the one the admin typed (Django's validators) or a random one, returned once.
    """
    peran = _peran(peran)
    _periksa_peran(oleh, unit, peran, None)
    username = _username_baru(username)
    user = get_user_model()(username=username, first_name=_teks(nama, _("Nama lengkap"), maks=150))
    sandi_acak = _pasang_sandi(user, sandi)
    with transaction.atomic():
        user.save()
        role, _dibuat = beri_peran(user, unit, peran)
        _catat_peran(role, "peran.beri", oleh, pengguna_baru=True)
    return PenggunaBaru(user=user, role=role, sandi_acak=sandi_acak)


def berikan_peran(oleh, *, penerima, unit: Unit, peran: str) -> UnitRole:
    """Give `penerima` the role on `unit` (`boleh_beri_peran`; through `peran.beri_peran`)."""
    peran = _peran(peran)
    _periksa_peran(oleh, unit, peran, penerima)
    if UnitRole.objects.filter(user=penerima, unit=unit, peran=peran).exists():
        raise IsianSalah(
            _("%(user)s sudah berperan %(peran)s pada %(unit)s.")
            % {"user": penerima.get_username(), "peran": UnitRole.Peran(peran).label, "unit": unit}
        )
    with transaction.atomic():
        role, _dibuat = beri_peran(penerima, unit, peran)
        _catat_peran(role, "peran.beri", oleh)
    return role


def cabut_peran(oleh, role: UnitRole) -> None:
    """Take a role away (the same right as giving it); a last admin role also closes the admin pages."""
    with transaction.atomic():
        role = UnitRole.objects.select_for_update(of=("self",)).select_related("unit", "user").get(pk=role.pk)
        _periksa_peran(oleh, role.unit, role.peran, role.user)
        role.delete()
        forget_roles(role.user)
        if role.peran == UnitRole.Peran.ADMIN:
            _tutup_halaman_admin(role.user)
        _catat_peran(role, "peran.cabut", oleh)


def _tutup_halaman_admin(user) -> None:
    """The reverse of `peran.buka_halaman_admin`, once the user administers no unit: out of the admin
    group, and no longer staff unless something else made him so (a superuser, other groups or
    permissions)."""
    if UnitRole.objects.filter(user=user, peran=UnitRole.Peran.ADMIN).exists():
        return
    user.groups.remove(*user.groups.filter(name=GRUP_ADMIN))
    lain = user.groups.exists() or user.user_permissions.exists()
    if user.is_staff and not user.is_superuser and not lain:
        user.is_staff = False
        user.save(update_fields=["is_staff"])


def peran_pengguna(user, pengguna: QuerySet) -> dict[int, list[UnitRole]]:
    """The roles each of `pengguna` holds on units `user` administers (one query)."""
    hasil: dict[int, list[UnitRole]] = {}
    for role in peran_terkelola(user).filter(user__in=pengguna).order_by("unit__jalur", "peran"):
        hasil.setdefault(role.user_id, []).append(role)
    return hasil


def boleh_atur_ulang_sandi(oleh, pengguna) -> bool:
    """Whether `oleh` may make a one-time link to set `pengguna`'s password: a superuser for anyone; a
    unit admin for a user who is neither staff nor superuser, has a role, and has every role within the
    units he administers (else he could take over an account of another unit, or a higher one). Nobody
    for himself: he changes his own password on his account page."""
    if oleh.pk == pengguna.pk:
        return False
    if oleh.is_superuser:
        return True
    if pengguna.is_superuser or pengguna.is_staff:
        return False
    peran = UnitRole.objects.filter(user=pengguna)
    if not peran.exists():
        return False
    return not peran.exclude(unit__in=unit_terkelola(oleh)).exists()


def tautan_atur_sandi(oleh, pengguna) -> str:
    """The path of a one-time link to set `pengguna`'s password (Django's reset token: it stops working
    once used, when the password changes otherwise, and after PASSWORD_RESET_TIMEOUT). In the trail of
    each of the user's units."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    if not boleh_atur_ulang_sandi(oleh, pengguna):
        raise Ditolak(
            _("Anda tidak berhak membuat tautan ganti sandi untuk %(user)s.")
            % {"user": pengguna.get_username()}
        )
    uid = urlsafe_base64_encode(force_bytes(pengguna.pk))
    jalur = reverse("akun_sandi_atur", args=[uid, default_token_generator.make_token(pengguna)])
    for role in UnitRole.objects.filter(user=pengguna).select_related("unit"):
        catat(
            role.unit,
            "pengguna.tautan_sandi",
            oleh=oleh,
            catatan=pengguna.get_username(),
            data={"pengguna": pengguna.get_username(), "pengguna_id": pengguna.pk},
        )
    return jalur
