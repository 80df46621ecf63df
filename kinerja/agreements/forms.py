"""Forms of the PK's transitions and versions (the web side of `alur` and `versi`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.agreements.alur import kunci_temuan
from kinerja.agreements.models import PerjanjianKinerja
from kinerja.agreements.pindaian import BATAS_UKURAN, BerkasPindaian, PindaianError, periksa_pindaian
from kinerja.domain.review import Temuan


class CatatanForm(forms.Form):
    """A note with a transition: required to return or withdraw (say what to change, or why)."""

    catatan = forms.CharField(
        label=gettext_lazy("Catatan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, wajib: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["catatan"].required = wajib
        if wajib:
            self.fields["catatan"].help_text = _("Wajib diisi: dicatat di riwayat PK.")


class AjukanForm(CatatanForm):
    """Submission: each peringatan of the review is acknowledged (ticked), with an optional note."""

    def __init__(self, *args, peringatan: list[Temuan], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.peringatan = peringatan
        for n in range(len(peringatan)):
            self.fields[f"akui_{n}"] = forms.BooleanField(
                label=_("Saya sudah memeriksa peringatan ini"),
                required=True,
                error_messages={"required": _("Centang bila peringatan ini sudah Anda periksa.")},
            )
            self.fields[f"catatan_{n}"] = forms.CharField(
                label=_("Catatan untuk peringatan ini (boleh kosong)"), required=False, max_length=2000
            )

    def baris_peringatan(self) -> list[tuple[Temuan, forms.BoundField, forms.BoundField]]:
        return [(t, self[f"akui_{n}"], self[f"catatan_{n}"]) for n, t in enumerate(self.peringatan)]

    def akui(self) -> dict[str, str]:
        """Finding key → the submitter's note, for `alur.ajukan`."""
        return {
            kunci_temuan(t): self.cleaned_data.get(f"catatan_{n}", "")
            for n, t in enumerate(self.peringatan)
            if self.cleaned_data.get(f"akui_{n}")
        }


class PindaianField(forms.FileField):
    """The signed scan: PDF, PNG or JPEG (recognised by content), at most 10 MB."""

    def clean(self, data, initial=None) -> BerkasPindaian | None:  # type: ignore[override]
        berkas = super().clean(data, initial)
        if not berkas:
            return None
        if berkas.size > BATAS_UKURAN:
            raise forms.ValidationError(_("Berkas lebih dari 10 MB."))
        try:
            return periksa_pindaian(berkas.name, berkas.read())
        except PindaianError as err:
            raise forms.ValidationError(str(err)) from err


class TandatanganiForm(CatatanForm):
    pindaian = PindaianField(
        label=gettext_lazy("Pindaian PK yang sudah ditandatangani"),
        help_text=gettext_lazy("PDF, PNG atau JPEG halaman bertanda tangan kedua pihak; paling besar 10 MB."),
    )


class PerubahanForm(forms.Form):
    """A new version of a published PK (PermenPANRB 53/2014): the reason, what happened, and the file."""

    alasan = forms.ChoiceField(
        label=gettext_lazy("Alasan perubahan"),
        choices=PerjanjianKinerja.AlasanPerubahan.choices,
        widget=forms.RadioSelect,
    )
    keterangan = forms.CharField(
        label=gettext_lazy("Keterangan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Apa yang berubah, mis. “Camat diganti sejak 1 Juli 2024” (wajib untuk alasan c)."
        ),
    )
    berkas = forms.FileField(
        label=gettext_lazy("Berkas PK perubahan (boleh kosong)"),
        required=False,
        help_text=gettext_lazy(
            "Teks, Word atau PDF berlapis teks. Tanpa berkas, versi baru berisi salinan PK ini untuk diubah."
        ),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("alasan") == PerjanjianKinerja.AlasanPerubahan.PERUBAHAN_PRIORITAS
            and not (data.get("keterangan") or "").strip()
        ):
            self.add_error("keterangan", _("Alasan c memerlukan keterangan."))
        return data
