"""The PK editor's forms: plain Django forms, each over one row; the labels of the PK's own fields come
from their one description (kinerja/domain/pk.py), so the form says what the document and the trail say."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.models import Indikator, JenisProgram, Tingkat
from kinerja.agreements.sunting import JABATAN_SEMENTARA
from kinerja.domain import pk as d
from kinerja.units.models import Pejabat


class NIPField(forms.CharField):
    """A NIP typed by hand: checked as it is typed (htmx asks /pejabat/periksa-nip/), and again when
    saved, which is what counts without JavaScript."""

    periksa_langsung = True

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "hx-get": reverse_lazy("units:periksa_nip"),
                "hx-trigger": "input changed delay:400ms, blur",
                "hx-target": "next .periksa-langsung",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
                "inputmode": "numeric",
                "autocomplete": "off",
            }
        )
        return attrs


def _label(kelas: type, nama: str) -> str:
    return gettext(d.label_field(kelas, nama)).capitalize()


class KepalaForm(forms.Form):
    tempat = forms.CharField(label=_("Tempat"), max_length=255, required=False)
    tanggal = forms.CharField(
        label=_("Tanggal"),
        max_length=64,
        required=False,
        help_text=_("Mis. “2 Januari 2024”; boleh tanpa hari (“Januari 2024”)."),
    )


def _pilihan_sasaran(form: forms.Form, perjanjian) -> None:
    """The form's "sasaran" field offers the PK's own sasaran ("Sasaran Strategis: …"); without a PK
    the field is left out."""
    if perjanjian is None:
        del form.fields["sasaran"]
        return
    form.fields["sasaran"].queryset = perjanjian.sasaran.order_by("urutan", "pk")
    form.fields["sasaran"].label_from_instance = lambda s: f"{s.get_tingkat_display()}: {s.uraian}"


def _nama_baris_atasan(obj) -> str:
    """A choice of "mendukung": the row with the PK it belongs to ("Bupati Gowa — Meningkatnya …")."""
    from kinerja.agreements.models import Sasaran

    pk = obj.perjanjian if isinstance(obj, Sasaran) else obj.sasaran.perjanjian
    return f"{pk.pihak_pertama_jabatan or pk.pihak_pertama_nama} {pk.tahun} — {obj.uraian}"


def _pasang_mendukung(form: forms.Form, pilihan, label) -> None:
    if pilihan is None:
        return
    form.fields["mendukung"] = forms.ModelChoiceField(
        label=label,
        queryset=pilihan,
        required=False,
        empty_label=gettext("— tidak tertaut —"),
        help_text=_(
            "Cascading: sasaran atau indikator PK atasan (atau tingkat di atasnya di PK ini) yang didukung."
        ),
    )
    form.fields["mendukung"].label_from_instance = _nama_baris_atasan


class SasaranForm(forms.Form):
    tingkat = forms.ChoiceField(label=_("Tingkat"), choices=Tingkat.choices)
    uraian = forms.CharField(label=_("Uraian sasaran"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, pilihan=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _pasang_mendukung(self, pilihan, _("Mendukung sasaran"))


class IndikatorForm(forms.Form):
    uraian = forms.CharField(label=_("Uraian indikator"), widget=forms.Textarea(attrs={"rows": 2}))
    target = forms.CharField(
        label=_("Target"),
        max_length=255,
        help_text=_("Seperti dicetak: “84,00 (Baik)”, “100%”, “8 unit”, “BB”."),
    )
    satuan = forms.CharField(
        label=_("Satuan"), max_length=128, required=False, help_text=_("Bila tidak tertulis pada target.")
    )
    polaritas = forms.ChoiceField(label=_("Polaritas"), choices=Indikator.Polaritas.choices)
    sasaran = forms.ModelChoiceField(label=_("Sasaran"), queryset=None, required=False)

    def __init__(self, *args, perjanjian=None, pilihan=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _pilihan_sasaran(self, perjanjian)
        _pasang_mendukung(self, pilihan, _("Mendukung indikator"))


class AtasanForm(forms.Form):
    """The superior's PK this PK derives from (cascading)."""

    atasan = forms.ModelChoiceField(
        label=_("PK atasan"),
        queryset=None,
        required=False,
        empty_label=gettext("— tanpa PK atasan —"),
        help_text=_("PK pihak kedua tahun yang sama, tempat sasaran PK ini diturunkan."),
    )

    def __init__(self, *args, pilihan=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["atasan"].queryset = pilihan
        self.fields["atasan"].label_from_instance = lambda p: f"{p} — {p.get_status_display()}"


class IndikatorBaruForm(forms.Form):
    """The short form under each sasaran: an indikator and its target."""

    uraian = forms.CharField(label=_("Indikator baru"), max_length=4000)
    target = forms.CharField(label=_("Target"), max_length=255)


class PenjelasanForm(forms.Form):
    """Lampiran 2 for one indikator: its fields and labels from `kinerja.domain.pk.Penjelasan`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for k in d.kolom_tersimpan(d.Penjelasan):
            if k.jenis == "pendek":
                self.fields[k.nama] = forms.CharField(
                    label=gettext(k.label).capitalize(), max_length=k.maks, required=False
                )
            else:
                self.fields[k.nama] = forms.CharField(
                    label=gettext(k.label).capitalize(),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
        self.fields["dasar_hukum"] = forms.CharField(
            label=_label(d.Penjelasan, "dasar_hukum"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Satu peraturan per baris."),
        )


class ProgramForm(forms.Form):
    """A row of the budget table: program, kegiatan or sub kegiatan, its kode, anggaran and sasaran."""

    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=JenisProgram.choices, initial=JenisProgram.PROGRAM, required=False
    )

    def clean_jenis(self) -> str:
        return self.cleaned_data.get("jenis") or JenisProgram.PROGRAM

    kode = forms.CharField(
        label=_("Kode"),
        max_length=64,
        required=False,
        help_text=_("Kode nomenklatur Permendagri 90/2019, mis. 7.01.01 (program), 7.01.01.2.01 (kegiatan)."),
    )
    nama = forms.CharField(label=_("Nama program"), widget=forms.Textarea(attrs={"rows": 2}))
    anggaran = forms.CharField(
        label=_("Anggaran (Rp)"),
        max_length=64,
        required=False,
        help_text=_("Mis. “Rp1.521.097.505,00” atau “1521097505”."),
    )
    sasaran = forms.ModelMultipleChoiceField(
        label=_("Sasaran yang didukung"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, perjanjian=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _pilihan_sasaran(self, perjanjian)


class PihakForm(forms.Form):
    pejabat = forms.ModelChoiceField(label=_("Pejabat"), queryset=Pejabat.objects.none(), required=False)
    sementara = forms.ChoiceField(
        label=_("Keterangan jabatan"),
        required=False,
        choices=[("", _("— (definitif)"))] + [(x, x) for x in JABATAN_SEMENTARA],
        help_text=_("Plt. (pelaksana tugas), Plh. (pelaksana harian) atau Pj. (penjabat)."),
    )
    jabatan = forms.CharField(
        label=_("Jabatan (seperti dicetak)"),
        max_length=255,
        required=False,
        help_text=_("Kosong: jabatan pejabat itu."),
    )

    def __init__(self, *args, pilihan=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if pilihan is not None:
            self.fields["pejabat"].queryset = pilihan


class PejabatBaruForm(forms.Form):
    nama = forms.CharField(label=_("Nama (dengan gelar)"), max_length=255)
    nip = NIPField(
        label=_("NIP"),
        max_length=32,
        required=False,
        help_text=_("18 angka; diperiksa saat diketik dan disimpan."),
    )
    pangkat = forms.CharField(label=_("Pangkat/golongan"), max_length=255, required=False)
    jabatan = forms.CharField(label=_("Jabatan"), max_length=255, required=False)


class PKBaruForm(forms.Form):
    """A new PK: the unit, the year, the pihak pertama (a pejabat of the unit, or a new one), and where
    it starts from (empty, a copy of the unit's last PK, or the superior's published PK)."""

    MULAI = [
        ("kosong", _("Kosong")),
        ("salin", _("Salinan PK terakhir unit ini (target dipertahankan untuk disesuaikan)")),
        ("turunkan", _("Diturunkan dari PK atasan yang sudah diterbitkan (pilih sasaran dan indikatornya)")),
    ]

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    mulai = forms.ChoiceField(
        label=_("Mulai dari"), choices=MULAI, initial="kosong", widget=forms.RadioSelect, required=False
    )

    def clean_mulai(self) -> str:
        return self.cleaned_data.get("mulai") or "kosong"

    pejabat = forms.ModelChoiceField(
        label=_("Pihak pertama"),
        queryset=None,
        required=False,
        help_text=_("Pejabat unit itu; kosongkan untuk menambah pejabat baru di bawah."),
    )
    nama = forms.CharField(label=_("Nama pejabat baru (dengan gelar)"), max_length=255, required=False)
    nip = NIPField(label=_("NIP"), max_length=32, required=False)
    jabatan = forms.CharField(label=_("Jabatan"), max_length=255, required=False)
    pangkat = forms.CharField(label=_("Pangkat/golongan"), max_length=255, required=False)

    def __init__(self, *args, unit_boleh=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_boleh
        self.fields["pejabat"].queryset = Pejabat.objects.filter(unit__in=unit_boleh).select_related("unit")
        self.fields["pejabat"].label_from_instance = lambda p: f"{p.nama} — {p.jabatan or p.unit}"

    def clean(self):
        data = super().clean()
        if not data.get("pejabat") and not (data.get("nama") or "").strip():
            self.add_error("pejabat", gettext("Pilih pejabat atau isi nama pejabat baru."))
        return data
