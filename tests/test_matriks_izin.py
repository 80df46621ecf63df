"""Matriks izin: every URL of kinerja × every member of the cast × every method it accepts.

One table (HARAPAN) says, for each URL pattern (or variant of one: an action, a format, a PK state), who
of the cast may use it with each method. The test walks every URL pattern of the project, fails for a
pattern the table does not cover (so a new URL must be added here), requests each row as each member of
the cast inside a rolled-back transaction, and reports every difference at once.

The expectations are derived from the rules, not from what the pages answer today:
kinerja/units/permissions.py (MATRIX), docs/permissions.md, kinerja/agreements/alur.py (TRANSISI), the
views (a PK or period the user may not view is a 404, an act they may not do a 403, login first) and the
ModelAdmins (kinerja/units/admin.py UnitScopedAdmin, kinerja/agreements/admin.py, ...).

Outcome: "denied" is 403, 404, 405 or a redirect to a login page (or, in the admin, to the admin index:
"object does not exist or you may not see it"); anything else is "allowed" (a 400 or 409 means the
right was passed and the form or the state refused). Rows marked DB below are decided by the database
instead: "allowed" means the change happened.

Methods: a view decorated with require_http_methods is requested with the GET/POST it lists; any other
view with GET, and with POST too when it handles a POST (its code reads one); a class-based view with
the GET/POST it defines. The admin is requested with GET only, plus the two POST rows (DB) of the
permission holes closed in the scoped admin.
"""

from __future__ import annotations

import hashlib
import inspect
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.conftest import _user, build_pk_data

# --------------------------------------------------------------------------------------------------
# The cast and the sets of it the table is written with
# --------------------------------------------------------------------------------------------------

PEMERAN = (
    "anonim",  # not logged in
    "tanpa_peran",  # logged in, no role
    "operator_a",  # operator of unit A (Kecamatan Bajeng): view, edit unit A
    "operator_b",  # operator of unit B (Kecamatan Pallangga)
    "pimpinan_a",  # head of unit A: view subtree, approve unit A
    "verifikator",  # verifikator on the pemda: view everything, review the units below
    "inspektur",  # inspektorat (Inspektorat Daerah): view the whole pemda
    "admin_unit",  # admin of unit A: view, edit, admin unit A; staff (beri_peran)
    "admin_pemda",  # admin of the pemda: view, edit, admin everything; staff (beri_peran)
)

SEMUA = frozenset(PEMERAN)
MASUK = SEMUA - {"anonim"}  # anyone logged in
TIDAK_ADA = frozenset()
LIHAT_A = frozenset({"operator_a", "pimpinan_a", "verifikator", "inspektur", "admin_unit", "admin_pemda"})
UBAH_A = frozenset({"operator_a", "admin_unit", "admin_pemda"})  # edit on unit A
SETUJU_A = frozenset({"pimpinan_a"})  # approve on unit A
ADMIN_A = frozenset({"admin_unit", "admin_pemda"})  # admin on unit A
UBAH_SEMBARANG = frozenset({"operator_a", "operator_b", "admin_unit", "admin_pemda"})  # edit on some unit
STAF = frozenset({"admin_unit", "admin_pemda"})  # is_staff: the admin pages at all
PEMDA = frozenset({"admin_pemda"})  # the admin pages of an object of unit B


def _admin(
    model: str, *, daftar: frozenset, tambah: frozenset, ubah: frozenset, hapus: frozenset, riwayat: frozenset
) -> dict[str, dict[str, frozenset]]:
    """The rows of one ModelAdmin's pages (GET): changelist, add, and change, delete, history of one object
    (of unit B where the model has a unit). The old change URL (<id>/) only redirects staff to change/."""
    app, nama = model.split(".")
    return {
        f"admin:{app}_{nama}_changelist": {"GET": daftar},
        f"admin:{app}_{nama}_add": {"GET": tambah},
        f"admin:{app}_{nama}_change": {"GET": ubah},
        f"admin:{app}_{nama}_delete": {"GET": hapus},
        f"admin:{app}_{nama}_history": {"GET": riwayat},
        f"admin/{app}/{nama}/<path:object_id>/": {"GET": STAF},
    }


# --------------------------------------------------------------------------------------------------
# THE TABLE: row ("url name" or "url name[variant]", or the route of an unnamed pattern)
#            → {method: the cast members allowed}
# --------------------------------------------------------------------------------------------------

HARAPAN: dict[str, dict[str, frozenset]] = {
    # Site: login, logout (POST only, Django 5), language.
    "masuk": {"GET": SEMUA, "POST": SEMUA},
    "keluar": {"POST": SEMUA},
    "set_language": {"GET": SEMUA, "POST": SEMUA},
    # PK pages. A PK the user may not view is 404; published PKs are public.
    "agreements:pk_list": {"GET": SEMUA},
    "agreements:pk_detail[draf]": {"GET": LIHAT_A},
    "agreements:pk_detail[terbit]": {"GET": SEMUA},
    # Transitions (login; view + the transition's right, TRANSISI[aksi].izin), each on a PK in its state.
    "agreements:pk_aksi[ajukan]": {"GET": UBAH_A, "POST": UBAH_A},  # edit
    "agreements:pk_aksi[kembalikan]": {"GET": SETUJU_A, "POST": SETUJU_A},  # approve
    "agreements:pk_aksi[setujui]": {"GET": SETUJU_A, "POST": SETUJU_A},  # approve
    "agreements:pk_aksi[tandatangani]": {"GET": UBAH_A | SETUJU_A, "POST": UBAH_A | SETUJU_A},  # edit|approve
    "agreements:pk_aksi[terbitkan]": {"GET": SETUJU_A | ADMIN_A, "POST": SETUJU_A | ADMIN_A},  # approve|admin
    "agreements:pk_aksi[cabut]": {"GET": ADMIN_A, "POST": ADMIN_A},  # admin (on the published PK)
    "agreements:pk_aksi[tidak-dikenal]": {"GET": TIDAK_ADA, "POST": TIDAK_ADA},
    "agreements:pk_perubahan": {"GET": UBAH_A, "POST": UBAH_A},  # edit, from the published PK
    "agreements:pk_riwayat": {"GET": LIHAT_A},  # the trail: not the public, even of a published PK
    "agreements:pk_beda": {"GET": LIHAT_A},  # published vs draft: both must be visible
    "agreements:pk_pindaian": {"GET": LIHAT_A},  # the signed scan of the published PK: the unit's
    "agreements:pk_json[draf]": {"GET": LIHAT_A},
    "agreements:pk_json[terbit]": {"GET": SEMUA},
    "agreements:pk_impor": {"GET": MASUK, "POST": MASUK},  # upload: rights are checked on acceptance
    "agreements:pk_impor_pratinjau": {"GET": {"operator_a"}, "POST": {"operator_a"}},  # the uploader's own
    # Documents.
    "documents:pk_unduh[draf,pdf]": {"GET": LIHAT_A},
    "documents:pk_unduh[draf,docx]": {"GET": LIHAT_A},
    "documents:pk_unduh[draf,xlsx]": {"GET": LIHAT_A},
    "documents:pk_unduh[terbit,pdf]": {"GET": SEMUA},
    "documents:pk_unduh[terbit,docx]": {"GET": SEMUA},
    "documents:pk_unduh[terbit,xlsx]": {"GET": SEMUA},
    "documents:unduhan": {"GET": MASUK},  # the page; the years only for admins
    "documents:pk_zip": {"GET": ADMIN_A},  # admin of the units (2024: unit A's draft)
    "documents:verifikasi": {"GET": SEMUA, "POST": SEMUA},
    "documents:verifikasi_pdf": {"GET": SEMUA},
    # SKM, operator screens (login): the period of unit A; view else 404, the act's right else 403.
    "surveys:daftar": {"GET": MASUK},
    "surveys:baru": {"GET": UBAH_SEMBARANG, "POST": UBAH_SEMBARANG},
    "surveys:pengaturan_unit": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:periode": {"GET": LIHAT_A},
    "surveys:ubah": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:kertas": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:tutup": {"GET": SETUJU_A | ADMIN_A, "POST": SETUJU_A | ADMIN_A},  # approve or admin
    "surveys:kode_tiket": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:impor": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:templat[csv]": {"GET": UBAH_A},
    "surveys:templat[xlsx]": {"GET": UBAH_A},
    "surveys:tindak_lanjut": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:tindak_lanjut_ubah": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:tindak_lanjut_hapus": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:saran": {"GET": LIHAT_A},
    "surveys:saran_xlsx": {"GET": LIHAT_A},
    "surveys:laporan": {"GET": UBAH_A, "POST": UBAH_A},
    "surveys:poster": {"GET": LIHAT_A},
    "surveys:poster_pdf": {"GET": LIHAT_A},
    # SKM, public: the open period's form, a closed period's results; an open period's interim results
    # only for those who may view its unit.
    "surveys:tahunan": {"GET": SEMUA},
    "surveys:formulir": {"GET": SEMUA, "POST": SEMUA},
    "surveys:terima_kasih": {"GET": SEMUA},
    "surveys:hasil[ditutup]": {"GET": SEMUA},
    "surveys:hasil[dibuka]": {"GET": LIHAT_A},
    "surveys:laporan_pdf": {"GET": SEMUA},
    "surveys:laporan_docx": {"GET": SEMUA},
    # The admin site (GET): staff only; the login page shows itself to anyone not staff (staff are sent
    # on to the index); logout is a POST (GET: 405, or the index for non-staff).
    "admin:index": {"GET": STAF},
    "admin:login": {"GET": SEMUA - STAF},
    "admin:logout": {"GET": TIDAK_ADA},
    "admin:password_change": {"GET": STAF},
    "admin:password_change_done": {"GET": STAF},
    "admin:jsi18n": {"GET": STAF},
    "admin:view_on_site": {"GET": TIDAK_ADA},  # no model has get_absolute_url: 404
    "admin:autocomplete[tanpa-parameter]": {"GET": TIDAK_ADA},
    "admin:autocomplete[units.unit.induk]": {"GET": STAF},
    "admin:autocomplete[units.unitrole.user]": {
        "GET": TIDAK_ADA
    },  # users are not the admins' (no auth perms)
    "admin:app_list[units]": {"GET": STAF},
    "admin:app_list[agreements]": {"GET": STAF},
    "admin:app_list[documents]": {"GET": STAF},
    "admin:app_list[surveys]": {"GET": STAF},
    "admin:app_list[auth]": {"GET": TIDAK_ADA},  # the group "Admin unit kinerja" holds no auth permission
    "admin:app_list[riwayat]": {"GET": TIDAK_ADA},  # the trail's admin: superusers only
    "admin/(?P<url>.*)$": {"GET": TIDAK_ADA},  # no such page
    # ModelAdmins. Units and their data: staff list and add; an object of unit B is seen and changed by
    # the pemda's admin only (unit A's admin is sent to the index: not in his queryset).
    **_admin("units.unit", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("units.pejabat", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("units.unitrole", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    # A draft PK of unit B and its parts (editable: draf).
    **_admin(
        "agreements.perjanjiankinerja", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA
    ),
    **_admin("agreements.sasaran", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("agreements.indikator", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("agreements.program", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("agreements.tandatangan", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("agreements.baseline", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("agreements.dasarhukum", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    # The printed record of an import (_HanyaBaca: no add, no change; delete as any part of a draft).
    **_admin("agreements.rencanaaksi", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin(
        "agreements.catatanimpor", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA
    ),
    # A signed scan of unit B's draft: read only for who may view the unit.
    **_admin(
        "agreements.pindaianpk", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=TIDAK_ADA, riwayat=PEMDA
    ),
    # An upload waiting for acceptance (operator A's): each user sees only his own.
    **_admin(
        "agreements.unggahanpk",
        daftar=STAF,
        tambah=TIDAK_ADA,
        ubah=TIDAK_ADA,
        hapus=TIDAK_ADA,
        riwayat=TIDAK_ADA,
    ),
    # The issued document of unit B's published PK: public, so every staff member reads it; never changed.
    **_admin(
        "documents.dokumenterbit", daftar=STAF, tambah=TIDAK_ADA, ubah=STAF, hapus=TIDAK_ADA, riwayat=STAF
    ),
    # SKM of unit B (a closed period).
    **_admin("surveys.periodesurvei", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("surveys.jenislayanan", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    **_admin("surveys.opsiprofil", daftar=STAF, tambah=STAF, ubah=PEMDA, hapus=PEMDA, riwayat=PEMDA),
    # Responses, aggregates, ticket codes, snapshots: read only (HanyaBaca).
    **_admin("surveys.respons", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=TIDAK_ADA, riwayat=PEMDA),
    **_admin("surveys.agregat", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=TIDAK_ADA, riwayat=PEMDA),
    **_admin("surveys.kodetiket", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=TIDAK_ADA, riwayat=PEMDA),
    **_admin(
        "surveys.snapshotikm", daftar=STAF, tambah=TIDAK_ADA, ubah=PEMDA, hapus=TIDAK_ADA, riwayat=PEMDA
    ),
    # The trail: superusers only. Users and groups: the unit admins hold no auth permission.
    **_admin(
        "riwayat.riwayat",
        daftar=TIDAK_ADA,
        tambah=TIDAK_ADA,
        ubah=TIDAK_ADA,
        hapus=TIDAK_ADA,
        riwayat=TIDAK_ADA,
    ),
    **_admin(
        "auth.group", daftar=TIDAK_ADA, tambah=TIDAK_ADA, ubah=TIDAK_ADA, hapus=TIDAK_ADA, riwayat=TIDAK_ADA
    ),
    **_admin(
        "auth.user", daftar=TIDAK_ADA, tambah=TIDAK_ADA, ubah=TIDAK_ADA, hapus=TIDAK_ADA, riwayat=TIDAK_ADA
    ),
    "admin:auth_user_password_change": {"GET": TIDAK_ADA},
    # Escaping one's subtree in the admin (POST; DB: allowed = the change happened). Nobody grants a role
    # on, or files his unit under, a unit above or beside his own (and so reads that unit's data):
    # (a) a role on the pemda (above unit A) through the UnitRole add form, or on unit B (beside it);
    "admin:units_unitrole_add[peran di pemda]": {"POST": PEMDA},
    "admin:units_unitrole_add[peran di unit B]": {"POST": PEMDA},
    "admin:units_unitrole_change[pindah ke pemda]": {"POST": PEMDA},  # operator A's role moved up
    # (b) unit A moved under unit B through the Unit change form; made a root: the superuser's only.
    "admin:units_unit_change[pindah induk]": {"POST": PEMDA},
    "admin:units_unit_change[jadi akar]": {"POST": TIDAK_ADA},
    # (c) a role whose reach exceeds the unit it is held on: inspektorat views the whole pemda
    # (MATRIX), so only an admin of the whole pemda may grant it, through the form or the inline of
    # a unit (here a kelurahan below unit A).
    "admin:units_unitrole_add[inspektorat di unit A]": {"POST": PEMDA},
    "admin:units_unit_change[inspektorat lewat inline]": {"POST": PEMDA},
    # Not an escape: unit A renamed, left where it is, by those who may admin it (UnitAdmin: "admin").
    "admin:units_unit_change[ganti nama]": {"POST": ADMIN_A},
}


# --------------------------------------------------------------------------------------------------
# The world the URLs point into
# --------------------------------------------------------------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    """A fast password hasher for the ten users of the cast (PBKDF2 costs half a second each)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dunia(
    pemda,
    unit_a,
    unit_b,
    inspektorat_unit,
    operator_a,
    operator_b,
    pimpinan_a,
    verifikator,
    inspektur,
    admin_pemda,
    sistem,
    pk_factory,
):
    """The cast, and objects of unit A (what the URLs open) and of unit B (what the admin pages open)."""
    from kinerja.agreements import alur
    from kinerja.agreements.models import CatatanImpor, Indikator, RencanaAksi, UnggahanPK
    from kinerja.agreements.pindaian import periksa_pindaian
    from kinerja.documents.terbit import dokumen_terbit
    from kinerja.riwayat.models import Riwayat
    from kinerja.surveys import services
    from kinerja.surveys.models import (
        Agregat,
        JenisLayanan,
        KodeTiket,
        OpsiProfil,
        Respons,
        SnapshotIKM,
        TindakLanjut,
    )
    from kinerja.units.models import Unit, UnitRole
    from kinerja.units.peran import beri_peran, grup_admin

    w = SimpleNamespace(pemda=pemda, unit_a=unit_a, unit_b=unit_b)
    w.sub_a = Unit.objects.create(nama="Kelurahan Bontosunggu", jenis=Unit.Jenis.SUB_UNIT, induk=unit_a)
    admin_unit = _user("admin_unit", unit_a, None)
    beri_peran(admin_unit, unit_a, "admin")
    beri_peran(admin_pemda, pemda, "admin")
    w.pemeran = {
        "anonim": None,
        "tanpa_peran": _user("tanpa_peran", unit_a, None),
        "operator_a": operator_a,
        "operator_b": operator_b,
        "pimpinan_a": pimpinan_a,
        "verifikator": verifikator,
        "inspektur": inspektur,
        "admin_unit": admin_unit,
        "admin_pemda": admin_pemda,
    }

    # PKs of unit A, one in each state an action starts from.
    pindaian = periksa_pindaian("s.pdf", b"%PDF-1.4 x")
    w.draf = pk_factory(unit_a, draft=True)  # 2024
    w.terbit = pk_factory(unit_a, tahun=2023)
    w.pindaian = alur.simpan_pindaian(w.terbit, pindaian, sistem)
    w.dokumen = dokumen_terbit(w.terbit)
    w.diajukan = _draf_siap(2025)
    alur.ajukan(w.diajukan, sistem, akui_semua=True)
    w.disetujui = _draf_siap(2026)
    alur.ajukan(w.disetujui, sistem, akui_semua=True)
    alur.setujui(w.disetujui, sistem)
    w.ditandatangani = _draf_siap(2027)
    alur.ajukan(w.ditandatangani, sistem, akui_semua=True)
    alur.setujui(w.ditandatangani, sistem)
    alur.tandatangani(w.ditandatangani, sistem, tanpa_pindaian=True)
    isi = SEED.read_bytes()
    w.unggahan = UnggahanPK.objects.create(
        pengguna=operator_a, nama_berkas=SEED.name, isi=isi, sha256=hashlib.sha256(isi).hexdigest()
    )

    # SKM of unit A: an open period (with answers) and a closed one with results and a follow-up.
    hari = timezone.localdate()
    w.dibuka = services.buat_periode(
        unit_a,
        judul="Semester berjalan",
        tanggal_mulai=hari - timedelta(days=7),
        tanggal_selesai=hari + timedelta(days=7),
    )
    w.ditutup = services.buat_periode(
        unit_a, judul="Semester I 2024", tanggal_mulai=date(2024, 1, 1), tanggal_selesai=date(2024, 6, 30)
    )
    for periode in (w.dibuka, w.ditutup):
        for i in range(4):
            jawaban = {f"U{k}": 3 + (i + k) % 2 for k in range(1, 10)}
            services.kirim_respons(periode, {**jawaban, "saran": f"Saran nomor {i}"})
    services.tutup_periode(w.ditutup, sistem)
    w.tindak_lanjut = TindakLanjut.objects.create(
        periode=w.ditutup,
        kode_unsur="U5",
        uraian="Percepat",
        penanggung_jawab="Sekcam",
        target_waktu=date(2024, 9, 1),
    )

    # Unit B: a draft PK with every part, a published PK with its issued document, a closed period.
    pk_b = pk_factory(unit_b, draft=True)
    terbit_b = pk_factory(unit_b, tahun=2023)
    indikator_b = Indikator.objects.filter(sasaran__perjanjian=pk_b).first()
    rencana_b = RencanaAksi.objects.create(
        perjanjian=pk_b,
        indikator_teks=indikator_b.uraian,
        indikator=indikator_b,
        periode="TW I",
        target_teks="25%",
    )
    catatan_b = CatatanImpor.objects.filter(perjanjian=pk_b).first() or CatatanImpor.objects.create(
        perjanjian=pk_b, baris=1, pesan="Catatan"
    )
    layanan_b = JenisLayanan.objects.create(unit=unit_b, nama="KTP elektronik", urutan=1)
    services.pastikan_opsi_profil(unit_b)
    periode_b = services.buat_periode(
        unit_b, judul="Semester I 2024", tanggal_mulai=date(2024, 1, 1), tanggal_selesai=date(2024, 6, 30)
    )
    services.buat_kode_tiket(periode_b, 2)
    for i in range(3):
        services.kirim_respons(
            periode_b, {**{f"U{k}": 3 + i % 2 for k in range(1, 10)}, "jenis_layanan": layanan_b}
        )
    services.tutup_periode(periode_b, sistem)
    w.admin_objek = {
        "units.unit": unit_b,
        "units.pejabat": pk_b.pihak_pertama,
        "units.unitrole": UnitRole.objects.get(user=operator_b),
        "agreements.perjanjiankinerja": pk_b,
        "agreements.sasaran": pk_b.sasaran.first(),
        "agreements.indikator": indikator_b,
        "agreements.program": pk_b.program.first(),
        "agreements.tandatangan": pk_b.tanda_tangan.first(),
        "agreements.baseline": indikator_b.baseline.first(),
        "agreements.dasarhukum": indikator_b.dasar_hukum.first(),
        "agreements.rencanaaksi": rencana_b,
        "agreements.catatanimpor": catatan_b,
        "agreements.pindaianpk": alur.simpan_pindaian(pk_b, pindaian, sistem),
        "agreements.unggahanpk": w.unggahan,
        "documents.dokumenterbit": dokumen_terbit(terbit_b),
        "surveys.periodesurvei": periode_b,
        "surveys.jenislayanan": layanan_b,
        "surveys.opsiprofil": OpsiProfil.objects.filter(unit=unit_b).first(),
        "surveys.respons": Respons.objects.filter(periode=periode_b).first(),
        "surveys.agregat": Agregat.objects.filter(periode=periode_b).first(),
        "surveys.kodetiket": KodeTiket.objects.filter(periode=periode_b).first(),
        "surveys.snapshotikm": SnapshotIKM.objects.filter(periode=periode_b).first(),
        "riwayat.riwayat": Riwayat.objects.first(),
        "auth.group": grup_admin(),
        "auth.user": operator_b,
    }
    assert all(w.admin_objek.values()), w.admin_objek
    return w


def _draf_siap(tahun: int):
    """A draft PK of unit A for `tahun` without galat (one signer on every page, dates in the year)."""
    from kinerja.agreements.services import import_pk

    data = build_pk_data(tahun=tahun)
    pertama = data.pihak_pertama
    ttd = tuple(
        replace(t, nama=pertama.nama, nip=pertama.nip, tanggal=t.tanggal and f"02 Januari {tahun}")
        if t.pihak == "pertama"
        else t
        for t in data.tanda_tangan
    )
    return import_pk(replace(data, tanda_tangan=ttd, tanggal=f"Januari {tahun}")).pk


def _permintaan(w) -> dict[str, SimpleNamespace]:
    """Each row of the table as a request: its URL, its POST body, and (DB rows) what to look at."""
    from kinerja.units.models import Unit, UnitRole

    r = {}

    def baris(kunci, url, data=None, cek=None):
        r[kunci] = SimpleNamespace(url=url, data=data or {}, cek=cek)

    u = reverse
    baris("masuk", u("masuk"))
    baris("keluar", u("keluar"))
    baris("set_language", u("set_language"))
    baris("agreements:pk_list", u("agreements:pk_list"))
    for nama, pk in (("draf", w.draf), ("terbit", w.terbit)):
        baris(f"agreements:pk_detail[{nama}]", u("agreements:pk_detail", args=[pk.pk]))
        baris(f"agreements:pk_json[{nama}]", u("agreements:pk_json", args=[pk.pk]))
        for format in ("pdf", "docx", "xlsx"):
            baris(f"documents:pk_unduh[{nama},{format}]", u("documents:pk_unduh", args=[pk.pk, format]))
    for aksi, pk in (
        ("ajukan", w.draf),
        ("kembalikan", w.diajukan),
        ("setujui", w.diajukan),
        ("tandatangani", w.disetujui),
        ("terbitkan", w.ditandatangani),
        ("cabut", w.terbit),
        ("tidak-dikenal", w.draf),
    ):
        baris(f"agreements:pk_aksi[{aksi}]", u("agreements:pk_aksi", args=[pk.pk, aksi]))
    baris("agreements:pk_perubahan", u("agreements:pk_perubahan", args=[w.terbit.pk]))
    baris("agreements:pk_riwayat", u("agreements:pk_riwayat", args=[w.terbit.pk]))
    baris("agreements:pk_beda", u("agreements:pk_beda", args=[w.terbit.pk, w.draf.pk]))
    baris("agreements:pk_pindaian", u("agreements:pk_pindaian", args=[w.terbit.pk, w.pindaian.pk]))
    baris("agreements:pk_impor", u("agreements:pk_impor"))
    baris("agreements:pk_impor_pratinjau", u("agreements:pk_impor_pratinjau", args=[w.unggahan.pk]))
    baris("documents:unduhan", u("documents:unduhan"))
    baris("documents:pk_zip", u("documents:pk_zip", args=[2024]))
    baris("documents:verifikasi", u("documents:verifikasi", args=[w.dokumen.token]))
    baris("documents:verifikasi_pdf", u("documents:verifikasi_pdf", args=[w.dokumen.token]))

    baris("surveys:daftar", u("surveys:daftar"))
    baris("surveys:baru", u("surveys:baru"))
    baris("surveys:pengaturan_unit", u("surveys:pengaturan_unit", args=[w.unit_a.pk]))
    for nama in ("periode", "ubah", "kertas", "tutup", "kode_tiket", "impor", "poster", "poster_pdf"):
        baris(f"surveys:{nama}", u(f"surveys:{nama}", args=[w.dibuka.pk]))
    for format in ("csv", "xlsx"):
        baris(f"surveys:templat[{format}]", u("surveys:templat", args=[w.dibuka.pk, format]))
    for nama in ("tindak_lanjut", "saran", "saran_xlsx", "laporan"):
        baris(f"surveys:{nama}", u(f"surveys:{nama}", args=[w.ditutup.pk]))
    for nama in ("tindak_lanjut_ubah", "tindak_lanjut_hapus"):
        baris(f"surveys:{nama}", u(f"surveys:{nama}", args=[w.ditutup.pk, w.tindak_lanjut.pk]))
    baris("surveys:tahunan", u("surveys:tahunan", args=[w.unit_a.pk, 2024]))
    baris("surveys:formulir", u("surveys:formulir", args=[w.dibuka.token]))
    baris("surveys:terima_kasih", u("surveys:terima_kasih", args=[w.dibuka.token]))
    baris("surveys:hasil[ditutup]", u("surveys:hasil", args=[w.ditutup.token]))
    baris("surveys:hasil[dibuka]", u("surveys:hasil", args=[w.dibuka.token]))
    baris("surveys:laporan_pdf", u("surveys:laporan_pdf", args=[w.ditutup.token]))
    baris("surveys:laporan_docx", u("surveys:laporan_docx", args=[w.ditutup.token]))

    for nama in ("index", "login", "logout", "password_change", "password_change_done", "jsi18n"):
        baris(f"admin:{nama}", u(f"admin:{nama}"))
    from django.contrib.contenttypes.models import ContentType

    pk_b = w.admin_objek["agreements.perjanjiankinerja"]
    baris(
        "admin:view_on_site",
        u("admin:view_on_site", args=[ContentType.objects.get_for_model(pk_b).pk, pk_b.pk]),
    )
    autocomplete = u("admin:autocomplete")
    baris("admin:autocomplete[tanpa-parameter]", autocomplete)
    for app, model, field in (("units", "unit", "induk"), ("units", "unitrole", "user")):
        kueri = urlencode({"app_label": app, "model_name": model, "field_name": field, "term": ""})
        baris(f"admin:autocomplete[{app}.{model}.{field}]", f"{autocomplete}?{kueri}")
    for app in ("units", "agreements", "documents", "surveys", "auth", "riwayat"):
        baris(f"admin:app_list[{app}]", u("admin:app_list", args=[app]))
    baris("admin/(?P<url>.*)$", "/admin/tidak-ada/")
    for model, obj in w.admin_objek.items():
        app, nama = model.split(".")
        baris(f"admin:{app}_{nama}_changelist", u(f"admin:{app}_{nama}_changelist"))
        baris(f"admin:{app}_{nama}_add", u(f"admin:{app}_{nama}_add"))
        for jenis in ("change", "delete", "history"):
            baris(f"admin:{app}_{nama}_{jenis}", u(f"admin:{app}_{nama}_{jenis}", args=[obj.pk]))
        baris(f"admin/{app}/{nama}/<path:object_id>/", f"/admin/{app}/{nama}/{obj.pk}/")
    baris(
        "admin:auth_user_password_change",
        u("admin:auth_user_password_change", args=[w.admin_objek["auth.user"].pk]),
    )

    tanpa_peran = w.pemeran["tanpa_peran"]

    def peran_baru(unit, peran):
        return lambda: UnitRole.objects.filter(user=tanpa_peran, unit=unit, peran=peran).exists()

    for nama, unit, peran in (
        ("peran di pemda", w.pemda, "operator"),
        ("peran di unit B", w.unit_b, "operator"),
        ("inspektorat di unit A", w.unit_a, "inspektorat"),
    ):
        data = {"user": tanpa_peran.pk, "unit": unit.pk, "peran": peran}
        baris(f"admin:units_unitrole_add[{nama}]", u("admin:units_unitrole_add"), data, peran_baru(unit, peran))
    role_a = UnitRole.objects.get(user=w.pemeran["operator_a"])
    baris(
        "admin:units_unitrole_change[pindah ke pemda]",
        u("admin:units_unitrole_change", args=[role_a.pk]),
        {"user": role_a.user_id, "unit": w.pemda.pk, "peran": role_a.peran},
        cek=lambda: UnitRole.objects.get(pk=role_a.pk).unit_id == w.pemda.pk,
    )

    def form_unit(unit, induk, nama=None, inline=()):
        """The change form of `unit` as sent: its fields with `induk` (and `nama`), rows of its role inline."""
        data = {"nama": nama or unit.nama, "jenis": unit.jenis, "induk": induk, "kode": ""}
        data |= {"peran-TOTAL_FORMS": len(inline), "peran-INITIAL_FORMS": 0, "peran-MIN_NUM_FORMS": 0}
        for i, baris_inline in enumerate(inline):
            data |= {f"peran-{i}-{k}": v for k, v in baris_inline.items()}
        return data

    ubah_a = u("admin:units_unit_change", args=[w.unit_a.pk])
    unit_a = lambda: Unit.objects.get(pk=w.unit_a.pk)  # noqa: E731
    baris(
        "admin:units_unit_change[pindah induk]",
        ubah_a,
        form_unit(w.unit_a, w.unit_b.pk),
        lambda: unit_a().induk_id == w.unit_b.pk,
    )
    baris("admin:units_unit_change[jadi akar]", ubah_a, form_unit(w.unit_a, ""), lambda: unit_a().induk_id is None)
    baris(
        "admin:units_unit_change[ganti nama]",
        ubah_a,
        form_unit(w.unit_a, w.pemda.pk, nama="Kecamatan Bajeng (baru)"),
        lambda: unit_a().nama == "Kecamatan Bajeng (baru)",
    )
    baris(
        "admin:units_unit_change[inspektorat lewat inline]",
        u("admin:units_unit_change", args=[w.sub_a.pk]),
        form_unit(w.sub_a, w.unit_a.pk, inline=[{"user": tanpa_peran.pk, "peran": "inspektorat"}]),
        peran_baru(w.sub_a, "inspektorat"),
    )
    return r


# --------------------------------------------------------------------------------------------------
# Helpers: the URL patterns, the methods a view accepts, the outcome of a request
# --------------------------------------------------------------------------------------------------


def _pola(patterns=None, awalan="", ns=""):
    """Every URL pattern as (key, route, callback): key is "namespace:name", or the route when unnamed."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            lapis = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            yield from _pola(p.url_patterns, awalan + str(p.pattern), lapis)
        elif isinstance(p, URLPattern):
            rute = awalan + str(p.pattern)
            kunci = (f"{ns}:{p.name}" if ns else p.name) if p.name else rute
            yield kunci, rute, p.callback


def _metode(callback) -> set[str]:
    """GET/POST as the view accepts them (require_http_methods, a class's handlers, or a POST it reads)."""
    kelas = getattr(callback, "view_class", None)
    if kelas is not None:
        return {m.upper() for m in ("get", "post") if m in kelas.http_method_names and hasattr(kelas, m)}
    fn = callback
    while fn is not None:
        if "request_method_list" in fn.__code__.co_freevars:
            sel = fn.__closure__[fn.__code__.co_freevars.index("request_method_list")]
            return {m for m in sel.cell_contents if m in ("GET", "POST")}
        fn = getattr(fn, "__wrapped__", None)
    return {"GET", "POST"} if "POST" in inspect.getsource(inspect.unwrap(callback)) else {"GET"}


def _ditolak(respons, admin: bool) -> bool:
    if respons.status_code in (403, 404, 405):
        return True
    if respons.status_code in (301, 302, 303, 307, 308):
        lokasi = urlsplit(respons["Location"]).path
        if lokasi.startswith(("/masuk/", "/admin/login/")):
            return True
        if admin and lokasi == "/admin/":
            return True
    return False


def _minta(client: Client, metode: str, p: SimpleNamespace) -> tuple[bool, str]:
    """Request one row inside a rolled-back transaction: (allowed, what happened)."""
    with transaction.atomic():
        try:
            if metode == "GET":
                r = client.get(p.url)
            else:
                r = client.post(p.url, p.data)
        except Exception as exc:  # a 500: reported as a difference, whatever the table says
            transaction.set_rollback(True)
            return None, f"galat {type(exc).__name__}: {exc}"
        boleh = p.cek() if p.cek is not None else not _ditolak(r, p.url.startswith("/admin/"))
        transaction.set_rollback(True)
    lokasi = f" → {r['Location']}" if r.has_header("Location") else ""
    return boleh, f"{r.status_code}{lokasi}"


# --------------------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------------------


LOG = []


def test_matriks_izin(dunia, capsys):
    mulai = time.monotonic()
    salah: list[str] = []
    pola = list(_pola())
    dasar = {kunci.split("[")[0] for kunci in HARAPAN}
    for kunci, rute, callback in pola:
        if kunci not in dasar:
            salah.append(f"{kunci} ({rute}): tidak ada di tabel HARAPAN")
        elif not rute.startswith("admin/"):
            metode = _metode(callback)
            for baris, harapan in HARAPAN.items():
                if baris.split("[")[0] == kunci and set(harapan) != metode:
                    salah.append(
                        f"{baris}: metode di tabel {sorted(harapan)}, view menerima {sorted(metode)}"
                    )
    semua_kunci = {kunci for kunci, _, _ in pola}
    salah += [f"{b}: tidak ada pola URL seperti ini" for b in HARAPAN if b.split("[")[0] not in semua_kunci]

    permintaan = _permintaan(dunia)
    salah += [f"{b}: baris tanpa permintaan" for b in HARAPAN if b not in permintaan]
    salah += [f"{b}: permintaan tanpa baris" for b in permintaan if b not in HARAPAN]

    n = 0
    for nama in PEMERAN:
        client = Client()
        user = dunia.pemeran[nama]
        if user is not None:
            client.force_login(user)
        sesi = client.cookies.get(settings.SESSION_COOKIE_NAME)
        for baris, per_metode in HARAPAN.items():
            if baris not in permintaan:
                continue
            for metode, boleh_menurut_tabel in per_metode.items():
                t0 = time.monotonic()
                boleh, hasil = _minta(client, metode, permintaan[baris])
                LOG.append(f"{baris}\t{metode}\t{nama}\t{hasil}\t{boleh}\t{time.monotonic() - t0:.3f}")
                n += 1
                if boleh is None or boleh != (nama in boleh_menurut_tabel):
                    harap = "boleh" if nama in boleh_menurut_tabel else "ditolak"
                    salah.append(
                        f"{baris} {metode} {permintaan[baris].url} sebagai {nama}: {hasil}, harusnya {harap}"
                    )
                # Nothing carries over: the session as it was (a logout flushed it), no message cookie.
                client.cookies.clear()
                if sesi is not None:
                    client.cookies[settings.SESSION_COOKIE_NAME] = sesi.value

    detik = time.monotonic() - mulai
    with capsys.disabled():
        print(
            f"\nmatriks izin: {n} kasus, {len(pola)} pola URL, {len(HARAPAN)} baris tabel, "
            f"{len(salah)} selisih, {detik:.1f} s"
        )
    assert not salah, "\n".join(salah)
