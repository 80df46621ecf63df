"""The public verification form: upload a PDF or paste its SHA-256."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.documents.terbit import sha256_berkas

BATAS_UNGGAH = 20 * 1024 * 1024  # a PK's PDF is tens of kilobytes; a scan a few megabytes


class CekDokumenForm(forms.Form):
    berkas = forms.FileField(label=_("Berkas PDF"), required=False)
    sha256 = forms.CharField(
        label=_("atau SHA-256 berkas"),
        required=False,
        max_length=80,
        help_text=_("64 karakter heksadesimal, misalnya hasil perintah sha256sum."),
    )

    def clean_sha256(self) -> str:
        teks = re.sub(r"\s+", "", self.cleaned_data.get("sha256") or "").lower()
        if teks and not re.fullmatch(r"[0-9a-f]{64}", teks):
            raise forms.ValidationError(_("SHA-256 harus 64 karakter heksadesimal (0-9, a-f)."))
        return teks

    def clean_berkas(self):
        berkas = self.cleaned_data.get("berkas")
        if berkas is not None and berkas.size > BATAS_UNGGAH:
            raise forms.ValidationError(_("Berkas terlalu besar (lebih dari 20 MB)."))
        return berkas

    def clean(self):
        data = super().clean()
        if not data.get("berkas") and not data.get("sha256") and not self.errors:
            raise forms.ValidationError(_("Unggah berkas PDF atau tempelkan SHA-256-nya."))
        return data

    def sidik(self) -> str:
        """The SHA-256 to check: of the uploaded file, else the pasted one."""
        berkas = self.cleaned_data.get("berkas")
        return sha256_berkas(berkas) if berkas else self.cleaned_data["sha256"]
