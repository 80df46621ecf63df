"""The fixed cast of every web test, and builders of Perjanjian Kinerja of any size.

Cast (one pemerintah daerah, Kabupaten Gowa):
- unit_a = Kecamatan Bajeng, unit_b = Kecamatan Pallangga, inspektorat_unit = Inspektorat Daerah;
- operator_a / operator_b: operators of unit A / unit B;
- pimpinan_a: the head (camat) of unit A;
- verifikator: verifier at the pemda (reviews every unit below it);
- inspektur: inspektorat role at the Inspektorat Daerah (reads every unit of the pemda);
- admin_pemda: admin of the pemda;
- the anonymous public: Django's `client` fixture, logged in as nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from kinerja.domain import pk as d

ANGGARAN_BAJENG = (Decimal("33800000.00"), Decimal("1521097505.00"), Decimal("3649867866.00"))
NIP_CAMAT = "197110101993122003"


@pytest.fixture
def pemda(db):
    from kinerja.units.models import Unit

    return Unit.objects.create(nama="Kabupaten Gowa", jenis=Unit.Jenis.PEMERINTAH_DAERAH)


@pytest.fixture
def unit_a(pemda):
    from kinerja.units.models import Unit

    return Unit.objects.create(nama="Kecamatan Bajeng", jenis=Unit.Jenis.KECAMATAN, induk=pemda)


@pytest.fixture
def unit_b(pemda):
    from kinerja.units.models import Unit

    return Unit.objects.create(nama="Kecamatan Pallangga", jenis=Unit.Jenis.KECAMATAN, induk=pemda)


@pytest.fixture
def inspektorat_unit(pemda):
    from kinerja.units.models import Unit

    return Unit.objects.create(nama="Inspektorat Daerah", jenis=Unit.Jenis.PERANGKAT_DAERAH, induk=pemda)


def _user(username: str, unit, peran: str | None):
    from kinerja.units.models import UnitRole

    user = get_user_model().objects.create_user(username=username, password="rahasia-uji-123")
    if peran is not None:
        UnitRole.objects.create(user=user, unit=unit, peran=peran)
    return user


@pytest.fixture
def operator_a(unit_a):
    return _user("operator_a", unit_a, "operator")


@pytest.fixture
def operator_b(unit_b):
    return _user("operator_b", unit_b, "operator")


@pytest.fixture
def pimpinan_a(unit_a):
    return _user("pimpinan_a", unit_a, "pimpinan")


@pytest.fixture
def verifikator(pemda):
    return _user("verifikator", pemda, "verifikator")


@pytest.fixture
def inspektur(inspektorat_unit):
    return _user("inspektur", inspektorat_unit, "inspektorat")


@pytest.fixture
def admin_pemda(pemda):
    return _user("admin_pemda", pemda, "admin")


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def anonymous_client(client):
    """The public: a browser that has not logged in."""
    return client


@pytest.fixture
def client_as(client) -> Callable:
    """Log the test client in as one of the cast: `client_as(operator_a)`."""

    def masuk(user):
        client.force_login(user)
        return client

    return masuk


def build_pk_data(
    *,
    n_indikator: int = 3,
    unit: str = "Kecamatan Bajeng",
    pemerintah: str | None = "Kabupaten Gowa",
    tahun: int = 2024,
    jenis: str = "murni",
    pihak_pertama: d.Pihak | None = None,
    pihak_kedua: d.Pihak | None = None,
    penjelasan: bool = True,
    anggaran: tuple[Decimal, ...] = ANGGARAN_BAJENG,
) -> d.NaskahPK:
    """A parsed PK like the Bajeng 2024 document, with `n_indikator` indicators over three levels.

    Indicators come one per sasaran (two when there are more than six); the first is IKM "84,00 (Balk)", the others alternate "100%"
    and "8 unit". With `penjelasan`, every indicator has one with two dasar hukum and a baseline.
    """
    pertama = pihak_pertama or d.Pihak(nama="SITI HAERANI, S.SOS", jabatan="Camat Bajeng", nip=NIP_CAMAT)
    kedua = pihak_kedua or d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa")
    indikator: list[d.Indikator] = []
    for i in range(n_indikator):
        if i == 0:
            target = d.Target(
                teks="84,00 (Balk)", nilai=Decimal("84.00"), predikat="Baik", predikat_tercetak="Balk"
            )
            uraian = "Indeks Kepuasan Masyarakat (IKM)"
        elif i % 2:
            target = d.Target(teks="100%", nilai=Decimal("100"), satuan="%")
            uraian = f"Persentase layanan sesuai standar {i}"
        else:
            target = d.Target(teks="8 unit", nilai=Decimal("8"), satuan="unit")
            uraian = f"Jumlah sarana pelayanan yang tersedia {i}"
        indikator.append(d.Indikator(uraian=uraian, target=target, baris=100 + i))
    # Spread over the three levels: one indicator per sasaran for small PKs, two for large ones.
    per_sasaran = 1 if n_indikator <= 6 else 2
    jumlah_sasaran = -(-n_indikator // per_sasaran)
    sasaran = []
    for n, mulai in enumerate(range(0, n_indikator, per_sasaran)):
        level = d.TINGKAT_URUTAN[min(n * 3 // jumlah_sasaran, 2)]
        sasaran.append(
            d.Sasaran(
                tingkat=level,
                uraian=f"Sasaran {level} nomor {n + 1}",
                indikator=tuple(indikator[mulai : mulai + per_sasaran]),
                baris=100 + mulai,
            )
        )
    penjelasan_list = ()
    if penjelasan:
        penjelasan_list = tuple(
            d.Penjelasan(
                # Printed with other case and spacing than the table: matching must not care.
                indikator=ind.uraian.upper().replace(" ", "  "),
                uraian_sasaran=f"Yang dimaksud dalam sasaran ini ({i + 1}) adalah pelayanan yang baik.",
                dasar_hukum=(
                    "Undang-undang 25 tahun 2009 tentang Pelayanan Publik",
                    "Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP",
                ),
                relevansi="Menggambarkan kepuasan terhadap 9 unsur pelayanan.",
                formulasi="Nilai IKM dari 9 unsur survei kepuasan masyarakat",
                sumber_data="Kecamatan Bajeng",
                target=ind.target.teks,
                penjelasan_target="Target ini meningkat dari tahun sebelumnya.",
                baseline=(
                    d.Baseline(
                        tahun=2023, target=Decimal("85"), realisasi=Decimal("80.33"), capaian=Decimal("94.51")
                    ),
                ),
                jumlah_indikator_tertulis="Satu",
                baris=500 + i,
            )
            for i, ind in enumerate(indikator)
        )
    return d.NaskahPK(
        tahun=tahun,
        jenis=jenis,  # type: ignore[arg-type]
        unit=unit,
        pemerintah=pemerintah,
        pihak_pertama=pertama,
        pihak_kedua=kedua,
        tempat="Sungguminasa",
        tanggal="Januari 2024",
        tanda_tangan=(
            d.TandaTangan(bagian="pernyataan", pihak="kedua", nama=kedua.nama, jabatan=kedua.jabatan),
            d.TandaTangan(
                bagian="pernyataan",
                pihak="pertama",
                nama=pertama.nama,
                jabatan=pertama.jabatan,
                nip=pertama.nip,
            ),
            d.TandaTangan(
                bagian="lampiran_1",
                pihak="kedua",
                nama="Dr. ADNAN PURICHTA ICHSAN, S.H., M.H.",
                jabatan=kedua.jabatan,
            ),
            d.TandaTangan(
                bagian="lampiran_1",
                pihak="pertama",
                nama="ST. HAKRAN, S.Sos",
                jabatan=pertama.jabatan,
                nip="197110171993122003",
                tempat="Sungguminasa",
                tanggal="02 Januari 2024",
            ),
        ),
        sasaran=tuple(sasaran),
        program=tuple(
            d.Program(nama=nama, anggaran=nilai)
            for nama, nilai in zip(
                (
                    "Program Pembinaan dan Pengawasan Pemerintahan Desa",
                    "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
                    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                ),
                anggaran,
                strict=False,
            )
        ),
        penjelasan=penjelasan_list,
    )


@pytest.fixture
def pk_data() -> Callable[..., d.NaskahPK]:
    """Build a parsed PK (domain dataclasses) by hand: `pk_data(n_indikator=200)`."""
    return build_pk_data


def terbitkan_pk(data: d.NaskahPK, oleh=None):
    """Store a parsed PK as the signed paper it is and publish it (as `oleh`, else a superuser)."""
    from kinerja.agreements.alur import terbitkan
    from kinerja.agreements.services import import_pk

    oleh = oleh or _sistem()
    perjanjian = import_pk(data, oleh=oleh, ditandatangani=True, tanpa_pindaian=True).pk
    return terbitkan(perjanjian, oleh)


def _sistem():
    """A superuser standing for the setup of a test (its acts are not what the test is about)."""
    User = get_user_model()
    return User.objects.filter(username="sistem-uji").first() or User.objects.create_superuser(
        "sistem-uji", "sistem@kinerja.invalid", "rahasia-uji-123"
    )


@pytest.fixture
def sistem(db):
    return _sistem()


@pytest.fixture
def pk_factory(db, pemda) -> Callable:
    """Store a PK: published by default (`pk_factory(unit_a, n_indikator=3)`), else a draft
    (`draft=True`, imported by the command line's import)."""
    from kinerja.agreements.services import import_pk

    def buat(unit=None, *, n_indikator: int = 3, draft: bool = False, **kwargs):
        nama_unit = unit.nama if unit is not None else "Kecamatan Bajeng"
        if unit is not None and unit.nama != "Kecamatan Bajeng" and "pihak_pertama" not in kwargs:
            kwargs["pihak_pertama"] = d.Pihak(nama=f"Camat {unit.nama}", jabatan=f"Camat {unit.nama}")
        data = build_pk_data(n_indikator=n_indikator, unit=nama_unit, pemerintah=pemda.nama, **kwargs)
        return import_pk(data).pk if draft else terbitkan_pk(data)

    return buat


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path_factory):
    """Uploaded files (evidence of realisasi) go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def _bahasa_bawaan():
    """Each test ends in the default language: a request in English (Accept-Language) leaves English
    active in the thread (LocaleMiddleware activates, nothing deactivates), and the next test would read
    English messages."""
    yield
    from django.utils import translation

    translation.deactivate()


def muat_demo(*perintah: str) -> None:
    """Run demo commands as `make run` does: with DEBUG on (they refuse on a server)."""
    from django.core.management import call_command
    from django.test import override_settings

    with override_settings(DEBUG=True):
        for nama in perintah:
            call_command(nama)


# The tests that run OCR need Tesseract and its Indonesian data, Debian packages outside Python. Where
# they are missing such a test is skipped with this reason (a developer's laptop without them); under
# `make test`, which installs them and sets KINERJA_OCR_WAJIB=1 (so CI too), it fails instead: a missing
# Tesseract there is a broken installation, not a reason to skip.
TANPA_TESSERACT = (
    "Tesseract dengan data bahasa Indonesia (tesseract-ocr, tesseract-ocr-ind) belum terpasang; "
    "`make ocr` (bagian dari `make test`) memasangnya"
)


def perlu_tesseract() -> None:
    """Skip (or, with KINERJA_OCR_WAJIB=1, fail) a test that runs OCR where Tesseract is missing."""
    import os

    from kinerja.domain import ocr

    if ocr.tersedia():
        return
    if os.environ.get("KINERJA_OCR_WAJIB") == "1":
        pytest.fail(TANPA_TESSERACT + " — KINERJA_OCR_WAJIB=1: `make test` seharusnya sudah memasangnya")
    pytest.skip(TANPA_TESSERACT)


@pytest.fixture
def tesseract() -> None:
    """For tests that run OCR: `@pytest.mark.usefixtures("tesseract")` (see perlu_tesseract)."""
    perlu_tesseract()
