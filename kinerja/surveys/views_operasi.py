"""Operator screens added to the SKM: importing a file of questionnaires (with its templates), the
rencana tindak lanjut, the report's editable texts, and the poster (HTML to print, and PDF).
Permissions as in views_kelola: a period the user may not view is a 404, a forbidden act a 403.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kinerja.domain import skm_file
from kinerja.surveys import impor as impor_mod
from kinerja.surveys import services
from kinerja.surveys.hasil import data_hasil
from kinerja.surveys.models import JenisLayanan, LaporanSKM, Respons, TindakLanjut
from kinerja.surveys.views_kelola import _harus_dibuka, _periode, alamat_publik

MAKS_UNGGAH = 10 * 1024 * 1024


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas CSV atau XLSX"),
        help_text=gettext_lazy("Kolom U1–U9 (jawaban 1–4 atau a–d), kolom profil dan saran boleh ada."),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def impor(request: HttpRequest, periode_id: int) -> HttpResponse:
    """Upload a CSV/XLSX of questionnaires; every row error is listed and nothing is stored on error."""
    p = _periode(request, periode_id, "edit")
    _harus_dibuka(p)
    galat = None
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["berkas"]
        if f.size > MAKS_UNGGAH:
            form.add_error("berkas", _("Berkas terlalu besar (paling besar 10 MB)."))
        else:
            try:
                hasil = impor_mod.impor_berkas(p, f.read(), nama=f.name)
            except skm_file.SKMFileError as exc:
                galat = exc
            except services.SKMError as exc:
                form.add_error(None, str(exc))
            else:
                pesan = _("%(n)d kuesioner dari %(berkas)s tersimpan.") % {
                    "n": hasil.jumlah,
                    "berkas": f.name,
                }
                if hasil.kolom_diabaikan:
                    pesan += " " + _("Kolom yang diabaikan: %(k)s.") % {"k": ", ".join(hasil.kolom_diabaikan)}
                messages.success(request, pesan)
                return redirect("surveys:periode", periode_id=p.pk)
    return render(
        request,
        "surveys/kelola_impor.html",
        {"periode": p, "form": form, "galat": galat, "status": 400 if galat else 200},
        status=400 if galat else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def templat(request: HttpRequest, periode_id: int, format: str) -> HttpResponse:
    """The empty file to fill: CSV (semicolon, for Indonesian Excel) or XLSX with a sheet of questions."""
    p = _periode(request, periode_id, "edit")
    if format == "csv":
        isi: bytes = ("\ufeff" + skm_file.template_csv(p.regime)).encode("utf-8")  # type: ignore[arg-type]
        jenis = "text/csv; charset=utf-8"
    elif format == "xlsx":
        isi = skm_file.template_xlsx(p.regime)  # type: ignore[arg-type]
        jenis = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    r = HttpResponse(isi, content_type=jenis)
    r["Content-Disposition"] = f'attachment; filename="templat-skm-{p.regime}.{format}"'
    return r


_TELEPON = re.compile(r"(?:\+62|\b0)8[\d\s.-]{7,}\d")
_SUREL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _saran_asal(request: HttpRequest, p) -> Respons | None:
    """The response a follow-up starts from (`?respons=ID` or the form's hidden field), of this period."""
    nilai = request.POST.get("respons") or request.GET.get("respons") or ""
    if not nilai.isdigit():
        return None
    return Respons.objects.filter(periode=p, pk=int(nilai)).exclude(saran="").first()


def _awal_dari_saran(request: HttpRequest, d) -> dict[str, str]:
    """A new plan's first values: the weakest unsur, or the one a saran's link proposes (`?unsur=U3`).
    The saran's text is never copied in: the operator writes the plan in his own words."""
    awal = {"kode_unsur": d.unsur[0].kode}
    if (kode := request.GET.get("unsur")) in {u.kode for u in d.unsur}:
        awal["kode_unsur"] = kode
    return awal


class TindakLanjutForm(forms.ModelForm):
    """A follow-up plan. Made from a respondent's saran, its text is the operator's paraphrase: what the
    respondent wrote stays internal (docs/skm.md §8); the plan is shown on the public results page."""

    tulis_ulang = forms.BooleanField(
        label=gettext_lazy(
            "Uraian ini saya tulis dengan kata-kata sendiri, tanpa nama, nomor telepon, atau kalimat responden"
        ),
        required=False,
    )

    class Meta:
        model = TindakLanjut
        fields = ["kode_unsur", "uraian", "penanggung_jawab", "target_waktu", "status", "keterangan"]
        widgets = {
            "target_waktu": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, unsur: list[tuple[str, str]], saran: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kode_unsur"] = forms.ChoiceField(label=_("Unsur"), choices=unsur)
        self.saran = saran
        if saran:
            self.fields["tulis_ulang"].required = True
        else:
            del self.fields["tulis_ulang"]

    def clean(self):
        data = super().clean()
        for nama in ("uraian", "keterangan"):
            teks = data.get(nama) or ""
            if _TELEPON.search(teks) or _SUREL.search(teks):
                self.add_error(
                    nama, _("Hapus nomor telepon atau alamat surel: rencana ini tampil di halaman publik.")
                )
            elif self.saran and _salinan(self.saran, teks):
                self.add_error(
                    nama,
                    _(
                        "Uraian memuat kalimat responden apa adanya; tulis ulang dengan kata-kata Anda sendiri."
                    ),
                )
        return data


def _salinan(saran: str, teks: str) -> bool:
    """Whether `teks` holds 30 or more consecutive characters of the saran (a copy, not a paraphrase)."""
    a, b = " ".join(saran.lower().split()), " ".join(teks.lower().split())
    return (len(a) >= 30 and any(a[i : i + 30] in b for i in range(0, len(a) - 29, 5))) or (
        bool(a) and a in b
    )


def _pilihan_unsur(d) -> list[tuple[str, str]]:
    # Lowest NRR first: the follow-up plan addresses the weakest unsur.
    return [(u.kode, f"{u.kode} {u.nama} (NRR {str(round(u.nrr, 2)).replace('.', ',')})") for u in d.unsur]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def tindak_lanjut(request: HttpRequest, periode_id: int) -> HttpResponse:
    """The follow-up plan of a period: list, and a form to add one (edit permission on the unit)."""
    p = _periode(request, periode_id, "edit")
    d = data_hasil(p, dengan_grafik=False)
    if not d.unsur:
        messages.info(request, _("Tindak lanjut dibuat setelah ada hasil IKM."))
        return redirect("surveys:periode", periode_id=p.pk)
    asal = _saran_asal(request, p)
    form = TindakLanjutForm(
        request.POST or None,
        unsur=_pilihan_unsur(d),
        initial=_awal_dari_saran(request, d),
        saran=asal.saran if asal else "",
    )
    if request.method == "POST" and form.is_valid():
        tl = form.save(commit=False)
        tl.periode = p
        tl.save()
        messages.success(request, _("Rencana tindak lanjut tersimpan."))
        return redirect("surveys:tindak_lanjut", periode_id=p.pk)
    from kinerja.surveys.tindak_lanjut import persentase_tindak_lanjut

    return render(
        request,
        "surveys/kelola_tindak_lanjut.html",
        {
            "periode": p,
            "d": d,
            "form": form,
            "asal": asal,
            "persen": persentase_tindak_lanjut(p.unit_id, periode_id=p.pk),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def tindak_lanjut_ubah(request: HttpRequest, periode_id: int, tl_id: int) -> HttpResponse:
    p = _periode(request, periode_id, "edit")
    tl = get_object_or_404(TindakLanjut, pk=tl_id, periode=p)
    d = data_hasil(p, dengan_grafik=False)
    form = TindakLanjutForm(request.POST or None, instance=tl, unsur=_pilihan_unsur(d))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Rencana tindak lanjut diperbarui."))
        return redirect("surveys:tindak_lanjut", periode_id=p.pk)
    return render(request, "surveys/kelola_tindak_lanjut_ubah.html", {"periode": p, "form": form, "tl": tl})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def tindak_lanjut_hapus(request: HttpRequest, periode_id: int, tl_id: int) -> HttpResponse:
    """Delete a follow-up (asked first): a plan entered by mistake; the done share is recomputed."""
    p = _periode(request, periode_id, "edit")
    tl = get_object_or_404(TindakLanjut, pk=tl_id, periode=p)
    if request.method == "POST":
        tl.delete()
        messages.success(request, _("Rencana tindak lanjut dihapus."))
        return redirect("surveys:tindak_lanjut", periode_id=p.pk)
    return render(request, "surveys/kelola_tindak_lanjut_hapus.html", {"periode": p, "tl": tl})


class LaporanForm(forms.ModelForm):
    class Meta:
        model = LaporanSKM
        fields = [
            "latar_belakang",
            "dasar_hukum",
            "maksud_tujuan",
            "pelaksana",
            "metode",
            "lokasi",
            "waktu",
            "analisis",
            "kesimpulan",
            "penandatangan",
            "jabatan_penandatangan",
        ]
        widgets = {
            k: forms.Textarea(attrs={"rows": 4})
            for k in (
                "latar_belakang",
                "dasar_hukum",
                "maksud_tujuan",
                "metode",
                "waktu",
                "analisis",
                "kesimpulan",
            )
        }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def laporan(request: HttpRequest, periode_id: int) -> HttpResponse:
    """The report's editable texts; an empty field prints the default text (shown as placeholder)."""
    from kinerja.surveys.laporan import teks_bawaan

    p = _periode(request, periode_id, "edit")
    obj = LaporanSKM.objects.filter(periode=p).first() or LaporanSKM(periode=p)
    form = LaporanForm(request.POST or None, instance=obj)
    bawaan = teks_bawaan(p, data_hasil(p, dengan_grafik=False))
    for nama, f in form.fields.items():
        if nama in bawaan:
            f.widget.attrs["placeholder"] = bawaan[nama]
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Teks laporan tersimpan."))
        return redirect("surveys:laporan", periode_id=p.pk)
    return render(request, "surveys/kelola_laporan.html", {"periode": p, "form": form})


def _poster_data(request: HttpRequest, p) -> dict:
    import segno

    layanan = None
    nilai = request.GET.get("layanan", "")
    if nilai.isdigit() and len(nilai) < 19:  # "?layanan=abc" (or a number past bigint) is the unit's poster
        layanan = JenisLayanan.objects.filter(unit_id=p.unit_id, pk=int(nilai)).first()
    alamat = alamat_publik(p) + (f"?layanan={layanan.pk}" if layanan else "")
    qr = segno.make(alamat, error="m", micro=False)
    return {
        "periode": p,
        "layanan": layanan,
        "alamat": alamat,
        "qr_svg": qr.svg_inline(scale=8, border=2, title=_("Kode QR formulir survei")),
        "qr": qr,
        "daftar_layanan": list(
            JenisLayanan.objects.filter(unit_id=p.unit_id, aktif=True).order_by("urutan", "nama")
        ),
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def poster(request: HttpRequest, periode_id: int) -> HttpResponse:
    """A printable A4 poster with the form's QR code and address (per unit, or per jenis layanan)."""
    p = _periode(request, periode_id)
    return render(request, "surveys/poster.html", _poster_data(request, p))


@login_required
@require_http_methods(["GET", "HEAD"])
def poster_pdf(request: HttpRequest, periode_id: int) -> HttpResponse:
    from kinerja.surveys.laporan import render_poster_pdf

    p = _periode(request, periode_id)
    data = _poster_data(request, p)
    isi = render_poster_pdf(p, data["alamat"], data["layanan"].nama if data["layanan"] else "")
    r = HttpResponse(isi, content_type="application/pdf")
    r["Content-Disposition"] = f'inline; filename="poster-skm-{p.pk}.pdf"'
    return r
