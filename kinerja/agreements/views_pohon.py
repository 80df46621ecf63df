"""The pohon kinerja page: /pohon/?pemda=N&tahun=2024&cari=bajeng, as HTML, PDF or XLSX."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from kinerja.agreements.pohon import html_pohon, pohon_kinerja, tahun_tersedia
from kinerja.units.models import Unit


def _angka(teks: str | None) -> int | None:
    return int(teks) if teks and teks.isdigit() and len(teks) <= 9 else None


def pohon(request: HttpRequest) -> HttpResponse:
    """The tree of a pemda's year, open to everyone (the published PKs; a unit's users also see their
    own units' current PKs). Searchable by unit; printable as PDF and exportable as XLSX."""
    semua_pemda = list(Unit.objects.pemerintah_daerah().order_by("nama"))
    pemda_id = _angka(request.GET.get("pemda"))
    pemda = next((u for u in semua_pemda if u.pk == pemda_id), None) if pemda_id else None
    if pemda_id and pemda is None:
        raise Http404
    pemda = pemda or (semua_pemda[0] if semua_pemda else None)
    if pemda is None:
        return render(request, "agreements/pohon.html", {"semua_pemda": [], "pemda": None})
    daftar_tahun = tahun_tersedia(pemda, request.user)
    tahun = _angka(request.GET.get("tahun")) or (daftar_tahun[0] if daftar_tahun else None)
    cari = (request.GET.get("cari") or "").strip()[:100].replace("\x00", "")
    hasil = pohon_kinerja(pemda, tahun, request.user, cari) if tahun else None
    format_ = request.GET.get("format", "")
    if hasil is not None and format_ in ("pdf", "xlsx"):
        from kinerja.agreements import pohon_ekspor

        isi, mime = (
            (pohon_ekspor.render_pdf(hasil), "application/pdf")
            if format_ == "pdf"
            else (
                pohon_ekspor.render_xlsx(hasil),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        )
        respon = HttpResponse(isi, content_type=mime)
        respon["Content-Disposition"] = f'attachment; filename="{pohon_ekspor.nama_berkas(hasil, format_)}"'
        return respon
    return render(
        request,
        "agreements/pohon.html",
        {
            "semua_pemda": semua_pemda,
            "pemda": pemda,
            "daftar_tahun": daftar_tahun,
            "tahun": tahun,
            "cari": cari,
            "hasil": hasil,
            # Escaped node by node in html_pohon.
            "html_pohon": mark_safe(html_pohon(hasil.pohon)) if hasil else "",
            "html_lepas": [(pk, mark_safe(html_pohon(d))) for pk, d in hasil.pohon.lepas] if hasil else [],
        },
    )
