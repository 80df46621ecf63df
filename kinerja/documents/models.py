"""Published documents: the snapshot of a PK's PDF that its verification QR code points to."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.models import PerjanjianKinerja


class DokumenTerbit(models.Model):
    """The PDF of a published PK as issued, with the token of its public verification page.

    Made when a published PK's PDF is first asked for; served as stored (the SHA-256 is of these
    bytes) until the PK's content changes, when a new one replaces it and this one says "sudah
    diganti" with a link to the new one. `isi_sha256` fingerprints the content (the document context
    without the verification), so a re-import that changes nothing keeps the same document.
    """

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="dokumen_terbit",
    )
    token = models.CharField(_("token"), max_length=16, unique=True)
    sha256 = models.CharField(_("SHA-256 PDF"), max_length=64, db_index=True)
    isi_sha256 = models.CharField(_("SHA-256 isi"), max_length=64)
    pdf = models.BinaryField(_("PDF"))
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    # What the verification page shows, as printed on this document (the PK may change later).
    ringkasan = models.JSONField(_("ringkasan"), default=dict)
    berlaku = models.BooleanField(_("berlaku"), default=True)
    diganti_oleh = models.ForeignKey(
        "self",
        verbose_name=_("diganti oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diganti_pada = models.DateTimeField(_("diganti pada"), null=True, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen terbit")
        verbose_name_plural = _("dokumen terbit")
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            # One current document per PK: the QR of the current PDF is the one that says "berlaku".
            models.UniqueConstraint(
                fields=["perjanjian"], condition=Q(berlaku=True), name="dokumen_terbit_satu_berlaku"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.token} — {self.perjanjian_id}"
