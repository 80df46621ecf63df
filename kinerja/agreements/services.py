"""Workflow verbs on Perjanjian Kinerja that span models: importing a parsed document."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.agreements.models import (
    Baseline,
    CatatanImpor,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    TandaTangan,
)
from kinerja.domain import nip as nip_mod
from kinerja.domain import numbers
from kinerja.domain import pk as d
from kinerja.domain import tanggal as tanggal_mod
from kinerja.domain.nama import kunci_teks, kunci_teks_tanpa_kurung, normalise_nama, normalise_unit
from kinerja.units.models import Pejabat, Unit
from kinerja.units.permissions import can


class ImporError(ValueError):
    """A parsed PK that cannot be stored; the message is Indonesian and says what is missing."""


@dataclass(frozen=True)
class ImportResult:
    """What `import_pk` did: the stored PK, whether it is new, and messages for the user."""

    pk: PerjanjianKinerja
    dibuat: bool
    pesan: list[str] = field(default_factory=list)


def import_pk(
    data: d.NaskahPK,
    *,
    draft: bool = False,
    sumber: str | None = None,
    sha256: str | None = None,
    user=None,
) -> ImportResult:
    """Store a parsed PK in one transaction; a re-import of the same PK replaces its contents.

    The PK is recognised by its natural key (unit, tahun, jenis, pihak pertama). Unless `draft`, it
    is stored as signed and published. With `user`, that user must be allowed to "edit" the unit.
    """
    _validasi(data)
    assert data.unit is not None and data.pihak_pertama is not None and data.tahun is not None
    pesan: list[str] = []
    with transaction.atomic():
        pemda = _pemerintah_daerah(data.pemerintah, pesan)
        unit = _unit(data.unit, pemda, pesan)
        if user is not None and not can(user, "edit", unit):
            raise PermissionDenied(_("Anda tidak berhak mengimpor Perjanjian Kinerja untuk %s.") % unit)

        pihak_pertama_data = _lengkapi_dari_tanda_tangan(data.pihak_pertama, data.tanda_tangan, "pertama")
        pihak_kedua_data = (
            _lengkapi_dari_tanda_tangan(data.pihak_kedua, data.tanda_tangan, "kedua")
            if data.pihak_kedua
            else None
        )
        pihak_pertama = _pejabat(pihak_pertama_data, unit, pesan)
        # The pihak kedua is the direct superior: they belong to the unit above (for a kecamatan or
        # a perangkat daerah, the pemerintah daerah itself: "Bupati Gowa").
        pihak_kedua = _pejabat(pihak_kedua_data, unit.induk or pemda, pesan) if pihak_kedua_data else None

        pk = (
            PerjanjianKinerja.objects.select_for_update()
            .dengan_kunci(unit, data.tahun, data.jenis, pihak_pertama)
            .first()
        )
        dibuat = pk is None
        if pk is None:
            pk = PerjanjianKinerja(unit=unit, tahun=data.tahun, jenis=data.jenis, pihak_pertama=pihak_pertama)
        else:
            if sha256 and pk.sumber_sha256 == sha256:
                pesan.append(_("Berkas ini sama dengan berkas impor sebelumnya (SHA-256 sama)."))
            _hapus_isi(pk)

        _isi_kepala(pk, data, pihak_pertama_data, pihak_kedua, pihak_kedua_data, pesan)
        pk.status = PerjanjianKinerja.Status.DRAFT if draft else PerjanjianKinerja.Status.DITANDATANGANI
        pk.diterbitkan = not draft
        pk.sumber_berkas = (sumber or "")[:255]
        pk.sumber_sha256 = sha256 or ""
        if user is not None and user.is_authenticated:
            pk.diimpor_oleh = user
        pk.atasan_pk = _cari_atasan(pk)
        pk.save()
        # PKs of subordinates imported earlier now find their superior's PK (cascading).
        PerjanjianKinerja.objects.filter(
            tahun=pk.tahun, pihak_kedua=pihak_pertama, atasan_pk__isnull=True
        ).exclude(pk=pk.pk).update(atasan_pk=pk)

        catatan = _simpan_isi(pk, data)
        catatan += [CatatanImpor(perjanjian=pk, baris=c.baris, pesan=c.pesan) for c in data.catatan]
        CatatanImpor.objects.bulk_create(catatan)

        if dibuat:
            pesan.insert(0, _("Perjanjian Kinerja %s dibuat.") % pk)
        else:
            pesan.insert(
                0, _("Perjanjian Kinerja %s diperbarui: isinya diganti dengan hasil impor ini.") % pk
            )
        pesan.append(
            _("Disimpan sebagai draf (belum diterbitkan).")
            if draft
            else _("Disimpan sebagai ditandatangani dan diterbitkan.")
        )
        _cek_total(data, pesan)
        jumlah_lepas = sum(1 for c in catatan if c.pesan.startswith(_PENJELASAN_LEPAS))
        if jumlah_lepas:
            pesan.append(
                _("%d penjelasan tidak cocok dengan indikator mana pun; disimpan sebagai catatan impor.")
                % jumlah_lepas
            )
    return ImportResult(pk=pk, dibuat=dibuat, pesan=pesan)


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


def _pejabat(pihak: d.Pihak, unit: Unit | None, pesan: list[str]) -> Pejabat:
    """The official by NIP, else by normalised name in the unit; created when unknown."""
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
    # The latest document tells the official's current name as printed, jabatan, pangkat and unit.
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


def _isi_kepala(
    pk: PerjanjianKinerja,
    data: d.NaskahPK,
    pertama: d.Pihak,
    pihak_kedua: Pejabat | None,
    kedua: d.Pihak | None,
    pesan: list[str],
) -> None:
    """Copy the head of the document: parties as printed (the snapshot), place, date, totals."""
    pk.pihak_pertama_nama = pertama.nama.strip()
    pk.pihak_pertama_nip = _nip(pertama.nip) or (pertama.nip or "").strip()[:32]
    pk.pihak_pertama_jabatan = (pertama.jabatan or "").strip()
    pk.pihak_pertama_pangkat = (pertama.pangkat or "").strip()
    pk.pihak_kedua = pihak_kedua
    pk.pihak_kedua_nama = kedua.nama.strip() if kedua else ""
    pk.pihak_kedua_nip = (_nip(kedua.nip) or (kedua.nip or "").strip()[:32]) if kedua else ""
    pk.pihak_kedua_jabatan = ((kedua.jabatan or "") if kedua else "").strip()
    pk.pihak_kedua_pangkat = ((kedua.pangkat or "") if kedua else "").strip()
    pk.tempat = (data.tempat or "").strip()
    try:
        tanggal = tanggal_mod.parse_tanggal(data.tanggal) if data.tanggal else None
    except tanggal_mod.TanggalError:
        tanggal = None
    if data.tanggal and tanggal is None:
        pesan.append(_("Tanggal “%s” tidak dapat dibaca; tidak disimpan.") % data.tanggal)
    pk.tanggal_hari = tanggal.hari if tanggal else None
    pk.tanggal_bulan = tanggal.bulan if tanggal else None
    pk.tanggal_tahun = tanggal.tahun if tanggal else None
    pk.total_anggaran_tercetak = data.total_anggaran_tercetak
    pk.alasan_perubahan = _alasan_perubahan(data.alasan_perubahan) if data.jenis == "perubahan" else ""
    pk.alasan_perubahan_keterangan = (data.alasan_perubahan or "").strip()


def _cari_atasan(pk: PerjanjianKinerja) -> PerjanjianKinerja | None:
    """The superior's PK of the same year: the one whose pihak pertama is our pihak kedua."""
    if pk.pihak_kedua_id is None:
        return pk.atasan_pk
    calon = PerjanjianKinerja.objects.filter(tahun=pk.tahun, pihak_pertama_id=pk.pihak_kedua_id)
    if pk.pk:
        calon = calon.exclude(pk=pk.pk)
    # Prefer the same jenis (a PK perubahan cascades from the superior's PK perubahan).
    return calon.filter(jenis=pk.jenis).first() or calon.first() or pk.atasan_pk


def _hapus_isi(pk: PerjanjianKinerja) -> None:
    """Remove a PK's contents before a re-import writes them again."""
    RencanaAksi.objects.filter(perjanjian=pk).delete()
    Baseline.objects.filter(indikator__sasaran__perjanjian=pk).delete()
    DasarHukum.objects.filter(indikator__sasaran__perjanjian=pk).delete()
    Indikator.objects.filter(sasaran__perjanjian=pk).delete()
    for model in (Sasaran, Program, TandaTangan, CatatanImpor):
        model.objects.filter(perjanjian=pk).delete()


_PENJELASAN_LEPAS = "Penjelasan untuk indikator"


def _catatan_penjelasan(pk: PerjanjianKinerja, p: d.Penjelasan) -> CatatanImpor:
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
    return CatatanImpor(perjanjian=pk, baris=p.baris, pesan="\n".join(bagian))


def _pasangkan_penjelasan(
    indikator: list[d.Indikator], penjelasan: tuple[d.Penjelasan, ...]
) -> tuple[dict[int, d.Penjelasan], list[d.Penjelasan]]:
    """Pair each penjelasan with the first indicator (document order) of the same uraian.

    Case, whitespace and punctuation do not count; a second pass ignores parenthesised parts
    ("Indeks Kepuasan Masyarakat" ~ "Indeks Kepuasan Masyarakat (IKM)").
    """
    pasangan: dict[int, d.Penjelasan] = {}
    sisa = list(penjelasan)
    for kunci in (kunci_teks, kunci_teks_tanpa_kurung):
        indeks: dict[str, list[int]] = defaultdict(list)
        for i, ind in enumerate(indikator):
            if i not in pasangan:
                indeks[kunci(ind.uraian)].append(i)
        belum = []
        for p in sisa:
            daftar = indeks.get(kunci(p.indikator))
            if daftar:
                pasangan[daftar.pop(0)] = p
            else:
                belum.append(p)
        sisa = belum
    return pasangan, sisa


def _desimal(nilai: Decimal | None) -> int | None:
    """How many decimals the printed value had (84,00 -> 2), within the column's 4."""
    if nilai is None:
        return None
    eksponen = nilai.as_tuple().exponent
    return min(-eksponen, 4) if isinstance(eksponen, int) and eksponen < 0 else 0


def _teks(nilai: str | None) -> str:
    return (nilai or "").strip()


def _simpan_isi(pk: PerjanjianKinerja, data: d.NaskahPK) -> list[CatatanImpor]:
    """Write sasaran, indikator (with penjelasan), program, signatures and rencana aksi in bulk."""
    sasaran = Sasaran.objects.bulk_create(
        [
            Sasaran(perjanjian=pk, tingkat=s.tingkat, uraian=s.uraian.strip(), urutan=n, baris=s.baris)
            for n, s in enumerate(data.sasaran, start=1)
        ]
    )
    semua = [(s_obj, ind) for s_obj, s in zip(sasaran, data.sasaran, strict=True) for ind in s.indikator]
    pasangan, lepas = _pasangkan_penjelasan([ind for _s, ind in semua], data.penjelasan)

    indikator_obj = []
    urutan: dict[int, int] = defaultdict(int)
    for i, (s_obj, ind) in enumerate(semua):
        urutan[s_obj.pk] += 1
        t = ind.target
        p = pasangan.get(i)
        indikator_obj.append(
            Indikator(
                sasaran=s_obj,
                uraian=ind.uraian.strip(),
                urutan=urutan[s_obj.pk],
                baris=ind.baris,
                satuan=_teks(t.satuan)[:128],
                target_nilai=t.nilai,
                target_desimal=_desimal(t.nilai),
                target_teks=_teks(t.teks),
                target_predikat=_teks(t.predikat)[:64],
                target_predikat_tercetak=_teks(t.predikat_tercetak)[:64],
                berpenjelasan=p is not None,
                uraian_sasaran_penjelasan=_teks(p.uraian_sasaran) if p else "",
                relevansi=_teks(p.relevansi) if p else "",
                formulasi=_teks(p.formulasi) if p else "",
                sumber_data=_teks(p.sumber_data) if p else "",
                target_penjelasan=_teks(p.target) if p else "",
                penjelasan_target=_teks(p.penjelasan_target) if p else "",
                jumlah_indikator_tertulis=_teks(p.jumlah_indikator_tertulis)[:64] if p else "",
            )
        )
    indikator_obj = Indikator.objects.bulk_create(indikator_obj)

    baseline, dasar_hukum = [], []
    for i, p in pasangan.items():
        obj = indikator_obj[i]
        baseline += [
            Baseline(indikator=obj, tahun=b.tahun, target=b.target, realisasi=b.realisasi, capaian=b.capaian)
            for b in p.baseline
        ]
        dasar_hukum += [
            DasarHukum(indikator=obj, teks=teks.strip(), urutan=n)
            for n, teks in enumerate(p.dasar_hukum, start=1)
        ]
    Baseline.objects.bulk_create(baseline)
    DasarHukum.objects.bulk_create(dasar_hukum)

    Program.objects.bulk_create(
        [
            Program(perjanjian=pk, nama=p.nama.strip(), anggaran=p.anggaran, urutan=n, baris=p.baris)
            for n, p in enumerate(data.program, start=1)
        ]
    )
    TandaTangan.objects.bulk_create(
        [
            TandaTangan(
                perjanjian=pk,
                bagian=t.bagian,
                pihak=t.pihak,
                nama=t.nama.strip(),
                jabatan=_teks(t.jabatan),
                nip=_teks(t.nip)[:32],
                pangkat=_teks(t.pangkat),
                tempat=_teks(t.tempat),
                tanggal=_teks(t.tanggal)[:64],
                urutan=n,
                baris=t.baris,
            )
            for n, t in enumerate(data.tanda_tangan, start=1)
        ]
    )

    per_kunci: dict[str, Indikator] = {}
    for obj in indikator_obj:
        per_kunci.setdefault(kunci_teks(obj.uraian), obj)
    rencana = []
    for r in data.rencana_aksi:
        tujuan = per_kunci.get(kunci_teks(r.indikator))
        for periode, target in r.target_periode:
            rencana.append(
                RencanaAksi(
                    perjanjian=pk,
                    indikator_teks=r.indikator.strip(),
                    indikator=tujuan,
                    periode=periode.strip()[:64],
                    target_teks=target.strip()[:255],
                    urutan=len(rencana) + 1,
                    baris=r.baris,
                )
            )
    RencanaAksi.objects.bulk_create(rencana)

    return [_catatan_penjelasan(pk, p) for p in lepas]


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
