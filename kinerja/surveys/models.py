"""SKM (PermenPANRB 14/2017) as stored: periods, their questionnaire, responses, running aggregates,
one-time ticket codes, rate-limit traces and the immutable IKM snapshot of a closed period.

Answers are stored by unsur CODE ("U1"…), one nullable small integer column per code (`u1`…`u14`;
the 2017 regime uses U1–U9, the 2004 regime U1–U14). Columns rather than a JSON map because the full
recompute is a SUM/COUNT per column over millions of rows: fixed-width smallints scan several times
faster than parsing a JSON document per row, and the table stays narrow (docs/skm.md).
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.domain.ikm import daftar_unsur
from kinerja.units.models import Unit

# Enough answer columns for the largest regime (KEP/25/M.PAN/2/2004: 14 unsur).
MAKS_UNSUR = 14
NOMOR_UNSUR = range(1, MAKS_UNSUR + 1)


def kolom_jawaban(kode: str) -> str:
    """The answer column of an unsur code: "U3" -> "u3"."""
    return kode.lower()


class Regime(models.TextChoices):
    R2017 = "2017", _("PermenPANRB 14/2017 (9 unsur)")
    R2004 = "2004", _("KEP/25/M.PAN/2/2004 (14 unsur)")


class Penimbang(models.TextChoices):
    # Exact 1/9 by default; 0,111 only to reproduce reports made with the rounded weight (docs/formulas.md).
    TEPAT = "tepat", _("Tepat (1/jumlah unsur)")
    BULAT = "0,111", _("0,111 (dibulatkan, untuk mencocokkan laporan lama)")


class JenisLayanan(models.Model):
    """A kind of service a unit provides (KTP, surat keterangan…); IKM is reported per layanan too."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="layanan_skm"
    )
    nama = models.CharField(_("nama"), max_length=200)
    aktif = models.BooleanField(_("aktif"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis layanan")
        verbose_name_plural = _("jenis layanan")
        # Orderings name the *_id columns: ordering by the relation would join its table (and its own
        # ordering) into every query.
        ordering = ["unit_id", "urutan", "nama"]
        constraints = [models.UniqueConstraint(fields=["unit", "nama"], name="layanan_unik_per_unit")]

    def __str__(self) -> str:
        return self.nama


class OpsiProfil(models.Model):
    """One option of a respondent-profile question (jenis kelamin, umur, pendidikan, pekerjaan), per unit."""

    class Pertanyaan(models.TextChoices):
        JENIS_KELAMIN = "jenis_kelamin", _("Jenis kelamin")
        UMUR = "umur", _("Umur")
        PENDIDIKAN = "pendidikan", _("Pendidikan terakhir")
        PEKERJAAN = "pekerjaan", _("Pekerjaan")

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="opsi_profil"
    )
    pertanyaan = models.CharField(_("pertanyaan"), max_length=16, choices=Pertanyaan.choices)
    label = models.CharField(_("label"), max_length=60)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("opsi profil responden")
        verbose_name_plural = _("opsi profil responden")
        ordering = ["unit_id", "pertanyaan", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "pertanyaan", "label"], name="opsi_profil_unik")
        ]

    def __str__(self) -> str:
        return f"{self.get_pertanyaan_display()}: {self.label}"


# Defaults of the profile lists (docs/skm.md §8; the umur bands are the usual ten-year bands of
# published SKM reports). Every list is editable per unit.
OPSI_PROFIL_BAWAAN: dict[str, tuple[str, ...]] = {
    OpsiProfil.Pertanyaan.JENIS_KELAMIN: ("Laki-laki", "Perempuan"),
    OpsiProfil.Pertanyaan.UMUR: (
        "Di bawah 20 tahun",
        "20–29 tahun",
        "30–39 tahun",
        "40–49 tahun",
        "50–59 tahun",
        "60 tahun ke atas",
    ),
    OpsiProfil.Pertanyaan.PENDIDIKAN: ("SD", "SMP", "SMA", "D1–D3", "D4/S1", "S2 ke atas"),
    OpsiProfil.Pertanyaan.PEKERJAAN: ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"),
}


def token_baru() -> str:
    """An unguessable token for a period's public address (96 random bits, URL-safe)."""
    return secrets.token_urlsafe(12)


class PeriodeSurveiQuerySet(models.QuerySet):
    def visible_to(self, user, aksi: str = "view") -> PeriodeSurveiQuerySet:
        """The periods of units on which `user` may do `aksi` (kinerja.units.permissions)."""
        from kinerja.units.permissions import unit_filter

        q = unit_filter(user, aksi, prefix="unit__")
        if q is None:
            return self
        return self.filter(q) if q else self.none()


class PeriodeSurvei(models.Model):
    """One SKM run of a unit over a period (triwulan, semester, tahun or custom dates)."""

    class Jenis(models.TextChoices):
        TRIWULAN = "triwulan", _("Triwulan")
        SEMESTER = "semester", _("Semester")
        TAHUN = "tahun", _("Tahunan")
        CUSTOM = "custom", _("Tanggal bebas")

    class Status(models.TextChoices):
        DIBUKA = "dibuka", _("Dibuka")
        DITUTUP = "ditutup", _("Ditutup")

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="periode_skm"
    )
    judul = models.CharField(_("judul"), max_length=200)
    jenis = models.CharField(_("jenis periode"), max_length=10, choices=Jenis.choices, default=Jenis.SEMESTER)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DIBUKA)
    regime = models.CharField(_("aturan"), max_length=4, choices=Regime.choices, default=Regime.R2017)
    penimbang = models.CharField(
        _("penimbang"), max_length=8, choices=Penimbang.choices, default=Penimbang.TEPAT
    )
    populasi = models.PositiveIntegerField(
        _("populasi"),
        null=True,
        blank=True,
        help_text=_(
            "Jumlah pengguna layanan dalam periode ini, untuk menilai kecukupan sampel (Krejcie–Morgan)."
        ),
    )
    token = models.CharField(
        _("token alamat publik"), max_length=32, unique=True, default=token_baru, editable=False
    )
    wajib_kode_tiket = models.BooleanField(
        _("wajib kode tiket"),
        default=False,
        help_text=_("Responden harus memasukkan kode sekali pakai yang tercetak pada tiket layanan."),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now, editable=False)
    ditutup_pada = models.DateTimeField(_("ditutup pada"), null=True, blank=True, editable=False)
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditutup oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # Responses refused by the public form's limits per client address (docs/skm.md §3), by limit:
    # shown on the results page, so that a flood is seen, not only stopped.
    ditolak_menit = models.PositiveIntegerField(_("ditolak batas per menit"), default=0, editable=False)
    ditolak_jam = models.PositiveIntegerField(_("ditolak batas per jam"), default=0, editable=False)
    ditolak_hari = models.PositiveIntegerField(_("ditolak batas per hari"), default=0, editable=False)

    objects = PeriodeSurveiQuerySet.as_manager()

    class Meta:
        verbose_name = _("periode survei")
        verbose_name_plural = _("periode survei")
        ordering = ["-tanggal_mulai", "unit_id", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=models.F("tanggal_mulai")), name="periode_skm_tanggal_urut"
            )
        ]

    def __str__(self) -> str:
        return f"{self.judul} — {self.unit}"

    @property
    def ditolak(self) -> int:
        """Responses refused by the form's limits, all limits together."""
        return self.ditolak_menit + self.ditolak_jam + self.ditolak_hari

    @property
    def dibuka(self) -> bool:
        return self.status == self.Status.DIBUKA

    @property
    def kode_unsur(self) -> tuple[str, ...]:
        """The unsur codes of this period's regime, in questionnaire order."""
        return tuple(u.kode for u in daftar_unsur(self.regime))


class UnsurPeriode(models.Model):
    """One question of a period's questionnaire: an unsur by CODE, its wording and its four answer labels."""

    periode = models.ForeignKey(
        PeriodeSurvei, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="unsur"
    )
    kode = models.CharField(_("kode"), max_length=4)
    nama = models.CharField(_("nama unsur"), max_length=120)
    pertanyaan = models.CharField(_("pertanyaan"), max_length=300)
    label_1 = models.CharField(_("label jawaban 1"), max_length=60)
    label_2 = models.CharField(_("label jawaban 2"), max_length=60)
    label_3 = models.CharField(_("label jawaban 3"), max_length=60)
    label_4 = models.CharField(_("label jawaban 4"), max_length=60)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("unsur kuesioner")
        verbose_name_plural = _("unsur kuesioner")
        ordering = ["periode_id", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["periode", "kode"], name="unsur_unik_per_periode")]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def label(self) -> tuple[str, str, str, str]:
        return (self.label_1, self.label_2, self.label_3, self.label_4)

    @property
    def kolom(self) -> str:
        return kolom_jawaban(self.kode)


class KodeTiket(models.Model):
    """A one-time code printed on a service ticket: one response per ticket when the period asks for it."""

    periode = models.ForeignKey(
        PeriodeSurvei, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="kode_tiket"
    )
    kode = models.CharField(_("kode"), max_length=12)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now, editable=False)
    dipakai_pada = models.DateTimeField(_("dipakai pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("kode tiket")
        verbose_name_plural = _("kode tiket")
        ordering = ["periode_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "kode"], name="kode_tiket_unik_per_periode")
        ]

    def __str__(self) -> str:
        return self.kode_cetak

    @property
    def kode_cetak(self) -> str:
        """The code as printed, in two groups of four for easy typing: "K7QM-3TXA"."""
        k = self.kode
        return f"{k[:4]}-{k[4:]}" if len(k) == 8 else k


def _jawaban(kode: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(kode, null=True, blank=True)


class Respons(models.Model):
    """One filled questionnaire: anonymous (no name, no address), answers 1–4 per unsur or empty."""

    class Sumber(models.TextChoices):
        DARING = "daring", _("Daring (formulir publik)")
        KERTAS = "kertas", _("Kertas (dientri petugas)")
        IMPOR = "impor", _("Impor berkas")

    # Few indexes on purpose (each one costs every insert): (periode, jenis_layanan) serves both keys.
    periode = models.ForeignKey(
        PeriodeSurvei,
        verbose_name=_("periode"),
        on_delete=models.CASCADE,
        related_name="respons",
        db_index=False,
    )
    jenis_layanan = models.ForeignKey(
        JenisLayanan,
        verbose_name=_("jenis layanan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="respons",
        db_index=False,
    )
    diterima_pada = models.DateTimeField(_("diterima pada"), default=timezone.now)
    sumber = models.CharField(_("sumber"), max_length=6, choices=Sumber.choices, default=Sumber.DARING)
    u1 = _jawaban("U1")
    u2 = _jawaban("U2")
    u3 = _jawaban("U3")
    u4 = _jawaban("U4")
    u5 = _jawaban("U5")
    u6 = _jawaban("U6")
    u7 = _jawaban("U7")
    u8 = _jawaban("U8")
    u9 = _jawaban("U9")
    u10 = _jawaban("U10")
    u11 = _jawaban("U11")
    u12 = _jawaban("U12")
    u13 = _jawaban("U13")
    u14 = _jawaban("U14")
    # The profile as the respondent chose it, worded as the option read then (options are editable).
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=60, blank=True)
    umur = models.CharField(_("umur"), max_length=60, blank=True)
    pendidikan = models.CharField(_("pendidikan"), max_length=60, blank=True)
    pekerjaan = models.CharField(_("pekerjaan"), max_length=60, blank=True)
    saran = models.TextField(_("saran dan masukan"), blank=True)
    kode_tiket = models.ForeignKey(
        KodeTiket,
        verbose_name=_("kode tiket"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="respons",
        db_index=False,  # the partial unique constraint below is the index
    )
    # One-time number of the form that was sent: a second POST of the same form (double click, back and
    # resend) hits this unique column and is recognised as already received. Random; identifies no one.
    nonce = models.CharField(_("nomor formulir"), max_length=32, null=True, blank=True, editable=False)  # noqa: DJ001 (NULL stays out of the unique index)

    class Meta:
        verbose_name = _("respons")
        verbose_name_plural = _("respons")
        ordering = ["periode_id", "pk"]
        indexes = [models.Index(fields=["periode", "jenis_layanan"], name="respons_periode_layanan")]
        constraints = [
            # Partial: imported and generated rows have neither, and stay out of these indexes.
            models.UniqueConstraint(
                fields=["nonce"], condition=Q(nonce__isnull=False), name="respons_nonce_unik"
            ),
            models.UniqueConstraint(
                fields=["kode_tiket"], condition=Q(kode_tiket__isnull=False), name="respons_satu_per_tiket"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"u{n}__range": (1, 4)}) | Q(**{f"u{n}__isnull": True}),
                    name=f"respons_u{n}_1_4",
                )
                for n in NOMOR_UNSUR
            ),
        ]

    def __str__(self) -> str:
        return f"Respons #{self.pk} ({self.periode_id})"

    def jawaban(self, kode_unsur: tuple[str, ...]) -> dict[str, int | None]:
        """The answers as {code: 1–4 or None}, for the given codes."""
        return {k: getattr(self, kolom_jawaban(k)) for k in kode_unsur}


def _jumlah(kode: str) -> models.PositiveBigIntegerField:
    # db_default: the upsert of a 9-unsur response names only U1–U9; the other columns start at 0.
    return models.PositiveBigIntegerField(
        _("jumlah nilai %(kode)s") % {"kode": kode}, default=0, db_default=0
    )


def _cacah(kode: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(_("cacah jawaban %(kode)s") % {"kode": kode}, default=0, db_default=0)


class Agregat(models.Model):
    """Running totals of a period (kunci 0: all responses) or of one jenis layanan (kunci = its id).

    Bumped in the same transaction as each response (services.kirim_respons), so the IKM of a period
    is read from one row, whatever the number of responses; `services.hitung_ulang` recomputes it from
    the responses to check.
    """

    SEMUA = 0

    periode = models.ForeignKey(
        PeriodeSurvei,
        verbose_name=_("periode"),
        on_delete=models.CASCADE,
        related_name="agregat",
        db_index=False,
    )
    jenis_layanan = models.ForeignKey(
        JenisLayanan,
        verbose_name=_("jenis layanan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # 0 for the all-responses row, else the jenis layanan id: a plain unique key on both databases
    # (a NULL jenis_layanan would not be unique in SQL).
    kunci = models.PositiveBigIntegerField(_("kunci"), default=SEMUA)
    # Set by services.tutup_periode in the closing transaction: the upsert of a response only updates an
    # open row, so a response racing with the close is refused instead of landing after the snapshot.
    ditutup = models.BooleanField(_("ditutup"), default=False)
    responden = models.PositiveIntegerField(_("jumlah responden"), default=0)
    jumlah_u1 = _jumlah("U1")
    jumlah_u2 = _jumlah("U2")
    jumlah_u3 = _jumlah("U3")
    jumlah_u4 = _jumlah("U4")
    jumlah_u5 = _jumlah("U5")
    jumlah_u6 = _jumlah("U6")
    jumlah_u7 = _jumlah("U7")
    jumlah_u8 = _jumlah("U8")
    jumlah_u9 = _jumlah("U9")
    jumlah_u10 = _jumlah("U10")
    jumlah_u11 = _jumlah("U11")
    jumlah_u12 = _jumlah("U12")
    jumlah_u13 = _jumlah("U13")
    jumlah_u14 = _jumlah("U14")
    cacah_u1 = _cacah("U1")
    cacah_u2 = _cacah("U2")
    cacah_u3 = _cacah("U3")
    cacah_u4 = _cacah("U4")
    cacah_u5 = _cacah("U5")
    cacah_u6 = _cacah("U6")
    cacah_u7 = _cacah("U7")
    cacah_u8 = _cacah("U8")
    cacah_u9 = _cacah("U9")
    cacah_u10 = _cacah("U10")
    cacah_u11 = _cacah("U11")
    cacah_u12 = _cacah("U12")
    cacah_u13 = _cacah("U13")
    cacah_u14 = _cacah("U14")

    class Meta:
        verbose_name = _("agregat respons")
        verbose_name_plural = _("agregat respons")
        ordering = ["periode_id", "kunci"]
        constraints = [models.UniqueConstraint(fields=["periode", "kunci"], name="agregat_unik")]

    def __str__(self) -> str:
        return f"{self.periode_id}/{self.jenis_layanan or _('semua layanan')}: {self.responden}"

    def jumlah(self, kode_unsur: tuple[str, ...]) -> dict[str, int]:
        return {k: getattr(self, f"jumlah_{kolom_jawaban(k)}") for k in kode_unsur}

    def cacah(self, kode_unsur: tuple[str, ...]) -> dict[str, int]:
        return {k: getattr(self, f"cacah_{kolom_jawaban(k)}") for k in kode_unsur}


class JejakKlien(models.Model):
    """Rate-limit counters per client and period. The client address is kept only as a keyed hash whose
    key changes every day (SECRET_KEY + date); rows older than today are deleted (services.bersihkan_jejak).
    """

    kunci = models.CharField(_("hash alamat"), max_length=32)
    periode = models.ForeignKey(
        PeriodeSurvei, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="+"
    )
    hari = models.DateField(_("hari"))
    menit = models.PositiveIntegerField(_("menit ke-"))
    jumlah_menit = models.PositiveIntegerField(_("kiriman dalam menit ini"), default=0)
    jam = models.PositiveIntegerField(_("jam ke-"))
    jumlah_jam = models.PositiveIntegerField(_("kiriman dalam jam ini"), default=0)
    jumlah_hari = models.PositiveIntegerField(_("kiriman hari ini"), default=0)

    class Meta:
        verbose_name = _("jejak klien")
        verbose_name_plural = _("jejak klien")
        constraints = [models.UniqueConstraint(fields=["kunci", "periode"], name="jejak_unik")]
        indexes = [models.Index(fields=["hari"], name="jejak_hari")]

    def __str__(self) -> str:
        return f"{self.kunci[:8]}… {self.hari}"


class SnapshotIKMQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("SnapshotIKM tidak dapat diubah (snapshot bersifat tetap).")

    def semua_layanan(self) -> SnapshotIKMQuerySet:
        """Snapshots of whole periods (not of one jenis layanan)."""
        return self.filter(jenis_layanan__isnull=True)

    def terakhir(self, unit: Unit, *, sampai=None) -> SnapshotIKM | None:
        """The unit's latest whole-period snapshot whose period ended on or before `sampai` (default: any)."""
        qs = self.semua_layanan().filter(unit=unit)
        if sampai is not None:
            qs = qs.filter(tanggal_selesai__lte=sampai)
        return qs.order_by("-tanggal_selesai", "-dibuat_pada").first()


class SnapshotIKM(models.Model):
    """The IKM of a closed period, frozen: what the period's results, reports and the PK indicator's
    realisasi read. Written once by services.tutup_periode; never updated (save() and the QuerySet refuse).

    Self-contained on purpose (unit, dates, rule set, value in the indicator's scale 25–100, respondent
    count), so a later realisasi can point at it — or copy it — without reading the period again.
    """

    periode = models.ForeignKey(
        PeriodeSurvei, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="snapshot"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="snapshot_ikm"
    )
    jenis_layanan = models.ForeignKey(
        JenisLayanan,
        verbose_name=_("jenis layanan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong: seluruh layanan unit."),
    )
    nama_layanan = models.CharField(_("nama layanan"), max_length=200, blank=True)
    nilai = models.DecimalField(_("IKM (25–100)"), max_digits=5, decimal_places=2)
    nilai_interval = models.DecimalField(_("IKM (1–4)"), max_digits=6, decimal_places=4)
    mutu = models.CharField(_("mutu pelayanan"), max_length=1)
    kinerja = models.CharField(_("kinerja unit pelayanan"), max_length=20)
    nrr = models.JSONField(
        _("NRR per unsur"), help_text=_('Teks desimal per kode unsur: {"U1": "3.2500", …}')
    )
    jumlah_responden = models.PositiveIntegerField(_("jumlah responden"))
    populasi = models.PositiveIntegerField(_("populasi"), null=True, blank=True)
    sampel_minimum = models.PositiveIntegerField(_("sampel minimum (Krejcie–Morgan)"), null=True, blank=True)
    regime = models.CharField(_("aturan"), max_length=4, choices=Regime.choices)
    penimbang = models.CharField(_("penimbang"), max_length=8, choices=Penimbang.choices)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hasil = models.JSONField(
        _("hasil lengkap"), default=dict, help_text=_("HasilIKM.to_json() saat ditutup.")
    )

    objects = SnapshotIKMQuerySet.as_manager()

    class Meta:
        verbose_name = _("snapshot IKM")
        verbose_name_plural = _("snapshot IKM")
        ordering = ["-tanggal_selesai", "unit_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode"], condition=Q(jenis_layanan__isnull=True), name="snapshot_satu_per_periode"
            ),
            models.UniqueConstraint(
                fields=["periode", "jenis_layanan"],
                condition=Q(jenis_layanan__isnull=False),
                name="snapshot_satu_per_layanan",
            ),
        ]

    def __str__(self) -> str:
        layanan = f" ({self.nama_layanan})" if self.nama_layanan else ""
        return f"IKM {self.nilai} {self.mutu} — {self.unit}{layanan}, {self.tanggal_mulai}–{self.tanggal_selesai}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise TypeError("SnapshotIKM tidak dapat diubah (snapshot bersifat tetap).")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("SnapshotIKM tidak dapat dihapus (snapshot bersifat tetap).")

    @property
    def nrr_desimal(self) -> dict[str, Decimal]:
        return {k: Decimal(v) for k, v in self.nrr.items()}


class TindakLanjutQuerySet(models.QuerySet):
    def visible_to(self, user, aksi: str = "view") -> TindakLanjutQuerySet:
        from kinerja.units.permissions import unit_filter

        q = unit_filter(user, aksi, prefix="periode__unit__")
        if q is None:
            return self
        return self.filter(q) if q else self.none()


class TindakLanjut(models.Model):
    """Rencana tindak lanjut of a closed period's weak unsur (PermenPANRB 14/2017, BAB IV of the report).

    The share of those done (`status` selesai) feeds the PK indicator "Persentase hasil SKM yang
    ditindaklanjuti" (kinerja.surveys.tindak_lanjut.persentase_tindak_lanjut).
    """

    class Status(models.TextChoices):
        RENCANA = "rencana", _("Rencana")
        BERJALAN = "berjalan", _("Sedang berjalan")
        SELESAI = "selesai", _("Selesai")

    periode = models.ForeignKey(
        PeriodeSurvei, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="tindak_lanjut"
    )
    kode_unsur = models.CharField(_("unsur"), max_length=4)
    uraian = models.TextField(_("uraian kegiatan"))
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=200)
    target_waktu = models.DateField(_("target waktu"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.RENCANA)
    keterangan = models.TextField(_("keterangan"), blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now, editable=False)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    objects = TindakLanjutQuerySet.as_manager()

    class Meta:
        verbose_name = _("rencana tindak lanjut")
        verbose_name_plural = _("rencana tindak lanjut")
        ordering = ["periode_id", "target_waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.kode_unsur}: {self.uraian[:60]}"


class LaporanSKM(models.Model):
    """The editable texts of a period's SKM report (docs/skm.md §8); an empty field prints the default
    text made from the period (kinerja.surveys.laporan.teks_bawaan)."""

    periode = models.OneToOneField(
        PeriodeSurvei, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="laporan"
    )
    latar_belakang = models.TextField(_("latar belakang"), blank=True)
    dasar_hukum = models.TextField(_("dasar hukum (satu per baris)"), blank=True)
    maksud_tujuan = models.TextField(_("maksud dan tujuan"), blank=True)
    pelaksana = models.TextField(_("pelaksana SKM"), blank=True)
    metode = models.TextField(_("metode pengumpulan data"), blank=True)
    lokasi = models.TextField(_("lokasi pengumpulan data"), blank=True)
    waktu = models.TextField(_("waktu pelaksanaan"), blank=True)
    analisis = models.TextField(_("analisis hasil"), blank=True)
    kesimpulan = models.TextField(_("kesimpulan"), blank=True)
    penandatangan = models.CharField(_("penandatangan (nama)"), max_length=200, blank=True)
    jabatan_penandatangan = models.CharField(_("jabatan penandatangan"), max_length=200, blank=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        verbose_name = _("laporan SKM")
        verbose_name_plural = _("laporan SKM")

    def __str__(self) -> str:
        return f"Laporan SKM {self.periode_id}"
