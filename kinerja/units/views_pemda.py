"""The pemda's own admin screens (/pemda/…): units, pejabat, users and roles, without the Django admin.

Thin: every page needs a login and an admin role somewhere (else 403); objects outside what the user
administers answer 404. A form is read, one service of `kinerja.units.layanan` is called (it checks the
right again and writes the trail), then a redirect; a refused form comes back with what was typed, the
reason and status 400.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.riwayat.models import Riwayat
from kinerja.riwayat.tampil import BarisRiwayat, baris_riwayat
from kinerja.units import layanan
from kinerja.units.forms import (
    BeriPeranForm,
    PejabatBaruForm,
    PejabatForm,
    PenggunaBaruForm,
    PindahPejabatForm,
    PindahUnitForm,
    UnitBaruForm,
    UnitForm,
)
from kinerja.units.models import Pejabat, Unit, UnitRole

PER_HALAMAN = 50
RIWAYAT_TERAKHIR = 30

LABEL_AKSI = {
    "unit.tambah": gettext_lazy("Unit ditambahkan"),
    "unit.ubah": gettext_lazy("Unit diubah"),
    "unit.pindah": gettext_lazy("Unit dipindahkan"),
    "pejabat.tambah": gettext_lazy("Pejabat ditambahkan"),
    "pejabat.ubah": gettext_lazy("Pejabat diubah"),
    "pejabat.pindah": gettext_lazy("Pejabat pindah jabatan"),
    "peran.beri": gettext_lazy("Peran diberikan"),
    "peran.cabut": gettext_lazy("Peran dicabut"),
    "pengguna.tautan_sandi": gettext_lazy("Tautan ganti sandi dibuat"),
}
LABEL_BIDANG = {
    "nama": gettext_lazy("Nama"),
    "jenis": gettext_lazy("Jenis"),
    "kode": gettext_lazy("Kode"),
    "induk": gettext_lazy("Induk"),
    "nip": gettext_lazy("NIP"),
    "jabatan": gettext_lazy("Jabatan"),
    "pangkat_golongan": gettext_lazy("Pangkat/golongan"),
    "unit": gettext_lazy("Unit"),
    "peran": gettext_lazy("Peran"),
}


# ---------------------------------------------------------------------------------------------------
# Access and shared steps
# ---------------------------------------------------------------------------------------------------


def khusus_admin(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login first; then 403 for a user who administers no unit."""

    @functools.wraps(view)
    def periksa(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not layanan.mengelola(request.user):
            raise PermissionDenied(
                _("Halaman ini untuk admin unit: Anda tidak memegang peran admin pada unit mana pun.")
            )
        return view(request, *args, **kwargs)

    return login_required(periksa)


def _jalankan(form, aksi: Callable[[dict[str, Any]], Any]) -> tuple[Any, str | None]:
    """Run `aksi(cleaned_data)` for a valid form: (its result, None), or (None, why it was refused)."""
    if not form.is_valid():
        return None, _("Periksa isian yang ditandai.")
    try:
        return aksi(form.cleaned_data), None
    except layanan.IsianSalah as err:
        return None, str(err)
    except layanan.Ditolak as err:
        return None, err.pesan


def _unit(request: HttpRequest, unit_id: Any) -> Unit:
    """A unit the user administers, else 404."""
    return get_object_or_404(layanan.unit_terkelola(request.user).select_related("induk"), pk=unit_id)


def _unit_pilihan(request: HttpRequest) -> Unit | None:
    """The `?unit=` of a list or a form: a unit the user administers (404 otherwise), or None."""
    teks = request.GET.get("unit", "")
    if not teks:
        return None
    if not teks.isdigit():
        raise Http404(_("Unit tidak ditemukan."))
    return _unit(request, int(teks))


def _nilai(bidang: str, nilai: str | None) -> str:
    if nilai is None or nilai == "":
        return "—"
    if bidang == "jenis" and nilai in Unit.Jenis.values:
        return str(Unit.Jenis(nilai).label)
    if bidang == "peran" and nilai in UnitRole.Peran.values:
        return str(UnitRole.Peran(nilai).label)
    return nilai


def riwayat(objek) -> list[BarisRiwayat]:
    """The newest entries of an object's trail, newest first, as the page shows them."""
    return baris_riwayat(
        Riwayat.objects.untuk(objek).order_by("-waktu", "-id")[:RIWAYAT_TERAKHIR],
        label_aksi=lambda kode: str(LABEL_AKSI.get(kode, kode)),
        label_bidang=lambda nama: str(LABEL_BIDANG.get(nama, nama)),
        format_nilai=_nilai,
    )


# ---------------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------------


@khusus_admin
@require_GET
def unit_daftar(request: HttpRequest) -> HttpResponse:
    """The tree of the units the user administers, with their pejabat and users counted."""
    return render(request, "units/pemda/unit_daftar.html", {"pohon": layanan.pohon_unit(request.user)})


def _form_unit_baru(request: HttpRequest) -> UnitBaruForm:
    boleh_akar = request.user.is_superuser
    return UnitBaruForm(
        request.POST if request.method == "POST" else None,
        unit_boleh=layanan.unit_terkelola(request.user),
        boleh_akar=boleh_akar,
        initial={"induk": request.GET.get("induk")},
    )


@khusus_admin
@require_http_methods(["GET", "POST"])
def unit_tambah(request: HttpRequest) -> HttpResponse:
    form = _form_unit_baru(request)
    galat = None
    if request.method == "POST":
        unit, galat = _jalankan(form, lambda d: layanan.tambah_unit(request.user, **d))
        if galat is None:
            messages.success(request, _("Unit %s ditambahkan.") % unit)
            return redirect("units:pemda_unit")
    konteks = {"form": form, "galat_isian": galat}
    return render(request, "units/pemda/unit_tambah.html", konteks, status=400 if galat else 200)


def _halaman_unit(
    request: HttpRequest,
    unit: Unit,
    *,
    form: UnitForm | None = None,
    pindah: PindahUnitForm | None = None,
    galat: str | None = None,
) -> HttpResponse:
    boleh_pindah = layanan.boleh_pindah_unit(request.user, unit)
    if pindah is None and boleh_pindah:
        pindah = PindahUnitForm(
            unit=unit,
            unit_boleh=layanan.unit_terkelola(request.user),
            boleh_akar=request.user.is_superuser,
        )
    konteks = {
        "unit": unit,
        "form": form or UnitForm(initial={"nama": unit.nama, "jenis": unit.jenis, "kode": unit.kode}),
        "pindah": pindah if boleh_pindah else None,
        "galat_isian": galat,
        "riwayat": riwayat(unit),
    }
    return render(request, "units/pemda/unit_ubah.html", konteks, status=400 if galat else 200)


@khusus_admin
@require_http_methods(["GET", "POST"])
def unit_ubah(request: HttpRequest, unit_id: int) -> HttpResponse:
    """A unit's page: its name, jenis and kode; where it sits (if the user may move it); its trail."""
    unit = _unit(request, unit_id)
    if request.method != "POST":
        return _halaman_unit(request, unit)
    form = UnitForm(request.POST)
    _hasil, galat = _jalankan(form, lambda d: layanan.ubah_unit(request.user, unit, **d))
    if galat is not None:
        return _halaman_unit(request, unit, form=form, galat=galat)
    messages.success(request, _("Unit %s disimpan.") % form.cleaned_data["nama"])
    return redirect("units:pemda_unit_ubah", unit.pk)


@khusus_admin
@require_POST
def unit_pindah(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _unit(request, unit_id)
    try:
        layanan.periksa_pindah_unit(request.user, unit)
    except layanan.Ditolak as err:
        return _halaman_unit(request, unit, galat=err.pesan)
    form = PindahUnitForm(
        request.POST,
        unit=unit,
        unit_boleh=layanan.unit_terkelola(request.user),
        boleh_akar=request.user.is_superuser,
    )
    _hasil, galat = _jalankan(form, lambda d: layanan.pindah_unit(request.user, unit, d["induk"]))
    if galat is not None:
        return _halaman_unit(request, unit, pindah=form, galat=galat)
    messages.success(request, _("Unit %s dipindahkan.") % unit)
    return redirect("units:pemda_unit_ubah", unit.pk)


# ---------------------------------------------------------------------------------------------------
# Pejabat
# ---------------------------------------------------------------------------------------------------


def _pejabat(request: HttpRequest, pejabat_id: int) -> Pejabat:
    """An official of a unit the user administers, else 404."""
    return get_object_or_404(layanan.pejabat_terkelola(request.user), pk=pejabat_id)


@khusus_admin
@require_GET
def pejabat_daftar(request: HttpRequest) -> HttpResponse:
    """The officials of the units the user administers (or of one of them: ?unit=N)."""
    unit = _unit_pilihan(request)
    daftar = layanan.pejabat_terkelola(request.user)
    if unit is not None:
        daftar = daftar.filter(unit=unit)
    halaman = Paginator(daftar.order_by("unit__jalur", "nama_normal", "pk"), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    konteks = {"unit": unit, "halaman": halaman, "units": layanan.unit_terkelola(request.user)}
    return render(request, "units/pemda/pejabat_daftar.html", konteks)


@khusus_admin
@require_http_methods(["GET", "POST"])
def pejabat_tambah(request: HttpRequest) -> HttpResponse:
    form = PejabatBaruForm(
        request.POST if request.method == "POST" else None,
        unit_boleh=layanan.unit_terkelola(request.user),
        initial={"unit": request.GET.get("unit")},
    )
    galat = None
    if request.method == "POST":
        pejabat, galat = _jalankan(form, lambda d: layanan.tambah_pejabat(request.user, **d))
        if galat is None:
            messages.success(request, _("Pejabat %s ditambahkan.") % pejabat.nama)
            return redirect("units:pemda_pejabat_ubah", pejabat.pk)
    konteks = {"form": form, "galat_isian": galat}
    return render(request, "units/pemda/pejabat_tambah.html", konteks, status=400 if galat else 200)


def _halaman_pejabat(
    request: HttpRequest,
    pejabat: Pejabat,
    *,
    form: PejabatForm | None = None,
    pindah: PindahPejabatForm | None = None,
    galat: str | None = None,
) -> HttpResponse:
    from kinerja.agreements.models import PerjanjianKinerja

    pk_ditandatangani = (
        PerjanjianKinerja.objects.visible_to(request.user)
        .filter(Q(pihak_pertama=pejabat) | Q(pihak_kedua=pejabat))
        .select_related("unit")
        .order_by("-tahun", "-versi", "-pk")
    )
    awal = {"nama": pejabat.nama, "nip": pejabat.nip or "", "pangkat": pejabat.pangkat_golongan}
    konteks = {
        "pejabat": pejabat,
        "form": form or PejabatForm(initial=awal),
        "pindah": pindah
        or PindahPejabatForm(
            unit_boleh=layanan.unit_terkelola(request.user),
            initial={"unit": pejabat.unit_id, "jabatan": pejabat.jabatan},
        ),
        "galat_isian": galat,
        "pk_ditandatangani": pk_ditandatangani,
        "riwayat": riwayat(pejabat),
    }
    return render(request, "units/pemda/pejabat_ubah.html", konteks, status=400 if galat else 200)


@khusus_admin
@require_http_methods(["GET", "POST"])
def pejabat_ubah(request: HttpRequest, pejabat_id: int) -> HttpResponse:
    """An official's page: who he is, his post, the PKs he signed, his trail."""
    pejabat = _pejabat(request, pejabat_id)
    if request.method != "POST":
        return _halaman_pejabat(request, pejabat)
    form = PejabatForm(request.POST)
    _hasil, galat = _jalankan(form, lambda d: layanan.ubah_pejabat(request.user, pejabat, **d))
    if galat is not None:
        return _halaman_pejabat(request, pejabat, form=form, galat=galat)
    messages.success(request, _("Pejabat %s disimpan.") % form.cleaned_data["nama"])
    return redirect("units:pemda_pejabat_ubah", pejabat.pk)


@khusus_admin
@require_POST
def pejabat_pindah(request: HttpRequest, pejabat_id: int) -> HttpResponse:
    pejabat = _pejabat(request, pejabat_id)
    form = PindahPejabatForm(request.POST, unit_boleh=layanan.unit_terkelola(request.user))
    _hasil, galat = _jalankan(form, lambda d: layanan.pindah_pejabat(request.user, pejabat, **d))
    if galat is not None:
        return _halaman_pejabat(request, pejabat, pindah=form, galat=galat)
    messages.success(request, _("%s pindah ke jabatan barunya; riwayat PK-nya tetap padanya.") % pejabat.nama)
    return redirect("units:pemda_pejabat_ubah", pejabat.pk)


# ---------------------------------------------------------------------------------------------------
# Users and roles
# ---------------------------------------------------------------------------------------------------


def _halaman_pengguna(
    request: HttpRequest, *, beri: BeriPeranForm | None = None, galat: str | None = None
) -> HttpResponse:
    daftar = layanan.pengguna_terkelola(request.user).order_by("username")
    halaman = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("halaman"))
    pengguna = list(halaman.object_list)
    peran = layanan.peran_pengguna(request.user, [u.pk for u in pengguna])
    baris = [(u, peran.get(u.pk, [])) for u in pengguna]
    konteks = {
        "halaman": halaman,
        "baris": baris,
        "beri": beri or BeriPeranForm(unit_boleh=layanan.unit_terkelola(request.user)),
        "galat_isian": galat,
    }
    return render(request, "units/pemda/pengguna_daftar.html", konteks, status=400 if galat else 200)


@khusus_admin
@require_GET
def pengguna_daftar(request: HttpRequest) -> HttpResponse:
    """The users holding a role on a unit the user administers, with those roles."""
    return _halaman_pengguna(request)


@never_cache
@khusus_admin
@require_http_methods(["GET", "POST"])
def pengguna_tambah(request: HttpRequest) -> HttpResponse:
    """A new user and his first role. A random password is shown on the answer to the POST itself (never
    through a redirect, a message cookie or the session), once."""
    form = PenggunaBaruForm(
        request.POST if request.method == "POST" else None,
        unit_boleh=layanan.unit_terkelola(request.user),
        initial={"unit": request.GET.get("unit")},
    )
    galat = None
    if request.method == "POST":
        baru, galat = _jalankan(form, lambda d: _tambah_pengguna(request, d))
        if galat is None:
            return render(request, "units/pemda/pengguna_dibuat.html", {"baru": baru})
    konteks = {"form": form, "galat_isian": galat}
    return render(request, "units/pemda/pengguna_tambah.html", konteks, status=400 if galat else 200)


def _tambah_pengguna(request: HttpRequest, d: dict[str, Any]) -> layanan.PenggunaBaru:
    return layanan.tambah_pengguna(
        request.user,
        username=d["username"],
        nama=d["nama"],
        unit=d["unit"],
        peran=d["peran"],
        sandi=d["sandi"] or None,
    )


@khusus_admin
@require_POST
def peran_beri(request: HttpRequest) -> HttpResponse:
    form = BeriPeranForm(request.POST, unit_boleh=layanan.unit_terkelola(request.user))

    def beri(d: dict[str, Any]) -> UnitRole:
        penerima = layanan.cari_pengguna(d["username"])
        return layanan.berikan_peran(request.user, penerima=penerima, unit=d["unit"], peran=d["peran"])

    role, galat = _jalankan(form, beri)
    if galat is not None:
        return _halaman_pengguna(request, beri=form, galat=galat)
    messages.success(
        request,
        _("Peran %(peran)s pada %(unit)s diberikan kepada %(user)s.")
        % {"peran": role.get_peran_display(), "unit": role.unit, "user": role.user.get_username()},
    )
    return redirect(reverse("units:pemda_pengguna"))


@khusus_admin
@require_http_methods(["GET", "POST"])
def peran_cabut(request: HttpRequest, peran_id: int) -> HttpResponse:
    """Take a role away, after a confirmation page (a role outside what the user administers: 404)."""
    role = get_object_or_404(layanan.peran_terkelola(request.user), pk=peran_id)
    galat = None
    if request.method == "POST":
        try:
            layanan.cabut_peran(request.user, role)
        except layanan.Ditolak as err:
            galat = err.pesan
        else:
            messages.success(
                request,
                _("Peran %(peran)s %(user)s pada %(unit)s dicabut.")
                % {"peran": role.get_peran_display(), "user": role.user.get_username(), "unit": role.unit},
            )
            return redirect("units:pemda_pengguna")
    konteks = {"role": role, "galat_isian": galat}
    return render(request, "units/pemda/peran_cabut.html", konteks, status=400 if galat else 200)


@never_cache
@khusus_admin
@require_POST
def pengguna_tautan_sandi(request: HttpRequest, pengguna_id: int) -> HttpResponse:
    """A one-time link to set the user's password, shown on the answer to this POST only (never stored
    or sent through a redirect), for a user the admin may manage (layanan.boleh_atur_ulang_sandi)."""
    from kinerja.alamat import alamat_dasar

    pengguna = get_object_or_404(layanan.pengguna_terkelola(request.user), pk=pengguna_id)
    try:
        jalur = layanan.tautan_atur_sandi(request.user, pengguna)
    except layanan.Ditolak as err:
        raise PermissionDenied(err.pesan) from None
    from kinerja.riwayat.keamanan import Jenis, catat_keamanan

    catat_keamanan(Jenis.TAUTAN_SANDI, request=request, keterangan=f"untuk {pengguna.get_username()}")
    batas_jam = settings.PASSWORD_RESET_TIMEOUT // 3600
    konteks = {"pengguna": pengguna, "tautan": alamat_dasar() + jalur, "batas_jam": batas_jam}
    return render(request, "units/pemda/pengguna_tautan_sandi.html", konteks)
