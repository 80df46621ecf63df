"""The pemda's admin screens' forms: plain Django forms; every unit choice is limited to the units the
acting user administers (the services check the right again: the posted unit, not only the list)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.forms_sunting import NIPField
from kinerja.units.models import Unit, UnitRole

SPASI = "\u00a0\u00a0\u00a0"  # one level of the tree in a <select> (no-break spaces are not collapsed)


def label_unit(unit: Unit) -> str:
    """A unit as a choice, indented by its depth so that a list in tree order reads as the tree."""
    return f"{SPASI * max(len(unit.leluhur_ids) - 1, 0)}{unit.nama}"


class UnitChoiceField(forms.ModelChoiceField):
    """A unit among those the user administers (the queryset is set by the form), shown as a tree."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Unit.objects.none())
        kwargs.setdefault("empty_label", _("— pilih unit —"))
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Unit) -> str:
        return label_unit(obj)


class UnitForm(forms.Form):
    nama = forms.CharField(label=_("Nama unit"), max_length=255)
    jenis = forms.ChoiceField(label=_("Jenis"), choices=Unit.Jenis.choices, initial=Unit.Jenis.SUB_UNIT)
    kode = forms.CharField(
        label=_("Kode"),
        max_length=64,
        required=False,
        help_text=_("Mis. kode perangkat daerah; boleh kosong."),
    )


class UnitBaruForm(UnitForm):
    """A new unit: its induk among the units the user administers (none: a new root, superuser only)."""

    induk = UnitChoiceField(
        label=_("Induk"), help_text=_("Unit tempat unit baru ini berada; hanya unit yang Anda kelola.")
    )

    field_order = ["induk", "nama", "jenis", "kode"]

    def __init__(self, *args, unit_boleh, boleh_akar: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        induk = self.fields["induk"]
        induk.queryset = unit_boleh
        induk.required = not boleh_akar
        if boleh_akar:
            induk.empty_label = gettext("— tanpa induk (pemerintah daerah baru) —")


class PindahUnitForm(forms.Form):
    """Where a unit goes: any unit the user administers outside the unit's own subtree."""

    induk = UnitChoiceField(
        label=_("Induk baru"),
        help_text=_("Unit ini dan semua unit di bawahnya ikut pindah; peran dan pejabatnya tetap padanya."),
    )

    def __init__(self, *args, unit: Unit, unit_boleh, boleh_akar: bool = False, **kwargs) -> None:
        kwargs.setdefault("initial", {"induk": unit.induk_id})
        super().__init__(*args, **kwargs)
        induk = self.fields["induk"]
        induk.queryset = unit_boleh.exclude(jalur__startswith=unit.jalur)
        induk.required = not boleh_akar
        induk.empty_label = gettext("— tanpa induk (unit teratas) —") if boleh_akar else None


class PejabatForm(forms.Form):
    """Who the official is (his post: PindahPejabatForm)."""

    nama = forms.CharField(label=_("Nama (dengan gelar)"), max_length=255)
    nip = NIPField(
        label=_("NIP"),
        max_length=32,
        required=False,
        help_text=_("18 angka; diperiksa saat diketik dan disimpan. Kosong untuk pejabat tanpa NIP."),
    )
    pangkat = forms.CharField(label=_("Pangkat/golongan"), max_length=255, required=False)


class PejabatBaruForm(PejabatForm):
    unit = UnitChoiceField(label=_("Unit"))
    jabatan = forms.CharField(label=_("Jabatan"), max_length=255, required=False)

    field_order = ["unit", "nama", "nip", "jabatan", "pangkat"]

    def __init__(self, *args, unit_boleh, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_boleh


class PindahPejabatForm(forms.Form):
    """Another post: another unit and/or jabatan."""

    unit = UnitChoiceField(label=_("Unit baru"), empty_label=None)
    jabatan = forms.CharField(label=_("Jabatan baru"), max_length=255)

    def __init__(self, *args, unit_boleh, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_boleh


class _PeranForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"))
    peran = forms.ChoiceField(
        label=_("Peran"),
        choices=UnitRole.Peran.choices,
        initial=UnitRole.Peran.OPERATOR,
        help_text=_(
            "Operator mengisi PK unitnya; pimpinan menyetujui; verifikator memeriksa unit di bawahnya; "
            "inspektorat membaca seluruh pemerintah daerah; admin mengelola unit, pejabat dan pengguna."
        ),
    )

    def __init__(self, *args, unit_boleh, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_boleh


class BeriPeranForm(_PeranForm):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)

    field_order = ["username", "unit", "peran"]


class PenggunaBaruForm(_PeranForm):
    """A new user and his first role; the password typed here, or a random one shown once."""

    username = forms.CharField(
        label=_("Nama pengguna"), max_length=150, help_text=_("Untuk masuk: huruf, angka dan @ . + - _")
    )
    nama = forms.CharField(label=_("Nama lengkap"), max_length=150, required=False)
    sandi = forms.CharField(
        label=_("Kata sandi"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Kosongkan untuk sandi acak, yang ditampilkan sekali setelah disimpan."),
    )
    sandi_ulang = forms.CharField(
        label=_("Ulangi kata sandi"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["username", "nama", "unit", "peran", "sandi", "sandi_ulang"]

    def clean(self):
        data = super().clean()
        if data.get("sandi", "") != data.get("sandi_ulang", ""):
            self.add_error("sandi_ulang", gettext("Kedua sandi berbeda."))
        return data
