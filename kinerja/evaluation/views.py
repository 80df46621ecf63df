"""SAKIP evaluation pages (docs/adr/0007-evaluasi-sakip.md): the pemda's list, one unit's evaluation
(the unit's self-assessment and the Inspektorat's review side by side), the LHE, evidence downloads and
the follow-up of recommendations.

Thin: each POST reads the form, calls `kinerja.evaluation.layanan` (which checks the right and the state
and writes the trail) and redirects; a refusal re-renders the page with the reason and what was typed
kept (409 for a refusal of state or right, 400 for input that does not read). An evaluation is shown
to users who may view its unit (never to the public); one they may not see is 404.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.agreements.alur import Ditolak, IsianKurang, TidakBerhak
from kinerja.domain.numbers import format_angka
from kinerja.domain.tanggal import parse_tanggal
from kinerja.evaluation import baca, layanan
from kinerja.evaluation.models import BuktiJawaban, Evaluasi, Rekomendasi
from kinerja.monitoring.bukti import BuktiError, periksa_bukti
from kinerja.riwayat.models import Riwayat
from kinerja.units.models import Unit
from kinerja.units.permissions import can, unit_filter


def _evaluasi(request: HttpRequest, ev_id: int) -> Evaluasi:
    ev = get_object_or_404(
        Evaluasi.objects.select_related("unit", "instrumen", "evaluator", "pengendali"), pk=ev_id
    )
    if not can(request.user, "view", ev.unit):
        raise Http404
    return ev


def _kode_status(err: Ditolak) -> int:
    """400 for input that does not read, 403 for a right the user lacks, 409 for the state."""
    if isinstance(err, IsianKurang):
        return 400
    return 403 if isinstance(err, TidakBerhak) else 409


def _tahun(teks: str | None) -> int | None:
    return int(teks) if teks and teks.isdigit() and len(teks) == 4 else None


# ---------------------------------------------------------------------------------------------------
# The list
# ---------------------------------------------------------------------------------------------------


def _unit_dapat_dibuka(user) -> list[Unit]:
    """The units whose evaluation the user may open: edit (the unit) or evaluate (the Inspektorat)."""
    q_edit, q_eval = unit_filter(user, "edit"), unit_filter(user, "evaluate")
    if q_edit is None or q_eval is None:
        qs = Unit.objects.all()
    elif not q_edit and not q_eval:
        return []
    else:
        qs = Unit.objects.filter((q_edit or Q(pk__in=[])) | (q_eval or Q(pk__in=[])))
    return list(qs.order_by("jalur")[:500])


def _id(post, kunci: str) -> int:
    """The id posted in `kunci` (404 when it is not a number)."""
    nilai = post.get(kunci, "")
    if not nilai.isdigit() or len(nilai) > 18:
        raise Http404
    return int(nilai)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def daftar(request: HttpRequest) -> HttpResponse:
    """Every evaluation of a year the user may view: score, predikat and change from last year; and
    (for a unit's operator or admin) opening a new one."""
    bawaan = timezone.localdate().year - 1
    tahun = _tahun(request.GET.get("tahun")) or bawaan
    galat = ""
    isian = {"unit": "", "tahun": str(bawaan)}
    status = 200
    if request.method == "POST":
        isian = {"unit": request.POST.get("unit", ""), "tahun": request.POST.get("tahun", "")}
        unit = Unit.objects.filter(pk=isian["unit"]).first() if isian["unit"].isdigit() else None
        if unit is not None and not can(request.user, "view", unit):
            raise Http404
        t = _tahun(isian["tahun"])
        if unit is None or t is None:
            galat, status = _("Pilih unit dan tulis tahun empat angka (mis. 2024)."), 400
        else:
            try:
                ev = layanan.buka(request.user, unit, t)
            except Ditolak as err:
                galat, status = err.pesan, _kode_status(err)
            else:
                messages.success(request, _("Evaluasi SAKIP %(u)s tahun %(t)s dibuka.") % {"u": unit, "t": t})
                return redirect("evaluation:lembar", ev.pk)
    baris = baca.daftar(request.user, tahun)
    konteks = {
        "tahun": tahun,
        "baris": baris,
        "unit_buka": _unit_dapat_dibuka(request.user),
        "galat": galat,
        "isian": isian,
        "tahun_pilihan": list(range(timezone.localdate().year, 2014, -1)),
    }
    return render(request, "evaluation/daftar.html", konteks, status=status)


# ---------------------------------------------------------------------------------------------------
# One evaluation
# ---------------------------------------------------------------------------------------------------


def _isian_jawaban(post) -> dict[str, layanan.IsianJawaban]:
    return {
        k[2:]: layanan.IsianJawaban(post.get(k, ""), post.get(f"p-{k[2:]}", ""))
        for k in post
        if k.startswith("j-")
    }


def _isian_reviu(post) -> dict[str, layanan.IsianReviu]:
    hasil = {}
    for k in post:
        if k.startswith("e-") and post.get(k):
            pilihan = post.get(k)
            hasil[k[2:]] = layanan.IsianReviu(
                "" if pilihan == "setuju" else pilihan, post.get(f"c-{k[2:]}", "")
            )
    return hasil


def _tanggal(teks: str) -> date | None:
    """A date typed as "14 Februari 2025", "14-02-2025" or "2025-02-14" (an input type=date)."""
    if not teks.strip():
        return None
    try:
        t = parse_tanggal(teks)
    except ValueError:
        t = None
    if t is None or t.to_date() is None:
        raise IsianKurang(_("Tanggal LHE “%s” tidak terbaca (mis. 14 Februari 2025).") % teks)
    return t.to_date()


def _penetapan(post) -> layanan.IsianPenetapan:
    return layanan.IsianPenetapan(
        penandatangan_nama=post.get("nama", ""),
        penandatangan_nip=post.get("nip", ""),
        penandatangan_jabatan=post.get("jabatan", ""),
        nomor_surat=post.get("nomor", ""),
        tempat=post.get("tempat", ""),
        tanggal=_tanggal(post.get("tanggal", "")),
    )


def _bukti(request: HttpRequest, ev: Evaluasi) -> None:
    kode = request.POST.get("kriteria", "")
    unggahan = request.FILES.get("berkas")
    berkas = None
    if unggahan is not None:
        try:
            berkas = periksa_bukti(unggahan.name or "bukti", unggahan.read())
        except BuktiError as err:
            raise IsianKurang(_("Kriteria %(k)s: %(pesan)s") % {"k": kode, "pesan": err}) from None
    layanan.tambah_bukti(
        request.user,
        ev,
        kode,
        judul=request.POST.get("judul", ""),
        berkas=berkas,
        tautan=request.POST.get("tautan", ""),
    )


def _aksi(request: HttpRequest, ev: Evaluasi, aksi: str) -> str:
    """Do one POST action; returns the message shown after the redirect."""
    p, u = request.POST, request.user
    if aksi == "simpan":
        n = layanan.simpan_jawaban(u, ev, _isian_jawaban(p))
        return _("%s jawaban disimpan.") % n
    if aksi == "bukti":
        _bukti(request, ev)
        return _("Bukti ditambahkan.")
    if aksi == "hapus_bukti":
        b = get_object_or_404(BuktiJawaban, pk=_id(p, "bukti"), jawaban__evaluasi=ev)
        layanan.hapus_bukti(u, b)
        return _("Bukti dihapus.")
    if aksi == "usulan":
        return _("%s bukti dari rekaman kinerja ditambahkan.") % layanan.terima_usulan_bukti(u, ev)
    if aksi == "ajukan":
        layanan.ajukan(u, ev)
        return _("Penilaian mandiri diajukan ke Inspektorat.")
    if aksi == "reviu":
        n = layanan.reviu_jawaban(u, ev, _isian_reviu(p))
        layanan.simpan_catatan(u, ev, {k[8:]: v for k, v in p.items() if k.startswith("catatan-")})
        return _("%s keputusan reviu disimpan.") % n
    if aksi == "catatan":
        layanan.simpan_catatan(u, ev, {k[8:]: v for k, v in p.items() if k.startswith("catatan-")})
        return _("Catatan disimpan.")
    if aksi == "rekomendasi":
        layanan.tambah_rekomendasi(u, ev, p.get("teks", ""), p.get("komponen", ""))
        return _("Rekomendasi ditambahkan.")
    if aksi == "hapus_rekomendasi":
        r = get_object_or_404(Rekomendasi, pk=_id(p, "rekomendasi"), evaluasi=ev)
        layanan.hapus_rekomendasi(u, r)
        return _("Rekomendasi dihapus.")
    if aksi == "kembalikan":
        layanan.kembalikan_ke_unit(u, ev, p.get("catatan", ""))
        return _("Dikembalikan ke unit.")
    if aksi == "kirim":
        layanan.kirim_ke_pengendali(u, ev)
        return _("Dikirim ke pengendali teknis.")
    if aksi == "kembalikan_reviu":
        layanan.kembalikan_ke_evaluator(u, ev, p.get("catatan", ""))
        return _("Dikembalikan ke evaluator.")
    if aksi == "tetapkan":
        h = layanan.tetapkan(u, ev, _penetapan(p))
        return _("Evaluasi final: nilai %(n)s (%(p)s).") % {"n": format_angka(h.nilai), "p": h.predikat.kode}
    raise Http404


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def lembar(request: HttpRequest, ev_id: int) -> HttpResponse:
    """One unit's evaluation: criteria with both sides' answers, evidence, warnings, score, actions."""
    ev = _evaluasi(request, ev_id)
    galat, status = "", 200
    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        try:
            pesan = _aksi(request, ev, aksi)
        except Ditolak as err:
            galat, status = err.pesan, _kode_status(err)
            ev.refresh_from_db()
        else:
            messages.success(request, pesan)
            return redirect(
                reverse("evaluation:lembar", args=[ev.pk])
                + ("#" + request.POST["kriteria"] if request.POST.get("kriteria") else "")
            )
    return _tampil(request, ev, galat, status)


def _tampil(request: HttpRequest, ev: Evaluasi, galat: str, status: int) -> HttpResponse:
    lb = baca.lembar(ev)
    riwayat = list(Riwayat.objects.untuk(ev).select_related(None)[:200])
    konteks: dict[str, Any] = {
        "ev": ev,
        "lb": lb,
        "hak": layanan.hak(request.user, ev),
        "galat": galat,
        "post": request.POST if request.method == "POST" else {},
        "riwayat": riwayat,
        "lalu": baca.lalu(ev),
    }
    return render(request, "evaluation/lembar.html", konteks, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def lhe(request: HttpRequest, ev_id: int, format: str) -> HttpResponse:
    """The Laporan Hasil Evaluasi as PDF or DOCX (marked DRAF before the evaluation is final)."""
    from kinerja.evaluation import lhe as dok
    from kinerja.evaluation.konteks import konteks_lhe

    ev = _evaluasi(request, ev_id)
    if format not in ("pdf", "docx"):
        raise Http404
    k = konteks_lhe(ev)
    isi = dok.pdf_lhe(k) if format == "pdf" else dok.docx_lhe(k)
    jenis = (
        "application/pdf"
        if format == "pdf"
        else ("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    )
    resp = HttpResponse(isi, content_type=jenis)
    resp["Content-Disposition"] = content_disposition_header(format == "docx", dok.nama_berkas_lhe(k, format))
    return resp


@login_required
@require_http_methods(["GET", "HEAD"])
def bukti(request: HttpRequest, bukti_id: int) -> FileResponse:
    """An evidence file, to those who may view the unit; as an attachment, never rendered inline."""
    b = get_object_or_404(BuktiJawaban.objects.select_related("jawaban__evaluasi__unit"), pk=bukti_id)
    if not can(request.user, "view", b.jawaban.evaluasi.unit) or not b.berkas:
        raise Http404
    nama = b.judul if "." in b.judul else f"{b.judul}.{b.berkas.name.rsplit('.', 1)[-1]}"
    resp = FileResponse(
        b.berkas.open("rb"), as_attachment=True, filename=nama, content_type=b.jenis_isi or None
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return resp


@login_required
@require_POST
def rekomendasi(request: HttpRequest, rek_id: int) -> HttpResponse:
    """The unit reports a follow-up; the Inspektorat accepts it or opens it again."""
    r = get_object_or_404(Rekomendasi.objects.select_related("evaluasi__unit"), pk=rek_id)
    ev = r.evaluasi
    if not can(request.user, "view", ev.unit):
        raise Http404
    aksi = request.POST.get("aksi", "")
    try:
        if aksi == "jawab":
            layanan.jawab_rekomendasi(request.user, r, request.POST.get("tindak_lanjut", ""))
        elif aksi in ("selesai", "buka"):
            layanan.putuskan_rekomendasi(
                request.user, r, selesai=aksi == "selesai", catatan=request.POST.get("catatan", "")
            )
        else:
            raise Http404
    except Ditolak as err:
        return _tampil(request, _evaluasi(request, ev.pk), err.pesan, _kode_status(err))
    messages.success(request, _("Rekomendasi %s diperbarui.") % r.nomor)
    return redirect(reverse("evaluation:lembar", args=[ev.pk]) + f"#rek-{r.pk}")
