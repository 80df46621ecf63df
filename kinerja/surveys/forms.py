"""Forms of the SKM screens: the one-time form number, a period with its questions, ticket codes, option lists.

The questionnaire itself is checked by kinerja.surveys.kuesioner (the public form's hot path).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.domain.ikm import daftar_unsur
from kinerja.surveys.models import PeriodeSurvei
from kinerja.surveys.services import MAKS_KODE_SEKALI

# --------------------------------------------------------------------------------------------------
# The one-time form number (nonce)
# --------------------------------------------------------------------------------------------------

_SALT_NONCE = "kinerja.surveys.nonce"
# A questionnaire left open on a phone overnight is still accepted the next day.
UMUR_NONCE_DETIK = 2 * 24 * 3600


def buat_nonce(periode: PeriodeSurvei) -> str:
    """A signed one-time number for one rendering of the form: "<periode>.<random>:<time>:<signature>"."""
    import secrets

    return signing.TimestampSigner(salt=_SALT_NONCE).sign(f"{periode.pk}.{secrets.token_urlsafe(16)}")


def baca_nonce(periode: PeriodeSurvei, teks: str) -> str | None:
    """The random part of a nonce this server signed for this period, or None (forged, expired, other)."""
    try:
        isi = signing.TimestampSigner(salt=_SALT_NONCE).unsign(teks, max_age=UMUR_NONCE_DETIK)
    except (signing.BadSignature, ValueError):
        return None
    periode_id, _titik, acak = isi.partition(".")
    if periode_id != str(periode.pk) or not acak or len(acak) > 32:
        return None
    return acak


# --------------------------------------------------------------------------------------------------
# Periods and their questions
# --------------------------------------------------------------------------------------------------


class PeriodeForm(forms.ModelForm):
    """A period's settings; the unit is chosen among those the user may edit."""

    class Meta:
        model = PeriodeSurvei
        fields = [
            "unit",
            "judul",
            "jenis",
            "tanggal_mulai",
            "tanggal_selesai",
            "regime",
            "penimbang",
            "populasi",
            "wajib_kode_tiket",
        ]
        widgets = {
            "tanggal_mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_selesai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, units, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = None
        if self.instance.pk:
            # The unit and the rule set of an existing period stay: its responses were given under them.
            for nama in ("unit", "regime"):
                self.fields[nama].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        mulai, selesai = data.get("tanggal_mulai"), data.get("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("tanggal_selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class UnsurForm(forms.Form):
    """The wording of one unsur: the question and its four answer labels (the code and name stay)."""

    kode = forms.CharField(widget=forms.HiddenInput)
    pertanyaan = forms.CharField(
        label=gettext_lazy("Pertanyaan"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    label_1 = forms.CharField(label=gettext_lazy("Jawaban 1"), max_length=60)
    label_2 = forms.CharField(label=gettext_lazy("Jawaban 2"), max_length=60)
    label_3 = forms.CharField(label=gettext_lazy("Jawaban 3"), max_length=60)
    label_4 = forms.CharField(label=gettext_lazy("Jawaban 4"), max_length=60)


UnsurFormSet = forms.formset_factory(UnsurForm, extra=0, min_num=1, validate_min=True)


def awal_unsur(regime: str = "2017") -> list[dict[str, str]]:
    """Initial rows of the unsur formset: the regime's standard questions and labels."""
    return [
        {
            "kode": u.kode,
            "pertanyaan": u.pertanyaan,
            "label_1": u.label[0],
            "label_2": u.label[1],
            "label_3": u.label[2],
            "label_4": u.label[3],
            "nama": u.nama,
        }
        for u in daftar_unsur(regime)  # type: ignore[arg-type]
    ]


def awal_unsur_periode(periode: PeriodeSurvei) -> list[dict[str, str]]:
    return [
        {
            "kode": u.kode,
            "pertanyaan": u.pertanyaan,
            "label_1": u.label_1,
            "label_2": u.label_2,
            "label_3": u.label_3,
            "label_4": u.label_4,
            "nama": u.nama,
        }
        for u in periode.unsur.all()
    ]


class KodeTiketForm(forms.Form):
    jumlah = forms.IntegerField(
        label=gettext_lazy("Jumlah kode baru"),
        min_value=1,
        max_value=MAKS_KODE_SEKALI,
        initial=100,
        error_messages={
            "min_value": gettext_lazy("Jumlah kode sedikitnya %(limit_value)s."),
            "max_value": gettext_lazy("Paling banyak %(limit_value)s kode sekali buat."),
        },
    )


class DaftarForm(forms.Form):
    """A unit's option lists, one option per line."""

    layanan = forms.CharField(
        label=gettext_lazy("Jenis layanan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Satu layanan per baris, mis. KTP elektronik, Surat keterangan usaha."),
    )
    jenis_kelamin = forms.CharField(
        label=gettext_lazy("Jenis kelamin"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    umur = forms.CharField(
        label=gettext_lazy("Umur"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    pendidikan = forms.CharField(
        label=gettext_lazy("Pendidikan terakhir"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    pekerjaan = forms.CharField(
        label=gettext_lazy("Pekerjaan"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for nama, teks in data.items():
            for baris in (teks or "").splitlines():
                if len(baris.strip()) > (200 if nama == "layanan" else 60):
                    self.add_error(
                        nama, _("Baris terlalu panjang: %(baris)s") % {"baris": baris.strip()[:40] + "…"}
                    )
        return data
