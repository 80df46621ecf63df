"""Workflow verbs on Perjanjian Kinerja that span models: importing a parsed document.

The transitions of a stored PK (submit, approve, sign, publish, withdraw) are in `alur`; the versions
(PK perubahan) in `versi`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.agreements import kolom
from kinerja.agreements.alur import (
    IZIN_IMPOR_DITANDATANGANI,
    IsianKurang,
    StatusTidakSesuai,
    TidakBerhak,
    boleh,
    simpan_pindaian,
)
from kinerja.agreements.domain_pk import to_domain
from kinerja.agreements.jejak import catat_semua, entri_perubahan
from kinerja.agreements.models import (
    STATUS_DAPAT_DIUBAH,
    Baseline,
    CatatanImpor,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    Status,
    TandaTangan,
)
from kinerja.agreements.pindaian import BerkasPindaian
from kinerja.domain import nip as nip_mod
from kinerja.domain import numbers
from kinerja.domain import pk as d
from kinerja.domain import tanggal as tanggal_mod
from kinerja.domain.nama import kunci_teks, normalise_nama, normalise_unit
from kinerja.domain.pk_beda import BedaPK, beda, pasangkan_penjelasan
from kinerja.riwayat.models import catat
from kinerja.units.models import Pejabat, Unit
from kinerja.units.permissions import can


class ImporError(ValueError):
    """A parsed PK that cannot be stored; the message is Indonesian and says what is missing."""


class ImporDitolak(StatusTidakSesuai):
    """The file is a PK that exists past draf: it cannot be imported over; a perubahan is the way."""


@dataclass(frozen=True)
class ImportResult:
    """What `import_pk` did: the stored PK, whether it is new, and messages for the user."""

    perjanjian: PerjanjianKinerja
    dibuat: bool
    pesan: list[str] = field(default_factory=list)

    @property
    def pk(self) -> PerjanjianKinerja:
        """The stored PK (the name of earlier versions; `perjanjian` in new code)."""
        return self.perjanjian


def import_pk(
    data: d.NaskahPK,
    *,
    oleh=None,
    ditandatangani: bool = False,
    pindaian: BerkasPindaian | None = None,
    tanpa_pindaian: bool = False,
    sumber: str | None = None,
    sha256: str | None = None,
    menggantikan: PerjanjianKinerja | None = None,
    catat_impor: bool = True,
) -> ImportResult:
    """Store a parsed PK in one transaction, as a draft; importing the same PK again updates the draft.

    The PK is recognised by its natural key (unit, tahun, jenis, pihak pertama). A draft (or a PK
    returned to the operator) is updated in place: rows are paired with the file's (kinerja.domain.
    pk_beda), so an unchanged indikator keeps its identity, and each change lands in the trail. A PK
    with that key past draf is not touched: `ImporDitolak` says to make a perubahan. `oleh`, when
    given, must be allowed to "edit" the unit (None: the command line's own import).

    `ditandatangani` stores it directly as signed (last year's paper PK): only a pimpinan or admin of
    the unit may, with the signed scan (`pindaian`) unless `tanpa_pindaian`; the trail records which.
    `menggantikan` (used by `versi.buat_perubahan`) makes a new draft version of that published PK.
    """
    _validasi(data)
    assert data.unit is not None and data.pihak_pertama is not None and data.tahun is not None
    pesan: list[str] = []
    waktu = timezone.now()
    with transaction.atomic():
        pemda = _pemerintah_daerah(data.pemerintah, pesan)
        unit = _unit(data.unit, pemda, pesan)
        _cek_hak_impor(oleh, unit, ditandatangani)
        if ditandatangani and pindaian is None and not tanpa_pindaian:
            raise IsianKurang(
                _("Menyimpan PK sebagai ditandatangani memerlukan pindaian halaman yang ditandatangani.")
            )

        pihak_pertama_data = _lengkapi_dari_tanda_tangan(data.pihak_pertama, data.tanda_tangan, "pertama")
        pihak_kedua_data = (
            _lengkapi_dari_tanda_tangan(data.pihak_kedua, data.tanda_tangan, "kedua")
            if data.pihak_kedua
            else None
        )
        pihak_pertama = _pejabat(pihak_pertama_data, unit, pesan, oleh)
        # The pihak kedua is the direct superior: they belong to the unit above (for a kecamatan or
        # a perangkat daerah, the pemerintah daerah itself: "Bupati Gowa").
        pihak_kedua = (
            _pejabat(pihak_kedua_data, unit.induk or pemda, pesan, oleh) if pihak_kedua_data else None
        )

        kunci = PerjanjianKinerja.objects.select_for_update().dengan_kunci(
            unit, data.tahun, data.jenis, pihak_pertama
        )
        perjanjian = kunci.order_by("-versi", "-pk").first() if menggantikan is None else None
        if perjanjian is not None and not perjanjian.dapat_diubah:
            raise ImporDitolak(_pesan_ditolak(perjanjian))
        dibuat = perjanjian is None
        if perjanjian is None:
            perjanjian = PerjanjianKinerja(
                unit=unit, tahun=data.tahun, jenis=data.jenis, pihak_pertama=pihak_pertama
            )
            if menggantikan is not None:
                _versi_dari(perjanjian, menggantikan, kunci)
            else:
                _hubungkan_versi(perjanjian, pesan)
        elif sha256 and perjanjian.sumber_sha256 == sha256:
            pesan.append(_("Berkas ini sama dengan berkas impor sebelumnya (SHA-256 sama)."))
        lama = None if dibuat else to_domain(perjanjian)

        _isi_kepala(perjanjian, data, pihak_pertama_data, pihak_kedua, pihak_kedua_data, pesan)
        perjanjian.sumber_berkas = (sumber or "")[:255]
        perjanjian.sumber_sha256 = sha256 or ""
        if oleh is not None and oleh.is_authenticated:
            perjanjian.diimpor_oleh = oleh
        perjanjian.atasan_pk = _cari_atasan(perjanjian)
        perjanjian.save()
        # PKs of subordinates imported earlier now find their superior's PK (cascading).
        PerjanjianKinerja.objects.filter(
            tahun=perjanjian.tahun, pihak_kedua=pihak_pertama, atasan_pk__isnull=True
        ).exclude(pk=perjanjian.pk).update(atasan_pk=perjanjian)

        catatan_impor = {"sumber": perjanjian.sumber_berkas, "sha256": perjanjian.sumber_sha256}
        if lama is None:
            lepas = _simpan_isi(perjanjian, data)
            if catat_impor:
                catat(
                    perjanjian, "pk.impor", oleh=oleh, waktu=waktu, ke=perjanjian.status, data=catatan_impor
                )
        else:
            hasil_beda = beda(lama, data)
            lepas = _perbarui_isi(perjanjian, data, hasil_beda)
            n = len(hasil_beda.perubahan)
            catat(
                perjanjian,
                "pk.impor",
                oleh=oleh,
                waktu=waktu,
                dari=perjanjian.status,
                ke=perjanjian.status,
                catatan=_("%d perubahan.") % n if n else _("Tidak ada perubahan isi."),
                data=catatan_impor,
            )
            catat_semua(entri_perubahan(perjanjian, hasil_beda.perubahan, oleh=oleh, waktu=waktu))
        catatan = [_catatan_penjelasan(perjanjian, p) for p in lepas]
        catatan += [CatatanImpor(perjanjian=perjanjian, baris=c.baris, pesan=c.pesan) for c in data.catatan]
        CatatanImpor.objects.bulk_create(catatan)

        if ditandatangani:
            _langsung_ditandatangani(perjanjian, oleh, pindaian, waktu)

        pesan.insert(0, _pesan_hasil(perjanjian, dibuat))
        _cek_total(data, pesan)
        if lepas:
            pesan.append(
                _("%d penjelasan tidak cocok dengan indikator mana pun; disimpan sebagai catatan impor.")
                % len(lepas)
            )
    return ImportResult(perjanjian=perjanjian, dibuat=dibuat, pesan=pesan)


def _cek_hak_impor(oleh, unit: Unit, ditandatangani: bool) -> None:
    """A draft is the editor's (operator, admin); a PK stored as already signed the pimpinan's or admin's."""
    if ditandatangani:
        if oleh is None or not boleh(oleh, IZIN_IMPOR_DITANDATANGANI, unit):
            raise TidakBerhak(
                _(
                    "Hanya pimpinan atau admin %s yang dapat menyimpan PK hasil impor langsung sebagai "
                    "ditandatangani."
                )
                % unit
            )
    elif oleh is not None and not can(oleh, "edit", unit):
        raise PermissionDenied(_("Anda tidak berhak mengimpor Perjanjian Kinerja untuk %s.") % unit)


def _pesan_ditolak(perjanjian: PerjanjianKinerja) -> str:
    return _(
        "Perjanjian Kinerja %(pk)s sudah berstatus %(status)s dan tidak dapat ditimpa dengan impor. "
        "Untuk mengubahnya, buat PK perubahan: di halamannya (/pk/%(id)d/) “Buat perubahan”, atau "
        "kinerja pk perubahan --id %(id)d BERKAS --alasan a|b|c --oleh PENGGUNA."
    ) % {"pk": perjanjian, "status": perjanjian.get_status_display(), "id": perjanjian.pk}


def _pesan_hasil(perjanjian: PerjanjianKinerja, dibuat: bool) -> str:
    status = perjanjian.get_status_display()
    if dibuat:
        return _("Perjanjian Kinerja %(pk)s dibuat (status: %(status)s).") % {
            "pk": perjanjian,
            "status": status,
        }
    return _("Perjanjian Kinerja %(pk)s diperbarui (status: %(status)s); baris yang sama tetap dipakai.") % {
        "pk": perjanjian,
        "status": status,
    }


def _hubungkan_versi(perjanjian: PerjanjianKinerja, pesan: list[str]) -> None:
    """A new PK perubahan of a unit and year whose PK is published becomes that PK's next version."""
    if perjanjian.jenis != PerjanjianKinerja.Jenis.PERUBAHAN:
        return
    terbit = list(
        PerjanjianKinerja.objects.filter(
            unit=perjanjian.unit, tahun=perjanjian.tahun, status=Status.DITERBITKAN
        ).order_by("-versi", "-pk")[:2]
    )
    if len(terbit) != 1 or terbit[0].pengganti.exclude(status=Status.DICABUT).exists():
        return
    perjanjian.menggantikan = terbit[0]
    perjanjian.versi = terbit[0].versi + 1
    pesan.append(
        _("PK perubahan ini menjadi versi %(versi)d, pengganti %(lama)s saat diterbitkan.")
        % {"versi": perjanjian.versi, "lama": terbit[0]}
    )


def _versi_dari(perjanjian: PerjanjianKinerja, lama: PerjanjianKinerja, kunci) -> None:
    """The new PK is the next version of `lama`: same unit and year, no other draft with its key."""
    if (perjanjian.unit_id, perjanjian.tahun) != (lama.unit_id, lama.tahun):
        raise ImporError(
            _("Berkas ini untuk %(unit)s tahun %(tahun)s, bukan untuk PK yang diubah (%(lama)s).")
            % {"unit": perjanjian.unit, "tahun": perjanjian.tahun, "lama": lama}
        )
    draf = kunci.filter(status__in=STATUS_DAPAT_DIUBAH).first()
    if draf is not None:
        raise ImporDitolak(
            _(
                "Sudah ada draf PK yang sama (%(pk)s, /pk/%(id)d/): lanjutkan di sana atau minta admin mencabutnya."
            )
            % {"pk": draf, "id": draf.pk}
        )
    perjanjian.menggantikan = lama
    perjanjian.versi = lama.versi + 1


def _langsung_ditandatangani(perjanjian: PerjanjianKinerja, oleh, pindaian, waktu) -> None:
    dari = perjanjian.status
    perjanjian.status = Status.DITANDATANGANI
    perjanjian.save(update_fields=["status", "diperbarui_pada"])
    if pindaian is not None:
        simpan_pindaian(perjanjian, pindaian, oleh)
    catat(
        perjanjian,
        "pk.tandatangani",
        oleh=oleh,
        waktu=waktu,
        dari=dari,
        ke=perjanjian.status,
        catatan=_("Disimpan langsung sebagai ditandatangani dari berkas impor (PK tercetak).")
        + ("" if pindaian is not None else " " + _("Tanpa pindaian.")),
        data={"langsung_dari_impor": True, "tanpa_pindaian": pindaian is None}
        | ({"pindaian_sha256": pindaian.sha256} if pindaian is not None else {}),
    )


# --------------------------------------------------------------------------------------------------


def _validasi(data: d.NaskahPK) -> None:
    kurang = []
    if data.tahun is None:
        kurang.append(_("tahun"))
    if not data.unit:
        kurang.append(_("unit"))
    if data.pihak_pertama is None or not data.pihak_pertama.nama.strip():
        kurang.append(_("pihak pertama"))
    if kurang:
        raise ImporError(_("Perjanjian Kinerja tidak dapat disimpan: %s tidak terbaca.") % ", ".join(kurang))


def _jenis_unit(nama: str) -> str:
    kunci = normalise_unit(nama)
    if kunci.startswith("KECAMATAN"):
        return Unit.Jenis.KECAMATAN
    if kunci.startswith(("KELURAHAN", "DESA")):
        return Unit.Jenis.SUB_UNIT
    return Unit.Jenis.PERANGKAT_DAERAH


def _pemerintah_daerah(nama: str | None, pesan: list[str]) -> Unit | None:
    if not nama:
        return None
    unit = Unit.objects.filter(
        jenis=Unit.Jenis.PEMERINTAH_DAERAH, nama_normal=normalise_unit(nama), induk__isnull=True
    ).first()
    if unit is None:
        unit = Unit.objects.create(nama=nama.strip(), jenis=Unit.Jenis.PEMERINTAH_DAERAH)
        pesan.append(_("Pemerintah daerah baru dibuat: %s.") % unit)
    return unit


def _unit(nama: str, pemda: Unit | None, pesan: list[str]) -> Unit:
    kunci = normalise_unit(nama)
    if pemda is not None:
        # Anywhere in the pemda's tree: a sub unit created by hand is found too.
        unit = Unit.objects.subtree(pemda).filter(nama_normal=kunci).order_by("jalur").first()
    else:
        unit = Unit.objects.filter(nama_normal=kunci).exclude(jenis=Unit.Jenis.PEMERINTAH_DAERAH).first()
    if unit is None:
        unit = Unit.objects.create(nama=nama.strip(), jenis=_jenis_unit(nama), induk=pemda)
        pesan.append(_("Unit baru dibuat: %s.") % unit)
    return unit


def _nip(teks: str | None) -> str | None:
    return nip_mod.normalise_nip(teks) if teks else None


def _lengkapi_dari_tanda_tangan(pihak: d.Pihak, tanda_tangan: tuple[d.TandaTangan, ...], ke: str) -> d.Pihak:
    """Fill a party's missing NIP/jabatan/pangkat from the statement page's signature of the same person."""
    if pihak.nip and pihak.jabatan and pihak.pangkat:
        return pihak
    kunci = normalise_nama(pihak.nama)
    for t in tanda_tangan:
        if t.pihak == ke and t.bagian == "pernyataan" and normalise_nama(t.nama) == kunci:
            return d.Pihak(
                nama=pihak.nama,
                jabatan=pihak.jabatan or t.jabatan,
                nip=pihak.nip or t.nip,
                pangkat=pihak.pangkat or t.pangkat,
            )
    return pihak


def _pejabat(pihak: d.Pihak, unit: Unit | None, pesan: list[str], oleh=None) -> Pejabat:
    """The official by NIP, else by normalised name in the unit; created when unknown.

    The latest document tells a known official's current name as printed, jabatan, pangkat and unit,
    unless the importing user may not edit the official's own unit (an operator cannot rename or move
    another unit's official by printing their NIP).
    """
    nip = _nip(pihak.nip)
    if pihak.nip and nip is None:
        pesan.append(
            _("NIP “%(nip)s” (%(nama)s) tidak sah; tidak dipakai.") % {"nip": pihak.nip, "nama": pihak.nama}
        )
    pejabat = Pejabat.objects.filter(nip=nip).first() if nip else None
    if pejabat is None:
        calon = Pejabat.objects.dengan_nama(pihak.nama, unit)
        if nip:
            calon = calon.filter(nip__isnull=True)
        pejabat = calon.order_by("pk").first()
    if pejabat is None:
        pejabat = Pejabat.objects.create(
            nama=pihak.nama.strip(),
            nip=nip,
            jabatan=pihak.jabatan or "",
            pangkat_golongan=pihak.pangkat or "",
            unit=unit,
        )
        pesan.append(_("Pejabat baru dibuat: %s.") % pejabat)
        return pejabat
    if oleh is not None and pejabat.unit is not None and not can(oleh, "edit", pejabat.unit):
        return pejabat
    pejabat.nama = pihak.nama.strip()
    pejabat.jabatan = pihak.jabatan or pejabat.jabatan
    pejabat.pangkat_golongan = pihak.pangkat or pejabat.pangkat_golongan
    pejabat.nip = pejabat.nip or nip
    pejabat.unit = unit or pejabat.unit
    pejabat.save()
    return pejabat


_ALASAN = (
    ("a", ("pejabat", "mutasi", "pergantian", "jabatan")),
    ("b", ("strategi", "program", "kegiatan", "anggaran", "apbd")),
    ("c", ("prioritas", "asumsi")),
)


def _alasan_perubahan(teks: str | None) -> str:
    """The PermenPANRB 53/2014 reason code (a/b/c) read from a code or a description."""
    if not teks:
        return ""
    kode = re.match(r"^\s*\(?([abc])[).\s]", teks.lower() + " ")
    if kode:
        return kode.group(1)
    rendah = teks.lower()
    for kode_alasan, kata in _ALASAN:
        if any(k in rendah for k in kata):
            return kode_alasan
    return ""


def _pihak_baku(pihak: d.Pihak | None) -> d.Pihak | None:
    """The party with its NIP as 18 digits when it is a valid NIP (else as printed)."""
    if pihak is None:
        return None
    return replace(pihak, nip=_nip(pihak.nip) or (pihak.nip or "").strip() or None)


def _isi_kepala(
    perjanjian: PerjanjianKinerja,
    data: d.NaskahPK,
    pertama: d.Pihak,
    pihak_kedua: Pejabat | None,
    kedua: d.Pihak | None,
    pesan: list[str],
) -> None:
    """Copy the head of the document: parties as printed (the snapshot), place, date, totals."""
    naskah = replace(data, pihak_pertama=_pihak_baku(pertama), pihak_kedua=_pihak_baku(kedua))
    for nama, nilai in kolom.ke_model(d.NaskahPK, naskah).items():
        # A reason typed when the perubahan was made stays unless the file prints one.
        if nama != "alasan_perubahan_keterangan" or data.alasan_perubahan:
            setattr(perjanjian, nama, nilai)
    perjanjian.pihak_kedua = pihak_kedua
    try:
        tanggal = tanggal_mod.parse_tanggal(data.tanggal) if data.tanggal else None
    except tanggal_mod.TanggalError:
        tanggal = None
    if data.tanggal and tanggal is None:
        pesan.append(_("Tanggal “%s” tidak dapat dibaca; tidak disimpan.") % data.tanggal)
    perjanjian.tanggal_hari = tanggal.hari if tanggal else None
    perjanjian.tanggal_bulan = tanggal.bulan if tanggal else None
    perjanjian.tanggal_tahun = tanggal.tahun if tanggal else None
    if data.jenis == "perubahan" and data.alasan_perubahan:
        perjanjian.alasan_perubahan = _alasan_perubahan(data.alasan_perubahan)
    elif data.jenis != "perubahan":
        perjanjian.alasan_perubahan = ""


def _cari_atasan(perjanjian: PerjanjianKinerja) -> PerjanjianKinerja | None:
    """The superior's PK of the same year: the one whose pihak pertama is our pihak kedua."""
    if perjanjian.pihak_kedua_id is None:
        return perjanjian.atasan_pk
    calon = PerjanjianKinerja.objects.filter(
        tahun=perjanjian.tahun, pihak_pertama_id=perjanjian.pihak_kedua_id
    ).exclude(status__in=[Status.DICABUT, Status.DIGANTI])
    if perjanjian.pk:
        calon = calon.exclude(pk=perjanjian.pk)
    # Prefer the same jenis (a PK perubahan cascades from the superior's PK perubahan).
    return calon.filter(jenis=perjanjian.jenis).first() or calon.first() or perjanjian.atasan_pk


_PENJELASAN_LEPAS = "Penjelasan untuk indikator"


def _catatan_penjelasan(perjanjian: PerjanjianKinerja, p: d.Penjelasan) -> CatatanImpor:
    bagian = [f"{_PENJELASAN_LEPAS} “{p.indikator}” tidak cocok dengan indikator mana pun di tabel kinerja."]
    for label, nilai in (
        ("Uraian sasaran", p.uraian_sasaran),
        ("Relevansi", p.relevansi),
        ("Formulasi", p.formulasi),
        ("Sumber data", p.sumber_data),
        ("Target", p.target),
        ("Penjelasan target", p.penjelasan_target),
    ):
        if nilai:
            bagian.append(f"{label}: {nilai}")
    bagian.extend(f"Dasar hukum: {teks}" for teks in p.dasar_hukum)
    bagian.extend(
        f"Baseline {b.tahun}: target {b.target}, realisasi {b.realisasi}, capaian {b.capaian}"
        for b in p.baseline
    )
    return CatatanImpor(perjanjian=perjanjian, baris=p.baris, pesan="\n".join(bagian))


def _desimal(nilai: Decimal | None) -> int | None:
    """How many decimals the printed value had (84,00 -> 2), within the column's 4."""
    if nilai is None:
        return None
    eksponen = nilai.as_tuple().exponent
    return min(-eksponen, 4) if isinstance(eksponen, int) and eksponen < 0 else 0


def _teks(nilai: str | None) -> str:
    return (nilai or "").strip()


# Columns an update writes on a paired indikator row (its polaritas and realisasi stay its own).
KOLOM_INDIKATOR = [
    *(k.nama for k in d.kolom_tersimpan(d.Indikator)),
    *(k.nama for k in d.kolom_tersimpan(d.Penjelasan)),
    "sasaran",
    "urutan",
    "target_desimal",
    "berpenjelasan",
]
KOLOM_SASARAN = [*(k.nama for k in d.kolom_tersimpan(d.Sasaran)), "urutan"]
KOLOM_PROGRAM = [*(k.nama for k in d.kolom_tersimpan(d.Program)), "urutan"]


def _nilai_indikator(ind: d.Indikator, p: d.Penjelasan | None) -> dict[str, Any]:
    return {
        **kolom.ke_model(d.Indikator, ind),
        **kolom.ke_model(d.Penjelasan, p),
        "target_desimal": _desimal(ind.target.nilai),
        "berpenjelasan": p is not None,
    }


def _simpan_isi(perjanjian: PerjanjianKinerja, data: d.NaskahPK) -> list[d.Penjelasan]:
    """Write a new PK's sasaran, indikator (with penjelasan), program and printed parts in bulk.

    Returns the penjelasan that explain no indikator (kept as import notes by the caller).
    """
    sasaran = Sasaran.objects.bulk_create(
        [
            Sasaran(perjanjian=perjanjian, urutan=n, **kolom.ke_model(d.Sasaran, s))
            for n, s in enumerate(data.sasaran, start=1)
        ]
    )
    pasangan, lepas = pasangkan_penjelasan(data.indikator, data.penjelasan)
    indikator = Indikator.objects.bulk_create(
        [
            Indikator(sasaran=s_obj, urutan=j, **_nilai_indikator(ind, pasangan.get(n)))
            for n, (s_obj, j, ind) in enumerate(
                (s_obj, j, ind)
                for s_obj, s in zip(sasaran, data.sasaran, strict=True)
                for j, ind in enumerate(s.indikator, start=1)
            )
        ]
    )
    Program.objects.bulk_create(
        [
            Program(perjanjian=perjanjian, urutan=n, **kolom.ke_model(d.Program, p))
            for n, p in enumerate(data.program, start=1)
        ]
    )
    _simpan_tercetak(perjanjian, data, indikator, pasangan)
    return lepas


def _simpan_tercetak(
    perjanjian: PerjanjianKinerja,
    data: d.NaskahPK,
    indikator: list[Indikator],
    pasangan: dict[int, d.Penjelasan],
) -> None:
    """Rows without identity of their own, written anew: baseline and dasar hukum of each indikator,
    the signature blocks and the rencana aksi as printed."""
    baseline, dasar_hukum = [], []
    for n, p in pasangan.items():
        obj = indikator[n]
        baseline += [Baseline(indikator=obj, **kolom.ke_model(d.Baseline, b)) for b in p.baseline]
        dasar_hukum += [
            DasarHukum(indikator=obj, teks=teks.strip(), urutan=k) for k, teks in enumerate(p.dasar_hukum, 1)
        ]
    Baseline.objects.bulk_create(baseline)
    DasarHukum.objects.bulk_create(dasar_hukum)
    TandaTangan.objects.bulk_create(
        [
            TandaTangan(perjanjian=perjanjian, urutan=n, **kolom.ke_model(d.TandaTangan, t))
            for n, t in enumerate(data.tanda_tangan, start=1)
        ]
    )
    per_kunci: dict[str, Indikator] = {}
    for obj in indikator:
        per_kunci.setdefault(kunci_teks(obj.uraian), obj)
    rencana = []
    for r in data.rencana_aksi:
        tujuan = per_kunci.get(kunci_teks(r.indikator))
        for periode, target in r.target_periode:
            rencana.append(
                RencanaAksi(
                    perjanjian=perjanjian,
                    indikator_teks=r.indikator.strip(),
                    indikator=tujuan,
                    periode=periode.strip()[:64],
                    target_teks=target.strip()[:255],
                    urutan=len(rencana) + 1,
                    baris=r.baris,
                )
            )
    RencanaAksi.objects.bulk_create(rencana)


def _id_baris(perjanjian: PerjanjianKinerja) -> tuple[list[int], dict[tuple[int, int], int], list[int]]:
    """Row ids in the order `to_domain` reads them: sasaran, indikator by (sasaran, i), program."""
    sasaran = list(
        Sasaran.objects.filter(perjanjian=perjanjian).order_by("urutan", "id").values_list("id", flat=True)
    )
    per_sasaran: dict[int, list[int]] = defaultdict(list)
    for sid, iid in (
        Indikator.objects.filter(sasaran__perjanjian=perjanjian)
        .order_by("sasaran_id", "urutan", "id")
        .values_list("sasaran_id", "id")
    ):
        per_sasaran[sid].append(iid)
    indikator = {(s, i): iid for s, sid in enumerate(sasaran) for i, iid in enumerate(per_sasaran[sid])}
    program = list(
        Program.objects.filter(perjanjian=perjanjian).order_by("urutan", "id").values_list("id", flat=True)
    )
    return sasaran, indikator, program


def _perbarui_yang_berubah(model, baris: list, kolom: list[str]) -> None:
    """Write only the paired rows whose values differ from what is stored (one read, one update).

    A bulk update of every row costs a CASE per column per row (seconds for 200 indicators); a
    re-import usually changes a handful.
    """
    if not baris:
        return
    atribut = [model._meta.get_field(k).attname for k in kolom]
    tersimpan = {
        r[0]: r[1:] for r in model.objects.filter(pk__in=[b.pk for b in baris]).values_list("pk", *atribut)
    }
    berubah = [b for b in baris if tuple(getattr(b, a) for a in atribut) != tersimpan.get(b.pk)]
    if berubah:
        model.objects.bulk_update(berubah, kolom)


def _perbarui_isi(perjanjian: PerjanjianKinerja, data: d.NaskahPK, hasil: BedaPK) -> list[d.Penjelasan]:
    """Update a draft in place to the file's content: paired rows keep their ids (and what hangs on
    them), new rows are added, rows gone are deleted. Returns the unpaired penjelasan."""
    id_sasaran, id_indikator, id_program = _id_baris(perjanjian)

    sasaran: dict[int, Sasaran] = {}
    for sl, sb in hasil.sasaran:
        if sb is not None:
            nilai = kolom.ke_model(d.Sasaran, data.sasaran[sb])
            sid = id_sasaran[sl] if sl is not None else None
            sasaran[sb] = Sasaran(id=sid, perjanjian=perjanjian, urutan=sb + 1, **nilai)
    Sasaran.objects.bulk_create([s for s in sasaran.values() if s.pk is None])
    _perbarui_yang_berubah(Sasaran, [s for s in sasaran.values() if s.pk is not None], KOLOM_SASARAN)

    pasangan, lepas = pasangkan_penjelasan(data.indikator, data.penjelasan)
    urut = {
        letak: n
        for n, letak in enumerate((s, i) for s, x in enumerate(data.sasaran) for i in range(len(x.indikator)))
    }
    indikator: dict[int, Indikator] = {}
    hapus_indikator = []
    for x, y in hasil.indikator:
        if y is None:
            hapus_indikator.append(id_indikator[x])  # type: ignore[index]
            continue
        ind = data.sasaran[y[0]].indikator[y[1]]
        n = urut[y]
        nilai = _nilai_indikator(ind, pasangan.get(n))
        iid = id_indikator[x] if x is not None else None
        indikator[n] = Indikator(id=iid, sasaran=sasaran[y[0]], urutan=y[1] + 1, **nilai)
    Indikator.objects.bulk_create([i for i in indikator.values() if i.pk is None])
    _perbarui_yang_berubah(Indikator, [i for i in indikator.values() if i.pk is not None], KOLOM_INDIKATOR)
    Indikator.objects.filter(pk__in=hapus_indikator).delete()
    Sasaran.objects.filter(pk__in=[id_sasaran[sl] for sl, sb in hasil.sasaran if sb is None]).delete()

    program = []
    for pl, pb in hasil.program:
        if pb is not None:
            pid = id_program[pl] if pl is not None else None
            program.append(
                Program(
                    id=pid,
                    perjanjian=perjanjian,
                    urutan=pb + 1,
                    **kolom.ke_model(d.Program, data.program[pb]),
                )
            )
    Program.objects.bulk_create([p for p in program if p.pk is None])
    _perbarui_yang_berubah(Program, [p for p in program if p.pk is not None], KOLOM_PROGRAM)
    Program.objects.filter(pk__in=[id_program[pl] for pl, pb in hasil.program if pb is None]).delete()

    Baseline.objects.filter(indikator__sasaran__perjanjian=perjanjian).delete()
    DasarHukum.objects.filter(indikator__sasaran__perjanjian=perjanjian).delete()
    for model in (TandaTangan, RencanaAksi, CatatanImpor):
        model.objects.filter(perjanjian=perjanjian).delete()
    _simpan_tercetak(perjanjian, data, [indikator[n] for n in sorted(indikator)], pasangan)
    return lepas


def _cek_total(data: d.NaskahPK, pesan: list[str]) -> None:
    jumlah = [p.anggaran for p in data.program if p.anggaran is not None]
    if data.total_anggaran_tercetak is None or not jumlah:
        return
    total = sum(jumlah, Decimal("0"))
    if total != data.total_anggaran_tercetak:
        pesan.append(
            _("Total anggaran tercetak %(tercetak)s berbeda dari jumlah program %(jumlah)s.")
            % {
                "tercetak": numbers.format_rupiah(data.total_anggaran_tercetak),
                "jumlah": numbers.format_rupiah(total),
            }
        )
