"""Monitoring through the year (docs/adr/0005-monitoring.md): the rencana aksi of a PK's indikator and
programs, the realisasi per triwulan with evidence and verification, the budget realisasi, and the
correction requests after a triwulan is locked. Transitions are in `kinerja.monitoring.layanan`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.agreements.models import Indikator, PerjanjianKinerja, Program
from kinerja.domain import pantau
from kinerja.units.models import Pejabat, Unit

TRIWULAN_PILIHAN = [(n, _("Triwulan %s") % pantau.ROMAWI[n]) for n in pantau.TRIWULAN]
ANGKA = {"max_digits": 20, "decimal_places": 4, "null": True, "blank": True}
UANG = {"max_digits": 20, "decimal_places": 2}


class PengaturanPantau(models.Model):
    """A pemerintah daerah's monitoring rules: the day after a triwulan's end month by which its
    realisasi is entered (then it locks), and the capaian cap."""

    class Batas(models.TextChoices):
        TANPA = "", _("Tanpa batas")
        B100 = "100", _("100%")
        B110 = "110", _("110%")
        B120 = "120", _("120%")

    unit = models.OneToOneField(
        Unit, verbose_name=_("pemerintah daerah"), on_delete=models.CASCADE, related_name="pengaturan_pantau"
    )
    hari_tenggat = models.PositiveSmallIntegerField(
        _("tanggal tenggat"),
        default=pantau.HARI_TENGGAT_BAWAAN,
        help_text=_(
            "Realisasi triwulan diisi paling lambat tanggal ini pada bulan sesudah triwulan berakhir."
        ),
    )
    batas_capaian = models.CharField(
        _("batas capaian"), max_length=3, choices=Batas.choices, default=Batas.TANPA, blank=True
    )

    class Meta:
        verbose_name = _("pengaturan pemantauan")
        verbose_name_plural = _("pengaturan pemantauan")

    def __str__(self) -> str:
        return str(self.unit)

    @property
    def batas(self) -> Decimal | None:
        return Decimal(self.batas_capaian) if self.batas_capaian else None


class RencanaIndikator(models.Model):
    """The rencana aksi of one indikator: its triwulan targets, how they and the realisasi add up,
    the formula for a lower-is-better indikator, and who answers for it."""

    class Sifat(models.TextChoices):
        KUMULATIF = "kumulatif", _("Kumulatif (target TW IV = target tahun)")
        TRIWULANAN = "triwulanan", _("Per triwulan")

    class Konsolidasi(models.TextChoices):
        TERAKHIR = "terakhir", _("Nilai terakhir")
        JUMLAH = "jumlah", _("Jumlah triwulan")
        RATA_RATA = "rata_rata", _("Rata-rata triwulan")

    class RumusNegatif(models.TextChoices):
        SELISIH = "selisih", _("(2T − R) ÷ T × 100")
        KEBALIKAN = "kebalikan", _("T ÷ R × 100")

    indikator = models.OneToOneField(
        Indikator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="rencana"
    )
    aksi = models.TextField(_("rencana aksi"), blank=True)
    sifat_target = models.CharField(
        _("sifat target triwulan"), max_length=12, choices=Sifat.choices, default=Sifat.KUMULATIF
    )
    konsolidasi = models.CharField(
        _("konsolidasi realisasi"), max_length=12, choices=Konsolidasi.choices, default=Konsolidasi.TERAKHIR
    )
    rumus_negatif = models.CharField(
        _("rumus polaritas negatif"),
        max_length=12,
        choices=RumusNegatif.choices,
        default=RumusNegatif.SELISIH,
    )
    penanggung_jawab = models.ForeignKey(
        Pejabat,
        verbose_name=_("penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_tw1 = models.DecimalField(_("target TW I"), **ANGKA)
    target_tw2 = models.DecimalField(_("target TW II"), **ANGKA)
    target_tw3 = models.DecimalField(_("target TW III"), **ANGKA)
    target_tw4 = models.DecimalField(_("target TW IV"), **ANGKA)

    class Meta:
        verbose_name = _("rencana aksi indikator")
        verbose_name_plural = _("rencana aksi indikator")

    def __str__(self) -> str:
        return str(self.indikator)

    @property
    def target_triwulan(self) -> tuple[Decimal | None, ...]:
        return (self.target_tw1, self.target_tw2, self.target_tw3, self.target_tw4)


class RencanaProgram(models.Model):
    """The planned budget of a program (kegiatan, sub kegiatan) per triwulan."""

    program = models.OneToOneField(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="rencana"
    )
    rencana_tw1 = models.DecimalField(_("rencana TW I"), null=True, blank=True, **UANG)
    rencana_tw2 = models.DecimalField(_("rencana TW II"), null=True, blank=True, **UANG)
    rencana_tw3 = models.DecimalField(_("rencana TW III"), null=True, blank=True, **UANG)
    rencana_tw4 = models.DecimalField(_("rencana TW IV"), null=True, blank=True, **UANG)

    class Meta:
        verbose_name = _("rencana anggaran triwulan")
        verbose_name_plural = _("rencana anggaran triwulan")

    def __str__(self) -> str:
        return str(self.program)

    @property
    def rencana_triwulan(self) -> tuple[Decimal | None, ...]:
        return (self.rencana_tw1, self.rencana_tw2, self.rencana_tw3, self.rencana_tw4)


class StatusRealisasi(models.TextChoices):
    """The one status of a realisasi (docs/adr/0005-monitoring.md)."""

    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    TERVERIFIKASI = "terverifikasi", _("Terverifikasi")


class Realisasi(models.Model):
    """The realisasi of one indikator in one triwulan: the value (or predicate), the narrative, the
    evidence, and the verifikator's decision."""

    Status = StatusRealisasi

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="realisasi"
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=TRIWULAN_PILIHAN)
    nilai = models.DecimalField(_("realisasi"), **ANGKA)
    predikat = models.CharField(_("realisasi (predikat)"), max_length=64, blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    upaya = models.TextField(_("upaya dan tindak lanjut"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=StatusRealisasi.choices, default=StatusRealisasi.DRAF
    )
    otomatis = models.BooleanField(_("otomatis"), default=False)
    sumber_otomatis = models.CharField(_("sumber nilai otomatis"), max_length=255, blank=True)
    catatan_verifikasi = models.TextField(_("catatan verifikator"), blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["indikator", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "triwulan"], name="realisasi_satu_per_triwulan"),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="realisasi_triwulan_sah"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} — TW {pantau.ROMAWI.get(self.triwulan, self.triwulan)}"


def _lokasi_bukti(instance: BuktiRealisasi, nama: str) -> str:
    # The stored name is not the uploader's: a random part keeps two files of the same name apart.
    import uuid

    return f"bukti/{uuid.uuid4().hex}{instance.akhiran}"


class BuktiRealisasi(models.Model):
    """An evidence file of a realisasi (stored with Django's storage, served only as a download)."""

    realisasi = models.ForeignKey(
        Realisasi, verbose_name=_("realisasi"), on_delete=models.CASCADE, related_name="bukti"
    )
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_bukti, max_length=255)
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    jenis_isi = models.CharField(_("jenis isi"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti realisasi")
        verbose_name_plural = _("bukti realisasi")
        ordering = ["realisasi", "diunggah_pada", "pk"]

    def __str__(self) -> str:
        return self.nama_berkas

    @property
    def akhiran(self) -> str:
        from kinerja.monitoring.bukti import akhiran

        return akhiran(self.jenis_isi)


class RealisasiAnggaran(models.Model):
    """The budget spent on a program (kegiatan, sub kegiatan) in one triwulan."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="realisasi_anggaran"
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=TRIWULAN_PILIHAN)
    nilai = models.DecimalField(_("realisasi anggaran"), **UANG)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diisi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    class Meta:
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        ordering = ["program", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "triwulan"], name="realisasi_anggaran_satu_per_triwulan"
            ),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="realisasi_anggaran_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.program} — TW {pantau.ROMAWI.get(self.triwulan, self.triwulan)}"


class PermintaanKoreksi(models.Model):
    """A reasoned request to change a PK's triwulan after it locked (or after it was verified); the
    verifikator approves or refuses it. An approved request opens the triwulan to the operator until
    its realisasi are submitted again."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")
        SELESAI = "selesai", _("Selesai")

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="koreksi",
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=TRIWULAN_PILIHAN)
    alasan = models.TextField(_("alasan"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DIAJUKAN)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diminta_pada = models.DateTimeField(_("diminta pada"), auto_now_add=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    catatan_keputusan = models.TextField(_("catatan keputusan"), blank=True)

    class Meta:
        verbose_name = _("permintaan koreksi")
        verbose_name_plural = _("permintaan koreksi")
        ordering = ["-diminta_pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.perjanjian} — TW {pantau.ROMAWI.get(self.triwulan, self.triwulan)}"
