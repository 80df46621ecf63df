"""Units of a local government (a tree), their officials (pejabat) and users' roles on units."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from kinerja.domain import nip as nip_mod
from kinerja.domain.nama import normalise_nama, normalise_unit


class UnitQuerySet(models.QuerySet):
    def subtree(self, unit: Unit) -> UnitQuerySet:
        """The unit and every unit below it."""
        return self.filter(jalur__startswith=unit.jalur)

    def pemerintah_daerah(self) -> UnitQuerySet:
        return self.filter(jenis=Unit.Jenis.PEMERINTAH_DAERAH)

    def visible_to(self, user, aksi: str = "view") -> UnitQuerySet:
        """The units on which `user` may do `aksi` (see kinerja.units.permissions)."""
        from kinerja.units.permissions import unit_filter

        q = unit_filter(user, aksi)
        if q is None:
            return self
        return self.filter(q) if q else self.none()


class Unit(models.Model):
    """A unit of a local government: the pemerintah daerah at the root, perangkat daerah, sub units."""

    class Jenis(models.TextChoices):
        PEMERINTAH_DAERAH = "pemerintah_daerah", _("Pemerintah daerah")
        PERANGKAT_DAERAH = "perangkat_daerah", _("Perangkat daerah")
        KECAMATAN = "kecamatan", _("Kecamatan")
        SUB_UNIT = "sub_unit", _("Sub unit (bidang, seksi, kelurahan)")

    nama = models.CharField(_("nama"), max_length=255)
    jenis = models.CharField(_("jenis"), max_length=32, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    kode = models.CharField(_("kode"), max_length=64, blank=True)
    nama_normal = models.CharField(_("nama normal"), max_length=255, editable=False, db_index=True)
    # Materialised path "/1/5/12/": "everything below a unit" is one indexed prefix filter, so
    # permission checks and lists need no recursive queries.
    jalur = models.CharField(_("jalur"), max_length=255, editable=False, db_index=True, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("unit")
        ordering = ["jalur", "nama"]
        indexes = [models.Index(fields=["induk", "nama_normal"], name="unit_induk_nama_normal")]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs) -> None:
        self.nama_normal = normalise_unit(self.nama)
        jalur_lama = self.jalur
        super().save(*args, **kwargs)
        induk_jalur = self.induk.jalur if self.induk_id else "/"
        jalur_baru = f"{induk_jalur}{self.pk}/"
        if jalur_baru != jalur_lama:
            if jalur_lama:
                # Moved: rewrite the prefix of every unit below, in one UPDATE.
                Unit.objects.filter(jalur__startswith=jalur_lama).exclude(pk=self.pk).update(
                    jalur=Concat(models.Value(jalur_baru), Substr("jalur", len(jalur_lama) + 1))
                )
            Unit.objects.filter(pk=self.pk).update(jalur=jalur_baru)
            self.jalur = jalur_baru

    @property
    def leluhur_ids(self) -> list[int]:
        """Ids from the root down to this unit (inclusive), read from the path."""
        return [int(p) for p in self.jalur.strip("/").split("/") if p]

    @property
    def akar_id(self) -> int | None:
        """Id of the root of this unit's tree: its pemerintah daerah."""
        ids = self.leluhur_ids
        return ids[0] if ids else self.pk

    def is_below(self, other: Unit, *, inclusive: bool = True) -> bool:
        """True when this unit lies in `other`'s subtree."""
        if other.pk == self.pk:
            return inclusive
        return bool(other.jalur) and self.jalur.startswith(other.jalur)

    def clean(self) -> None:
        if self.induk_id and self.pk:
            induk = self.induk
            if induk.pk == self.pk or (self.jalur and induk.jalur.startswith(self.jalur)):
                raise ValidationError(
                    {"induk": _("Induk tidak boleh unit ini sendiri atau unit di bawahnya.")}
                )


class PejabatQuerySet(models.QuerySet):
    def dengan_nama(self, nama: str, unit: Unit | None) -> PejabatQuerySet:
        """Officials whose normalised name matches `nama` in `unit`."""
        return self.filter(nama_normal=normalise_nama(nama), unit=unit)


class Pejabat(models.Model):
    """An official who signs PKs. The name is kept with gelar as printed."""

    nama = models.CharField(_("nama"), max_length=255, help_text=_("Dengan gelar, seperti tercetak."))
    nama_normal = models.CharField(_("nama normal"), max_length=255, editable=False, db_index=True)
    nip = models.CharField(_("NIP"), max_length=18, null=True, blank=True, unique=True)
    jabatan = models.CharField(_("jabatan"), max_length=255, blank=True)
    pangkat_golongan = models.CharField(_("pangkat/golongan"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pejabat",
    )

    objects = PejabatQuerySet.as_manager()

    class Meta:
        verbose_name = _("pejabat")
        verbose_name_plural = _("pejabat")
        ordering = ["nama_normal"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})" if self.jabatan else self.nama

    def save(self, *args, **kwargs) -> None:
        self.nama_normal = normalise_nama(self.nama)
        # Stored as the 18 digits (formatted only when shown); empty means "not known", never "".
        if self.nip:
            self.nip = nip_mod.normalise_nip(self.nip) or self.nip.strip()
        self.nip = self.nip or None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.nip and (nip_mod.normalise_nip(self.nip) is None or nip_mod.periksa_nip(self.nip)):
            raise ValidationError({"nip": nip_mod.periksa_nip(self.nip) or _("NIP harus 18 angka.")})


class UnitRole(models.Model):
    """A user's role on a unit; what each role allows is in kinerja.units.permissions."""

    class Peran(models.TextChoices):
        ADMIN = "admin", _("Admin")
        OPERATOR = "operator", _("Operator")
        PIMPINAN = "pimpinan", _("Pimpinan")
        VERIFIKATOR = "verifikator", _("Verifikator")
        INSPEKTORAT = "inspektorat", _("Inspektorat")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="peran_unit",
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="peran")
    peran = models.CharField(_("peran"), max_length=16, choices=Peran.choices)

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "peran"], name="peran_unik_per_unit")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_peran_display()} {self.unit}"
