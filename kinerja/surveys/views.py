"""The public SKM pages: the questionnaire at /skm/<token>/ (no login, no JavaScript, no cookie), the
thank-you page, and the closed period's results.

The form is a plain POST. It carries no CSRF cookie: there is no session to protect on this page, and
the signed one-time number in the form (forms.buat_nonce) proves that it was served here, and makes a
second sending of the same form (double click, back and send again) a no-op.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kinerja.klien import alamat_klien
from kinerja.surveys import kuesioner
from kinerja.surveys.forms import baca_nonce, buat_nonce
from kinerja.surveys.kuesioner import Kuesioner
from kinerja.surveys.models import PeriodeSurvei, Respons, SnapshotIKM
from kinerja.surveys.services import BatasKiriman, PeriodeDitutup, SudahDiterima, kirim_respons


def _lihat_lain(url: str) -> HttpResponseRedirect:
    """303 See Other: after a POST, the browser GETs the thank-you page (reload does not resend)."""
    return HttpResponseRedirect(url, status=303)


def _periode(token: str) -> PeriodeSurvei:
    return get_object_or_404(PeriodeSurvei.objects.select_related("unit"), token=token)


def _tertutup(request: HttpRequest, periode: PeriodeSurvei, alasan: str, status: int = 200) -> HttpResponse:
    ada_hasil = (
        periode.status == PeriodeSurvei.Status.DITUTUP
        and SnapshotIKM.objects.filter(periode=periode).exists()
    )
    return render(
        request,
        "surveys/publik_tutup.html",
        {"periode": periode, "alasan": alasan, "ada_hasil": ada_hasil},
        status=status,
    )


def _alasan_tidak_menerima(periode: PeriodeSurvei) -> str | None:
    if periode.status == PeriodeSurvei.Status.DITUTUP:
        return _("Survei ini sudah ditutup. Terima kasih kepada semua yang telah mengisi.")
    hari = timezone.localdate()
    if hari < periode.tanggal_mulai:
        return _("Survei ini belum dibuka. Pengisian dimulai %(tanggal)s.") % {
            "tanggal": periode.tanggal_mulai.strftime("%d-%m-%Y")
        }
    if hari > periode.tanggal_selesai:
        return _("Masa pengisian survei ini sudah berakhir pada %(tanggal)s.") % {
            "tanggal": periode.tanggal_selesai.strftime("%d-%m-%Y")
        }
    return None


def render_formulir(
    request: HttpRequest,
    k: Kuesioner,
    template: str,
    *,
    nonce: str,
    data: Mapping[str, Any] | None = None,
    galat: Mapping[str, list[str]] | None = None,
    publik: bool = True,
    pesan: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The questionnaire page, with what was typed and the errors (if any)."""
    respons = render(
        request,
        template,
        {"periode": k.periode, "k": k.isian(data, galat, publik=publik), "nonce": nonce, "pesan": pesan},
        status=status,
    )
    # Never in a shared cache (each rendering has its own one-time number); the browser's back button
    # still shows the filled-in page from its history, so a resend is recognised.
    respons["Cache-Control"] = "private, max-age=0"
    return respons


def galat_layanan(exc: ValidationError) -> dict[str, list[str]]:
    """A service ValidationError as errors per field."""
    if hasattr(exc, "error_dict"):
        return {field: [m for e in errors for m in e.messages] for field, errors in exc.error_dict.items()}
    return {"__all__": list(exc.messages)}


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def formulir(request: HttpRequest, token: str) -> HttpResponse:
    """The public questionnaire: shown on GET, stored on POST, then the thank-you page (303)."""
    k = kuesioner.untuk_token(token)
    if k is None:
        raise Http404(_("Survei tidak ditemukan."))
    periode = k.periode
    alasan = _alasan_tidak_menerima(periode)
    if alasan:
        return _tertutup(request, periode, alasan)
    template = "surveys/publik_formulir.html"
    if request.method != "POST":
        # ?layanan=<id> (the poster of one jenis layanan) preselects it; the respondent may change it.
        awal = {"jenis_layanan": request.GET["layanan"]} if request.GET.get("layanan") else None
        return render_formulir(request, k, template, nonce=buat_nonce(periode), data=awal)

    nonce = baca_nonce(periode, request.POST.get("nonce", ""))
    bersih, galat = k.periksa(request.POST)
    pesan, status = None, 200
    if nonce is None:
        pesan = _(
            "Formulir ini sudah terlalu lama terbuka atau tidak utuh. Jawaban Anda belum tersimpan: "
            "periksa lagi lalu tekan Kirim."
        )
    elif not galat:
        try:
            kirim_respons(
                periode, {**bersih, "nonce": nonce}, sumber=Respons.Sumber.DARING, klien=alamat_klien(request)
            )
        except SudahDiterima:
            return _lihat_lain(reverse("surveys:terima_kasih", args=[periode.token]) + "?ulang=1")
        except PeriodeDitutup as exc:
            kuesioner.lupakan(periode.token)
            return _tertutup(request, periode, str(exc))
        except BatasKiriman as exc:
            pesan, status = str(exc), 429
        except ValidationError as exc:
            galat = galat_layanan(exc)
        else:
            return _lihat_lain(reverse("surveys:terima_kasih", args=[periode.token]))
    # Shown again with what was typed (and a fresh one-time number if the old one was not usable).
    return render_formulir(
        request,
        k,
        template,
        nonce=request.POST["nonce"] if nonce is not None else buat_nonce(periode),
        data=request.POST,
        galat=galat,
        pesan=pesan,
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def terima_kasih(request: HttpRequest, token: str) -> HttpResponse:
    periode = _periode(token)
    return render(
        request,
        "surveys/publik_terima_kasih.html",
        {"periode": periode, "ulang": request.GET.get("ulang") == "1"},
    )
