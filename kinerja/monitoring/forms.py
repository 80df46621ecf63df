"""Forms of the monitoring pages: they read what was typed (Indonesian numbers) and hand it to the
services; a refused form comes back with what was typed."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.domain.numbers import AngkaError, parse_angka
from kinerja.monitoring.models import RencanaIndikator


class AngkaField(forms.CharField):
    """A number typed the Indonesian way ("80,33", "1.234,5") or plain ("80.33")."""

    def clean(self, value) -> Decimal | None:  # type: ignore[override]
        teks = super().clean(value)  # the text's own checks first (length, required)
        if not teks:
            return None
        try:
            return parse_angka(teks)
        except AngkaError:
            raise forms.ValidationError(
                _("“%(teks)s” bukan angka; tulis seperti 80,33 atau 1.234,5.") % {"teks": teks}
            ) from None


class BanyakBerkasInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BanyakBerkasField(forms.FileField):
    """Several files in one input."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", BanyakBerkasInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):  # type: ignore[override]
        tunggal = super().clean
        if isinstance(data, list | tuple):
            return [tunggal(d, initial) for d in data if d]
        return [tunggal(data, initial)] if data else []


class RealisasiForm(forms.Form):
    nilai = AngkaField(label=gettext_lazy("Realisasi"), required=False, max_length=40)
    predikat = forms.CharField(label=gettext_lazy("Realisasi (predikat)"), required=False, max_length=64)
    kendala = forms.CharField(
        label=gettext_lazy("Kendala"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    upaya = forms.CharField(
        label=gettext_lazy("Upaya dan tindak lanjut"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    bukti = BanyakBerkasField(
        label=gettext_lazy("Bukti (PDF, gambar, DOCX, XLSX; paling besar 10 MB)"), required=False
    )
    akui = forms.BooleanField(label=gettext_lazy("Nilai sudah saya periksa"), required=False)

    def __init__(
        self, *args, pilihan_predikat: list[str] | None = None, prefix_id: str = "", **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        if pilihan_predikat:
            self.fields["predikat"] = forms.ChoiceField(
                label=_("Realisasi (predikat)"),
                required=False,
                choices=[("", "—"), *((p, p) for p in pilihan_predikat)],
            )
            del self.fields["nilai"]
        else:
            del self.fields["predikat"]


class CatatanForm(forms.Form):
    catatan = forms.CharField(
        label=gettext_lazy("Catatan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class KoreksiForm(forms.Form):
    alasan = forms.CharField(
        label=gettext_lazy("Alasan koreksi"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnggaranForm(forms.Form):
    nilai = AngkaField(label=gettext_lazy("Realisasi anggaran triwulan ini (Rp)"), max_length=40)
    akui = forms.BooleanField(label=gettext_lazy("Nilai sudah saya periksa"), required=False)


class RencanaForm(forms.ModelForm):
    target_tw1 = AngkaField(label=gettext_lazy("Target TW I"), required=False, max_length=40)
    target_tw2 = AngkaField(label=gettext_lazy("Target TW II"), required=False, max_length=40)
    target_tw3 = AngkaField(label=gettext_lazy("Target TW III"), required=False, max_length=40)
    target_tw4 = AngkaField(label=gettext_lazy("Target TW IV"), required=False, max_length=40)

    class Meta:
        model = RencanaIndikator
        fields = [
            "aksi",
            "sifat_target",
            "konsolidasi",
            "rumus_negatif",
            "penanggung_jawab",
            *(f"target_tw{n}" for n in range(1, 5)),
        ]
        widgets = {"aksi": forms.Textarea(attrs={"rows": 2})}


class RencanaProgramForm(forms.Form):
    """The planned budget of a program per triwulan (their sum within its pagu)."""

    rencana_tw1 = AngkaField(label=gettext_lazy("Rencana TW I (Rp)"), required=False, max_length=40)
    rencana_tw2 = AngkaField(label=gettext_lazy("Rencana TW II (Rp)"), required=False, max_length=40)
    rencana_tw3 = AngkaField(label=gettext_lazy("Rencana TW III (Rp)"), required=False, max_length=40)
    rencana_tw4 = AngkaField(label=gettext_lazy("Rencana TW IV (Rp)"), required=False, max_length=40)
