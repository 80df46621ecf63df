"""The audit trail: who did what to a record with a life, when, and what changed (old → new).

One model for every record (a PK now; a realisasi, an SKM period later), pretix style: a dotted,
stable action code (`pk.ajukan`, `pk.indikator.ubah`), the status before and after, a note, and the
changed fields as `[{"bidang", "lama", "baru"}]`. Entries are written by services (and the admin's
save) through `catat`, never changed or deleted by the application (docs/adr/0003-pk-lifecycle.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RiwayatQuerySet(models.QuerySet):
    def untuk(self, objek: models.Model) -> RiwayatQuerySet:
        """The entries of one record, oldest first."""
        return self.filter(
            jenis_objek=ContentType.objects.get_for_model(type(objek)), objek_id=objek.pk
        ).order_by("waktu", "id")

    def untuk_banyak(self, model: type[models.Model], ids: Iterable[int]) -> RiwayatQuerySet:
        """The entries of many records of one model, oldest first."""
        return self.filter(
            jenis_objek=ContentType.objects.get_for_model(model), objek_id__in=list(ids)
        ).order_by("waktu", "id")


class Riwayat(models.Model):
    """One entry of the audit trail of a record."""

    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The user's name at the time: the entry still says who after the account is renamed or removed.
    oleh_nama = models.CharField(_("nama pelaku"), max_length=150, blank=True)
    aksi = models.CharField(_("aksi"), max_length=64, db_index=True)
    jenis_objek = models.ForeignKey(
        ContentType, verbose_name=_("jenis objek"), on_delete=models.PROTECT, related_name="+"
    )
    objek_id = models.PositiveBigIntegerField(_("id objek"))
    dari = models.CharField(_("status sebelum"), max_length=32, blank=True)
    ke = models.CharField(_("status sesudah"), max_length=32, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    perubahan = models.JSONField(_("perubahan"), default=list, blank=True)
    # What else the action needs to be understood later (a finding acknowledged, a file's SHA-256 …).
    data = models.JSONField(_("data"), default=dict, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        verbose_name = _("riwayat")
        verbose_name_plural = _("riwayat")
        ordering = ["waktu", "id"]
        indexes = [models.Index(fields=["jenis_objek", "objek_id", "waktu"], name="riwayat_objek_waktu")]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.oleh_nama or '-'} {self.aksi}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Riwayat tidak boleh diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Riwayat tidak boleh dihapus.")

    def to_json(self) -> dict[str, Any]:
        """The fixed JSON of `kinerja pk riwayat --json` (docs/pk-json.md)."""
        return {
            "waktu": timezone.localtime(self.waktu).isoformat(timespec="seconds"),
            "oleh": self.oleh_nama or None,
            "aksi": self.aksi,
            "dari": self.dari or None,
            "ke": self.ke or None,
            "catatan": self.catatan or None,
            "perubahan": list(self.perubahan),
        }


def _nama(user: Any) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return str(user.get_username())[:150]


def entri(
    objek: models.Model,
    aksi: str,
    *,
    oleh: Any = None,
    dari: str = "",
    ke: str = "",
    catatan: str = "",
    perubahan: Sequence[Mapping[str, Any]] = (),
    data: Mapping[str, Any] | None = None,
    waktu: Any = None,
) -> Riwayat:
    """An unsaved entry (for `catat_banyak`)."""
    return Riwayat(
        waktu=waktu or timezone.now(),
        oleh=oleh if oleh is not None and getattr(oleh, "is_authenticated", False) else None,
        oleh_nama=_nama(oleh),
        aksi=aksi,
        jenis_objek=ContentType.objects.get_for_model(type(objek)),
        objek_id=objek.pk,
        dari=dari,
        ke=ke,
        catatan=catatan,
        perubahan=[dict(p) for p in perubahan],
        data=dict(data or {}),
    )


def catat(objek: models.Model, aksi: str, **kwargs: Any) -> Riwayat:
    """Write one entry of `objek`'s trail (see `entri` for the fields)."""
    r = entri(objek, aksi, **kwargs)
    r.save()
    return r


def catat_banyak(daftar: Sequence[Riwayat]) -> list[Riwayat]:
    """Write many entries at once, in order (ids follow the order given)."""
    return Riwayat.objects.bulk_create(list(daftar))


class PeristiwaKeamanan(models.Model):
    """One event of the security log: logins and their failures and lockouts, password changes and
    links, role changes, views and exports of what respondents wrote — who, when, from where, what.

    Append only: written by `kinerja.riwayat.keamanan.catat_keamanan`, never changed or deleted by the
    application (a save of an existing row and a delete raise). Read on /keamanan/ by the pemda's
    admin and the inspektorat (docs/security.md), and written as a JSON line to stderr too.
    """

    class Jenis(models.TextChoices):
        MASUK = "masuk", _("masuk")
        MASUK_GAGAL = "masuk_gagal", _("masuk gagal")
        TERKUNCI = "terkunci", _("masuk dikunci")
        KELUAR = "keluar", _("keluar")
        SANDI_DIGANTI = "sandi_diganti", _("kata sandi diganti")
        TAUTAN_SANDI = "tautan_sandi", _("tautan ganti sandi dibuat")
        PERAN = "peran", _("peran diubah")
        SARAN_DIBACA = "saran_dibaca", _("saran responden dibaca")
        SARAN_DIUNDUH = "saran_diunduh", _("saran responden diunduh")
        DUA_LANGKAH = "dua_langkah", _("langkah kedua berhasil")
        DUA_LANGKAH_GAGAL = "dua_langkah_gagal", _("langkah kedua gagal")

    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    jenis = models.CharField(_("jenis"), max_length=24, choices=Jenis.choices, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nama_pengguna = models.CharField(_("nama pengguna"), max_length=150, blank=True)
    alamat = models.CharField(_("alamat klien"), max_length=64, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("peristiwa keamanan")
        verbose_name_plural = _("log keamanan")
        ordering = ["-waktu", "-id"]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.get_jenis_display()} {self.nama_pengguna}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Log keamanan hanya ditambah, tidak diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Log keamanan tidak dihapus.")
