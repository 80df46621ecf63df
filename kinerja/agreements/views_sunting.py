"""The PK editor on the web (issue #10): a draft's rows, each with its own small form, no JavaScript needed.

Thin: read the form, call `sunting` (which checks the right and the state and writes the trail),
redirect to the row on the editor page, or re-render the form with what was typed and the reason
(400). The editor shows the review's findings; each links to the form of the row it concerns.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.agreements import alur, sunting
from kinerja.agreements.domain_pk import to_domain
from kinerja.agreements.forms_sunting import (
    AtasanForm,
    IndikatorBaruForm,
    IndikatorForm,
    KepalaForm,
    PejabatBaruForm,
    PenjelasanForm,
    PihakForm,
    ProgramForm,
    SasaranForm,
)
from kinerja.agreements.jenjang import temuan_pk
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program, Sasaran, Tingkat
from kinerja.agreements.views_alur import pk_terlihat
from kinerja.domain import pk as d
from kinerja.units.models import Pejabat
from kinerja.units.permissions import can

MODEL = {"sasaran": Sasaran, "indikator": Indikator, "program": Program}


def _perjanjian(request: HttpRequest, pk_id: int) -> PerjanjianKinerja:
    """The PK if the user may edit it (404 if not visible, 403 without the right)."""
    perjanjian = pk_terlihat(request, pk_id)
    if not can(request.user, "edit", perjanjian.unit):
        raise PermissionDenied(_("Anda tidak berhak mengubah PK unit ini."))
    return perjanjian


def _baris(perjanjian: PerjanjianKinerja, bagian: str, baris_id: int):
    model = MODEL.get(bagian)
    if model is None:
        raise Http404
    filter_ = {"sasaran__perjanjian": perjanjian} if model is Indikator else {"perjanjian": perjanjian}
    obj = model.objects.filter(pk=baris_id, **filter_).first()
    if obj is None:
        raise Http404
    return obj


def _ke_baris(perjanjian: PerjanjianKinerja, jangkar: str = "") -> HttpResponse:
    url = reverse("agreements:pk_sunting", args=[perjanjian.pk])
    return redirect(f"{url}#{jangkar}" if jangkar else url)


def _jalankan(request: HttpRequest, form, aksi) -> str | None:
    """Run `aksi()` for a valid form; the reason it was refused, or None when done."""
    if not form.is_valid():
        return _("Periksa isian yang ditandai.")
    try:
        aksi()
    except sunting.IsianSalah as err:
        return str(err)
    except alur.Ditolak as err:
        return err.pesan
    return None


# ---------------------------------------------------------------------------------------------------
# The editor page
# ---------------------------------------------------------------------------------------------------


def _bentuk(perjanjian: PerjanjianKinerja) -> dict[str, str]:
    """Each row's review place ("sasaran[0].indikator[1]") → the URL of the form that changes it."""
    from kinerja.agreements.services import _id_baris

    sasaran, indikator, program = _id_baris(perjanjian)
    bentuk: dict[str, str] = {}
    url = lambda nama, *a: reverse(f"agreements:{nama}", args=[perjanjian.pk, *a])  # noqa: E731
    for k, sid in enumerate(sasaran):
        bentuk[f"sasaran[{k}]"] = url("pk_sunting_baris", "sasaran", sid)
    berpenjelasan = list(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian, berpenjelasan=True)
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
        .values_list("pk", flat=True)
    )
    for (k, j), iid in indikator.items():
        bentuk[f"sasaran[{k}].indikator[{j}]"] = url("pk_sunting_baris", "indikator", iid)
    for m, iid in enumerate(berpenjelasan):
        bentuk[f"penjelasan[{m}]"] = url("pk_sunting_penjelasan", iid)
    for n, pid in enumerate(program):
        bentuk[f"program[{n}]"] = url("pk_sunting_baris", "program", pid)
    bentuk["pihak_pertama"] = url("pk_sunting_pihak", "pertama")
    bentuk["pihak_kedua"] = url("pk_sunting_pihak", "kedua")
    bentuk["tanggal"] = reverse("agreements:pk_sunting", args=[perjanjian.pk]) + "#kepala"
    bentuk["total_anggaran"] = reverse("agreements:pk_sunting", args=[perjanjian.pk]) + "#program"
    bentuk["tanda_tangan"] = reverse("agreements:pk_sunting", args=[perjanjian.pk]) + "#tanda-tangan"
    return bentuk


_POLA = re.compile(
    r"^(sasaran\[\d+\]\.indikator\[\d+\]|sasaran\[\d+\]|penjelasan\[\d+\]|program\[\d+\]|tanda_tangan)"
)


def tautan_temuan(bentuk: dict[str, str], jalur: str) -> str:
    """The form that fixes what a finding at `jalur` says (the longest known prefix), or ""."""
    if jalur in bentuk:
        return bentuk[jalur]
    m = _POLA.match(jalur)
    return bentuk.get(m.group(1), "") if m else ""


@login_required
def pk_sunting(request: HttpRequest, pk_id: int) -> HttpResponse:
    """The draft, row by row, with a form for each change and the review beside it."""
    perjanjian = _perjanjian(request, pk_id)
    return _halaman(request, perjanjian)


def _halaman(
    request: HttpRequest, perjanjian: PerjanjianKinerja, *, bentuk_salah=None, galat: str | None = None
):
    if not perjanjian.dapat_diubah:
        return render(request, "agreements/sunting/terkunci.html", {"perjanjian": perjanjian}, status=409)
    data = to_domain(perjanjian)
    temuan = temuan_pk(perjanjian, data)
    tautan = _bentuk(perjanjian)
    sasaran = list(
        perjanjian.sasaran.order_by("urutan", "pk")
        .select_related("mendukung__perjanjian")
        .prefetch_related(
            Prefetch(
                "indikator",
                queryset=Indikator.objects.select_related(
                    "mendukung__sasaran__perjanjian", "asal__sasaran__perjanjian"
                ),
            )
        )
    )
    kelompok = [(t, label, [s for s in sasaran if s.tingkat == t]) for t, label in Tingkat.choices]
    forms = {
        "kepala": KepalaForm(initial={"tempat": perjanjian.tempat, "tanggal": perjanjian.tanggal_teks}),
        "sasaran_baru": SasaranForm(),
        "indikator_baru": IndikatorBaruForm(),
        "program_baru": ProgramForm(perjanjian=perjanjian),
        "atasan": AtasanForm(
            initial={"atasan": perjanjian.atasan_pk_id}, pilihan=sunting.calon_atasan(perjanjian)
        ),
    }
    if bentuk_salah is not None:
        forms.update(bentuk_salah)
    return render(
        request,
        "agreements/sunting/ubah.html",
        {
            "perjanjian": perjanjian,
            "kelompok": kelompok,
            "program": list(perjanjian.program.order_by("urutan", "pk").prefetch_related("sasaran")),
            "tanda_tangan": perjanjian.tanda_tangan.exists(),
            "temuan": [(t, [(lok, tautan_temuan(tautan, lok.jalur)) for lok in t.lokasi]) for t in temuan],
            "jumlah": {x: sum(1 for t in temuan if t.tingkat == x) for x in ("galat", "peringatan", "info")},
            "galat_isian": galat,
            **forms,
        },
        status=400 if galat else 200,
    )


# ---------------------------------------------------------------------------------------------------
# Adding rows, the PK's own fields
# ---------------------------------------------------------------------------------------------------


@login_required
@require_POST
def pk_sunting_kepala(request: HttpRequest, pk_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    form = KepalaForm(request.POST)
    galat = _jalankan(
        request,
        form,
        lambda: sunting.ubah_kepala(
            perjanjian, request.user, tempat=form.cleaned_data["tempat"], tanggal=form.cleaned_data["tanggal"]
        ),
    )
    if galat:
        return _halaman(request, perjanjian, bentuk_salah={"kepala": form}, galat=galat)
    messages.success(request, _("Tempat dan tanggal disimpan."))
    return _ke_baris(perjanjian, "kepala")


def _tambah(request: HttpRequest, perjanjian: PerjanjianKinerja, form, buat, kunci: str, pesan: str, **lain):
    """Add one row through `buat(cleaned_data)`; back to it, or the page again with the form as typed."""
    hasil = {}
    galat = _jalankan(request, form, lambda: hasil.setdefault("baris", buat(form.cleaned_data)))
    if galat:
        return _halaman(request, perjanjian, bentuk_salah={kunci: form, **lain}, galat=galat)
    messages.success(request, pesan)
    baris = hasil["baris"]
    return _ke_baris(perjanjian, f"{baris._meta.model_name}-{baris.pk}")


@login_required
@require_POST
def pk_sunting_sasaran_tambah(request: HttpRequest, pk_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    return _tambah(
        request,
        perjanjian,
        SasaranForm(request.POST),
        lambda c: sunting.tambah_sasaran(perjanjian, request.user, tingkat=c["tingkat"], uraian=c["uraian"]),
        "sasaran_baru",
        _("Sasaran ditambahkan."),
    )


@login_required
@require_POST
def pk_sunting_indikator_tambah(request: HttpRequest, pk_id: int, sasaran_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    sasaran = _baris(perjanjian, "sasaran", sasaran_id)
    return _tambah(
        request,
        perjanjian,
        IndikatorBaruForm(request.POST),
        lambda c: sunting.tambah_indikator(sasaran, request.user, uraian=c["uraian"], target=c["target"]),
        "indikator_baru",
        _("Indikator ditambahkan."),
        indikator_baru_di=sasaran.pk,
    )


def _isian_program(c: dict) -> dict:
    """A budget row's form, as the editor's verbs take it."""
    return {
        "nama": c["nama"],
        "anggaran": c["anggaran"],
        "jenis": c["jenis"],
        "kode": c["kode"],
        "sasaran": list(c["sasaran"]),
    }


@login_required
@require_POST
def pk_sunting_program_tambah(request: HttpRequest, pk_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    return _tambah(
        request,
        perjanjian,
        ProgramForm(request.POST, perjanjian=perjanjian),
        lambda c: sunting.tambah_program(perjanjian, request.user, **_isian_program(c)),
        "program_baru",
        _("Program ditambahkan."),
    )


@login_required
@require_POST
def pk_sunting_atasan(request: HttpRequest, pk_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    form = AtasanForm(request.POST, pilihan=sunting.calon_atasan(perjanjian))
    galat = _jalankan(
        request, form, lambda: sunting.ubah_atasan(perjanjian, request.user, form.cleaned_data["atasan"])
    )
    if galat:
        return _halaman(request, perjanjian, bentuk_salah={"atasan": form}, galat=galat)
    messages.success(request, _("PK atasan disimpan."))
    return _ke_baris(perjanjian, "atasan")


@login_required
@require_http_methods(["GET", "POST"])
def pk_sunting_turunkan(request: HttpRequest, pk_id: int) -> HttpResponse:
    """Pick the superior's sasaran and indikator that this unit supports; they become its rows."""
    perjanjian = _perjanjian(request, pk_id)
    if not perjanjian.dapat_diubah:
        return render(request, "agreements/sunting/terkunci.html", {"perjanjian": perjanjian}, status=409)
    atasan = perjanjian.atasan_pk
    galat = None
    dipilih: set[int] = set()
    if request.method == "POST":
        dipilih = {int(x) for x in request.POST.getlist("indikator") if x.isdigit()}
        try:
            sunting.turunkan(perjanjian, request.user, sorted(dipilih))
        except sunting.IsianSalah as err:
            galat = str(err)
        except alur.Ditolak as err:
            galat = err.pesan
        else:
            messages.success(
                request, _("Sasaran dan indikator PK atasan diturunkan ke PK ini; sesuaikan targetnya.")
            )
            return _ke_baris(perjanjian, "judul-sasaran")
    sudah = set(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian, mendukung__isnull=False).values_list(
            "mendukung_id", flat=True
        )
    )
    sasaran = (
        list(atasan.sasaran.order_by("urutan", "pk").prefetch_related("indikator"))
        if atasan is not None and atasan.status == PerjanjianKinerja.Status.DITERBITKAN
        else []
    )
    return render(
        request,
        "agreements/sunting/turunkan.html",
        {
            "perjanjian": perjanjian,
            "atasan": atasan,
            "sasaran": sasaran,
            "sudah": sudah,
            "dipilih": dipilih,
            "galat_isian": galat,
        },
        status=400 if galat else 200,
    )


# ---------------------------------------------------------------------------------------------------
# One row: change, remove, move
# ---------------------------------------------------------------------------------------------------


def _form_baris(bagian: str, obj, perjanjian: PerjanjianKinerja, data=None):
    if bagian == "sasaran":
        return SasaranForm(
            data,
            initial={"tingkat": obj.tingkat, "uraian": obj.uraian, "mendukung": obj.mendukung_id},
            pilihan=sunting.pilihan_tautan(perjanjian, obj),
        )
    if bagian == "indikator":
        awal = {
            "uraian": obj.uraian,
            "target": obj.target_teks,
            "satuan": obj.satuan,
            "polaritas": obj.polaritas,
            "sasaran": obj.sasaran_id,
            "mendukung": obj.mendukung_id,
        }
        return IndikatorForm(
            data, initial=awal, perjanjian=perjanjian, pilihan=sunting.pilihan_tautan(perjanjian, obj)
        )
    awal = {
        "nama": obj.nama,
        "anggaran": obj.anggaran,
        "jenis": obj.jenis,
        "kode": obj.kode,
        "sasaran": list(obj.sasaran.values_list("pk", flat=True)),
    }
    return ProgramForm(data, initial=awal, perjanjian=perjanjian)


def _simpan_baris(bagian: str, obj, request: HttpRequest, c: dict) -> None:
    from django.db import transaction

    with transaction.atomic():
        _simpan_isi_baris(bagian, obj, request, c)
        if "mendukung" in c:
            obj.refresh_from_db()
            sunting.tautkan(obj, request.user, c["mendukung"])


def _simpan_isi_baris(bagian: str, obj, request: HttpRequest, c: dict) -> None:
    if bagian == "sasaran":
        sunting.ubah_sasaran(obj, request.user, uraian=c["uraian"], tingkat=c["tingkat"])
    elif bagian == "indikator":
        sunting.ubah_indikator(
            obj,
            request.user,
            uraian=c["uraian"],
            target=c["target"],
            satuan=c["satuan"],
            polaritas=c["polaritas"],
            sasaran=c.get("sasaran"),
        )
    else:
        sunting.ubah_program(obj, request.user, **_isian_program(c))


@login_required
@require_http_methods(["GET", "POST"])
def pk_sunting_baris(request: HttpRequest, pk_id: int, bagian: str, baris_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    obj = _baris(perjanjian, bagian, baris_id)
    if not perjanjian.dapat_diubah:
        return render(request, "agreements/sunting/terkunci.html", {"perjanjian": perjanjian}, status=409)
    form = _form_baris(bagian, obj, perjanjian, request.POST if request.method == "POST" else None)
    galat = None
    if request.method == "POST":
        galat = _jalankan(request, form, lambda: _simpan_baris(bagian, obj, request, form.cleaned_data))
        if galat is None:
            messages.success(request, _("Perubahan disimpan."))
            return _ke_baris(perjanjian, f"{bagian}-{obj.pk}")
    return render(
        request,
        "agreements/sunting/baris.html",
        {"perjanjian": perjanjian, "bagian": bagian, "obj": obj, "form": form, "galat_isian": galat},
        status=400 if galat else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pk_sunting_penjelasan(request: HttpRequest, pk_id: int, baris_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    obj = _baris(perjanjian, "indikator", baris_id)
    if not perjanjian.dapat_diubah:
        return render(request, "agreements/sunting/terkunci.html", {"perjanjian": perjanjian}, status=409)
    awal = {k.nama: getattr(obj, k.nama) for k in d.kolom_tersimpan(d.Penjelasan)}
    awal["dasar_hukum"] = "\n".join(obj.dasar_hukum.order_by("urutan", "pk").values_list("teks", flat=True))
    form = PenjelasanForm(request.POST if request.method == "POST" else None, initial=awal)
    galat = None
    if request.method == "POST":
        galat = _jalankan(
            request,
            form,
            lambda: sunting.ubah_penjelasan(
                obj,
                request.user,
                {k: v for k, v in form.cleaned_data.items() if k != "dasar_hukum"},
                form.cleaned_data["dasar_hukum"].splitlines(),
            ),
        )
        if galat is None:
            messages.success(request, _("Penjelasan disimpan."))
            return _ke_baris(perjanjian, f"indikator-{obj.pk}")
    return render(
        request,
        "agreements/sunting/baris.html",
        {"perjanjian": perjanjian, "bagian": "penjelasan", "obj": obj, "form": form, "galat_isian": galat},
        status=400 if galat else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pk_sunting_hapus(request: HttpRequest, pk_id: int, bagian: str, baris_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    obj = _baris(perjanjian, bagian, baris_id)
    if request.method == "POST":
        try:
            {
                "sasaran": sunting.hapus_sasaran,
                "indikator": sunting.hapus_indikator,
                "program": sunting.hapus_program,
            }[bagian](obj, request.user)
        except alur.Ditolak as err:
            messages.error(request, err.pesan)
            return redirect("agreements:pk_detail", pk_id=perjanjian.pk)
        messages.success(request, _("Dihapus."))
        return _ke_baris(perjanjian, bagian if bagian == "program" else "")
    return render(
        request, "agreements/sunting/hapus.html", {"perjanjian": perjanjian, "bagian": bagian, "obj": obj}
    )


@login_required
@require_POST
def pk_sunting_pindah(
    request: HttpRequest, pk_id: int, bagian: str, baris_id: int, arah: str
) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    obj = _baris(perjanjian, bagian, baris_id)
    if arah not in ("naik", "turun"):
        raise Http404
    try:
        sunting.VERB_BARIS[bagian](obj, request.user, -1 if arah == "naik" else 1)
    except alur.Ditolak as err:
        messages.error(request, err.pesan)
        return redirect("agreements:pk_detail", pk_id=perjanjian.pk)
    return _ke_baris(perjanjian, f"{bagian}-{obj.pk}")


@login_required
@require_POST
def pk_sunting_tanda_tangan(request: HttpRequest, pk_id: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    try:
        sunting.samakan_tanda_tangan(perjanjian, request.user)
    except alur.Ditolak as err:
        messages.error(request, err.pesan)
        return redirect("agreements:pk_detail", pk_id=perjanjian.pk)
    messages.success(
        request, _("Blok tanda tangan tercetak dihapus: dokumen mencetak nama dan NIP para pihak.")
    )
    return _ke_baris(perjanjian, "tanda-tangan")


# ---------------------------------------------------------------------------------------------------
# The parties
# ---------------------------------------------------------------------------------------------------


def _pilihan_pejabat(perjanjian: PerjanjianKinerja, ke: str):
    unit = perjanjian.unit if ke == "pertama" or not perjanjian.unit.induk_id else perjanjian.unit.induk
    return unit, Pejabat.objects.filter(unit=unit).order_by("nama_normal")


@login_required
@require_http_methods(["GET", "POST"])
def pk_sunting_pihak(request: HttpRequest, pk_id: int, ke: str) -> HttpResponse:
    perjanjian = _perjanjian(request, pk_id)
    if ke not in ("pertama", "kedua"):
        raise Http404
    if not perjanjian.dapat_diubah:
        return render(request, "agreements/sunting/terkunci.html", {"perjanjian": perjanjian}, status=409)
    unit, pilihan = _pilihan_pejabat(perjanjian, ke)
    awal = {
        "pejabat": getattr(perjanjian, f"pihak_{ke}_id"),
        "jabatan": getattr(perjanjian, f"pihak_{ke}_jabatan"),
    }
    for x in sunting.JABATAN_SEMENTARA:
        if awal["jabatan"].startswith(x + " "):
            awal["sementara"], awal["jabatan"] = x, awal["jabatan"][len(x) + 1 :]
    data = request.POST if request.method == "POST" and "pilih" in request.POST else None
    form = PihakForm(data, initial=awal, pilihan=pilihan)
    baru = PejabatBaruForm(request.POST if request.method == "POST" and "tambah" in request.POST else None)
    galat = None
    if data is not None:
        galat = _jalankan(
            request,
            form,
            lambda: sunting.ubah_pihak(
                perjanjian,
                request.user,
                ke=ke,
                pejabat=form.cleaned_data["pejabat"],
                sementara=form.cleaned_data["sementara"],
                jabatan=form.cleaned_data["jabatan"],
            ),
        )
        if galat is None:
            messages.success(request, _("Pihak disimpan."))
            return _ke_baris(perjanjian, "kepala")
    elif baru.is_bound:
        hasil = {}
        galat = _jalankan(
            request,
            baru,
            lambda: hasil.setdefault("p", sunting.tambah_pejabat(unit, request.user, **baru.cleaned_data)),
        )
        if galat is None:
            messages.success(request, _("Pejabat %s ditambahkan; pilih sebagai pihak.") % hasil["p"])
            return redirect("agreements:pk_sunting_pihak", pk_id=perjanjian.pk, ke=ke)
    return render(
        request,
        "agreements/sunting/pihak.html",
        {"perjanjian": perjanjian, "ke": ke, "unit": unit, "form": form, "baru": baru, "galat_isian": galat},
        status=400 if galat else 200,
    )


def _buat_dari(mulai: str, unit, oleh, tahun: int, pejabat) -> PerjanjianKinerja:
    """The new PK from its start point: empty, a copy of the unit's last PK, or linked to the
    superior's published PK (its rows then picked on the next page)."""
    from kinerja.agreements import salin

    if mulai == "salin":
        sumber = salin.pk_terakhir(unit, tahun)
        if sumber is None:
            raise sunting.IsianSalah(
                _("Belum ada PK %(unit)s sebelum tahun %(tahun)d untuk disalin.")
                % {"unit": unit, "tahun": tahun}
            )
        return salin.salin_pk(sumber, oleh, tahun=tahun, pihak_pertama=pejabat)
    atasan = None
    if mulai == "turunkan":
        atasan = salin.atasan_terbit(unit, tahun)
        if atasan is None:
            raise sunting.IsianSalah(
                _(
                    "Belum ada PK %(tahun)d unit di atas %(unit)s yang diterbitkan; PK ini belum dapat diturunkan."
                )
                % {"unit": unit, "tahun": tahun}
            )
    p = sunting.buat_pk(unit, oleh, tahun=tahun, pihak_pertama=pejabat)
    if atasan is not None:
        p = sunting.ubah_atasan(p, oleh, atasan)
    return p


@login_required
@require_http_methods(["GET", "POST"])
def pk_baru(request: HttpRequest) -> HttpResponse:
    """An empty PK for a unit the user may edit, filled in the editor afterwards."""
    from datetime import date

    from kinerja.agreements.forms_sunting import PKBaruForm
    from kinerja.units.models import Unit

    unit_boleh = Unit.objects.visible_to(request.user, "edit")
    if not unit_boleh.exists():
        raise PermissionDenied(_("Membuat PK adalah tugas operator atau admin sebuah unit."))
    awal: dict = {"tahun": date.today().year + 1}
    satu = list(unit_boleh[:2])
    if len(satu) == 1:
        awal["unit"] = satu[0].pk  # an operator of one unit has nothing to choose
    form = PKBaruForm(request.POST or None, unit_boleh=unit_boleh, initial=awal)
    hasil: dict = {}
    galat = None
    if request.method == "POST":

        def buat() -> None:
            c = form.cleaned_data
            pejabat = c["pejabat"] or sunting.tambah_pejabat(
                c["unit"],
                request.user,
                nama=c["nama"],
                nip=c["nip"],
                jabatan=c["jabatan"],
                pangkat=c["pangkat"],
            )
            hasil["pk"] = _buat_dari(c["mulai"], c["unit"], request.user, c["tahun"], pejabat)

        from django.db import transaction

        with transaction.atomic():
            galat = _jalankan(request, form, buat)
            if galat:
                transaction.set_rollback(True)
        if galat is None:
            mulai = form.cleaned_data["mulai"]
            if mulai == "turunkan":
                messages.success(
                    request,
                    _("PK baru dibuat sebagai draf: pilih sasaran dan indikator PK atasan yang didukung."),
                )
                return redirect("agreements:pk_sunting_turunkan", pk_id=hasil["pk"].pk)
            messages.success(
                request,
                _("PK baru disalin dari PK sebelumnya: sesuaikan target, tanggal dan programnya.")
                if mulai == "salin"
                else _("PK baru dibuat sebagai draf: isi sasaran, indikator dan programnya."),
            )
            return redirect("agreements:pk_sunting", pk_id=hasil["pk"].pk)
    return render(
        request,
        "agreements/sunting/baru.html",
        {"form": form, "galat_isian": galat},
        status=400 if galat else 200,
    )
