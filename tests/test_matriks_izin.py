"""Matriks izin: every URL of kinerja × every member of the cast × every method it accepts.

One table, HARAPAN, says for each URL pattern (or a variant of one: an action, a format, a PK's state)
which members of the cast may use it, per method. The test walks every URL pattern of the project and
fails for one the table does not cover (a new URL must be added here), requests every row as every
member of the cast, each request in a transaction rolled back at once, and reports all differences
together.

The expectations are derived from the rules, not from what the pages answer today:
kinerja/units/permissions.py (MATRIX) and docs/permissions.md; kinerja/agreements/alur.py (TRANSISI: the
right each transition needs); the views (login first; a PK or period the user may not view is a 404, an
act they may not do a 403; public: published PKs, the SKM form, closed periods' results); the ModelAdmins
(kinerja/units/admin.py UnitScopedAdmin: staff see the objects of the units they may view, plus public
PKs, and change them where they may edit; a PK past draf is read only; the trail is the superusers').

Outcome: "denied" is 403, 404, 405, or a redirect to a login page (/masuk/, /admin/login/) or, in the
admin, to the admin index (Django's "this object does not exist, or you may not see it"). Anything else
is "allowed": a 400 or a 409 means the right was passed and the form or the state refused. The POST rows
to the admin at the end of the table are decided by the database instead: "allowed" means the change
happened.

Methods: a view decorated with require_http_methods (require_POST, ...) is requested with the GET and
POST it lists, a class-based view with those it defines, any other view with GET, and POST as well when
its code handles one. The admin is requested with GET, plus the POST rows of escaping one's subtree.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.conftest import _user, build_pk_data

# --------------------------------------------------------------------------------------------------
# The cast, and the sets of it the table is written with
# --------------------------------------------------------------------------------------------------

PEMERAN = (
    "anonim",  # not logged in
    "tanpa_peran",  # logged in, no role
    "operator_a",  # operator of unit A (Kecamatan Bajeng): view and edit unit A
    "operator_b",  # operator of unit B (Kecamatan Pallangga)
    "pimpinan_a",  # head of unit A: view its subtree, approve unit A
    "verifikator",  # verifikator on the pemda: view everything, review the units below it
    "inspektur",  # inspektorat role at the Inspektorat Daerah: view the whole pemda
    "admin_unit",  # admin of unit A: view, edit, admin its subtree; staff (beri_peran)
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
PENGUNGGAH = frozenset({"operator_a"})  # who uploaded the PK waiting in the import preview
STAF = frozenset({"admin_unit", "admin_pemda"})  # is_staff: the admin site at all
PEMDA = frozenset({"admin_pemda"})  # who may see an object of unit B (and not of unit A only)
ADMIN_SEMBARANG = frozenset({"admin_unit", "admin_pemda"})  # admin on some unit: the /pemda/ screens
PERIKSA_A = frozenset({"verifikator"})  # review on unit A (a verifikator of a unit above it)


def _admin(model: str, daftar, tambah, ubah, hapus, riwayat) -> dict[str, dict[str, frozenset]]:
    """The rows (GET) of one ModelAdmin: changelist, add, and change, delete, history of one object (of
    unit B where the model has a unit). Its old change URL (<id>/) only redirects staff to change/."""
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
# THE TABLE. Row: "namespace:url name", with "[variant]" when one pattern has several rows (the route
# for an unnamed pattern) → {method: the members of the cast allowed}.
# --------------------------------------------------------------------------------------------------

HARAPAN: dict[str, dict[str, frozenset]] = {
    # The site: login, logout (a POST only, Django 5), language.
    "masuk": {"GET": SEMUA, "POST": SEMUA},
    "keluar": {"POST": SEMUA},
    "set_language": {"GET": SEMUA, "POST": SEMUA},
    # One's own account: the password changed by its owner; a one-time link opened by anyone who has it.
    "akun_sandi": {"GET": MASUK, "POST": MASUK},
    "akun_dua_langkah": {"GET": MASUK, "POST": MASUK},
    "akun_sandi_lupa": {"GET": SEMUA, "POST": SEMUA},
    "akun_sandi_terkirim": {"GET": SEMUA},
    "akun_sandi_atur": {"GET": SEMUA, "POST": SEMUA},
    # The security log: the pemda's admin (an admin of the top unit) and the inspektorat.
    "log_keamanan": {"GET": frozenset({"admin_pemda", "inspektur"})},
    # PK pages: a PK the user may not view is a 404, a published PK is everyone's.
    "agreements:pk_list": {"GET": SEMUA},
    "agreements:pohon": {"GET": SEMUA},
    "surveys:daftar_hasil": {"GET": SEMUA},
    "agreements:pk_detail[draf]": {"GET": LIHAT_A},
    "agreements:pk_detail[terbit]": {"GET": SEMUA},
    # Transitions: login, view, and the right TRANSISI[aksi].izin, each on a PK in a state it starts from:
    # ajukan edit; kembalikan, setujui approve; tandatangani edit or approve; terbitkan approve or admin;
    # cabut admin (here of the published PK).
    "agreements:pk_aksi[ajukan]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_aksi[kembalikan]": {"GET": SETUJU_A, "POST": SETUJU_A},
    "agreements:pk_aksi[setujui]": {"GET": SETUJU_A, "POST": SETUJU_A},
    "agreements:pk_aksi[tandatangani]": {"GET": UBAH_A | SETUJU_A, "POST": UBAH_A | SETUJU_A},
    "agreements:pk_aksi[terbitkan]": {"GET": SETUJU_A | ADMIN_A, "POST": SETUJU_A | ADMIN_A},
    "agreements:pk_aksi[cabut]": {"GET": ADMIN_A, "POST": ADMIN_A},
    "agreements:pk_aksi[tidak-dikenal]": {"GET": TIDAK_ADA, "POST": TIDAK_ADA},  # no such action: 404
    "agreements:pk_perubahan": {"GET": UBAH_A, "POST": UBAH_A},  # edit, from the published PK
    "agreements:pk_riwayat": {"GET": LIHAT_A},  # the trail of the published PK: its unit's, not the public's
    "agreements:pk_beda": {"GET": LIHAT_A},  # published against draft: both must be visible
    "agreements:pk_pindaian": {"GET": LIHAT_A},  # the signed scan of the published PK: its unit's
    "agreements:pk_json[draf]": {"GET": LIHAT_A},
    "agreements:pk_json[terbit]": {"GET": SEMUA},
    # An upload: for those who may store a PK somewhere (the right on the file's unit is checked again on
    # acceptance); a user without such a role is refused before anything is stored.
    "agreements:pk_impor": {"GET": UBAH_SEMBARANG | SETUJU_A, "POST": UBAH_SEMBARANG | SETUJU_A},
    "agreements:pk_impor_pratinjau": {"GET": PENGUNGGAH, "POST": PENGUNGGAH},  # the uploader's own
    # An empty PK: for those who may edit some unit (the unit's choices are theirs).
    "agreements:pk_baru": {"GET": UBAH_SEMBARANG, "POST": UBAH_SEMBARANG},
    # The editor of unit A's draft: "edit" on its unit (those who only view it get 403, others 404).
    "agreements:pk_sunting": {"GET": UBAH_A},
    "agreements:pk_sunting_kepala": {"POST": UBAH_A},
    "agreements:pk_sunting_pihak[pertama]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_pihak[kedua]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_tanda_tangan": {"POST": UBAH_A},
    "agreements:pk_sunting_atasan": {"POST": UBAH_A},
    "agreements:pk_sunting_turunkan": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_sasaran_tambah": {"POST": UBAH_A},
    "agreements:pk_sunting_indikator_tambah": {"POST": UBAH_A},
    "agreements:pk_sunting_program_tambah": {"POST": UBAH_A},
    "agreements:pk_sunting_penjelasan": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_baris[sasaran]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_baris[indikator]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_baris[program]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_hapus[sasaran]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_hapus[indikator]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_hapus[program]": {"GET": UBAH_A, "POST": UBAH_A},
    "agreements:pk_sunting_pindah[sasaran]": {"POST": UBAH_A},
    "agreements:pk_sunting_pindah[indikator]": {"POST": UBAH_A},
    "agreements:pk_sunting_pindah[program]": {"POST": UBAH_A},
    # Documents.
    "documents:pk_unduh[draf,pdf]": {"GET": LIHAT_A},
    "documents:pk_unduh[draf,docx]": {"GET": LIHAT_A},
    "documents:pk_unduh[draf,xlsx]": {"GET": LIHAT_A},
    "documents:pk_unduh[terbit,pdf]": {"GET": SEMUA},  # the issued document
    "documents:pk_unduh[terbit,docx]": {"GET": SEMUA},
    "documents:pk_unduh[terbit,xlsx]": {"GET": SEMUA},
    "documents:unduhan": {"GET": MASUK},  # the page; years to download only for admins
    "documents:pk_zip": {"GET": ADMIN_A},  # the PKs of 2024 in the units the user administers
    "documents:verifikasi": {"GET": SEMUA, "POST": SEMUA},
    "documents:verifikasi_pdf": {"GET": SEMUA},
    # SKM, operator screens (login), on a period of unit A: view it or 404, the act's right or 403.
    "surveys:daftar": {"GET": MASUK},
    "surveys:baru": {"GET": UBAH_SEMBARANG, "POST": UBAH_SEMBARANG},  # edit on any unit
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
    # SKM, public: the open period's form; a closed period's results (an open one's: its unit's only).
    "surveys:tahunan": {"GET": SEMUA},
    "surveys:formulir": {"GET": SEMUA, "POST": SEMUA},
    "surveys:terima_kasih": {"GET": SEMUA},
    "surveys:hasil[ditutup]": {"GET": SEMUA},
    "surveys:hasil[dibuka]": {"GET": LIHAT_A},
    "surveys:laporan_pdf": {"GET": SEMUA},
    "surveys:laporan_docx": {"GET": SEMUA},
    # Monitoring (/pantau/, docs/adr/0005-monitoring.md), on the published PK of unit A: its unit's users
    # only, even though the PK is public; entering (edit) and verifying (review) as in the services. The
    # pemda's dashboard: anyone logged in (it lists only the units he may view).
    "monitoring:dasbor": {"GET": MASUK},
    "monitoring:pk": {"GET": LIHAT_A},
    "monitoring:triwulan": {"GET": LIHAT_A, "POST": UBAH_A},  # POST "ajukan": 409 (nothing to submit)
    "monitoring:rencana": {"GET": LIHAT_A, "POST": UBAH_A},
    "monitoring:bukti": {"GET": LIHAT_A},  # an evidence file: a download for the unit's users
    "monitoring:koreksi": {"POST": PERIKSA_A},  # deciding a correction request
    "monitoring:laporan_triwulan": {"GET": LIHAT_A},
    "monitoring:laporan_triwulan[pdf]": {"GET": LIHAT_A},
    "monitoring:lkjip": {"GET": LIHAT_A},
    "monitoring:lkjip[docx]": {"GET": LIHAT_A},
    "monitoring:lembar_unduh": {"GET": LIHAT_A},
    "monitoring:rencana_unduh": {"GET": LIHAT_A},
    "monitoring:lembar_unggah": {"GET": UBAH_A, "POST": UBAH_A},
    "monitoring:lembar_pratinjau": {"GET": UBAH_A, "POST": UBAH_A},  # an unknown token: back to the upload
    "monitoring:rencana_unggah": {"GET": UBAH_A, "POST": UBAH_A},
    "monitoring:rencana_pratinjau": {"GET": UBAH_A, "POST": UBAH_A},
    # The SAKIP evaluation (/evaluasi/, docs/adr/0007-evaluasi-sakip.md) of unit A, in draf: its unit's
    # users and the Inspektorat see it; opening one (POST on the list) is edit on the unit or evaluate
    # (the Inspektorat); saving answers (POST "simpan") and following up a recommendation are edit.
    "evaluation:daftar": {"GET": MASUK, "POST": UBAH_A | {"inspektur"}},
    "evaluation:lembar": {"GET": LIHAT_A, "POST": UBAH_A},
    "evaluation:lhe[pdf]": {"GET": LIHAT_A},
    "evaluation:lhe[docx]": {"GET": LIHAT_A},
    "evaluation:bukti": {"GET": LIHAT_A},
    "evaluation:rekomendasi": {"POST": UBAH_A},  # "jawab" before final: 409 for those who may
    # The admin site (GET): staff only. Its login page shows itself to anyone who is not staff (staff are
    # sent on to the index); logging out is a POST (a GET: 405, or the index for non-staff).
    "admin:index": {"GET": STAF},
    "admin:login": {"GET": SEMUA - STAF},
    "admin:logout": {"GET": TIDAK_ADA},
    "admin:password_change": {"GET": STAF},
    "admin:password_change_done": {"GET": STAF},
    "admin:jsi18n": {"GET": STAF},
    "admin:view_on_site": {"GET": TIDAK_ADA},  # no model has get_absolute_url: 404
    "admin:autocomplete[tanpa parameter]": {"GET": TIDAK_ADA},
    "admin:autocomplete[units.unit.induk]": {"GET": STAF},
    "admin:autocomplete[units.unitrole.user]": {"GET": TIDAK_ADA},  # users: not the unit admins' (auth)
    "admin:app_list[units]": {"GET": STAF},
    "admin:app_list[agreements]": {"GET": STAF},
    "admin:app_list[documents]": {"GET": STAF},
    "admin:app_list[surveys]": {"GET": STAF},
    "admin:app_list[monitoring]": {"GET": STAF},
    "admin:app_list[auth]": {"GET": TIDAK_ADA},  # the group "Admin unit kinerja" holds no auth permission
    "admin:app_list[riwayat]": {"GET": TIDAK_ADA},  # the trail: superusers only
    "admin/(?P<url>.*)$": {"GET": TIDAK_ADA},  # no such admin page
    # ModelAdmins (GET), _admin(model, changelist, add, change, delete, history).
    # Units and their data: unit B's object is seen by the pemda's admin only (not in unit A's admin's
    # queryset: he is sent to the index).
    **_admin("units.unit", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("units.pejabat", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("units.unitrole", STAF, STAF, PEMDA, PEMDA, PEMDA),
    # Unit B's draft PK and its parts (a draft may change).
    **_admin("agreements.perjanjiankinerja", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("agreements.sasaran", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("agreements.indikator", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("agreements.program", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("agreements.tandatangan", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("agreements.baseline", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("agreements.dasarhukum", STAF, STAF, PEMDA, PEMDA, PEMDA),
    # The printed record of an import (_HanyaBaca: neither added nor changed; deleted as a draft's part).
    # The printed record of an import: read only, never deleted by hand (a re-import replaces it).
    **_admin("agreements.rencanaaksi", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("agreements.catatanimpor", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    # A signed scan (of unit B's draft): read only.
    **_admin("agreements.pindaianpk", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    # An upload waiting for acceptance (operator A's): each user sees his own only.
    **_admin("agreements.unggahanpk", STAF, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    # The issued document of unit B's published PK: public, so any staff reads it; never changed.
    **_admin("documents.dokumenterbit", STAF, TIDAK_ADA, STAF, TIDAK_ADA, STAF),
    # SKM of unit B (a closed period); responses, aggregates, codes, snapshots are read only (HanyaBaca).
    # Period B is closed: read only in the admin as on the web (its page shows, nobody deletes it).
    **_admin("surveys.periodesurvei", STAF, STAF, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("surveys.jenislayanan", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("surveys.opsiprofil", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("surveys.respons", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("surveys.agregat", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("surveys.kodetiket", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("surveys.snapshotikm", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    # Monitoring: the pemda's rules (changed by its admin; the pemda is above unit A's admin); realisasi,
    # evidence, plans, budget and corrections of unit B's published PK, read only.
    **_admin("monitoring.pengaturanpantau", STAF, STAF, PEMDA, PEMDA, PEMDA),
    **_admin("monitoring.realisasi", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("monitoring.rencanaindikator", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("monitoring.buktirealisasi", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("monitoring.realisasianggaran", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    **_admin("monitoring.permintaankoreksi", STAF, TIDAK_ADA, PEMDA, TIDAK_ADA, PEMDA),
    # The trail: superusers only. Users and groups: the unit admins hold no auth permission.
    **_admin("riwayat.riwayat", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    **_admin("auth.group", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    **_admin("auth.user", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    # Login attempts and lockouts (django-axes): every user's names and addresses, the superuser's only.
    **_admin("axes.accessattempt", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    **_admin("axes.accesslog", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    **_admin("axes.accessfailurelog", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    # Second-factor devices (their secrets): the superuser's only (he deletes a lost phone's device).
    **_admin("otp_totp.totpdevice", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    "admin:otp_totp_totpdevice_config": {"GET": TIDAK_ADA},
    "admin:otp_totp_totpdevice_qrcode": {"GET": TIDAK_ADA},
    **_admin("otp_static.staticdevice", TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA, TIDAK_ADA),
    "admin:auth_user_password_change": {"GET": TIDAK_ADA},
    # Escaping one's subtree in the admin (POST; allowed = the change is in the database). Nobody grants
    # a role on, or files his unit under, a unit above or beside his own (and so reads its data):
    # (a) a role on the pemda (above unit A) or on unit B (beside it), added or moved there;
    "admin:units_unitrole_add[peran di pemda]": {"POST": PEMDA},
    "admin:units_unitrole_add[peran di unit B]": {"POST": PEMDA},
    "admin:units_unitrole_change[pindah ke pemda]": {"POST": PEMDA},  # operator A's role
    # (b) unit A moved under unit B; or made a root, which only a superuser may;
    "admin:units_unit_change[pindah induk]": {"POST": PEMDA},
    "admin:units_unit_change[jadi akar]": {"POST": TIDAK_ADA},
    # (c) a role reaching beyond the unit it is held on: inspektorat views the whole pemda (MATRIX), so
    # only an admin of the pemda may grant it: by the role form, or by the role inline of a unit (here a
    # kelurahan below unit A).
    "admin:units_unitrole_add[inspektorat di unit A]": {"POST": PEMDA},
    "admin:units_unit_change[inspektorat lewat inline]": {"POST": PEMDA},
    # Not an escape: unit A renamed and left where it is, by those who may admin it (UnitAdmin).
    "admin:units_unit_change[ganti nama]": {"POST": ADMIN_A},
    # The NIP checked as it is typed: any logged-in user (it answers about the digits, and names a
    # pejabat only to those who may view his unit).
    "units:periksa_nip": {"GET": MASUK},
    # The pemda's own admin screens (/pemda/…, kinerja/units/views_pemda.py): login, then an admin role
    # somewhere (else 403); an object outside one's subtree is a 404; a refused form a 400 (the right
    # was passed). The lists and add forms: any admin (the choices are his units; here unit A's).
    "units:pemda_unit": {"GET": ADMIN_SEMBARANG},
    "units:pemda_unit_tambah": {"GET": ADMIN_SEMBARANG, "POST": ADMIN_SEMBARANG},
    "units:pemda_unit_ubah[unit A]": {"GET": ADMIN_A, "POST": ADMIN_A},  # renamed by its own admin too
    "units:pemda_unit_ubah[unit B]": {"GET": PEMDA, "POST": PEMDA},
    "units:pemda_unit_pindah[sub A di tempatnya]": {"POST": ADMIN_A},  # 400: it is there already
    "units:pemda_pejabat": {"GET": ADMIN_SEMBARANG},
    "units:pemda_pejabat[unit B]": {"GET": PEMDA},
    "units:pemda_pejabat_tambah": {"GET": ADMIN_SEMBARANG, "POST": ADMIN_SEMBARANG},
    "units:pemda_pejabat_ubah[pejabat A]": {"GET": ADMIN_A, "POST": ADMIN_A},
    "units:pemda_pejabat_ubah[pejabat B]": {"GET": PEMDA, "POST": PEMDA},
    "units:pemda_pejabat_pindah[jabatan baru di unit A]": {"POST": ADMIN_A},
    "units:pemda_pengguna": {"GET": ADMIN_SEMBARANG},
    "units:pemda_pengguna_tambah": {"GET": ADMIN_SEMBARANG, "POST": ADMIN_SEMBARANG},
    "units:pemda_peran_beri": {"POST": ADMIN_SEMBARANG},  # operator on unit A, to the user without role
    "units:pemda_pengguna_tautan_sandi[operator A]": {"POST": ADMIN_A},
    "units:pemda_pengguna_tautan_sandi[operator B]": {"POST": PEMDA},
    "units:pemda_peran_cabut[operator A]": {"GET": ADMIN_A, "POST": ADMIN_A},
    "units:pemda_peran_cabut[operator B]": {"GET": PEMDA, "POST": PEMDA},
    # Escaping one's subtree there (decided by the database: a GET changes nothing, so it counts as
    # denied): a unit, a pejabat or a user filed under unit B; unit A moved by its own admin, or sub A
    # (his) moved out to unit B; a role on unit B, inspektorat (it reads the whole pemda) or one's own.
    "units:pemda_unit_tambah[di unit B]": {"GET": TIDAK_ADA, "POST": PEMDA},
    "units:pemda_unit_pindah[unit A ke unit B]": {"POST": PEMDA},
    "units:pemda_unit_pindah[sub A ke unit B]": {"POST": PEMDA},
    "units:pemda_pejabat_tambah[di unit B]": {"GET": TIDAK_ADA, "POST": PEMDA},
    "units:pemda_pejabat_pindah[pejabat A ke unit B]": {"POST": PEMDA},
    "units:pemda_pengguna_tambah[di unit B]": {"GET": TIDAK_ADA, "POST": PEMDA},
    "units:pemda_peran_beri[di unit B]": {"POST": PEMDA},
    "units:pemda_peran_beri[inspektorat di unit A]": {"POST": PEMDA},
    "units:pemda_peran_cabut[admin unit A]": {"GET": TIDAK_ADA, "POST": PEMDA},  # unit A admin's own role
}


# --------------------------------------------------------------------------------------------------
# The world the rows point into
# --------------------------------------------------------------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    """A fast password hasher for the cast (PBKDF2 costs half a second a user)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _draf_siap(tahun: int):
    """A draft PK of unit A for `tahun` that may be submitted (one signer on every page, dates in the year)."""
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
    """The cast; unit A's objects (what the URLs open); unit B's objects (what the admin pages open)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

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
    beri_peran(admin_unit, unit_a, "admin")  # staff, group "Admin unit kinerja"
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
    assert list(w.pemeran) == list(PEMERAN)

    # PKs of unit A: a draft (2024), a published one (2023) with its signed scan and issued document, and
    # one in each state a transition starts from.
    pindaian = periksa_pindaian("s.pdf", b"%PDF-1.4 x")
    w.draf = pk_factory(unit_a, draft=True)
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

    # SKM of unit A: an open period with answers; a closed one with its results and a follow-up.
    hari = timezone.localdate()
    minggu = timedelta(days=7)
    w.dibuka = services.buat_periode(
        unit_a, judul="Semester berjalan", tanggal_mulai=hari - minggu, tanggal_selesai=hari + minggu
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
        periode=w.ditutup, kode_unsur="U5", uraian="Percepat", penanggung_jawab="Sekcam", target_waktu=hari
    )

    # Unit B: a draft PK with every part, a published PK with its issued document, a closed period.
    pk_b = pk_factory(unit_b, draft=True)
    terbit_b = pk_factory(unit_b, tahun=2023)
    indikator_b = Indikator.objects.filter(sasaran__perjanjian=pk_b).first()
    rencana_b = RencanaAksi.objects.create(
        perjanjian=pk_b, indikator_teks=indikator_b.uraian, indikator=indikator_b, periode="TW I"
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
    for _ in range(3):
        services.kirim_respons(periode_b, {**{f"U{k}": 3 for k in range(1, 10)}, "jenis_layanan": layanan_b})
    services.tutup_periode(periode_b, sistem)
    # Monitoring: of unit A's published PK, a realisasi with its evidence and a correction request; of
    # unit B's, one of each record (the admin's objects).
    from kinerja.monitoring import models as mon

    def pantau(pk):
        ind = Indikator.objects.filter(sasaran__perjanjian=pk).order_by("pk").first()
        r = mon.Realisasi.objects.create(indikator=ind, triwulan=1, nilai=5, status="diajukan")
        bukti = mon.BuktiRealisasi(
            realisasi=r, nama_berkas="b.pdf", jenis_isi="application/pdf", ukuran=10, sha256="0"
        )
        bukti.berkas.save("b.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
        koreksi = mon.PermintaanKoreksi.objects.create(
            perjanjian=pk, triwulan=1, alasan="Data terlambat masuk."
        )
        return ind, r, bukti, koreksi

    w.indikator_terbit, _r, w.bukti, w.koreksi = pantau(w.terbit)
    w.evaluasi, w.bukti_evaluasi, w.rekomendasi = _evaluasi(unit_a, operator_a)
    ind_b, realisasi_b, bukti_b, koreksi_b = pantau(terbit_b)
    # The object each ModelAdmin's change, delete and history pages open.
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
        "agreements.unggahanpk": w.unggahan,  # no unit: operator A's
        "documents.dokumenterbit": dokumen_terbit(terbit_b),
        "surveys.periodesurvei": periode_b,
        "surveys.jenislayanan": layanan_b,
        "surveys.opsiprofil": OpsiProfil.objects.filter(unit=unit_b).first(),
        "surveys.respons": Respons.objects.filter(periode=periode_b).first(),
        "surveys.agregat": Agregat.objects.filter(periode=periode_b).first(),
        "surveys.kodetiket": KodeTiket.objects.filter(periode=periode_b).first(),
        "surveys.snapshotikm": SnapshotIKM.objects.filter(periode=periode_b).first(),
        "monitoring.pengaturanpantau": mon.PengaturanPantau.objects.create(unit=pemda, batas_capaian="120"),
        "monitoring.realisasi": realisasi_b,
        "monitoring.rencanaindikator": mon.RencanaIndikator.objects.create(indikator=ind_b, target_tw1=1),
        "monitoring.buktirealisasi": bukti_b,
        "monitoring.realisasianggaran": mon.RealisasiAnggaran.objects.create(
            program=terbit_b.program.first(), triwulan=1, nilai=1000
        ),
        "monitoring.permintaankoreksi": koreksi_b,
        "riwayat.riwayat": Riwayat.objects.first(),  # no unit
        "auth.group": grup_admin(),
        "auth.user": operator_b,
        "axes.accessattempt": AccessAttempt.objects.create(
            username="operator_b", ip_address="10.0.0.1", user_agent="", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(
            username="operator_b", ip_address="10.0.0.1", user_agent=""
        ),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="operator_b", ip_address="10.0.0.1", user_agent=""
        ),
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=operator_b, name="autentikator"),
        "otp_static.staticdevice": StaticDevice.objects.create(user=operator_b, name="pemulihan"),
    }
    assert all(w.admin_objek.values()), w.admin_objek
    return w


def _evaluasi(unit, operator):
    """Unit A's SAKIP evaluation of 2023 (draf), an evidence file and a recommendation."""
    from kinerja.evaluation import layanan
    from kinerja.evaluation.models import Rekomendasi
    from kinerja.monitoring.bukti import periksa_bukti

    ev = layanan.buka(operator, unit, 2023)
    bukti = layanan.tambah_bukti(operator, ev, "1.a.1", berkas=periksa_bukti("renstra.pdf", b"%PDF-1.4 x"))
    return ev, bukti, Rekomendasi.objects.create(evaluasi=ev, nomor=1, teks="Perbaiki IKU.")


def _permintaan(w) -> dict[str, SimpleNamespace]:
    """Each row of the table as a request: its URL, its POST body and (admin POST rows) what to look at."""
    from django.contrib.contenttypes.models import ContentType

    from kinerja.units.models import Unit, UnitRole

    r: dict[str, SimpleNamespace] = {}
    u = reverse

    def baris(kunci, url, data=None, cek=None):
        r[kunci] = SimpleNamespace(url=url, data=data or {}, cek=cek)

    for nama in (
        "masuk",
        "keluar",
        "set_language",
        "akun_sandi",
        "akun_sandi_lupa",
        "akun_sandi_terkirim",
        "akun_dua_langkah",
        "log_keamanan",
    ):
        baris(nama, u(nama))
    baris("akun_sandi_atur", u("akun_sandi_atur", args=["MQ", "token-palsu"]))  # an invalid link: a page

    baris("agreements:pk_list", u("agreements:pk_list"))
    baris("agreements:pohon", u("agreements:pohon"))
    baris("surveys:daftar_hasil", u("surveys:daftar_hasil"))
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
    draf = w.draf
    sasaran = draf.sasaran.order_by("urutan", "pk").first()
    indikator = sasaran.indikator.order_by("urutan", "pk").first()
    program = draf.program.order_by("urutan", "pk").first()
    baris("agreements:pk_baru", u("agreements:pk_baru"))
    baris("agreements:pk_sunting", u("agreements:pk_sunting", args=[draf.pk]))
    for nama in ("kepala", "tanda_tangan", "sasaran_tambah", "program_tambah", "atasan", "turunkan"):
        baris(f"agreements:pk_sunting_{nama}", u(f"agreements:pk_sunting_{nama}", args=[draf.pk]))
    for ke in ("pertama", "kedua"):
        baris(f"agreements:pk_sunting_pihak[{ke}]", u("agreements:pk_sunting_pihak", args=[draf.pk, ke]))
    baris(
        "agreements:pk_sunting_indikator_tambah",
        u("agreements:pk_sunting_indikator_tambah", args=[draf.pk, sasaran.pk]),
    )
    baris(
        "agreements:pk_sunting_penjelasan",
        u("agreements:pk_sunting_penjelasan", args=[draf.pk, indikator.pk]),
    )
    for bagian, obj in (("sasaran", sasaran), ("indikator", indikator), ("program", program)):
        baris(
            f"agreements:pk_sunting_baris[{bagian}]",
            u("agreements:pk_sunting_baris", args=[draf.pk, bagian, obj.pk]),
        )
        baris(
            f"agreements:pk_sunting_hapus[{bagian}]",
            u("agreements:pk_sunting_hapus", args=[draf.pk, bagian, obj.pk]),
        )
        baris(
            f"agreements:pk_sunting_pindah[{bagian}]",
            u("agreements:pk_sunting_pindah", args=[draf.pk, bagian, obj.pk, "turun"]),
        )
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
    pk_b = w.admin_objek["agreements.perjanjiankinerja"]
    jenis_pk = ContentType.objects.get_for_model(pk_b).pk
    baris("admin:view_on_site", u("admin:view_on_site", args=[jenis_pk, pk_b.pk]))
    baris("admin:autocomplete[tanpa parameter]", u("admin:autocomplete"))
    for app, model, field in (("units", "unit", "induk"), ("units", "unitrole", "user")):
        kueri = urlencode({"app_label": app, "model_name": model, "field_name": field, "term": ""})
        baris(f"admin:autocomplete[{app}.{model}.{field}]", f"{u('admin:autocomplete')}?{kueri}")
    t, tw = w.terbit.pk, 2
    baris("monitoring:dasbor", u("monitoring:dasbor"))
    baris("monitoring:pk", u("monitoring:pk", args=[t]))
    baris("monitoring:triwulan", u("monitoring:triwulan", args=[t, tw]), {"aksi": "ajukan"})
    baris("monitoring:rencana", u("monitoring:rencana", args=[t]), {"indikator": w.indikator_terbit.pk})
    baris("monitoring:bukti", u("monitoring:bukti", args=[w.bukti.pk]))
    baris("monitoring:koreksi", u("monitoring:koreksi", args=[w.koreksi.pk]), {"keputusan": "setujui"})
    baris("monitoring:laporan_triwulan", u("monitoring:laporan_triwulan", args=[t, tw]))
    baris("monitoring:laporan_triwulan[pdf]", u("monitoring:laporan_triwulan", args=[t, tw]) + "?format=pdf")
    baris("monitoring:lkjip", u("monitoring:lkjip", args=[t]))
    baris("monitoring:lkjip[docx]", u("monitoring:lkjip", args=[t]) + "?format=docx")
    baris("monitoring:lembar_unduh", u("monitoring:lembar_unduh", args=[t, tw]))
    baris("monitoring:rencana_unduh", u("monitoring:rencana_unduh", args=[t]))
    e = w.evaluasi.pk
    baris("evaluation:daftar", u("evaluation:daftar"), {"unit": w.unit_a.pk, "tahun": "2022"})
    baris("evaluation:lembar", u("evaluation:lembar", args=[e]), {"aksi": "simpan"})
    baris("evaluation:lhe[pdf]", u("evaluation:lhe", args=[e, "pdf"]))
    baris("evaluation:lhe[docx]", u("evaluation:lhe", args=[e, "docx"]))
    baris("evaluation:bukti", u("evaluation:bukti", args=[w.bukti_evaluasi.pk]))
    baris(
        "evaluation:rekomendasi",
        u("evaluation:rekomendasi", args=[w.rekomendasi.pk]),
        {"aksi": "jawab", "tindak_lanjut": "Sudah."},
    )
    baris("monitoring:lembar_unggah", u("monitoring:lembar_unggah", args=[t, tw]))
    baris("monitoring:lembar_pratinjau", u("monitoring:lembar_pratinjau", args=[t, tw, "tidak-ada"]))
    baris("monitoring:rencana_unggah", u("monitoring:rencana_unggah", args=[t]))
    baris("monitoring:rencana_pratinjau", u("monitoring:rencana_pratinjau", args=[t, "tidak-ada"]))
    for app in ("units", "agreements", "documents", "surveys", "monitoring", "auth", "riwayat"):
        baris(f"admin:app_list[{app}]", u("admin:app_list", args=[app]))
    baris("admin/(?P<url>.*)$", "/admin/tidak-ada/")
    for model, obj in w.admin_objek.items():
        info = model.replace(".", "_")
        baris(f"admin:{info}_changelist", u(f"admin:{info}_changelist"))
        baris(f"admin:{info}_add", u(f"admin:{info}_add"))
        for jenis in ("change", "delete", "history"):
            baris(f"admin:{info}_{jenis}", u(f"admin:{info}_{jenis}", args=[obj.pk]))
        baris(
            f"admin/{model.replace('.', '/')}/<path:object_id>/",
            f"/admin/{model.replace('.', '/')}/{obj.pk}/",
        )
    perangkat = w.admin_objek["otp_totp.totpdevice"].pk
    for jenis in ("config", "qrcode"):
        baris(f"admin:otp_totp_totpdevice_{jenis}", u(f"admin:otp_totp_totpdevice_{jenis}", args=[perangkat]))
    baris(
        "admin:auth_user_password_change",
        u("admin:auth_user_password_change", args=[w.pemeran["operator_b"].pk]),
    )

    # The admin POST rows: decided by what is in the database afterwards.
    tanpa_peran = w.pemeran["tanpa_peran"]

    def peran_ada(unit, peran):
        return lambda: UnitRole.objects.filter(user=tanpa_peran, unit=unit, peran=peran).exists()

    for nama, unit, peran in (
        ("peran di pemda", w.pemda, "operator"),
        ("peran di unit B", w.unit_b, "operator"),
        ("inspektorat di unit A", w.unit_a, "inspektorat"),
    ):
        data = {"user": tanpa_peran.pk, "unit": unit.pk, "peran": peran}
        baris(
            f"admin:units_unitrole_add[{nama}]", u("admin:units_unitrole_add"), data, peran_ada(unit, peran)
        )
    role_a = UnitRole.objects.get(user=w.pemeran["operator_a"])
    baris(
        "admin:units_unitrole_change[pindah ke pemda]",
        u("admin:units_unitrole_change", args=[role_a.pk]),
        {"user": role_a.user_id, "unit": w.pemda.pk, "peran": role_a.peran},
        lambda: UnitRole.objects.get(pk=role_a.pk).unit_id == w.pemda.pk,
    )

    def form_unit(unit, induk, nama=None, inline=()):
        """The change form of `unit` as a browser sends it: `induk`, `nama`, rows of the role inline."""
        data = {"nama": nama or unit.nama, "jenis": unit.jenis, "induk": induk, "kode": ""}
        data |= {"peran-TOTAL_FORMS": len(inline), "peran-INITIAL_FORMS": 0}
        for i, baris_inline in enumerate(inline):
            data |= {f"peran-{i}-{k}": v for k, v in baris_inline.items()}
        return data

    def unit_a():
        return Unit.objects.get(pk=w.unit_a.pk)

    ubah_a = u("admin:units_unit_change", args=[w.unit_a.pk])
    baris(
        "admin:units_unit_change[pindah induk]",
        ubah_a,
        form_unit(w.unit_a, w.unit_b.pk),
        lambda: unit_a().induk_id == w.unit_b.pk,
    )
    baris(
        "admin:units_unit_change[jadi akar]", ubah_a, form_unit(w.unit_a, ""), lambda: unit_a().induk is None
    )
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
        peran_ada(w.sub_a, "inspektorat"),
    )
    _permintaan_pemda(w, baris, peran_ada)
    return r


def _permintaan_pemda(w, baris, peran_ada) -> None:
    """The rows of the pemda's admin screens (/pemda/…)."""
    from django.contrib.auth import get_user_model

    from kinerja.units.models import Pejabat, Unit, UnitRole

    u = reverse
    camat_a = w.draf.pihak_pertama  # a pejabat of unit A
    role_a = UnitRole.objects.get(user=w.pemeran["operator_a"])
    role_b = UnitRole.objects.get(user=w.pemeran["operator_b"])
    role_admin_a = UnitRole.objects.get(user=w.pemeran["admin_unit"], peran="admin")
    tanpa_peran = w.pemeran["tanpa_peran"]

    def induk(unit):
        return Unit.objects.get(pk=unit.pk).induk_id

    unit_baru = {"nama": "Kelurahan Matriks", "jenis": "sub_unit", "kode": ""}
    pejabat_baru = {"nama": "PEJABAT MATRIKS", "nip": "", "jabatan": "Lurah", "pangkat": ""}
    pengguna_baru = {"peran": "operator", "sandi": "", "sandi_ulang": ""}

    baris("units:periksa_nip", u("units:periksa_nip"))
    baris("units:pemda_unit", u("units:pemda_unit"))
    baris("units:pemda_unit_tambah", u("units:pemda_unit_tambah"), {**unit_baru, "induk": w.unit_a.pk})
    for nama, unit in (("unit A", w.unit_a), ("unit B", w.unit_b)):
        data = {"nama": f"{unit.nama} (baru)", "jenis": unit.jenis, "kode": ""}
        baris(f"units:pemda_unit_ubah[{nama}]", u("units:pemda_unit_ubah", args=[unit.pk]), data)
    pindah_sub = u("units:pemda_unit_pindah", args=[w.sub_a.pk])
    baris("units:pemda_unit_pindah[sub A di tempatnya]", pindah_sub, {"induk": w.unit_a.pk})
    baris("units:pemda_pejabat", u("units:pemda_pejabat"))
    baris("units:pemda_pejabat[unit B]", f"{u('units:pemda_pejabat')}?unit={w.unit_b.pk}")
    baris(
        "units:pemda_pejabat_tambah", u("units:pemda_pejabat_tambah"), {**pejabat_baru, "unit": w.unit_a.pk}
    )
    for nama, pejabat in (("pejabat A", camat_a), ("pejabat B", w.admin_objek["units.pejabat"])):
        data = {"nama": f"{pejabat.nama} (baru)", "nip": pejabat.nip or "", "pangkat": ""}
        baris(f"units:pemda_pejabat_ubah[{nama}]", u("units:pemda_pejabat_ubah", args=[pejabat.pk]), data)
    pindah_camat = u("units:pemda_pejabat_pindah", args=[camat_a.pk])
    data = {"unit": w.unit_a.pk, "jabatan": "Sekretaris Camat Bajeng"}
    baris("units:pemda_pejabat_pindah[jabatan baru di unit A]", pindah_camat, data)
    baris("units:pemda_pengguna", u("units:pemda_pengguna"))
    data = {**pengguna_baru, "username": "baru_a", "unit": w.unit_a.pk}
    baris("units:pemda_pengguna_tambah", u("units:pemda_pengguna_tambah"), data)
    data = {"username": tanpa_peran.username, "unit": w.unit_a.pk, "peran": "operator"}
    baris("units:pemda_peran_beri", u("units:pemda_peran_beri"), data)
    for nama, role in (("operator A", role_a), ("operator B", role_b)):
        baris(f"units:pemda_peran_cabut[{nama}]", u("units:pemda_peran_cabut", args=[role.pk]))
        url = u("units:pemda_pengguna_tautan_sandi", args=[role.user_id])
        baris(f"units:pemda_pengguna_tautan_sandi[{nama}]", url)

    # Escapes, decided by the database.
    baris(
        "units:pemda_unit_tambah[di unit B]",
        u("units:pemda_unit_tambah"),
        {**unit_baru, "induk": w.unit_b.pk},
        lambda: Unit.objects.filter(induk=w.unit_b, nama="Kelurahan Matriks").exists(),
    )
    for nama, unit in (("unit A", w.unit_a), ("sub A", w.sub_a)):
        baris(
            f"units:pemda_unit_pindah[{nama} ke unit B]",
            u("units:pemda_unit_pindah", args=[unit.pk]),
            {"induk": w.unit_b.pk},
            lambda unit=unit: induk(unit) == w.unit_b.pk,
        )
    baris(
        "units:pemda_pejabat_tambah[di unit B]",
        u("units:pemda_pejabat_tambah"),
        {**pejabat_baru, "unit": w.unit_b.pk},
        lambda: Pejabat.objects.filter(unit=w.unit_b, nama="PEJABAT MATRIKS").exists(),
    )
    baris(
        "units:pemda_pejabat_pindah[pejabat A ke unit B]",
        pindah_camat,
        {"unit": w.unit_b.pk, "jabatan": "Camat Pallangga"},
        lambda: Pejabat.objects.get(pk=camat_a.pk).unit_id == w.unit_b.pk,
    )
    baris(
        "units:pemda_pengguna_tambah[di unit B]",
        u("units:pemda_pengguna_tambah"),
        {**pengguna_baru, "username": "baru_b", "unit": w.unit_b.pk},
        lambda: get_user_model().objects.filter(username="baru_b").exists(),
    )
    for nama, unit, peran in (
        ("di unit B", w.unit_b, "operator"),
        ("inspektorat di unit A", w.unit_a, "inspektorat"),
    ):
        baris(
            f"units:pemda_peran_beri[{nama}]",
            u("units:pemda_peran_beri"),
            {"username": tanpa_peran.username, "unit": unit.pk, "peran": peran},
            peran_ada(unit, peran),
        )
    baris(
        "units:pemda_peran_cabut[admin unit A]",
        u("units:pemda_peran_cabut", args=[role_admin_a.pk]),
        cek=lambda: not UnitRole.objects.filter(pk=role_admin_a.pk).exists(),
    )


# --------------------------------------------------------------------------------------------------
# Helpers: the URL patterns, the methods a view accepts, one request and its outcome
# --------------------------------------------------------------------------------------------------


def _pola(patterns=None, awalan="", ns=""):
    """Every URL pattern as (key, route, view): the key is "namespace:name", or the route when unnamed."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            lapis = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            yield from _pola(p.url_patterns, awalan + str(p.pattern), lapis)
        elif isinstance(p, URLPattern):
            rute = awalan + str(p.pattern)
            kunci = (f"{ns}:{p.name}" if ns else p.name) if p.name else rute
            yield kunci, rute, p.callback


def _metode(view) -> set[str]:
    """GET/POST as the view accepts them: require_http_methods' list, a class's handlers, or the code."""
    kelas = getattr(view, "view_class", None)
    if kelas is not None:
        return {m.upper() for m in ("get", "post") if m in kelas.http_method_names and hasattr(kelas, m)}
    fn = view
    while fn is not None:  # through the decorators (functools.wraps: __wrapped__)
        if "request_method_list" in fn.__code__.co_freevars:
            sel = fn.__closure__[fn.__code__.co_freevars.index("request_method_list")]
            return {m for m in sel.cell_contents if m in ("GET", "POST")}
        fn = getattr(fn, "__wrapped__", None)
    return {"GET", "POST"} if "POST" in inspect.getsource(inspect.unwrap(view)) else {"GET"}


def _ditolak(respons, admin: bool) -> bool:
    if respons.status_code in (403, 404, 405):
        return True
    if respons.status_code in (301, 302, 303, 307, 308):
        lokasi = urlsplit(respons["Location"]).path
        return lokasi.startswith(("/masuk/", "/admin/login/")) or (admin and lokasi == "/admin/")
    return False


def _minta(client: Client, metode: str, p: SimpleNamespace) -> tuple[bool | None, str]:
    """One request in a transaction rolled back at once: (allowed, what came back); None for an error."""
    with transaction.atomic():
        try:
            r = client.get(p.url) if metode == "GET" else client.post(p.url, p.data)
        except Exception as exc:  # a server error: a difference whatever the table says
            transaction.set_rollback(True)
            return None, f"galat {type(exc).__name__}: {exc}"
        boleh = p.cek() if p.cek is not None else not _ditolak(r, p.url.startswith("/admin/"))
        transaction.set_rollback(True)
    return boleh, f"{r.status_code}" + (f" → {r['Location']}" if r.has_header("Location") else "")


def _cakupan(pola) -> list[str]:
    """Differences between the URL patterns and the table: a pattern without rows, a row without a
    pattern, rows whose methods are not those the view accepts (outside the admin)."""
    salah = []
    per_pola: dict[str, list[str]] = {}
    for baris in HARAPAN:
        per_pola.setdefault(baris.split("[")[0], []).append(baris)
    for kunci, rute, view in pola:
        if kunci not in per_pola:
            salah.append(f"{kunci} ({rute}): pola URL tanpa baris di tabel HARAPAN")
        elif not rute.startswith("admin/"):
            metode = _metode(view)
            for baris in per_pola[kunci]:
                if set(HARAPAN[baris]) != metode:
                    salah.append(f"{baris}: tabel {sorted(HARAPAN[baris])}, view menerima {sorted(metode)}")
    ada = {kunci for kunci, _, _ in pola}
    return salah + [f"{b}: baris tanpa pola URL" for b in HARAPAN if b.split("[")[0] not in ada]


# --------------------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------------------


def test_matriks_izin(dunia, capsys, caplog):
    mulai = time.monotonic()
    caplog.set_level(logging.ERROR, logger="django.request")  # no warning per 403/404: the list says it
    pola = list(_pola())
    salah = _cakupan(pola)
    permintaan = _permintaan(dunia)
    salah += [f"{b}: baris tanpa permintaan" for b in HARAPAN if b not in permintaan]
    salah += [f"{b}: permintaan tanpa baris" for b in permintaan if b not in HARAPAN]

    n = 0
    for nama in PEMERAN:
        client = Client()
        if dunia.pemeran[nama] is not None:
            client.force_login(dunia.pemeran[nama])
        sesi = client.cookies.get(settings.SESSION_COOKIE_NAME)
        for baris, per_metode in HARAPAN.items():
            p = permintaan.get(baris)
            for metode, boleh_menurut_tabel in per_metode.items() if p else ():
                boleh, hasil = _minta(client, metode, p)
                n += 1
                harus = nama in boleh_menurut_tabel
                if boleh != harus:
                    salah.append(
                        f"{baris} {metode} {p.url} sebagai {nama}: {hasil}, "
                        f"harusnya {'boleh' if harus else 'ditolak'}"
                    )
                # Nothing carries over: the session cookie as logged in (a logout changed it, the rollback
                # restored its row), no message cookie.
                client.cookies.clear()
                if sesi is not None:
                    client.cookies[settings.SESSION_COOKIE_NAME] = sesi.value

    detik = time.monotonic() - mulai
    with capsys.disabled():
        print(
            f"\nmatriks izin: {n} kasus ({len(pola)} pola URL, {len(HARAPAN)} baris tabel, "
            f"{len(PEMERAN)} pemeran), {len(salah)} selisih, {detik:.1f} s"
        )
    assert not salah, "\n".join(salah)
