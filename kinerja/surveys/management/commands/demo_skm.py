"""`kinerja demo_skm`: demo SKM data for the demo PK's unit (Kecamatan Bajeng, 2024).

A closed "Semester I 2024" with 320 generated questionnaires (imported as paper input, then closed,
so its IKM appears beside the PK's IKM indicator) and an open period of the current year whose public
form can be tried. Idempotent: does nothing when the unit already has SKM periods. Generated answers are
deterministic (a fixed random seed), so the demo shows the same figures on every machine.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.demo_aman import tolak_tanpa_debug
from kinerja.domain.ikm import daftar_unsur
from kinerja.domain.skm_file import KOLOM_PROFIL
from kinerja.surveys.impor import impor_berkas
from kinerja.surveys.models import JenisLayanan, OpsiProfil, PeriodeSurvei
from kinerja.surveys.services import buat_periode, pastikan_opsi_profil, tutup_periode
from kinerja.units.models import Unit

UNIT = "Kecamatan Bajeng"
LAYANAN = ("Administrasi kependudukan", "Surat keterangan", "Rekomendasi perizinan")
RESPONDEN = 320
# Answer weights for 1..4 per unsur: most answers "3", some "4"; waktu and sarana a little lower.
BOBOT = {"U3": (3, 14, 60, 23), "U8": (4, 16, 58, 22)}
BOBOT_LAIN = (1, 8, 60, 31)
# What respondents typically write; about one in six writes something (the demo's saran page).
SARAN = (
    "Antrean perekaman KTP-el terlalu lama, mohon ditambah petugas pada hari Senin.",
    "Petugas ramah dan cepat. Terima kasih.",
    "Ruang tunggu panas, kipas angin rusak.",
    "Persyaratan surat keterangan usaha sebaiknya ditempel di papan pengumuman.",
    "Blangko KTP sering habis, warga harus datang berkali-kali.",
    "Mohon disediakan kotak pengaduan yang jelas tempatnya.",
    "Pelayanan sudah baik, pertahankan.",
    "Jam buka pelayanan kadang terlambat dari jadwal.",
    "Tempat parkir sempit dan tidak ada peneduh.",
    "Biaya fotokopi berkas mohon diinformasikan sejak awal.",
    "Informasi lewat WhatsApp kantor camat sangat membantu.",
    "Toilet untuk pengunjung perlu dibersihkan.",
)


def _csv(unit: Unit, layanan: list[str], n: int) -> bytes:
    acak = random.Random(2024)
    acak_saran = random.Random(17)  # its own stream: the answers (and the demo IKM) stay as they were
    opsi = {
        p: list(
            OpsiProfil.objects.filter(unit=unit, pertanyaan=p, aktif=True).values_list("label", flat=True)
        )
        for p in ("jenis_kelamin", "umur", "pendidikan", "pekerjaan")
    }
    unsur = [u.kode for u in daftar_unsur("2017")]
    keluaran = io.StringIO()
    w = csv.writer(keluaran, delimiter=";")
    w.writerow([*unsur, *KOLOM_PROFIL, "saran"])
    for _i in range(n):
        jawaban = [acak.choices((1, 2, 3, 4), weights=BOBOT.get(k, BOBOT_LAIN))[0] for k in unsur]
        profil = [
            acak.choice(opsi[p]) if opsi[p] else ""
            for p in ("jenis_kelamin", "umur", "pendidikan", "pekerjaan")
        ]
        saran = acak_saran.choice(SARAN) if acak_saran.random() < 0.16 else ""
        w.writerow([*jawaban, *profil, acak.choice(layanan), saran])
    return keluaran.getvalue().encode("utf-8")


class Command(BaseCommand):
    help = _("Muat data demo SKM untuk Kecamatan Bajeng 2024 (satu periode ditutup, satu dibuka).")

    def handle(self, *args, **options):
        tolak_tanpa_debug()
        unit = Unit.objects.filter(nama=UNIT).first()
        if unit is None:
            raise CommandError(_("Unit %s belum ada: jalankan `kinerja demo` dahulu.") % UNIT)
        if PeriodeSurvei.objects.filter(unit=unit).exists():
            self.stdout.write(_("Data demo SKM sudah ada; tidak diubah."))
            return
        admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        if admin is None:
            raise CommandError(_("Tidak ada akun admin untuk menutup periode demo."))
        with transaction.atomic():
            pastikan_opsi_profil(unit)
            for i, nama in enumerate(LAYANAN, start=1):
                JenisLayanan.objects.get_or_create(unit=unit, nama=nama, defaults={"urutan": i})
            semester_1 = buat_periode(
                unit,
                judul="Semester I 2024",
                tanggal_mulai=date(2024, 1, 1),
                tanggal_selesai=date(2024, 6, 30),
                populasi=1800,
            )
            impor_berkas(semester_1, _csv(unit, list(LAYANAN), RESPONDEN), nama="demo-skm-semester-1.csv")
            snapshot = tutup_periode(semester_1, admin)
            # The open period runs this year, so that its public form takes answers today.
            tahun = timezone.localdate().year
            semester_2 = buat_periode(
                unit,
                judul=f"Tahun {tahun}",
                jenis=PeriodeSurvei.Jenis.TAHUN,
                tanggal_mulai=date(tahun, 1, 1),
                tanggal_selesai=date(tahun, 12, 31),
                populasi=3600,
            )
        self.stdout.write(
            _("SKM demo: %(judul)s ditutup, IKM %(ikm)s (%(mutu)s), %(n)d responden; formulir publik %(url)s")
            % {
                "judul": semester_1.judul,
                "ikm": str(snapshot.nilai).replace(".", ","),
                "mutu": snapshot.mutu,
                "n": snapshot.jumlah_responden,
                "url": f"/skm/{semester_2.token}/",
            }
        )
