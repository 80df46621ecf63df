"""The Perjanjian Kinerja (PermenPANRB 53/2014) and its parts, as stored."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from kinerja.agreements import kolom
from kinerja.domain import numbers
from kinerja.domain import pk as d
from kinerja.domain import tanggal as tanggal_mod
from kinerja.units.models import Pejabat, Unit


class Tingkat(models.TextChoices):
    """The level of a sasaran, in the order the tabel kinerja prints them."""

    STRATEGIS = "strategis", _("Sasaran Strategis")
    PROGRAM = "program", _("Sasaran Program")
    KEGIATAN = "kegiatan", _("Sasaran Kegiatan")


TINGKAT_URUTAN = [t.value for t in Tingkat]


def nilai_tercetak(nilai: Decimal | None, desimal: int | None) -> Decimal | None:
    """A stored value with as many decimals as printed (84,00 stays 84,00), else without trailing zeros."""
    if nilai is None:
        return None
    return numbers.bulatkan(nilai, desimal) if desimal is not None else ringkas(nilai)


def ringkas(nilai: Decimal | None) -> Decimal | None:
    """A stored decimal without the trailing zeros of its column (Decimal("80.3300") -> 80.33)."""
    if nilai is None:
        return None
    hasil = nilai.normalize()
    # normalize() writes 100 as 1E+2: bring it back to a plain integer.
    return hasil.quantize(Decimal(1)) if hasil.as_tuple().exponent > 0 else hasil


class Status(models.TextChoices):
    """The one status of a PK (docs/adr/0003-pk-lifecycle.md); transitions are in `alur`."""

    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISETUJUI = "disetujui", _("Disetujui")
    DITANDATANGANI = "ditandatangani", _("Ditandatangani")
    DITERBITKAN = "diterbitkan", _("Diterbitkan")
    DIGANTI = "diganti", _("Diganti")
    DICABUT = "dicabut", _("Dicabut")


# Content may change only in these states (an operator's draft, or one returned to the operator).
STATUS_DAPAT_DIUBAH = (Status.DRAF, Status.DIKEMBALIKAN)
# The public may read these: the published PK and the versions it replaced (still verifiable).
STATUS_PUBLIK = (Status.DITERBITKAN, Status.DIGANTI)


class PerjanjianKinerjaQuerySet(models.QuerySet):
    def visible_to(self, user) -> PerjanjianKinerjaQuerySet:
        """Public PKs (published or replaced), plus those on units where `user` may "view"."""
        from kinerja.units.permissions import unit_filter

        q = unit_filter(user, "view", prefix="unit__")
        if q is None:
            return self
        publik = Q(status__in=STATUS_PUBLIK)
        return self.filter(publik | q) if q else self.filter(publik)

    def publik(self) -> PerjanjianKinerjaQuerySet:
        """What anyone may read: published PKs and the versions they replaced."""
        return self.filter(status__in=STATUS_PUBLIK)

    def dengan_kunci(
        self, unit: Unit, tahun: int, jenis: str, pihak_pertama: Pejabat
    ) -> PerjanjianKinerjaQuerySet:
        """The PKs with this natural key (`PerjanjianKinerja.kunci_dokumen`), withdrawn ones left out."""
        return self.filter(unit=unit, tahun=tahun, jenis=jenis, pihak_pertama=pihak_pertama).exclude(
            status=Status.DICABUT
        )

    def untuk_halaman(self) -> PerjanjianKinerjaQuerySet:
        """The PK with what its page header reads (unit and the unit's induk) in the same query.

        The parts are read by `kinerja.agreements.domain_pk.to_domain_banyak`, a fixed number of queries.
        """
        return self.select_related("unit", "unit__induk")

    def with_ringkasan(self) -> PerjanjianKinerjaQuerySet:
        """Annotate `jumlah_indikator` and `total_anggaran_program` (subqueries: no row multiplication)."""
        indikator = (
            Indikator.objects.filter(sasaran__perjanjian_id=OuterRef("pk"))
            .order_by()
            .values("sasaran__perjanjian_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        anggaran = (
            Program.objects.filter(perjanjian_id=OuterRef("pk"))
            .order_by()
            .values("perjanjian_id")
            .annotate(s=Sum("anggaran"))
            .values("s")
        )
        uang = DecimalField(max_digits=22, decimal_places=2)
        return self.annotate(
            jumlah_indikator=Coalesce(Subquery(indikator), Value(0)),
            total_anggaran_program=Subquery(anggaran, output_field=uang),
        )


class PerjanjianKinerja(models.Model):
    """One Perjanjian Kinerja: a unit head's yearly promise of targets to their superior."""

    class Jenis(models.TextChoices):
        MURNI = "murni", _("Murni")
        PERUBAHAN = "perubahan", _("Perubahan")

    class AlasanPerubahan(models.TextChoices):
        # PermenPANRB 53/2014: the grounds on which a PK may be revised.
        PERGANTIAN_PEJABAT = "a", _("a. Pergantian atau mutasi pejabat")
        PERUBAHAN_STRATEGI = "b", _("b. Perubahan strategi (program, kegiatan, alokasi anggaran)")
        PERUBAHAN_PRIORITAS = "c", _("c. Perubahan prioritas atau asumsi")

    Status = Status

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="perjanjian_kinerja"
    )
    jenis = models.CharField(_("jenis"), max_length=16, choices=Jenis.choices, default=Jenis.MURNI)
    alasan_perubahan = models.CharField(
        _("alasan perubahan"), max_length=1, choices=AlasanPerubahan.choices, blank=True
    )

    pihak_pertama = models.ForeignKey(
        Pejabat, verbose_name=_("pihak pertama"), on_delete=models.PROTECT, related_name="pk_pihak_pertama"
    )
    pihak_kedua = models.ForeignKey(
        Pejabat,
        verbose_name=_("pihak kedua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pk_pihak_kedua",
    )
    # The parties as printed (the snapshot), place, printed total and the reason's text: the columns
    # of `kinerja.domain.pk.NaskahPK`, added by `kolom.pasang` below.

    # Printed dates may lack the day ("Januari 2024"), so the parts are stored apart.
    tanggal_hari = models.PositiveSmallIntegerField(_("tanggal (hari)"), null=True, blank=True)
    tanggal_bulan = models.PositiveSmallIntegerField(_("tanggal (bulan)"), null=True, blank=True)
    tanggal_tahun = models.PositiveSmallIntegerField(_("tanggal (tahun)"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAF)
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    # Versions: a PK perubahan replaces the published PK it was made from (PermenPANRB 53/2014).
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    menggantikan = models.ForeignKey(
        "self",
        verbose_name=_("menggantikan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengganti",
        help_text=_("Versi sebelumnya yang diganti oleh PK perubahan ini."),
    )
    atasan_pk = models.ForeignKey(
        "self",
        verbose_name=_("PK atasan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pk_bawahan",
        help_text=_("PK pihak kedua, tempat target PK ini diturunkan (cascading)."),
    )
    sumber_berkas = models.CharField(_("berkas sumber"), max_length=255, blank=True)
    sumber_sha256 = models.CharField(_("SHA-256 berkas sumber"), max_length=64, blank=True)
    diimpor_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diimpor oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    objects = PerjanjianKinerjaQuerySet.as_manager()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["-tahun", "unit__nama", "jenis"]
        constraints = [
            # The natural key among PKs that may still change: a re-import of the same document
            # updates its draft, never makes a second one (versions past draf share the key).
            models.UniqueConstraint(
                fields=["unit", "tahun", "jenis", "pihak_pertama"],
                condition=Q(status__in=STATUS_DAPAT_DIUBAH),
                name="pk_satu_draf_per_kunci",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_bulan__isnull=True) | Q(tanggal_bulan__gte=1, tanggal_bulan__lte=12),
                name="pk_tanggal_bulan_sah",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_hari__isnull=True) | Q(tanggal_hari__gte=1, tanggal_hari__lte=31),
                name="pk_tanggal_hari_sah",
            ),
        ]

    def __str__(self) -> str:
        jenis = "" if self.jenis == self.Jenis.MURNI else f" ({self.get_jenis_display()})"
        return f"PK {self.tahun} {self.unit} — {self.pihak_pertama_nama}{jenis}"

    @property
    def publik(self) -> bool:
        """Whether anyone may read it (published, or a version that a published perubahan replaced)."""
        return self.status in STATUS_PUBLIK

    @property
    def dapat_diubah(self) -> bool:
        """Whether its content may change (only a draft, or a PK returned to the operator)."""
        return self.status in STATUS_DAPAT_DIUBAH

    @property
    def tanda_air(self) -> str:
        """The mark its documents carry: "" when published, else DRAF / DIGANTI / DICABUT."""
        if self.status == Status.DITERBITKAN:
            return ""
        return {Status.DIGANTI: "DIGANTI", Status.DICABUT: "DICABUT"}.get(self.status, "DRAF")

    @property
    def kunci_dokumen(self) -> tuple[int, int, str, int]:
        """The natural key that recognises a re-import: (unit, tahun, jenis, pihak pertama)."""
        return (self.unit_id, self.tahun, self.jenis, self.pihak_pertama_id)

    @property
    def tanggal_teks(self) -> str:
        """The date as printed: "2 Januari 2024", or "Januari 2024" when the day is not known."""
        if not self.tanggal_bulan or not self.tanggal_tahun:
            return str(self.tanggal_tahun or "")
        return tanggal_mod.format_tanggal_parsial(self.tanggal_hari, self.tanggal_bulan, self.tanggal_tahun)

    @property
    def total_anggaran(self) -> Decimal | None:
        """Sum of the programs' anggaran (of the top level listed: a kegiatan's is part of its
        program's); None when none has one. Uses prefetched programs."""
        return d.total_program(
            [d.Program(nama=p.nama, anggaran=p.anggaran, jenis=p.jenis) for p in self.program.all()]
        )

    def snapshot_pihak(self) -> None:
        """Copy both parties' current name, NIP, jabatan and pangkat onto the PK (as at signing)."""
        for ke in ("pertama", "kedua"):
            pejabat = getattr(self, f"pihak_{ke}")
            setattr(self, f"pihak_{ke}_nama", pejabat.nama if pejabat else "")
            setattr(self, f"pihak_{ke}_nip", (pejabat.nip or "") if pejabat else "")
            setattr(self, f"pihak_{ke}_jabatan", pejabat.jabatan if pejabat else "")
            setattr(self, f"pihak_{ke}_pangkat", pejabat.pangkat_golongan if pejabat else "")


class Sasaran(models.Model):
    """A sasaran of the tabel kinerja (Lampiran 1), at one of three levels."""

    # Not named `pk`: Django reserves that name for the primary key.
    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="sasaran",
    )
    tingkat = models.CharField(_("tingkat"), max_length=16, choices=Tingkat.choices)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    # The cascade: the sasaran this one supports (of the superior's PK, or of a higher level of this PK).
    mendukung = models.ForeignKey(
        "self",
        verbose_name=_("mendukung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pendukung",
        help_text=_("Sasaran PK atasan (atau tingkat di atasnya) yang didukung sasaran ini."),
    )
    # uraian, baris: from kinerja.domain.pk.Sasaran (kolom.pasang below).

    class Meta:
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")
        ordering = ["perjanjian", "urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian


class Indikator(models.Model):
    """An indikator kinerja with its target as printed and, when the PK has one, its penjelasan."""

    class Polaritas(models.TextChoices):
        POSITIF = "positif", _("Positif (makin tinggi makin baik)")
        NEGATIF = "negatif", _("Negatif (makin rendah makin baik)")

    sasaran = models.ForeignKey(
        Sasaran, verbose_name=_("sasaran"), on_delete=models.CASCADE, related_name="indikator"
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    # Decimals as printed: 84,00 keeps two, so the page and documents print what was signed.
    target_desimal = models.PositiveSmallIntegerField(
        _("jumlah desimal target"),
        null=True,
        blank=True,
        help_text=_("Banyak angka desimal seperti tercetak (84,00 → 2); kosong: seperlunya."),
    )
    polaritas = models.CharField(
        _("polaritas"), max_length=8, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    berpenjelasan = models.BooleanField(_("mempunyai penjelasan"), default=False)
    # The cascade: the indikator this one supports (of the superior's PK, or a higher level of this PK).
    mendukung = models.ForeignKey(
        "self",
        verbose_name=_("mendukung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pendukung",
        help_text=_("Indikator PK atasan (atau tingkat di atasnya) yang didukung indikator ini."),
    )
    # A PK copied from last year's: the indikator it continues (its target and realisasi shown beside).
    asal = models.ForeignKey(
        "self",
        verbose_name=_("disalin dari"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # uraian, the target's columns, baris (kinerja.domain.pk.Indikator) and the Lampiran 2 columns
    # (kinerja.domain.pk.Penjelasan): added by kolom.pasang below.

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["sasaran", "urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    @property
    def target_nilai_tampil(self) -> Decimal | None:
        """The target value with as many decimals as printed (84,00 stays 84,00; 100 stays 100)."""
        return nilai_tercetak(self.target_nilai, self.target_desimal)


class Baseline(models.Model):
    """A previous year's target, realisasi and capaian quoted in the penjelasan."""

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="baseline"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    # target, realisasi, capaian: kinerja.domain.pk.Baseline (kolom.pasang below).

    class Meta:
        verbose_name = _("baseline")
        verbose_name_plural = _("baseline")
        ordering = ["indikator", "tahun"]

    def __str__(self) -> str:
        return f"{self.indikator} — {self.tahun}"


class DasarHukum(models.Model):
    """A legal basis listed in an indicator's penjelasan."""

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="dasar_hukum"
    )
    teks = models.TextField(_("teks"))
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("dasar hukum")
        verbose_name_plural = _("dasar hukum")
        ordering = ["indikator", "urutan", "pk"]

    def __str__(self) -> str:
        return self.teks


class JenisProgram(models.TextChoices):
    """A row of the budget table (Permendagri 90/2019: program → kegiatan → sub kegiatan)."""

    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")


class Program(models.Model):
    """A row of the PK's budget table (a program, kegiatan or sub kegiatan), with its anggaran."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="program",
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    jenis = models.CharField(
        _("jenis"), max_length=16, choices=JenisProgram.choices, default=JenisProgram.PROGRAM
    )
    kode = models.CharField(
        _("kode"), max_length=64, blank=True, default="", help_text=_("Kode nomenklatur Permendagri 90/2019.")
    )
    # The sasaran this program (kegiatan) serves: the tabel kinerja's rows it funds.
    sasaran = models.ManyToManyField(
        Sasaran, verbose_name=_("sasaran yang didukung"), blank=True, related_name="program"
    )
    # nama, anggaran, baris: kinerja.domain.pk.Program (kolom.pasang below).

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("program")
        ordering = ["perjanjian", "urutan", "pk"]

    def __str__(self) -> str:
        return self.nama


class TandaTangan(models.Model):
    """One signature block, exactly as printed (spellings may differ between blocks)."""

    class Bagian(models.TextChoices):
        PERNYATAAN = "pernyataan", _("Lembar pernyataan")
        LAMPIRAN_1 = "lampiran_1", _("Lampiran 1")
        LAMPIRAN_2 = "lampiran_2", _("Lampiran 2")
        LAINNYA = "lainnya", _("Lainnya")

    class Pihak(models.TextChoices):
        PERTAMA = "pertama", _("Pihak Pertama")
        KEDUA = "kedua", _("Pihak Kedua")

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="tanda_tangan",
    )
    bagian = models.CharField(_("bagian"), max_length=16, choices=Bagian.choices)
    pihak = models.CharField(_("pihak"), max_length=8, choices=Pihak.choices)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    # nama, jabatan, nip, pangkat, tempat, tanggal, baris: kinerja.domain.pk.TandaTangan.

    class Meta:
        verbose_name = _("tanda tangan")
        verbose_name_plural = _("tanda tangan")
        ordering = ["perjanjian", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.get_pihak_display()} ({self.get_bagian_display()}): {self.nama}"


class RencanaAksi(models.Model):
    """A rencana aksi target found in an imported document (one row per indicator and period)."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="rencana_aksi",
    )
    indikator_teks = models.TextField(_("indikator (tercetak)"))
    indikator = models.ForeignKey(
        Indikator,
        verbose_name=_("indikator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rencana_aksi",
    )
    periode = models.CharField(_("periode"), max_length=64)
    target_teks = models.CharField(_("target (tercetak)"), max_length=255, blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    baris = models.PositiveIntegerField(_("baris di berkas sumber"), null=True, blank=True)

    class Meta:
        verbose_name = _("rencana aksi (tercetak)")
        verbose_name_plural = _("rencana aksi (tercetak)")
        ordering = ["perjanjian", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.indikator_teks} — {self.periode}: {self.target_teks}"


class CatatanImpor(models.Model):
    """Something the import or the parser could not place, with its line: nothing is dropped silently."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="catatan_impor",
    )
    baris = models.PositiveIntegerField(_("baris"), null=True, blank=True)
    pesan = models.TextField(_("pesan"))

    class Meta:
        verbose_name = _("catatan impor")
        verbose_name_plural = _("catatan impor")
        ordering = ["perjanjian", "baris", "pk"]

    def __str__(self) -> str:
        return f"{self.baris}: {self.pesan}" if self.baris is not None else self.pesan


class UnggahanPK(models.Model):
    """An uploaded PK document waiting for the user to check its reading and review, then accept it.

    Kept only until accepted or cancelled (and at most `UMUR_JAM` hours): the stored PK is the record.
    """

    UMUR_JAM = 24

    class Baca(models.TextChoices):
        """Reading the file: at once for a text file; a scan waits for OCR in the background."""

        ANTRE = "antre", _("menunggu giliran OCR")
        BERJALAN = "berjalan", _("sedang dibaca dengan OCR")
        SELESAI = "selesai", _("selesai dibaca")
        GAGAL = "gagal", _("gagal dibaca")

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="+"
    )
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    isi = models.BinaryField(_("isi berkas"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    dibuat_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    status_baca = models.CharField(_("status baca"), max_length=10, choices=Baca, default=Baca.SELESAI)
    halaman_ocr = models.PositiveSmallIntegerField(_("halaman dibaca OCR"), default=0)
    halaman_ocr_selesai = models.PositiveSmallIntegerField(_("halaman OCR selesai"), default=0)
    pesan_baca = models.TextField(_("pesan baca"), blank=True)
    # The rows read from the file (kinerja.domain.source.rows_ke_json): a scan is read by OCR once,
    # and every view of the preview parses these instead of the file.
    baris = models.JSONField(_("baris terbaca"), null=True, blank=True)
    diperbarui_pada = models.DateTimeField(_("diperbarui pada"), auto_now=True)

    class Meta:
        verbose_name = _("unggahan PK")
        verbose_name_plural = _("unggahan PK")
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return self.nama_berkas


class PindaianPK(models.Model):
    """The signed paper: a scan (PDF or image) of the PK with both signatures, as uploaded at signing.

    Served only as a download, to those who may view the PK's unit; type and size are checked on
    upload (`kinerja.agreements.pindaian`).
    """

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="pindaian",
    )
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    jenis_isi = models.CharField(_("jenis isi"), max_length=64)
    isi = models.BinaryField(_("isi berkas"))
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
        verbose_name = _("pindaian PK bertanda tangan")
        verbose_name_plural = _("pindaian PK bertanda tangan")
        ordering = ["-diunggah_pada", "-pk"]

    def __str__(self) -> str:
        return self.nama_berkas


# Each part's columns come from their one description (kinerja/domain/pk.py); see kolom.py.
kolom.pasang(PerjanjianKinerja, d.NaskahPK)
kolom.pasang(Sasaran, d.Sasaran)
kolom.pasang(Indikator, d.Indikator)
kolom.pasang(Indikator, d.Penjelasan)
kolom.pasang(Baseline, d.Baseline)
kolom.pasang(Program, d.Program)
kolom.pasang(TandaTangan, d.TandaTangan)
