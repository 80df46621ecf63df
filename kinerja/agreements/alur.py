"""The PK's life: its transitions as service functions (docs/adr/0003-pk-lifecycle.md).

```
draf/dikembalikan --ajukan--> diajukan --setujui--> disetujui --tandatangani--> ditandatangani
diajukan/disetujui --kembalikan--> dikembalikan        ditandatangani --terbitkan--> diterbitkan
diterbitkan --(its perubahan is published)--> diganti  any but diganti/dicabut --cabut--> dicabut
```

Each function takes the PK and the acting user, locks the row, checks the right (`can`, the one
permission rule), checks the state, does the work and writes the audit trail, in one transaction. The
PK page, `kinerja pk aksi` and (later) the API call these and nothing else. A refusal raises a
`Ditolak` whose message is Indonesian and says what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.agreements.models import PerjanjianKinerja, PindaianPK, Status
from kinerja.domain.review import Temuan
from kinerja.riwayat.models import catat
from kinerja.units.permissions import can

# ---------------------------------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------------------------------


class Ditolak(Exception):
    """A transition the rule or the state refuses; `pesan` is Indonesian and says what to do."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class TidakBerhak(Ditolak):
    """The acting user may not do this on this PK's unit."""


class StatusTidakSesuai(Ditolak):
    """The PK's status does not allow this action now."""


class IsianKurang(Ditolak):
    """Something the action needs is missing (a note, the signed scan)."""


class AdaGalat(Ditolak):
    """The review reports galat: a PK with galat cannot be submitted."""

    def __init__(self, pesan: str, temuan: Sequence[Temuan]) -> None:
        super().__init__(pesan)
        self.temuan = list(temuan)


class PeringatanBelumDiakui(Ditolak):
    """Some peringatan of the review are not acknowledged yet."""

    def __init__(self, pesan: str, temuan: Sequence[Temuan]) -> None:
        super().__init__(pesan)
        self.temuan = list(temuan)


# ---------------------------------------------------------------------------------------------------
# The table of transitions
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transisi:
    """One arrow of the state machine: from which states, to which, and who may take it."""

    aksi: str  # "ajukan"
    label: Any  # the button's words
    dari: tuple[str, ...]
    ke: str
    izin: tuple[str, ...]  # any of these `can` actions on the PK's unit
    perlu_catatan: bool = False


TRANSISI: dict[str, Transisi] = {
    t.aksi: t
    for t in (
        Transisi(
            "ajukan", gettext_lazy("Ajukan"), (Status.DRAF, Status.DIKEMBALIKAN), Status.DIAJUKAN, ("edit",)
        ),
        Transisi(
            "kembalikan",
            gettext_lazy("Kembalikan"),
            (Status.DIAJUKAN, Status.DISETUJUI),
            Status.DIKEMBALIKAN,
            ("approve",),
            perlu_catatan=True,
        ),
        Transisi("setujui", gettext_lazy("Setujui"), (Status.DIAJUKAN,), Status.DISETUJUI, ("approve",)),
        Transisi(
            "tandatangani",
            gettext_lazy("Unggah pindaian bertanda tangan"),
            (Status.DISETUJUI,),
            Status.DITANDATANGANI,
            ("edit", "approve"),
        ),
        Transisi(
            "terbitkan",
            gettext_lazy("Terbitkan"),
            (Status.DITANDATANGANI,),
            Status.DITERBITKAN,
            ("approve", "admin"),
        ),
        Transisi(
            "cabut",
            gettext_lazy("Cabut"),
            (
                Status.DRAF,
                Status.DIAJUKAN,
                Status.DIKEMBALIKAN,
                Status.DISETUJUI,
                Status.DITANDATANGANI,
                Status.DITERBITKAN,
            ),
            Status.DICABUT,
            ("admin",),
            perlu_catatan=True,
        ),
    )
}

# Making a perubahan is an act on the published PK: who may edit its unit, from diterbitkan only.
IZIN_PERUBAHAN = ("edit",)
# Storing an imported PK directly as signed (last year's paper PK): a pimpinan or an admin of the unit.
IZIN_IMPOR_DITANDATANGANI = ("approve", "admin")


def boleh(user, izin: Sequence[str], perjanjian_atau_unit: Any) -> bool:
    """Whether `user` holds any of the `izin` on the PK's (or the unit's) unit."""
    unit = getattr(perjanjian_atau_unit, "unit", perjanjian_atau_unit)
    return any(can(user, a, unit) for a in izin)


def aksi_tersedia(user, perjanjian: PerjanjianKinerja) -> list[Transisi]:
    """The transitions this user may take on this PK now (for the page's buttons)."""
    return [t for t in TRANSISI.values() if perjanjian.status in t.dari and boleh(user, t.izin, perjanjian)]


def boleh_buat_perubahan(user, perjanjian: PerjanjianKinerja) -> bool:
    return perjanjian.status == Status.DITERBITKAN and boleh(user, IZIN_PERUBAHAN, perjanjian)


def _nama_status(status: str) -> str:
    return str(Status(status).label) if status in Status.values else status


def periksa(t: Transisi, user, perjanjian: PerjanjianKinerja) -> None:
    """Raise `TidakBerhak` or `StatusTidakSesuai` unless `user` may take `t` on `perjanjian` now."""
    if user is None or not getattr(user, "is_authenticated", False):
        raise TidakBerhak(_("Masuk dulu: aksi “%s” dicatat atas nama penggunanya.") % t.aksi)
    if not boleh(user, t.izin, perjanjian):
        raise TidakBerhak(
            _("%(user)s tidak berhak melakukan “%(aksi)s” pada Perjanjian Kinerja %(unit)s.")
            % {"user": user.get_username(), "aksi": t.aksi, "unit": perjanjian.unit}
        )
    if perjanjian.status not in t.dari:
        raise StatusTidakSesuai(
            _("Perjanjian Kinerja ini berstatus %(status)s; “%(aksi)s” hanya dari status %(dari)s.")
            % {
                "status": _nama_status(perjanjian.status),
                "aksi": t.aksi,
                "dari": ", ".join(_nama_status(s) for s in t.dari),
            }
        )


def _kunci(perjanjian: PerjanjianKinerja) -> PerjanjianKinerja:
    """The PK row, locked for this transaction, with its unit."""
    return (
        PerjanjianKinerja.objects.select_for_update(of=("self",)).select_related("unit").get(pk=perjanjian.pk)
    )


def _pindah(
    perjanjian: PerjanjianKinerja,
    t: Transisi,
    user,
    *,
    catatan: str = "",
    data: Mapping[str, Any] | None = None,
    sebelum: Callable[[PerjanjianKinerja], None] | None = None,
) -> PerjanjianKinerja:
    """Take transition `t`: lock, check, run `sebelum` (more checks, side work), save, trace."""
    with transaction.atomic():
        p = _kunci(perjanjian)
        periksa(t, user, p)
        catatan = (catatan or "").strip()
        if t.perlu_catatan and not catatan:
            raise IsianKurang(_("Tuliskan alasannya: “%s” memerlukan catatan.") % t.aksi)
        if sebelum is not None:
            sebelum(p)
        dari = p.status
        p.status = t.ke
        p.save(update_fields=["status", "diterbitkan_pada", "diperbarui_pada"])
        catat(p, f"pk.{t.aksi}", oleh=user, dari=dari, ke=t.ke, catatan=catatan, data=data)
    perjanjian.status = p.status
    perjanjian.diterbitkan_pada = p.diterbitkan_pada
    return p


# ---------------------------------------------------------------------------------------------------
# The verbs
# ---------------------------------------------------------------------------------------------------


def temuan_pk(perjanjian: PerjanjianKinerja) -> list[Temuan]:
    """The review's findings on the stored PK, with the cascade rules (`kinerja.agreements.jenjang`)."""
    from kinerja.agreements.jenjang import temuan_pk as temuan

    return temuan(perjanjian)


def kunci_temuan(t: Temuan) -> str:
    """A finding's identity for acknowledgement: its rule and its places."""
    return f"{t.kode}@{';'.join(lok.jalur for lok in t.lokasi)}"


def ajukan(
    perjanjian: PerjanjianKinerja,
    oleh,
    *,
    akui: Mapping[str, str] | None = None,
    akui_semua: bool = False,
    catatan: str = "",
) -> PerjanjianKinerja:
    """Submit a draft to the pimpinan: refused while the review reports galat; every peringatan is
    acknowledged first (`akui`: finding key → the submitter's note; `akui_semua`: all of them)."""
    akui = dict(akui or {})

    def cek(p: PerjanjianKinerja) -> None:
        temuan = temuan_pk(p)
        galat = [t for t in temuan if t.tingkat == "galat"]
        if galat:
            raise AdaGalat(
                _("Tidak dapat diajukan: hasil pemeriksaan masih menemukan %d galat. Perbaiki dulu:")
                % len(galat)
                + "".join(f"\n- [{t.kode}] {t.pesan}" for t in galat),
                galat,
            )
        peringatan = [t for t in temuan if t.tingkat == "peringatan"]
        belum = [t for t in peringatan if not akui_semua and kunci_temuan(t) not in akui]
        if belum:
            raise PeringatanBelumDiakui(
                _("Tidak dapat diajukan: %d peringatan belum diakui. Periksa dan akui setiap peringatan:")
                % len(belum)
                + "".join(f"\n- [{t.kode}] {t.pesan}" for t in belum),
                belum,
            )
        waktu = timezone.now()
        for t in peringatan:
            catat(
                p,
                "pk.peringatan.akui",
                oleh=oleh,
                waktu=waktu,
                catatan=(akui.get(kunci_temuan(t)) or "").strip(),
                perubahan=[{"bidang": t.kode, "lama": None, "baru": t.pesan}],
                data={"kode": t.kode, "kunci": kunci_temuan(t), "jalur": [lok.jalur for lok in t.lokasi]},
            )

    return _pindah(perjanjian, TRANSISI["ajukan"], oleh, catatan=catatan, sebelum=cek)


def kembalikan(perjanjian: PerjanjianKinerja, oleh, *, catatan: str) -> PerjanjianKinerja:
    """Return a submitted or approved PK to the operator, with a note saying what to change."""
    return _pindah(perjanjian, TRANSISI["kembalikan"], oleh, catatan=catatan)


def setujui(perjanjian: PerjanjianKinerja, oleh, *, catatan: str = "") -> PerjanjianKinerja:
    """The pimpinan approves the submitted PK (it may then be printed and signed)."""
    return _pindah(perjanjian, TRANSISI["setujui"], oleh, catatan=catatan)


def tandatangani(
    perjanjian: PerjanjianKinerja,
    oleh,
    *,
    pindaian: Any = None,
    tanpa_pindaian: bool = False,
    catatan: str = "",
) -> PerjanjianKinerja:
    """Record the signing: the scan of the signed paper (`pindaian`, a `BerkasPindaian`) is stored.

    `tanpa_pindaian` (command line only) signs without it; the trail says so.
    """
    if pindaian is None and not tanpa_pindaian:
        raise IsianKurang(
            _("Unggah pindaian (PDF atau gambar) halaman yang sudah ditandatangani kedua pihak.")
        )

    def simpan(p: PerjanjianKinerja) -> None:
        if pindaian is not None:
            simpan_pindaian(p, pindaian, oleh)

    data = {"tanpa_pindaian": True} if pindaian is None else {"pindaian_sha256": pindaian.sha256}
    return _pindah(perjanjian, TRANSISI["tandatangani"], oleh, catatan=catatan, data=data, sebelum=simpan)


def simpan_pindaian(perjanjian: PerjanjianKinerja, pindaian: Any, oleh) -> PindaianPK:
    """Store a checked scan (`kinerja.agreements.pindaian.BerkasPindaian`) with the PK."""
    return PindaianPK.objects.create(
        perjanjian=perjanjian,
        nama_berkas=pindaian.nama[:255],
        jenis_isi=pindaian.jenis_isi,
        isi=pindaian.isi,
        ukuran=len(pindaian.isi),
        sha256=pindaian.sha256,
        diunggah_oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
    )


# What other apps do, in the same transaction, when a published PK is replaced by its perubahan:
# f(lama, baru, oleh, waktu). Monitoring carries the year's realisasi (kinerja.monitoring.versi); the
# apps register in their AppConfig.ready, so agreements imports none of them.
_SAAT_DIGANTI: list[Callable[[PerjanjianKinerja, PerjanjianKinerja, Any, Any], None]] = []


def daftarkan_saat_diganti(fungsi: Callable[[PerjanjianKinerja, PerjanjianKinerja, Any, Any], None]) -> None:
    """Register `fungsi(lama, baru, oleh, waktu)`, run when a perubahan is published (once per function)."""
    if fungsi not in _SAAT_DIGANTI:
        _SAAT_DIGANTI.append(fungsi)


def terbitkan(perjanjian: PerjanjianKinerja, oleh, *, catatan: str = "") -> PerjanjianKinerja:
    """Publish a signed PK; the version it replaces (if any) becomes `diganti`, and what hangs on it in
    other apps moves on (`daftarkan_saat_diganti`)."""
    waktu = timezone.now()

    def ganti_lama(p: PerjanjianKinerja) -> None:
        p.diterbitkan_pada = waktu
        lama = p.menggantikan
        if lama is not None and lama.status == Status.DITERBITKAN:
            dari = lama.status
            PerjanjianKinerja.objects.filter(pk=lama.pk).update(status=Status.DIGANTI)
            catat(
                lama,
                "pk.ganti",
                oleh=oleh,
                waktu=waktu,
                dari=dari,
                ke=Status.DIGANTI,
                catatan=_("Diganti oleh PK perubahan versi %d.") % p.versi,
                data={"pengganti": p.pk},
            )
            for fungsi in _SAAT_DIGANTI:
                fungsi(lama, p, oleh, waktu)

    return _pindah(perjanjian, TRANSISI["terbitkan"], oleh, catatan=catatan, sebelum=ganti_lama)


def cabut(perjanjian: PerjanjianKinerja, oleh, *, catatan: str) -> PerjanjianKinerja:
    """An admin withdraws a PK (published by mistake, or a draft abandoned), with the reason."""
    return _pindah(perjanjian, TRANSISI["cabut"], oleh, catatan=catatan)


VERB: dict[str, Callable[..., PerjanjianKinerja]] = {
    "ajukan": ajukan,
    "kembalikan": kembalikan,
    "setujui": setujui,
    "tandatangani": tandatangani,
    "terbitkan": terbitkan,
    "cabut": cabut,
}
