"""Operator screens of the SKM (login): periods of the units the user may see, a new period, paper entry,
closing (pimpinan or admin), ticket codes, a unit's option lists. Every view asks kinerja.units.permissions:
a period the user may not view is a 404, an action the user may not do on a period they see is a 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.alamat import alamat_dasar
from kinerja.domain import sampling
from kinerja.domain.ikm import IKMError, daftar_unsur
from kinerja.surveys import kuesioner, services
from kinerja.surveys.forms import (
    DaftarForm,
    KodeTiketForm,
    PeriodeForm,
    UnsurFormSet,
    awal_unsur,
    awal_unsur_periode,
    baca_nonce,
    buat_nonce,
)
from kinerja.surveys.models import (
    Agregat,
    JenisLayanan,
    KodeTiket,
    OpsiProfil,
    PeriodeSurvei,
    Respons,
    SnapshotIKM,
)
from kinerja.surveys.views import galat_layanan, render_formulir
from kinerja.units.models import Unit
from kinerja.units.permissions import can

PER_HALAMAN = 50


def _periode(request: HttpRequest, periode_id: int, aksi: str = "view") -> PeriodeSurvei:
    """The period if the user may see it (else 404) and may do `aksi` on it (else 403)."""
    periode = get_object_or_404(PeriodeSurvei.objects.select_related("unit"), pk=periode_id)
    if not can(request.user, "view", periode):
        raise Http404(_("Periode survei tidak ditemukan."))
    if aksi == "tutup":
        if not services.boleh_tutup(request.user, periode):
            raise PermissionDenied(_("Hanya pimpinan unit atau admin yang dapat menutup periode survei."))
    elif aksi != "view" and not can(request.user, aksi, periode):
        raise PermissionDenied(_("Anda tidak berwenang mengubah survei unit ini."))
    return periode


def _harus_dibuka(periode: PeriodeSurvei) -> None:
    if periode.status != PeriodeSurvei.Status.DIBUKA:
        raise PermissionDenied(_("Periode ini sudah ditutup; isinya tidak dapat diubah lagi."))


def alamat_publik(periode: PeriodeSurvei) -> str:
    """The full public address of the period's questionnaire (for the poster, the QR code, a message)."""
    return f"{alamat_dasar()}{reverse('surveys:formulir', args=[periode.token])}"


@login_required
@require_http_methods(["GET", "HEAD"])
def daftar(request: HttpRequest) -> HttpResponse:
    """The survey periods of every unit the user may view, newest first, with respondents and IKM."""
    qs = (
        PeriodeSurvei.objects.visible_to(request.user)
        .select_related("unit")
        .prefetch_related(
            Prefetch(
                "agregat", queryset=Agregat.objects.filter(kunci=Agregat.SEMUA), to_attr="agregat_semua"
            ),
            Prefetch(
                "snapshot",
                queryset=SnapshotIKM.objects.filter(jenis_layanan__isnull=True),
                to_attr="snapshot_semua",
            ),
        )
        .order_by("-tanggal_mulai", "unit__nama", "pk")
    )
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    baris = []
    for p in halaman.object_list:
        agregat = p.agregat_semua[0] if p.agregat_semua else None
        snapshot = p.snapshot_semua[0] if p.snapshot_semua else None
        baris.append(
            {
                "periode": p,
                "responden": agregat.responden if agregat else 0,
                "ikm": snapshot.nilai
                if snapshot
                else _ikm(services.ikm_periode(p, agregat) if agregat else None),
                "mutu": snapshot.mutu if snapshot else None,
                "final": snapshot is not None,
            }
        )
    units_ubah = Unit.objects.visible_to(request.user, "edit")
    return render(
        request,
        "surveys/kelola_daftar.html",
        {"halaman": halaman, "baris": baris, "units_ubah": list(units_ubah.only("pk", "nama")[:50])},
    )


def _ikm(hasil):
    return hasil.ikm if hasil else None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def baru(request: HttpRequest) -> HttpResponse:
    """A new period: its settings and the wording of the nine unsur (2017 defaults, labels editable)."""
    units = Unit.objects.visible_to(request.user, "edit").order_by("jalur")
    if not units.exists():
        raise PermissionDenied(_("Anda tidak mengelola unit mana pun."))
    if request.method == "POST":
        form = PeriodeForm(request.POST, units=units)
        formset = UnsurFormSet(request.POST, prefix="unsur", initial=awal_unsur("2017"))
        if form.is_valid() and (form.cleaned_data["regime"] != "2017" or formset.is_valid()):
            data = form.cleaned_data
            unsur = _unsur_dari_formset(formset) if data["regime"] == "2017" else None
            periode = services.buat_periode(
                data["unit"],
                judul=data["judul"],
                jenis=data["jenis"],
                tanggal_mulai=data["tanggal_mulai"],
                tanggal_selesai=data["tanggal_selesai"],
                regime=data["regime"],
                penimbang=data["penimbang"],
                populasi=data["populasi"],
                wajib_kode_tiket=data["wajib_kode_tiket"],
                unsur=unsur,
            )
            messages.success(
                request, _("Periode survei dibuat. Bagikan alamat formulirnya kepada pengguna layanan.")
            )
            return redirect("surveys:periode", periode_id=periode.pk)
    else:
        pertama = units.first()
        form = PeriodeForm(units=units, initial={"unit": pertama, "regime": "2017", "penimbang": "tepat"})
        formset = UnsurFormSet(prefix="unsur", initial=awal_unsur("2017"))
    return render(
        request,
        "surveys/kelola_periode_form.html",
        {"form": form, "formset": formset, "nama_unsur": _nama_unsur(formset, "2017"), "baru": True},
    )


def _nama_unsur(formset, regime: str) -> list:
    nama = {u.kode: u.nama for u in daftar_unsur(regime)}  # type: ignore[arg-type]
    return [(f, nama.get(f["kode"].value(), f["kode"].value())) for f in formset]


def _unsur_dari_formset(formset) -> dict[str, dict[str, str]]:
    return {
        f.cleaned_data["kode"]: {
            k: f.cleaned_data[k] for k in ("pertanyaan", "label_1", "label_2", "label_3", "label_4")
        }
        for f in formset
        if f.cleaned_data
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ubah(request: HttpRequest, periode_id: int) -> HttpResponse:
    """Edit an open period's settings and the wording of its questions (not its unit or rule set)."""
    periode = _periode(request, periode_id, "edit")
    _harus_dibuka(periode)
    units = Unit.objects.filter(pk=periode.unit_id)
    awal = awal_unsur_periode(periode)
    if request.method == "POST":
        form = PeriodeForm(request.POST, instance=periode, units=units)
        formset = UnsurFormSet(request.POST, prefix="unsur", initial=awal)
        if form.is_valid() and formset.is_valid():
            ubahan = _unsur_dari_formset(formset)
            form.save()
            for u in periode.unsur.all():
                if u.kode in ubahan:
                    for k, v in ubahan[u.kode].items():
                        setattr(u, k, v)
                    u.save()
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("surveys:periode", periode_id=periode.pk)
    else:
        form = PeriodeForm(instance=periode, units=units)
        formset = UnsurFormSet(prefix="unsur", initial=awal)
    return render(
        request,
        "surveys/kelola_periode_form.html",
        {
            "form": form,
            "formset": formset,
            "nama_unsur": _nama_unsur(formset, periode.regime),
            "periode": periode,
            "baru": False,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def periode(request: HttpRequest, periode_id: int) -> HttpResponse:
    """One period: its public address, respondents and IKM so far (from the aggregates), per layanan."""
    p = _periode(request, periode_id)
    agregat = list(Agregat.objects.filter(periode=p).select_related("jenis_layanan").order_by("kunci"))
    semua = next((a for a in agregat if a.kunci == Agregat.SEMUA), None)
    hasil, galat = _hasil_atau_galat(p, semua)
    per_layanan = []
    for a in agregat:
        if a.kunci != Agregat.SEMUA:
            h, g = _hasil_atau_galat(p, a)
            per_layanan.append({"layanan": a.jenis_layanan, "responden": a.responden, "hasil": h, "galat": g})
    kode = KodeTiket.objects.filter(periode=p).aggregate(
        jumlah=Count("pk"), dipakai=Count("pk", filter=Q(dipakai_pada__isnull=False))
    )
    return render(
        request,
        "surveys/kelola_periode.html",
        {
            "periode": p,
            "alamat": alamat_publik(p),
            "semua": semua,
            "hasil": hasil,
            "galat_ikm": galat,
            "kecukupan": _kecukupan(p, semua),
            "per_layanan": per_layanan,
            "kode": kode,
            "snapshot": SnapshotIKM.objects.filter(periode=p, jenis_layanan__isnull=True).first(),
            "boleh_ubah": can(request.user, "edit", p),
            "boleh_tutup": services.boleh_tutup(request.user, p),
            "unsur": list(p.unsur.all()),
            "jumlah_saran": Respons.objects.filter(periode=p).exclude(saran="").count(),
        },
    )


def _hasil_atau_galat(p: PeriodeSurvei, agregat: Agregat | None):
    if agregat is None or not agregat.responden:
        return None, _("Belum ada respons.")
    try:
        return services.Rekap(
            agregat.responden, agregat.jumlah(p.kode_unsur), agregat.cacah(p.kode_unsur)
        ).hasil(p), None
    except IKMError as exc:
        return None, str(exc)


def _kecukupan(p: PeriodeSurvei, semua: Agregat | None):
    if not p.populasi:
        return None
    return sampling.kecukupan(semua.responden if semua else 0, p.populasi)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kertas(request: HttpRequest, periode_id: int) -> HttpResponse:
    """Enter a paper questionnaire: the public form, where an unsur may be left empty as on the sheet."""
    p = _periode(request, periode_id, "edit")
    _harus_dibuka(p)
    k = kuesioner.muat(p)
    template = "surveys/kelola_kertas.html"
    if request.method != "POST":
        return render_formulir(request, k, template, nonce=buat_nonce(p), publik=False)
    nonce = baca_nonce(p, request.POST.get("nonce", ""))
    bersih, galat = k.periksa(request.POST, publik=False)
    if nonce is None:
        galat = {"__all__": [_("Formulir tidak utuh atau kedaluwarsa; periksa lalu simpan lagi.")], **galat}
    elif not galat:
        try:
            services.kirim_respons(p, {**bersih, "nonce": nonce}, sumber=Respons.Sumber.KERTAS)
        except services.SudahDiterima:
            messages.info(request, _("Kuesioner ini sudah tersimpan sebelumnya; tidak disimpan dua kali."))
            return redirect("surveys:kertas", periode_id=p.pk)
        except services.SKMError as exc:
            galat = {"__all__": [str(exc)]}
        except ValidationError as exc:
            galat = galat_layanan(exc)
        else:
            semua = Agregat.objects.filter(periode=p, kunci=Agregat.SEMUA).only("responden").first()
            jumlah = semua.responden if semua else 0
            messages.success(
                request, _("Kuesioner tersimpan. Jumlah responden sekarang %(n)d.") % {"n": jumlah}
            )
            return redirect("surveys:kertas", periode_id=p.pk)
    return render_formulir(
        request,
        k,
        template,
        nonce=request.POST["nonce"] if nonce else buat_nonce(p),
        data=request.POST,
        galat=galat,
        publik=False,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def tutup(request: HttpRequest, periode_id: int) -> HttpResponse:
    """Close a period: shows the IKM that will be frozen, closes on confirmation (pimpinan or admin)."""
    p = _periode(request, periode_id, "tutup")
    if p.status != PeriodeSurvei.Status.DIBUKA:
        messages.info(request, _("Periode ini sudah ditutup."))
        return redirect("surveys:periode", periode_id=p.pk)
    semua = Agregat.objects.filter(periode=p, kunci=Agregat.SEMUA).first()
    hasil, galat = _hasil_atau_galat(p, semua)
    if request.method == "POST" and hasil is not None:
        try:
            snapshot = services.tutup_periode(p, request.user)
        except services.SKMError as exc:
            galat = str(exc)
        else:
            messages.success(
                request,
                _(
                    "Periode ditutup. IKM %(ikm)s (%(mutu)s, %(kinerja)s) dari %(n)d responden tersimpan tetap."
                )
                % {
                    "ikm": snapshot.nilai,
                    "mutu": snapshot.mutu,
                    "kinerja": snapshot.kinerja,
                    "n": snapshot.jumlah_responden,
                },
            )
            return redirect("surveys:periode", periode_id=p.pk)
    return render(
        request,
        "surveys/kelola_tutup.html",
        {"periode": p, "semua": semua, "hasil": hasil, "galat_ikm": galat, "kecukupan": _kecukupan(p, semua)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kode_tiket(request: HttpRequest, periode_id: int) -> HttpResponse:
    """Generate one-time ticket codes and list them for printing (unused ones; ?semua=1 for all)."""
    p = _periode(request, periode_id, "edit")
    form = KodeTiketForm(request.POST or None)
    if request.method == "POST":
        _harus_dibuka(p)
        if form.is_valid():
            baru = services.buat_kode_tiket(p, form.cleaned_data["jumlah"])
            messages.success(request, _("%(n)d kode baru dibuat.") % {"n": len(baru)})
            return redirect("surveys:kode_tiket", periode_id=p.pk)
    semua = request.GET.get("semua") == "1"
    kode = KodeTiket.objects.filter(periode=p).order_by("pk")
    if not semua:
        kode = kode.filter(dipakai_pada__isnull=True)
    hitung = KodeTiket.objects.filter(periode=p).aggregate(
        jumlah=Count("pk"), dipakai=Count("pk", filter=Q(dipakai_pada__isnull=False))
    )
    return render(
        request,
        "surveys/kelola_kode.html",
        {
            "periode": p,
            "form": form,
            "kode": kode,
            "semua": semua,
            "hitung": hitung,
            "alamat": alamat_publik(p),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pengaturan_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    """A unit's jenis layanan and respondent-profile option lists, one option per line."""
    unit = get_object_or_404(Unit, pk=unit_id)
    if not can(request.user, "view", unit):
        raise Http404
    if not can(request.user, "edit", unit):
        raise PermissionDenied(_("Anda tidak berwenang mengubah pengaturan survei unit ini."))
    services.pastikan_opsi_profil(unit)
    pertanyaan = [p.value for p in OpsiProfil.Pertanyaan]
    if request.method == "POST":
        form = DaftarForm(request.POST)
        if form.is_valid():
            services.atur_daftar(unit, JenisLayanan, form.cleaned_data["layanan"].splitlines())
            for p in pertanyaan:
                services.atur_daftar(unit, OpsiProfil, form.cleaned_data[p].splitlines(), pertanyaan=p)
            messages.success(request, _("Daftar pilihan tersimpan."))
            return redirect("surveys:pengaturan_unit", unit_id=unit.pk)
    else:
        awal = {
            "layanan": "\n".join(
                JenisLayanan.objects.filter(unit=unit, aktif=True)
                .order_by("urutan", "nama")
                .values_list("nama", flat=True)
            )
        }
        for p in pertanyaan:
            awal[p] = "\n".join(
                OpsiProfil.objects.filter(unit=unit, pertanyaan=p, aktif=True)
                .order_by("urutan", "pk")
                .values_list("label", flat=True)
            )
        form = DaftarForm(initial=awal)
    return render(request, "surveys/kelola_unit.html", {"unit": unit, "form": form})
