"""The SAKIP evaluation of a unit for a year (docs/adr/0007-evaluasi-sakip.md).

`Evaluasi` is a record with a life (one status; transitions in `kinerja.evaluation.layanan`):

    draf ──ajukan──> diajukan ──reviu──> direviu ──kirim──> diperiksa ──tetapkan──> final
      ^                  │                  ^                   │
      └───kembalikan─────┘ (evaluator)      └──kembalikan───────┘ (pengendali teknis)

The unit answers each criterion (`Jawaban.jawaban_unit`, a justification, evidence); the Inspektorat's
evaluator agrees or adjusts (`jawaban_evaluator`, a note); the pengendali teknis checks and makes it
final, which stores the score (`nilai`, `predikat`, `rincian`) as a snapshot. Recommendations
(`Rekomendasi`) are followed up by the unit until the Inspektorat marks them done.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.domain import sakip
from kinerja.units.models import Unit


class Instrumen(models.Model):
    """A version of an LKE instrument, stored as its JSON when first used (a finished evaluation keeps
    the wording it was answered against even after the file changes)."""

    kode = models.CharField(_("kode"), max_length=32)
    versi = models.CharField(_("versi"), max_length=64)
    nama = models.CharField(_("nama"), max_length=255)
    isi = models.JSONField(_("isi"))
    sidik = models.CharField(_("sidik SHA-256"), max_length=64, unique=True)
    dimuat = models.DateTimeField(_("dimuat"), default=timezone.now)

    class Meta:
        verbose_name = _("instrumen LKE")
        verbose_name_plural = _("instrumen LKE")

    def __str__(self) -> str:
        return f"LKE {self.kode} versi {self.versi}"

    @cached_property
    def domain(self) -> sakip.Instrumen:
        return _instrumen_domain(self.sidik, self.isi)


_CACHE_INSTRUMEN: dict[str, sakip.Instrumen] = {}


def _instrumen_domain(sidik: str, isi: dict) -> sakip.Instrumen:
    """The parsed instrument, once per process per version (it never changes under its hash)."""
    ins = _CACHE_INSTRUMEN.get(sidik)
    if ins is None:
        ins = _CACHE_INSTRUMEN[sidik] = sakip.baca_instrumen(isi)
    return ins


class StatusEvaluasi(models.TextChoices):
    DRAF = "draf", _("Penilaian mandiri")
    DIAJUKAN = "diajukan", _("Diajukan ke Inspektorat")
    DIREVIU = "direviu", _("Direviu evaluator")
    DIPERIKSA = "diperiksa", _("Diperiksa pengendali teknis")
    FINAL = "final", _("Final")


class Evaluasi(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="evaluasi")
    tahun = models.PositiveSmallIntegerField(_("tahun dievaluasi"))
    instrumen = models.ForeignKey(Instrumen, verbose_name=_("instrumen"), on_delete=models.PROTECT)
    status = models.CharField(
        _("status"), max_length=16, choices=StatusEvaluasi.choices, default=StatusEvaluasi.DRAF
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pengendali = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengendali teknis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The score, stored when the evaluation becomes final (a snapshot: never recomputed in save()).
    nilai = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    predikat = models.CharField(_("predikat"), max_length=2, blank=True)
    rincian = models.JSONField(_("rincian nilai"), default=dict, blank=True)
    catatan_komponen = models.JSONField(_("catatan per komponen"), default=dict, blank=True)
    # The LHE letter.
    nomor_surat = models.CharField(_("nomor surat LHE"), max_length=100, blank=True)
    tanggal_lhe = models.DateField(_("tanggal LHE"), null=True, blank=True)
    tempat_lhe = models.CharField(_("tempat"), max_length=100, blank=True)
    penandatangan_nama = models.CharField(_("nama penanda tangan"), max_length=255, blank=True)
    penandatangan_nip = models.CharField(_("NIP penanda tangan"), max_length=18, blank=True)
    penandatangan_jabatan = models.CharField(_("jabatan penanda tangan"), max_length=255, blank=True)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("evaluasi SAKIP")
        verbose_name_plural = _("evaluasi SAKIP")
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="evaluasi_satu_per_unit_tahun")]
        ordering = ["-tahun", "unit__jalur"]

    def __str__(self) -> str:
        return f"Evaluasi SAKIP {self.unit} {self.tahun}"

    @property
    def final(self) -> bool:
        return self.status == StatusEvaluasi.FINAL


class Jawaban(models.Model):
    """One criterion's answers: the unit's (with its justification) and the evaluator's."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="jawaban")
    kriteria = models.CharField(_("kriteria"), max_length=32)
    jawaban_unit = models.CharField(_("jawaban unit"), max_length=4, blank=True)
    penjelasan_unit = models.TextField(_("penjelasan unit"), blank=True)
    jawaban_evaluator = models.CharField(_("jawaban evaluator"), max_length=4, blank=True)
    catatan_evaluator = models.TextField(_("catatan evaluator"), blank=True)
    direviu = models.BooleanField(_("direviu"), default=False)

    class Meta:
        verbose_name = _("jawaban LKE")
        verbose_name_plural = _("jawaban LKE")
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "kriteria"], name="jawaban_satu_per_kriteria")
        ]

    def __str__(self) -> str:
        return f"{self.kriteria}: {self.jawaban_akhir or '–'}"

    @property
    def jawaban_akhir(self) -> str:
        """The answer that counts: the evaluator's once he reviewed it, else the unit's."""
        return (self.jawaban_evaluator if self.direviu else "") or self.jawaban_unit


class BuktiJawaban(models.Model):
    """Evidence of an answer: an uploaded file, a link, or a record kinerja holds (`rekaman`)."""

    jawaban = models.ForeignKey(Jawaban, on_delete=models.CASCADE, related_name="bukti")
    judul = models.CharField(_("judul"), max_length=255)
    berkas = models.FileField(_("berkas"), upload_to="evaluasi/%Y/", blank=True)
    jenis_isi = models.CharField(_("jenis isi"), max_length=120, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    tautan = models.CharField(_("tautan"), max_length=500, blank=True)
    rekaman = models.CharField(_("rekaman kinerja"), max_length=32, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("bukti jawaban")
        verbose_name_plural = _("bukti jawaban")
        ordering = ["waktu", "id"]

    def __str__(self) -> str:
        return self.judul

    @property
    def unit(self) -> Unit:
        return self.jawaban.evaluasi.unit


class StatusRekomendasi(models.TextChoices):
    TERBUKA = "terbuka", _("Belum ditindaklanjuti")
    DIJAWAB = "dijawab", _("Tindak lanjut dilaporkan")
    SELESAI = "selesai", _("Selesai")


class Rekomendasi(models.Model):
    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="rekomendasi")
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    komponen = models.CharField(_("komponen"), max_length=16, blank=True)
    teks = models.TextField(_("rekomendasi"))
    status = models.CharField(
        _("status"), max_length=16, choices=StatusRekomendasi.choices, default=StatusRekomendasi.TERBUKA
    )
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    catatan_inspektorat = models.TextField(_("catatan Inspektorat"), blank=True)
    dijawab_pada = models.DateTimeField(_("dilaporkan pada"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("rekomendasi LHE")
        verbose_name_plural = _("rekomendasi LHE")
        ordering = ["nomor", "id"]
        constraints = [models.UniqueConstraint(fields=["evaluasi", "nomor"], name="rekomendasi_nomor_unik")]

    def __str__(self) -> str:
        return f"Rekomendasi {self.nomor}"

    @property
    def unit(self) -> Unit:
        return self.evaluasi.unit
