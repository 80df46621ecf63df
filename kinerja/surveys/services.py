"""SKM workflow verbs: set up a period, take a response, close a period, recompute, ticket codes.

Views, the CLI and imports call these; the IKM itself is computed by kinerja.domain.ikm only.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.domain import sampling
from kinerja.domain.ikm import HasilIKM, IKMError, daftar_unsur, ikm_dari_agregat
from kinerja.domain.numbers import bulatkan
from kinerja.domain.teks_masuk import bersihkan
from kinerja.surveys import kuesioner
from kinerja.surveys.kuesioner import PROFIL
from kinerja.surveys.models import (
    OPSI_PROFIL_BAWAAN,
    Agregat,
    JejakKlien,
    JenisLayanan,
    KodeTiket,
    OpsiProfil,
    PeriodeSurvei,
    Respons,
    SnapshotIKM,
    UnsurPeriode,
    kolom_jawaban,
)
from kinerja.units.models import Unit
from kinerja.units.permissions import can

# Rate limit per client address and period (docs/skm.md): one counter PC or an office behind one NAT
# never sends 20 complete questionnaires a minute (a respondent needs about a minute for nine questions),
# while a script does. Counted on accepted responses only; settings may override both numbers.
BATAS_PER_MENIT = 20
BATAS_PER_JAM = 300
BATAS_PER_HARI = 150

# Ticket codes: 8 symbols without look-alikes (no 0/O, 1/I/L), about 40 bits; printed as XXXX-XXXX.
ABJAD_KODE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PANJANG_KODE = 8
MAKS_KODE_SEKALI = 5000


class SKMError(Exception):
    """A survey action refused for a reason the user can act on; the message is Indonesian."""


class PeriodeDitutup(SKMError):
    """The period no longer accepts responses."""


class BatasKiriman(SKMError):
    """Too many responses from one client address in a short time; `jenis` is the limit: menit, jam, hari."""

    def __init__(self, pesan: str, jenis: str = "menit") -> None:
        super().__init__(pesan)
        self.jenis = jenis


class SudahDiterima(SKMError):
    """This form (its one-time number) was already received: nothing is stored twice."""


# --------------------------------------------------------------------------------------------------
# Setup
# --------------------------------------------------------------------------------------------------


def pastikan_opsi_profil(unit: Unit) -> None:
    """Give a unit the default profile option lists (docs/skm.md §8) if it has none yet."""
    if OpsiProfil.objects.filter(unit=unit).exists():
        return
    OpsiProfil.objects.bulk_create(
        [
            OpsiProfil(unit=unit, pertanyaan=pertanyaan, label=label, urutan=i)
            for pertanyaan, labels in OPSI_PROFIL_BAWAAN.items()
            for i, label in enumerate(labels, start=1)
        ],
        ignore_conflicts=True,
    )


def buat_periode(
    unit: Unit,
    *,
    judul: str,
    tanggal_mulai: date,
    tanggal_selesai: date,
    jenis: str = PeriodeSurvei.Jenis.SEMESTER,
    regime: str = "2017",
    penimbang: str = "tepat",
    populasi: int | None = None,
    wajib_kode_tiket: bool = False,
    unsur: Mapping[str, Mapping[str, str]] | None = None,
) -> PeriodeSurvei:
    """A new open period with the regime's questionnaire; `unsur` overrides wording/labels per code."""
    ubah = unsur or {}
    with transaction.atomic():
        periode = PeriodeSurvei.objects.create(
            unit=unit,
            judul=judul,
            jenis=jenis,
            tanggal_mulai=tanggal_mulai,
            tanggal_selesai=tanggal_selesai,
            regime=regime,
            penimbang=penimbang,
            populasi=populasi,
            wajib_kode_tiket=wajib_kode_tiket,
        )
        baris = []
        for i, u in enumerate(daftar_unsur(regime), start=1):  # type: ignore[arg-type]
            lain = ubah.get(u.kode, {})
            baris.append(
                UnsurPeriode(
                    periode=periode,
                    kode=u.kode,
                    nama=lain.get("nama") or u.nama,
                    pertanyaan=lain.get("pertanyaan") or u.pertanyaan,
                    label_1=lain.get("label_1") or u.label[0],
                    label_2=lain.get("label_2") or u.label[1],
                    label_3=lain.get("label_3") or u.label[2],
                    label_4=lain.get("label_4") or u.label[3],
                    urutan=i,
                )
            )
        UnsurPeriode.objects.bulk_create(baris)
        pastikan_opsi_profil(unit)
    return periode


# --------------------------------------------------------------------------------------------------
# Client address: a keyed hash whose key changes daily; the address itself is never stored
# --------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _garam(hari: date) -> bytes:
    return hashlib.sha256(f"kinerja.skm.jejak|{settings.SECRET_KEY}|{hari.isoformat()}".encode()).digest()


def _normalkan_alamat(alamat: str) -> str:
    """An IPv4 address as is; an IPv6 address as its /64 (one household or phone holds a whole /64)."""
    try:
        ip = ipaddress.ip_address(alamat.strip())
    except ValueError:
        return alamat.strip()[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


def kunci_klien(alamat: str, hari: date | None = None) -> str:
    """HMAC of the (normalised) client address with the day's key: 32 hex characters."""
    hari = hari or timezone.localdate()
    return hmac.new(_garam(hari), _normalkan_alamat(alamat).encode(), hashlib.sha256).hexdigest()[:32]


_terakhir_bersih: date | None = None


def bersihkan_jejak(hari: date | None = None) -> int:
    """Delete rate-limit traces of earlier days (their key no longer exists); returns the number deleted."""
    global _terakhir_bersih
    hari = hari or timezone.localdate()
    jumlah, _per_model = JejakKlien.objects.filter(hari__lt=hari).delete()
    _terakhir_bersih = hari
    return jumlah


def _bersihkan_sekali_sehari(hari: date) -> None:
    # Once per process per day, on the first response of the day: no cron needed to keep "one day" true.
    if _terakhir_bersih != hari:
        bersihkan_jejak(hari)


def _batas() -> tuple[int, int, int]:
    return (
        int(getattr(settings, "KINERJA_SKM_BATAS_PER_MENIT", BATAS_PER_MENIT)),
        int(getattr(settings, "KINERJA_SKM_BATAS_PER_JAM", BATAS_PER_JAM)),
        int(getattr(settings, "KINERJA_SKM_BATAS_PER_HARI", BATAS_PER_HARI)),
    )


@dataclass(frozen=True)
class _Perintah:
    """One SQL statement of a response's transaction, with named parameters, and how to read its result."""

    sql: str
    baca: Callable[[Any], Any]


def _jalankan(perintah: list[_Perintah], params: Mapping[str, Any]) -> list[Any]:
    """Run the statements in order, in one round trip where the driver allows it; their results.

    The statements share one dict of named parameters (a response's values appear in its INSERT and in
    its aggregate upsert): few distinct parameters keep psycopg's cached query template in use. On
    PostgreSQL with client-side binding (Django's default) the statements go as one query string and
    their results are read one after the other; otherwise (SQLite, server-side binding) one by one.
    A failing statement fails them all, inside the caller's transaction.
    """
    with connection.cursor() as cur:
        if len(perintah) > 1 and _satu_kiriman(cur):
            cur.execute("; ".join(p.sql for p in perintah), params)
            hasil = []
            for i, p in enumerate(perintah):
                if i:
                    cur.nextset()
                hasil.append(p.baca(cur))
            return hasil
        hasil = []
        for p in perintah:
            cur.execute(p.sql, params)
            hasil.append(p.baca(cur))
        return hasil


def _satu_kiriman(cur) -> bool:
    if connection.vendor != "postgresql":
        return False
    import psycopg

    return isinstance(getattr(cur, "cursor", None), psycopg.ClientCursor)


def _baca_satu(cur) -> Any:
    return cur.fetchone()


@functools.lru_cache(maxsize=8)
def _sql_jejak(vendor: str) -> _Perintah:
    t = connection.ops.quote_name(JejakKlien._meta.db_table)
    # One upsert, both windows: a counter restarts when its window (minute, hour) has moved on.
    sql = (
        f"INSERT INTO {t} (kunci, periode_id, hari, menit, jumlah_menit, jam, jumlah_jam, jumlah_hari) "
        "VALUES (%(klien)s, %(periode_id)s, %(hari)s, %(menit)s, 1, %(jam)s, 1, 1) "
        "ON CONFLICT (kunci, periode_id) DO UPDATE SET "
        f"jumlah_menit = CASE WHEN {t}.menit = excluded.menit THEN {t}.jumlah_menit + 1 ELSE 1 END, "
        "menit = excluded.menit, "
        f"jumlah_jam = CASE WHEN {t}.jam = excluded.jam THEN {t}.jumlah_jam + 1 ELSE 1 END, "
        "jam = excluded.jam, "
        f"jumlah_hari = CASE WHEN {t}.hari = excluded.hari THEN {t}.jumlah_hari + 1 ELSE 1 END, "
        "hari = excluded.hari "
        "RETURNING jumlah_menit, jumlah_jam, jumlah_hari"
    )
    return _Perintah(sql, _baca_satu)


def _params_jejak(alamat: str) -> dict[str, Any]:
    """Parameters of the rate-limit upsert; its result is (this minute's, this hour's) count."""
    hari = timezone.localdate()
    detik = int(time.time())
    return {"klien": kunci_klien(alamat, hari), "hari": hari, "menit": detik // 60, "jam": detik // 3600}


def _cek_batas(per_menit: int, per_jam: int, per_hari: int) -> None:
    batas_menit, batas_jam, batas_hari = _batas()
    if per_hari > batas_hari:
        raise BatasKiriman(
            _(
                "Hari ini sudah terlalu banyak kuesioner survei ini terkirim dari jaringan ini. Jawaban Anda "
                "belum tersimpan: mohon isi kuesioner di petugas layanan (kertas), atau coba lagi besok."
            ),
            "hari",
        )
    if per_menit > batas_menit or per_jam > batas_jam:
        raise BatasKiriman(
            _(
                "Terlalu banyak kuesioner terkirim dari jaringan ini dalam waktu singkat. "
                "Jawaban Anda belum tersimpan: mohon tunggu sekitar satu menit, lalu tekan Kirim lagi."
            ),
            "menit" if per_menit > batas_menit else "jam",
        )


# --------------------------------------------------------------------------------------------------
# Taking a response
# --------------------------------------------------------------------------------------------------


def normalkan_kode_tiket(teks: str) -> str:
    """A typed ticket code as stored: upper case, without spaces or dashes ("k7qm-3txa" -> "K7QM3TXA")."""
    return "".join(ch for ch in teks.upper() if ch.isalnum())


def _pakai_kode_tiket(periode: PeriodeSurvei, teks: str) -> KodeTiket:
    kode = normalkan_kode_tiket(teks)
    tiket = KodeTiket.objects.filter(periode=periode, kode=kode).only("pk", "dipakai_pada").first()
    if tiket is None:
        raise ValidationError(
            {
                "kode_tiket": _(
                    "Kode tiket %(kode)s tidak dikenal untuk survei ini. Periksa lagi tulisan pada tiket."
                )
                % {"kode": teks.strip()}
            }
        )
    sekarang = timezone.now()
    # Atomic: of two responses with the same code, exactly one turns dipakai_pada from empty to set.
    if tiket.dipakai_pada or not KodeTiket.objects.filter(pk=tiket.pk, dipakai_pada__isnull=True).update(
        dipakai_pada=sekarang
    ):
        raise ValidationError(
            {"kode_tiket": _("Kode tiket ini sudah dipakai. Satu tiket hanya untuk satu kuesioner.")}
        )
    tiket.dipakai_pada = sekarang
    return tiket


def _cek_data(
    periode: PeriodeSurvei, data: Mapping[str, Any], sumber: str
) -> tuple[dict[str, int | None], Any]:
    """Answers by column and the jenis layanan, checked; ValidationError naming the field otherwise."""
    kodes = periode.kode_unsur
    jawaban: dict[str, int | None] = {}
    galat: dict[str, str] = {}
    for kode in kodes:
        nilai = data.get(kode)
        if nilai in ("", None):
            jawaban[kolom_jawaban(kode)] = None
            continue
        try:
            angka = int(nilai)
        except (TypeError, ValueError):
            angka = 0
        if not 1 <= angka <= 4 or isinstance(nilai, bool):
            galat[kode] = _("Jawaban %(kode)s harus salah satu pilihan 1 sampai 4.") % {"kode": kode}
        jawaban[kolom_jawaban(kode)] = angka
    lain = set(data) - set(kodes)
    for kunci in lain:
        if len(kunci) <= 3 and kunci.upper().startswith("U") and kunci[1:].isdigit():
            galat[kunci] = _("Unsur %(kode)s tidak ada pada kuesioner survei ini.") % {"kode": kunci}
    if not galat and all(v is None for v in jawaban.values()):
        galat["__all__"] = _("Kuesioner kosong: jawab sedikitnya satu pertanyaan.")
    layanan = data.get("jenis_layanan")
    if layanan is not None and not isinstance(layanan, JenisLayanan):
        layanan = JenisLayanan.objects.filter(pk=layanan).first()
        if layanan is None:
            galat["jenis_layanan"] = _("Jenis layanan tidak dikenal.")
    if isinstance(layanan, JenisLayanan) and layanan.unit_id != periode.unit_id:
        galat["jenis_layanan"] = _("Jenis layanan ini bukan layanan %(unit)s.") % {"unit": periode.unit}
    if sumber not in Respons.Sumber.values:
        galat["__all__"] = f"Sumber {sumber!r} tidak dikenal"
    if galat:
        raise ValidationError(galat)
    return jawaban, layanan


def _baca_id(cur) -> Any:
    return cur.fetchone()[0]


_FIELDS_RESPONS: tuple[Any, ...] = ()


def _fields_respons() -> tuple[Any, ...]:
    global _FIELDS_RESPONS
    if not _FIELDS_RESPONS:
        _FIELDS_RESPONS = tuple(f for f in Respons._meta.concrete_fields if not f.primary_key)
    return _FIELDS_RESPONS


@functools.lru_cache(maxsize=8)
def _sql_sisip(vendor: str) -> _Perintah:
    """INSERT one response: the model's own columns, without the ORM's per-call SQL compilation (this is
    the public form's hot path). The result is the new id."""
    fields = _fields_respons()
    t = connection.ops.quote_name(Respons._meta.db_table)
    kolom = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    tanda = ", ".join(f"%({f.attname})s" for f in fields)
    return _Perintah(
        f"INSERT INTO {t} ({kolom}) VALUES ({tanda}) RETURNING {connection.ops.quote_name('id')}", _baca_id
    )


def _params_respons(respons: Respons) -> dict[str, Any]:
    """The response's column values as the database takes them (Field.get_db_prep_save)."""
    return {f.attname: f.get_db_prep_save(getattr(respons, f.attname), connection) for f in _fields_respons()}


@functools.lru_cache(maxsize=32)
def _sql_agregat(vendor: str, regime: str, dengan_layanan: bool) -> _Perintah:
    """Add one response to the period's all-responses row (and its jenis layanan row), in one statement.

    The values come from the response's own parameters (u1 …): sum += answer, count += answered. The
    result is how many rows were NOT written: more than 0 means the period is closed.
    """
    kolom = [kolom_jawaban(u.kode) for u in daftar_unsur(regime)]  # type: ignore[arg-type]
    t = connection.ops.quote_name(Agregat._meta.db_table)
    nama = ["periode_id", "jenis_layanan_id", "kunci", "ditutup", "responden"]
    nama += [f"jumlah_{k}" for k in kolom] + [f"cacah_{k}" for k in kolom]
    nilai = [f"COALESCE(%({k})s, 0)" for k in kolom] + [
        f"CASE WHEN %({k})s IS NULL THEN 0 ELSE 1 END" for k in kolom
    ]
    baris = [f"(%(periode_id)s, NULL, {Agregat.SEMUA}, {_salah(vendor)}, 1, {', '.join(nilai)})"]
    if dengan_layanan:
        baris.append(
            f"(%(periode_id)s, %(jenis_layanan_id)s, %(jenis_layanan_id)s, {_salah(vendor)}, 1, {', '.join(nilai)})"
        )
    tambah = ", ".join(f"{n} = {t}.{n} + excluded.{n}" for n in nama[4:])
    # Rows in a fixed order (all first, then the layanan) so two writers never wait on each other in a
    # cycle; the WHERE refuses a closed period's rows (see Agregat.ditutup).
    sql = (
        f"INSERT INTO {t} ({', '.join(nama)}) VALUES {', '.join(baris)} "
        f"ON CONFLICT (periode_id, kunci) DO UPDATE SET {tambah} WHERE {t}.ditutup = {_salah(vendor)} "
        "RETURNING kunci"
    )
    n = len(baris)
    return _Perintah(sql, lambda cur: n - len(cur.fetchall()))


def _salah(vendor: str) -> str:
    return "false" if vendor == "postgresql" else "0"


def _naikkan_agregat(periode: PeriodeSurvei, respons: Respons, jawaban: Mapping[str, int | None]) -> None:
    """Add one stored response to its aggregates (PeriodeDitutup if the period is closed)."""
    params = {"periode_id": periode.pk, "jenis_layanan_id": respons.jenis_layanan_id, **jawaban}
    perintah = _sql_agregat(connection.vendor, periode.regime, bool(respons.jenis_layanan_id))
    (kurang,) = _jalankan([perintah], params)
    if kurang:
        raise PeriodeDitutup(_pesan_ditutup(periode))


def _pesan_ditutup(periode: PeriodeSurvei) -> str:
    return _("Survei %(judul)s sudah ditutup; jawaban tidak dapat dikirim lagi.") % {"judul": periode.judul}


def kirim_respons(
    periode: PeriodeSurvei,
    data: Mapping[str, Any],
    *,
    sumber: str = Respons.Sumber.DARING,
    klien: str | None = None,
) -> Respons:
    """Store one questionnaire and add it to the period's aggregates, atomically.

    `data`: answers by unsur code ("U1": 1–4 or None), optional "jenis_layanan" (instance or id), the
    profile fields, "saran", "kode_tiket" (text), "nonce" (the form's one-time number) and, for paper
    or imports, "diterima_pada". `klien` is the client address for the rate limit (hashed, never
    stored). Raises ValidationError (per field), PeriodeDitutup, BatasKiriman or SudahDiterima.
    """
    if periode.status != PeriodeSurvei.Status.DIBUKA:
        raise PeriodeDitutup(_pesan_ditutup(periode))
    jawaban, layanan = _cek_data(periode, data, sumber)
    nonce = data.get("nonce") or None
    kode_tiket = (data.get("kode_tiket") or "").strip()
    if periode.wajib_kode_tiket and sumber == Respons.Sumber.DARING and not kode_tiket:
        raise ValidationError(
            {"kode_tiket": _("Kode tiket wajib diisi: lihat kode pada tiket layanan Anda.")}
        )
    if klien:
        # Outside the response's transaction, so a refused response does not undo the clean-up.
        _bersihkan_sekali_sehari(timezone.localdate())
    try:
        with transaction.atomic():
            tiket = _pakai_kode_tiket(periode, kode_tiket) if kode_tiket else None
            respons = Respons(
                periode=periode,
                jenis_layanan=layanan,
                diterima_pada=data.get("diterima_pada") or timezone.now(),
                sumber=sumber,
                kode_tiket=tiket,
                nonce=nonce,
                saran=bersihkan(data.get("saran") or "").strip(),
                **{p: (data.get(p) or "").strip() for p in PROFIL},
                **jawaban,
            )
            # Rate limit, the response, its aggregates: one round trip on PostgreSQL. The aggregate rows
            # come last: every writer of the period waits for the all-responses row, so it is held
            # for as short a time as possible.
            vendor = connection.vendor
            params = _params_respons(respons)
            perintah = [
                _sql_sisip(vendor),
                _sql_agregat(vendor, periode.regime, bool(respons.jenis_layanan_id)),
            ]
            if klien:
                perintah.insert(0, _sql_jejak(vendor))
                params.update(_params_jejak(klien))
            *jejak, respons.pk, kurang = _jalankan(perintah, params)
            if jejak:
                _cek_batas(*jejak[0])
            if kurang:
                raise PeriodeDitutup(_pesan_ditutup(periode))
            respons._state.adding = False
            respons._state.db = connection.alias
    except BatasKiriman as exc:
        # Counted per period and limit (outside the rolled-back transaction): the results page shows them.
        kolom = f"ditolak_{exc.jenis}"
        PeriodeSurvei.objects.filter(pk=periode.pk).update(**{kolom: F(kolom) + 1})
        raise
    except (IntegrityError, ValidationError) as exc:
        # A resent form (double click, back and send again) is recognised by its one-time number,
        # also when it carried a ticket code that the first sending used.
        if nonce and Respons.objects.filter(nonce=nonce).exists():
            raise SudahDiterima(
                _("Kuesioner ini sudah kami terima sebelumnya; tidak dihitung dua kali.")
            ) from exc
        if isinstance(exc, IntegrityError) and kode_tiket:
            raise ValidationError(
                {"kode_tiket": _("Kode tiket ini sudah dipakai. Satu tiket hanya untuk satu kuesioner.")}
            ) from exc
        raise
    return respons


# --------------------------------------------------------------------------------------------------
# Reading and recomputing the IKM
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rekap:
    """Totals of a set of responses: what an Agregat row holds, by unsur code."""

    responden: int
    jumlah: dict[str, int]
    cacah: dict[str, int]

    def hasil(self, periode: PeriodeSurvei) -> HasilIKM:
        """The IKM of these totals (kinerja.domain.ikm); IKMError when it cannot be computed."""
        return ikm_dari_agregat(
            self.jumlah,
            self.cacah,
            self.responden,
            regime=periode.regime,  # type: ignore[arg-type]
            penimbang=periode.penimbang,  # type: ignore[arg-type]
        )


def _rekap_agregat(periode: PeriodeSurvei, a: Agregat) -> Rekap:
    kodes = periode.kode_unsur
    return Rekap(a.responden, a.jumlah(kodes), a.cacah(kodes))


def rekap_agregat(periode: PeriodeSurvei) -> dict[int, Rekap]:
    """The stored running totals: {0: all responses, layanan id: that layanan}. One query."""
    return {a.kunci: _rekap_agregat(periode, a) for a in Agregat.objects.filter(periode=periode)}


def baca_agregat(periode: PeriodeSurvei) -> Agregat | None:
    """The period's all-responses aggregate row (one indexed row, whatever the number of responses)."""
    try:
        return Agregat.objects.get(periode=periode, kunci=Agregat.SEMUA)
    except Agregat.DoesNotExist:
        return None


def ikm_periode(periode: PeriodeSurvei, agregat: Agregat | None = None) -> HasilIKM | None:
    """The period's current IKM read from its all-responses aggregate row (O(1)); None when not computable."""
    if agregat is None:
        agregat = baca_agregat(periode)
    if agregat is None or not agregat.responden:
        return None
    try:
        return _rekap_agregat(periode, agregat).hasil(periode)
    except IKMError:
        return None


def _agregasi(kodes: tuple[str, ...]) -> dict[str, Any]:
    agregasi: dict[str, Any] = {"n": Count("pk")}
    for k in kodes:
        agregasi[f"j_{k}"] = Sum(kolom_jawaban(k))
        agregasi[f"c_{k}"] = Count(kolom_jawaban(k))
    return agregasi


def rekap_respons(periode: PeriodeSurvei) -> dict[int, Rekap]:
    """The same totals as `rekap_agregat`, recomputed from the responses with one GROUP BY query."""
    kodes = periode.kode_unsur
    agregasi = _agregasi(kodes)
    baris = Respons.objects.filter(periode=periode).order_by().values("jenis_layanan_id").annotate(**agregasi)
    hasil: dict[int, Rekap] = {}
    semua_j = dict.fromkeys(kodes, 0)
    semua_c = dict.fromkeys(kodes, 0)
    semua_n = 0
    for b in baris:
        jumlah = {k: int(b[f"j_{k}"] or 0) for k in kodes}
        cacah = {k: int(b[f"c_{k}"]) for k in kodes}
        semua_n += b["n"]
        for k in kodes:
            semua_j[k] += jumlah[k]
            semua_c[k] += cacah[k]
        if b["jenis_layanan_id"] is not None:
            hasil[b["jenis_layanan_id"]] = Rekap(b["n"], jumlah, cacah)
    if semua_n:
        hasil[Agregat.SEMUA] = Rekap(semua_n, semua_j, semua_c)
    return hasil


def hitung_ulang(periode: PeriodeSurvei) -> HasilIKM:
    """The period's IKM recomputed from all its responses (to verify the aggregates); IKMError if none.

    One plain aggregate (SUM and COUNT per answer column, no GROUP BY) over the period's responses.
    """
    kodes = periode.kode_unsur
    b = Respons.objects.filter(periode=periode).order_by().aggregate(**_agregasi(kodes))
    if not b["n"]:
        raise IKMError(_("Belum ada respons: IKM tidak dapat dihitung"))
    rekap = Rekap(b["n"], {k: int(b[f"j_{k}"] or 0) for k in kodes}, {k: int(b[f"c_{k}"]) for k in kodes})
    return rekap.hasil(periode)


def bangun_ulang_agregat(periode: PeriodeSurvei) -> int:
    """Rewrite a period's aggregate rows from its responses (repair); returns the number of rows."""
    with transaction.atomic():
        rekap = rekap_respons(periode)
        Agregat.objects.filter(periode=periode).delete()
        baris = []
        for kunci, r in sorted(rekap.items()):
            a = Agregat(
                periode=periode,
                kunci=kunci,
                jenis_layanan_id=kunci or None,
                responden=r.responden,
                ditutup=periode.status == PeriodeSurvei.Status.DITUTUP,
            )
            for k in r.jumlah:
                setattr(a, f"jumlah_{kolom_jawaban(k)}", r.jumlah[k])
                setattr(a, f"cacah_{kolom_jawaban(k)}", r.cacah[k])
            baris.append(a)
        Agregat.objects.bulk_create(baris)
    return len(baris)


# --------------------------------------------------------------------------------------------------
# Closing a period
# --------------------------------------------------------------------------------------------------


def boleh_tutup(user, periode: PeriodeSurvei) -> bool:
    """The head of the unit (approve) or an admin may close its survey periods."""
    return can(user, "approve", periode) or can(user, "admin", periode)


def _snapshot(
    periode: PeriodeSurvei, hasil: HasilIKM, user, layanan: JenisLayanan | None, sekarang
) -> SnapshotIKM:
    minimum = None
    if periode.populasi:
        minimum = sampling.kecukupan(hasil.jumlah_responden, periode.populasi).minimum
    return SnapshotIKM(
        periode=periode,
        unit_id=periode.unit_id,
        jenis_layanan=layanan,
        nama_layanan=layanan.nama if layanan else "",
        nilai=hasil.ikm,
        nilai_interval=bulatkan(hasil.nilai_interval, 4),
        mutu=hasil.mutu,
        kinerja=hasil.kinerja,
        nrr={k: str(v) for k, v in hasil.nrr.items()},
        jumlah_responden=hasil.jumlah_responden,
        populasi=periode.populasi,
        sampel_minimum=minimum,
        regime=periode.regime,
        penimbang=periode.penimbang,
        tanggal_mulai=periode.tanggal_mulai,
        tanggal_selesai=periode.tanggal_selesai,
        dibuat_pada=sekarang,
        dibuat_oleh=user if getattr(user, "is_authenticated", False) else None,
        hasil=hasil.to_json(),
    )


def tutup_periode(periode: PeriodeSurvei, user) -> SnapshotIKM:
    """Close a period: freeze its IKM (all layanan, and each layanan that can be computed) as snapshots.

    Only the unit's pimpinan or an admin (PermissionDenied otherwise). Computed from the aggregates,
    locked in the same transaction so no response can slip in between; SKMError if there is nothing to
    compute (no respondents, or an unsur nobody answered).
    """
    if not boleh_tutup(user, periode):
        raise PermissionDenied(_("Hanya pimpinan unit atau admin yang dapat menutup periode survei."))
    with transaction.atomic():
        terkunci = PeriodeSurvei.objects.select_for_update().get(pk=periode.pk)
        if terkunci.status == PeriodeSurvei.Status.DITUTUP:
            raise SKMError(_("Periode ini sudah ditutup."))
        # Marking the rows waits for responses being written now, and refuses later ones.
        Agregat.objects.filter(periode=periode).update(ditutup=True)
        agregat = {
            a.kunci: a for a in Agregat.objects.filter(periode=periode).select_related("jenis_layanan")
        }
        semua = agregat.get(Agregat.SEMUA)
        if semua is None or not semua.responden:
            raise SKMError(_("Belum ada respons: periode tanpa responden tidak dapat ditutup."))
        try:
            hasil = _rekap_agregat(periode, semua).hasil(periode)
        except IKMError as exc:
            raise SKMError(str(exc)) from exc
        sekarang = timezone.now()
        snapshot = _snapshot(periode, hasil, user, None, sekarang)
        snapshot.save()
        per_layanan = []
        for kunci, a in sorted(agregat.items()):
            if kunci == Agregat.SEMUA:
                continue
            try:
                h = _rekap_agregat(periode, a).hasil(periode)
            except IKMError:
                continue  # e.g. a layanan where an unsur has no answer: only the whole period is frozen
            per_layanan.append(_snapshot(periode, h, user, a.jenis_layanan, sekarang))
        SnapshotIKM.objects.bulk_create(per_layanan)
        PeriodeSurvei.objects.filter(pk=periode.pk).update(
            status=PeriodeSurvei.Status.DITUTUP,
            ditutup_pada=sekarang,
            ditutup_oleh=user if getattr(user, "is_authenticated", False) else None,
        )
    kuesioner.lupakan(periode.token)
    periode.status = PeriodeSurvei.Status.DITUTUP
    periode.ditutup_pada = sekarang
    periode.ditutup_oleh = snapshot.dibuat_oleh
    return snapshot


# --------------------------------------------------------------------------------------------------
# Ticket codes
# --------------------------------------------------------------------------------------------------


def _kode_acak() -> str:
    return "".join(secrets.choice(ABJAD_KODE) for _ in range(PANJANG_KODE))


def buat_kode_tiket(periode: PeriodeSurvei, n: int) -> list[KodeTiket]:
    """Create `n` new one-time codes for the period (at most 5 000 at a time), in creation order."""
    if not 1 <= n <= MAKS_KODE_SEKALI:
        raise SKMError(_("Jumlah kode harus 1 sampai %(maks)s.") % {"maks": MAKS_KODE_SEKALI})
    dibuat: list[str] = []
    with transaction.atomic():
        while len(dibuat) < n:
            calon = list(dict.fromkeys(_kode_acak() for _ in range(n - len(dibuat))))
            ada = set(
                KodeTiket.objects.filter(periode=periode, kode__in=calon).values_list("kode", flat=True)
            )
            baru = [k for k in calon if k not in ada]
            KodeTiket.objects.bulk_create([KodeTiket(periode=periode, kode=k) for k in baru])
            dibuat += baru
    urutan = {k: i for i, k in enumerate(dibuat)}
    return sorted(KodeTiket.objects.filter(periode=periode, kode__in=dibuat), key=lambda t: urutan[t.kode])


def atur_daftar(unit: Unit, model, baris: Iterable[str], **filter_: Any) -> None:
    """Make a unit's option list (JenisLayanan or one OpsiProfil question) read as `baris`, in order.

    Lines that disappear are deactivated, not deleted: stored responses keep pointing at them.
    """
    nama_field = "nama" if model is JenisLayanan else "label"
    diminta = list(dict.fromkeys(b.strip() for b in baris if b.strip()))
    with transaction.atomic():
        ada = {getattr(o, nama_field): o for o in model.objects.filter(unit=unit, **filter_)}
        for i, nama in enumerate(diminta, start=1):
            o = ada.pop(nama, None)
            if o is None:
                model.objects.create(unit=unit, urutan=i, aktif=True, **{nama_field: nama}, **filter_)
            elif o.urutan != i or not o.aktif:
                o.urutan, o.aktif = i, True
                o.save(update_fields=["urutan", "aktif"])
        for o in ada.values():
            if o.aktif:
                o.aktif = False
                o.save(update_fields=["aktif"])
