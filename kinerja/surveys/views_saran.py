"""Saran dan masukan: what respondents wrote in the questionnaire's free-text field, for the unit.

The texts are for the unit's users and those above it (whoever may view the period, login required):
a respondent may name a person, a telephone number or a complaint, so the public results page shows
how many wrote one, never the texts. Each saran is shown with what that respondent rated low (answers
1 and 2), the context a rencana tindak lanjut is written from. Newest first, 50 a page, searchable, by
jenis layanan; the same selection as XLSX. Queries per page are fixed (tests/surveys/test_saran.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from kinerja.domain.saran_unsur import unsur_dari_saran
from kinerja.domain.teks_keluaran import isi_sel
from kinerja.riwayat.keamanan import Jenis, catat_keamanan
from kinerja.surveys.models import JenisLayanan, PeriodeSurvei, Respons, kolom_jawaban
from kinerja.surveys.views_kelola import _periode
from kinerja.units.permissions import can

PER_HALAMAN = 50
# Answers that count as a low rating on the 1–4 scale ("tidak …" and "kurang …").
RENDAH = (1, 2)


@dataclass(frozen=True)
class Pilihan:
    """What the reader chose: a search text and a jenis layanan (None: all)."""

    cari: str
    layanan: JenisLayanan | None


def _pilihan(request: HttpRequest, layanan: list[JenisLayanan]) -> Pilihan:
    cari = (request.GET.get("cari") or "").strip()[:200]
    dipilih = request.GET.get("layanan") or ""
    return Pilihan(cari=cari, layanan=next((j for j in layanan if str(j.pk) == dipilih), None))


def _saran(p: PeriodeSurvei, pilihan: Pilihan) -> QuerySet[Respons]:
    qs = Respons.objects.filter(periode=p).exclude(saran="")
    if pilihan.layanan is not None:
        qs = qs.filter(jenis_layanan=pilihan.layanan)
    if pilihan.cari:
        qs = qs.filter(saran__icontains=pilihan.cari)
    return qs.order_by("-diterima_pada", "-pk")


def _layanan(p: PeriodeSurvei) -> list[JenisLayanan]:
    return list(JenisLayanan.objects.filter(unit_id=p.unit_id).order_by("urutan", "nama", "pk"))


@login_required
@require_http_methods(["GET", "HEAD"])
def saran(request: HttpRequest, periode_id: int) -> HttpResponse:
    """The saran of one period, newest first, with each respondent's low ratings."""
    p = _periode(request, periode_id)
    catat_keamanan(Jenis.SARAN_DIBACA, request=request, keterangan=f"periode {p.pk}: {p.judul}", periode=p.pk)
    layanan = _layanan(p)
    pilihan = _pilihan(request, layanan)
    unsur = {u.kode: u.nama for u in p.unsur.all()}
    kode = p.kode_unsur
    qs = _saran(p, pilihan).select_related("jenis_layanan")
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    boleh_ubah = can(request.user, "edit", p)
    baris = []
    for r in halaman.object_list:
        rendah = [
            {"kode": k, "nama": unsur.get(k, k), "nilai": v}
            for k in kode
            if (v := getattr(r, kolom_jawaban(k))) in RENDAH
        ]
        tl = None
        if boleh_ubah:
            # A follow-up that starts from this saran: the unsur its words speak of, else the one this
            # respondent rated lowest. The text itself is not put into the link (links end up in logs).
            paling_rendah = min(rendah, key=lambda u: u["nilai"])["kode"] if rendah else ""
            disebut = unsur_dari_saran(r.saran, list(unsur.items()))
            tl = (
                reverse("surveys:tindak_lanjut", args=[p.pk])
                + "?"
                + urlencode({"unsur": disebut or paling_rendah, "respons": r.pk})
            )
        baris.append({"respons": r, "rendah": rendah, "tindak_lanjut": tl})
    return render(
        request,
        "surveys/kelola_saran.html",
        {
            "periode": p,
            "halaman": halaman,
            "baris": baris,
            "layanan": layanan,
            "pilihan": pilihan,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def saran_xlsx(request: HttpRequest, periode_id: int) -> HttpResponse:
    """The same selection as a spreadsheet: one row per saran with the respondent's answers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    p = _periode(request, periode_id)
    catat_keamanan(
        Jenis.SARAN_DIUNDUH, request=request, keterangan=f"periode {p.pk}: {p.judul}", periode=p.pk
    )
    pilihan = _pilihan(request, _layanan(p))
    kode = p.kode_unsur
    kolom = ["diterima_pada", "jenis_layanan__nama", "sumber", "saran", *(kolom_jawaban(k) for k in kode)]
    sumber = dict(Respons.Sumber.choices)
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet(_("Saran"))
    lembar.column_dimensions["B"].width = 18
    lembar.column_dimensions["C"].width = 24
    lembar.column_dimensions["E"].width = 80
    judul = []
    for teks in (
        pgettext("nomor urut", "No"),
        _("Diterima"),
        _("Jenis layanan"),
        _("Sumber"),
        _("Saran dan masukan"),
        *kode,
    ):
        sel = WriteOnlyCell(lembar, value=teks)
        sel.font = Font(bold=True)
        judul.append(sel)
    lembar.append(judul)
    bungkus = Alignment(wrap_text=True, vertical="top")
    zona = timezone.get_current_timezone()
    baris_data = _saran(p, pilihan).values_list(*kolom).iterator(chunk_size=2000)
    for nomor, (diterima, nama_layanan, asal, teks, *jawaban) in enumerate(baris_data, start=1):
        waktu = timezone.localtime(diterima, zona).replace(tzinfo=None) if diterima else None
        tanggal = WriteOnlyCell(lembar, value=waktu)
        tanggal.number_format = "dd/mm/yyyy hh:mm"
        # A respondent's text is text: "=…" is no formula, a NUL or a vertical tab is dropped.
        isi = isi_sel(WriteOnlyCell(lembar), teks)
        isi.alignment = bungkus
        layanan = isi_sel(WriteOnlyCell(lembar), nama_layanan or "")
        lembar.append([nomor, tanggal, layanan, str(sumber.get(asal, asal)), isi, *jawaban])
    out = io.BytesIO()
    buku.save(out)
    r = HttpResponse(
        out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    r["Content-Disposition"] = f'attachment; filename="saran-skm-{p.pk}.xlsx"'
    return r
