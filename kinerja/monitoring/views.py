"""Monitoring pages (docs/adr/0005-monitoring.md): the pemda's dashboard, a PK's year, the triwulan
page where the operator enters realisasi and the verifikator verifies them, the rencana aksi, and the
evidence downloads.

Thin: each POST reads the form, calls `kinerja.monitoring.layanan` (which checks the right and the
state and writes the trail) and redirects; a refusal re-renders the page with the reason beside the
row and what was typed kept (409 for a refusal of state or right, 400 for a form that does not read).
Monitoring data is shown to users who may view the PK's unit (not to the public, even of a published
PK); a PK the user may not see is 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.agreements.alur import Ditolak, TidakBerhak
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program
from kinerja.domain import capaian as dc
from kinerja.domain import pantau
from kinerja.domain.numbers import format_angka
from kinerja.monitoring import layanan
from kinerja.monitoring.bukti import BuktiError, periksa_bukti
from kinerja.monitoring.forms import (
    AnggaranForm,
    CatatanForm,
    KoreksiForm,
    RealisasiForm,
    RencanaForm,
    RencanaProgramForm,
)
from kinerja.monitoring.models import BuktiRealisasi, PermintaanKoreksi, Realisasi, RencanaIndikator
from kinerja.monitoring.ringkasan import pantau_pemda, pantau_pk
from kinerja.monitoring.ringkasan import program_pk as pantau_program
from kinerja.monitoring.svg import tren
from kinerja.units.models import Pejabat
from kinerja.units.permissions import can, unit_filter


def _perjanjian(request: HttpRequest, pk: int) -> PerjanjianKinerja:
    """The PK when the user may view its unit's monitoring (404 otherwise)."""
    p = get_object_or_404(PerjanjianKinerja.objects.select_related("unit", "unit__induk"), pk=pk)
    if not can(request.user, "view", p.unit):
        raise Http404
    return p


def _tahun(teks: str | None) -> int | None:
    return int(teks) if teks and teks.isdigit() and len(teks) == 4 else None


# ---------------------------------------------------------------------------------------------------
# The pemda's dashboard
# ---------------------------------------------------------------------------------------------------


@login_required
def dasbor(request: HttpRequest) -> HttpResponse:
    """Capaian per unit and triwulan of the units the user may view, with what is late."""
    q = unit_filter(request.user, "view", prefix="unit__")
    kosong = q is not None and not q
    pks = PerjanjianKinerja.objects.filter(status__in=layanan.STATUS_DIPANTAU)
    if q is not None:
        pks = pks.filter(q)
    daftar_tahun = [] if kosong else sorted(set(pks.values_list("tahun", flat=True)), reverse=True)
    tahun = _tahun(request.GET.get("tahun")) or (daftar_tahun[0] if daftar_tahun else None)
    baris = [] if kosong or tahun is None else pantau_pemda(q, tahun)
    rerata = [dc.rata_rata([b.capaian[t - 1] for b in baris]) for t in pantau.TRIWULAN]
    return render(
        request,
        "monitoring/dasbor.html",
        {
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "baris": baris,
            "rerata": [(t, v, dc.kategori(v)) for t, v in zip(pantau.TRIWULAN, rerata, strict=True)],
            "terlambat": sum(1 for b in baris if b.terlambat),
            "triwulan": pantau.TRIWULAN,
        },
    )


# ---------------------------------------------------------------------------------------------------
# One PK through the year
# ---------------------------------------------------------------------------------------------------


@login_required
def pk(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit's dashboard of one PK: capaian per indikator and triwulan, trend, what is missing,
    budget, correction requests."""
    perjanjian = _perjanjian(request, pk)
    data = pantau_pk(perjanjian)
    for b in data.indikator:
        b.svg = tren(  # type: ignore[attr-defined]
            [s.capaian.nilai for s in b.sel], judul=_("Tren capaian: %s") % b.uraian[:80], id_=f"tren-{b.id}"
        )
    boleh_review = can(request.user, "review", perjanjian.unit)
    return render(
        request,
        "monitoring/pk.html",
        {
            "p": perjanjian,
            "data": data,
            "dipantau": perjanjian.status in layanan.STATUS_DIPANTAU,
            "boleh_isi": can(request.user, "edit", perjanjian.unit),
            "boleh_review": boleh_review,
            "koreksi_form": CatatanForm(),
            "kekurangan": data.kekurangan[:50],
            "jumlah_kekurangan": len(data.kekurangan),
            "triwulan": pantau.TRIWULAN,
        },
    )


@login_required
@require_http_methods(["POST"])
def koreksi(request: HttpRequest, pk: int) -> HttpResponse:
    """The verifikator decides a correction request (approve or refuse, with a note)."""
    k = get_object_or_404(PermintaanKoreksi.objects.select_related("perjanjian__unit"), pk=pk)
    if not can(request.user, "view", k.perjanjian.unit):
        raise Http404
    form = CatatanForm(request.POST)
    form.is_valid()
    try:
        layanan.putuskan_koreksi(
            k,
            request.user,
            setujui=request.POST.get("keputusan") == "setujui",
            catatan=form.cleaned_data.get("catatan", ""),
        )
    except TidakBerhak as e:
        raise PermissionDenied(e.pesan) from None
    except Ditolak as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, _("Permintaan koreksi diputuskan."))
    return redirect("monitoring:pk", pk=k.perjanjian_id)


# ---------------------------------------------------------------------------------------------------
# A triwulan: entry and verification
# ---------------------------------------------------------------------------------------------------


def _pilihan_predikat(spek: pantau.IndikatorPantau) -> list[str]:
    return dc.pilihan_predikat(spek.target_predikat) if spek.predikat else []


def _konteks_triwulan(
    request: HttpRequest,
    perjanjian: PerjanjianKinerja,
    tw: int,
    *,
    form_isi: dict[int, RealisasiForm] | None = None,
    galat: dict[str, Any] | None = None,
) -> dict[str, Any]:
    data = pantau_pk(perjanjian)
    keadaan = data.keadaan[tw - 1]
    rows = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__sasaran__perjanjian=perjanjian, triwulan=tw
        ).prefetch_related("bukti")
    }
    boleh_isi = can(request.user, "edit", perjanjian.unit) and perjanjian.status in layanan.STATUS_DIPANTAU
    boleh_review = can(request.user, "review", perjanjian.unit)
    form_isi = form_isi or {}
    baris = []
    for b in data.indikator:
        r = rows.get(b.id)
        sel = b.sel[tw - 1]
        dapat_diisi = (
            boleh_isi
            and (keadaan.terbuka or (r is not None and r.status == Realisasi.Status.DIKEMBALIKAN))
            and (r is None or r.status != Realisasi.Status.TERVERIFIKASI or keadaan.koreksi_terbuka)
        )
        form = form_isi.get(b.id)
        if form is None and dapat_diisi:
            form = RealisasiForm(
                initial={
                    "nilai": sel.teks if sel.nilai is not None else "",
                    "predikat": sel.predikat,
                    "kendala": r.kendala if r else "",
                    "upaya": r.upaya if r else "",
                },
                pilihan_predikat=_pilihan_predikat(b.spek),
                prefix=f"i{b.id}",
            )
        baris.append(
            {
                "b": b,
                "sel": sel,
                "r": r,
                "form": form,
                "dapat_diisi": dapat_diisi,
                "otomatis": bool(r and r.otomatis),
                "galat": (galat or {}).get(f"i{b.id}"),
            }
        )
    program = [
        {
            "p": p,
            "nilai": p.realisasi[tw - 1],
            "sampai": p.sampai(tw),
            "serapan": pantau.serapan(p.pagu, p.sampai(tw)),
            "form": (galat or {}).get(f"p{p.id}-form") or AnggaranForm(prefix=f"p{p.id}"),
            "galat": (galat or {}).get(f"p{p.id}"),
        }
        for p in data.program
    ]
    return {
        "p": perjanjian,
        "tw": tw,
        "data": data,
        "keadaan": keadaan,
        "baris": baris,
        "program": program,
        "boleh_isi": boleh_isi,
        "boleh_review": boleh_review,
        "anggaran_terbuka": boleh_isi and keadaan.terbuka,
        "dapat_diajukan": boleh_isi
        and any(x["r"] is not None and x["r"].status in ("draf", "dikembalikan") for x in baris),
        "dapat_diverifikasi": boleh_review
        and any(x["r"] is not None and x["r"].status == "diajukan" for x in baris),
        "koreksi_form": (galat or {}).get("koreksi-form") or KoreksiForm(),
        "koreksi": [k for k in data.koreksi if k.triwulan == tw],
        "galat_umum": (galat or {}).get("umum"),
        "triwulan": pantau.TRIWULAN,
    }


def _render_triwulan(request, perjanjian, tw, status=200, **kwargs) -> HttpResponse:
    return render(
        request,
        "monitoring/triwulan.html",
        _konteks_triwulan(request, perjanjian, tw, **kwargs),
        status=status,
    )


def _kembali(perjanjian: PerjanjianKinerja, tw: int, jangkar: str = "") -> HttpResponse:
    url = reverse("monitoring:triwulan", args=[perjanjian.pk, tw])
    return redirect(f"{url}#{jangkar}" if jangkar else url)


@login_required
@require_http_methods(["GET", "POST"])
def triwulan(request: HttpRequest, pk: int, tw: int) -> HttpResponse:
    perjanjian = _perjanjian(request, pk)
    if tw not in pantau.TRIWULAN:
        raise Http404
    if request.method == "GET":
        return _render_triwulan(request, perjanjian, tw)
    aksi = request.POST.get("aksi", "")
    tangan = _AKSI.get(aksi)
    if tangan is None:
        return _render_triwulan(request, perjanjian, tw, status=400, galat={"umum": _("Aksi tidak dikenal.")})
    try:
        return tangan(request, perjanjian, tw)
    except TidakBerhak as e:
        raise PermissionDenied(e.pesan) from None


def _indikator(perjanjian: PerjanjianKinerja, teks: str | None) -> Indikator:
    if not teks or not teks.isdigit():
        raise Http404
    return get_object_or_404(Indikator, pk=int(teks), sasaran__perjanjian=perjanjian)


def _realisasi(perjanjian: PerjanjianKinerja, teks: str | None, tw: int) -> Realisasi:
    if not teks or not teks.isdigit():
        raise Http404
    return get_object_or_404(Realisasi, pk=int(teks), indikator__sasaran__perjanjian=perjanjian, triwulan=tw)


def _simpan(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    ind = _indikator(perjanjian, request.POST.get("indikator"))
    # Only whether the target is a predicate matters here (the plan does not): no need to read the PK.
    spek = layanan.spesifikasi(ind, None)
    form = RealisasiForm(
        request.POST, request.FILES, pilihan_predikat=_pilihan_predikat(spek), prefix=f"i{ind.pk}"
    )
    kunci = f"i{ind.pk}"
    if not form.is_valid():
        return _render_triwulan(
            request, perjanjian, tw, status=400, form_isi={ind.pk: form}, galat={kunci: None}
        )
    try:
        bukti = [periksa_bukti(f.name, f.read()) for f in form.cleaned_data.get("bukti") or []]
    except BuktiError as e:
        form.add_error("bukti", str(e))
        return _render_triwulan(request, perjanjian, tw, status=400, form_isi={ind.pk: form})
    try:
        layanan.simpan_realisasi(
            ind,
            tw,
            request.user,
            nilai=form.cleaned_data.get("nilai"),
            predikat=form.cleaned_data.get("predikat") or "",
            kendala=form.cleaned_data["kendala"],
            upaya=form.cleaned_data["upaya"],
            bukti=bukti,
            akui=form.cleaned_data["akui"],
        )
    except layanan.PeringatanKewajaran as e:
        return _render_triwulan(
            request, perjanjian, tw, status=409, form_isi={ind.pk: form}, galat={kunci: e.peringatan}
        )
    except TidakBerhak:
        raise
    except Ditolak as e:
        return _render_triwulan(
            request, perjanjian, tw, status=409, form_isi={ind.pk: form}, galat={kunci: e.pesan}
        )
    messages.success(request, _("Realisasi “%s” disimpan.") % ind.uraian[:80])
    return _kembali(perjanjian, tw, f"ind-{ind.pk}")


def _triwulan_sekaligus(request, perjanjian, tw, verb, pesan: str) -> HttpResponse:
    """Submit, or verify, the triwulan's realisasi at once (`verb` of `layanan`)."""
    try:
        rows = verb(perjanjian, tw, request.user)
    except TidakBerhak:
        raise
    except Ditolak as e:
        return _render_triwulan(request, perjanjian, tw, status=409, galat={"umum": e.pesan})
    messages.success(request, pesan % len(rows))
    return _kembali(perjanjian, tw)


def _ajukan(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    return _triwulan_sekaligus(
        request, perjanjian, tw, layanan.ajukan_triwulan, _("%d realisasi diajukan ke verifikator.")
    )


def _verifikasi(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    r = _realisasi(perjanjian, request.POST.get("realisasi"), tw)
    form = CatatanForm(request.POST, prefix=f"r{r.pk}")
    form.is_valid()
    catatan = form.cleaned_data.get("catatan", "")
    kembalikan = request.POST.get("keputusan") == "kembalikan"
    try:
        if kembalikan:
            layanan.kembalikan(r, request.user, catatan=catatan)
        else:
            layanan.verifikasi(r, request.user, catatan=catatan)
    except TidakBerhak:
        raise
    except Ditolak as e:
        return _render_triwulan(request, perjanjian, tw, status=409, galat={f"i{r.indikator_id}": e.pesan})
    messages.success(
        request, _("Realisasi dikembalikan ke operator.") if kembalikan else _("Realisasi terverifikasi.")
    )
    return _kembali(perjanjian, tw, f"ind-{r.indikator_id}")


def _verifikasi_semua(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    return _triwulan_sekaligus(
        request, perjanjian, tw, layanan.verifikasi_triwulan, _("%d realisasi terverifikasi.")
    )


def _hapus_bukti(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    teks = request.POST.get("bukti", "")
    if not teks.isdigit():
        raise Http404
    b = get_object_or_404(
        BuktiRealisasi.objects.select_related("realisasi"),
        pk=int(teks),
        realisasi__indikator__sasaran__perjanjian=perjanjian,
        realisasi__triwulan=tw,
    )
    try:
        layanan.hapus_bukti(b, request.user)
    except TidakBerhak:
        raise
    except Ditolak as e:
        return _render_triwulan(
            request, perjanjian, tw, status=409, galat={f"i{b.realisasi.indikator_id}": e.pesan}
        )
    messages.success(request, _("Bukti “%s” dihapus.") % b.nama_berkas)
    return _kembali(perjanjian, tw, f"ind-{b.realisasi.indikator_id}")


def _anggaran(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    teks = request.POST.get("program", "")
    if not teks.isdigit():
        raise Http404
    program = get_object_or_404(Program, pk=int(teks), perjanjian=perjanjian)
    form = AnggaranForm(request.POST, prefix=f"p{program.pk}")
    kunci = f"p{program.pk}"
    if not form.is_valid():
        return _render_triwulan(request, perjanjian, tw, status=400, galat={f"{kunci}-form": form})
    try:
        layanan.simpan_realisasi_anggaran(
            program, tw, request.user, nilai=form.cleaned_data["nilai"], akui=form.cleaned_data["akui"]
        )
    except layanan.PeringatanKewajaran as e:
        return _render_triwulan(
            request, perjanjian, tw, status=409, galat={f"{kunci}-form": form, kunci: e.peringatan}
        )
    except TidakBerhak:
        raise
    except Ditolak as e:
        return _render_triwulan(
            request, perjanjian, tw, status=409, galat={f"{kunci}-form": form, kunci: e.pesan}
        )
    messages.success(request, _("Realisasi anggaran “%s” disimpan.") % program.nama[:80])
    return _kembali(perjanjian, tw, f"prog-{program.pk}")


def _minta_koreksi(request: HttpRequest, perjanjian: PerjanjianKinerja, tw: int) -> HttpResponse:
    form = KoreksiForm(request.POST)
    if not form.is_valid():
        return _render_triwulan(request, perjanjian, tw, status=400, galat={"koreksi-form": form})
    try:
        layanan.minta_koreksi(perjanjian, tw, request.user, alasan=form.cleaned_data["alasan"])
    except TidakBerhak:
        raise
    except Ditolak as e:
        form.add_error("alasan", e.pesan)
        return _render_triwulan(request, perjanjian, tw, status=409, galat={"koreksi-form": form})
    messages.success(request, _("Permintaan koreksi dikirim ke verifikator."))
    return _kembali(perjanjian, tw)


_AKSI = {
    "simpan": _simpan,
    "ajukan": _ajukan,
    "verifikasi": _verifikasi,
    "verifikasi_semua": _verifikasi_semua,
    "hapus_bukti": _hapus_bukti,
    "anggaran": _anggaran,
    "minta_koreksi": _minta_koreksi,
}


# ---------------------------------------------------------------------------------------------------
# Rencana aksi
# ---------------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def rencana(request: HttpRequest, pk: int) -> HttpResponse:
    """The rencana aksi of every indikator: triwulan targets, how they add up, who answers for it."""
    perjanjian = _perjanjian(request, pk)
    boleh = can(request.user, "edit", perjanjian.unit)
    indikator, _jalur = layanan.indikator_berjalur(perjanjian)
    ada = {r.indikator_id: r for r in RencanaIndikator.objects.filter(indikator__in=indikator)}
    pejabat = _pejabat(perjanjian)
    forms = {}
    status = 200
    if request.method == "POST" and request.POST.get("program"):
        return _rencana_program(request, perjanjian, boleh)
    simpan_id = request.POST.get("indikator") if request.method == "POST" else None
    for i in indikator:
        kirim = request.POST if simpan_id == str(i.pk) else None
        f = RencanaForm(kirim, instance=ada.get(i.pk) or RencanaIndikator(indikator=i), prefix=f"r{i.pk}")
        f.fields["penanggung_jawab"].queryset = pejabat
        forms[i.pk] = f
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied(_("Anda tidak berhak mengubah rencana aksi PK ini."))
        ind = next((i for i in indikator if str(i.pk) == simpan_id), None)
        if ind is None:
            raise Http404
        f = forms[ind.pk]
        if f.is_valid():
            try:
                layanan.simpan_rencana(
                    ind, request.user, **{k: f.cleaned_data[k] for k in RencanaForm.Meta.fields}
                )
            except Ditolak as e:
                f.add_error(None, e.pesan)
                status = 409
            else:
                messages.success(request, _("Rencana aksi “%s” disimpan.") % ind.uraian[:80])
                return redirect(f"{reverse('monitoring:rencana', args=[perjanjian.pk])}#ren-{ind.pk}")
        else:
            status = 400
    return _render_rencana(request, perjanjian, boleh, [(i, forms[i.pk]) for i in indikator], status=status)


def _render_rencana(request, perjanjian, boleh, baris, *, status=200, form_program=None) -> HttpResponse:
    if baris is None:
        indikator, _jalur = layanan.indikator_berjalur(perjanjian)
        ada = {r.indikator_id: r for r in RencanaIndikator.objects.filter(indikator__in=indikator)}
        baris = []
        for i in indikator:
            f = RencanaForm(instance=ada.get(i.pk) or RencanaIndikator(indikator=i), prefix=f"r{i.pk}")
            f.fields["penanggung_jawab"].queryset = _pejabat(perjanjian)
            baris.append((i, f))
    program = []
    for g in pantau_program(perjanjian):
        f = (form_program or {}).get(g.id) or RencanaProgramForm(
            initial={
                f"rencana_tw{t}": "" if v is None else format_angka(v, 2) for t, v in enumerate(g.rencana, 1)
            },
            prefix=f"g{g.id}",
        )
        program.append((g, f))
    return render(
        request,
        "monitoring/rencana.html",
        {"p": perjanjian, "baris": baris, "program": program, "boleh": boleh, "triwulan": pantau.TRIWULAN},
        status=status,
    )


def _pejabat(perjanjian: PerjanjianKinerja):
    return Pejabat.objects.filter(
        Q(unit__jalur__startswith=f"/{perjanjian.unit.akar_id}/") | Q(unit__isnull=True)
    ).order_by("nama")


def _rencana_program(request: HttpRequest, perjanjian: PerjanjianKinerja, boleh: bool) -> HttpResponse:
    if not boleh:
        raise PermissionDenied(_("Anda tidak berhak mengubah rencana aksi PK ini."))
    teks = request.POST.get("program", "")
    if not teks.isdigit():
        raise Http404
    program = get_object_or_404(Program, pk=int(teks), perjanjian=perjanjian)
    form = RencanaProgramForm(request.POST, prefix=f"g{program.pk}")
    if form.is_valid():
        try:
            layanan.simpan_rencana_program(
                program, request.user, [form.cleaned_data[f"rencana_tw{t}"] for t in pantau.TRIWULAN]
            )
        except TidakBerhak as e:
            raise PermissionDenied(e.pesan) from None
        except Ditolak as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, _("Rencana anggaran “%s” disimpan.") % program.nama[:80])
            return redirect(f"{reverse('monitoring:rencana', args=[perjanjian.pk])}#prog-{program.pk}")
    status = 409 if "__all__" in form.errors else 400
    return _render_rencana(request, perjanjian, boleh, None, status=status, form_program={program.pk: form})


# ---------------------------------------------------------------------------------------------------
# Evidence: a download only, to those who may view the unit
# ---------------------------------------------------------------------------------------------------


@login_required
def bukti(request: HttpRequest, pk: int) -> HttpResponse:
    b = get_object_or_404(
        BuktiRealisasi.objects.select_related("realisasi__indikator__sasaran__perjanjian__unit"), pk=pk
    )
    if not can(request.user, "view", b.realisasi.indikator.sasaran.perjanjian.unit):
        raise Http404
    try:
        berkas = b.berkas.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    jawab = FileResponse(
        berkas, as_attachment=True, filename=b.nama_berkas, content_type="application/octet-stream"
    )
    jawab["Content-Disposition"] = content_disposition_header(True, b.nama_berkas)
    jawab["X-Content-Type-Options"] = "nosniff"
    jawab["Content-Security-Policy"] = "default-src 'none'; sandbox"
    jawab["Cache-Control"] = "private, no-store"
    return jawab
