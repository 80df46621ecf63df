"""Editing a draft PK row by row: the verbs of the PK editor (issue #10), each traced in the riwayat.

Every function takes the acting user, locks the PK, checks the right (`edit` on its unit, through
`can`) and the state (only *draf* and *dikembalikan* may change: `alur.StatusTidakSesuai` otherwise),
does one change and writes one trail entry with the changed fields old → new — the same action codes
and field names as a re-import (`kinerja.agreements.jejak`), computed from the same field
descriptions (`kinerja.domain.pk_beda.beda_bidang`). The web editor calls these and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from kinerja.agreements import kolom
from kinerja.agreements.alur import StatusTidakSesuai, TidakBerhak
from kinerja.agreements.models import TINGKAT_URUTAN, Indikator, PerjanjianKinerja, Program, Sasaran, Tingkat
from kinerja.domain import pk as d
from kinerja.domain.pk_beda import beda_bidang, teks_nilai, teks_tanda_tangan
from kinerja.domain.pk_text import parse_target
from kinerja.riwayat.models import catat
from kinerja.units.models import Pejabat, Unit
from kinerja.units.permissions import can


class IsianSalah(ValueError):
    """A value the editor cannot take; the message is Indonesian and names the field."""


@contextmanager
def _suntingan(perjanjian: PerjanjianKinerja, oleh) -> Iterator[PerjanjianKinerja]:
    """One change: lock the PK, check the right and the state; the caller writes and traces."""
    with transaction.atomic():
        p = (
            PerjanjianKinerja.objects.select_for_update(of=("self",))
            .select_related("unit")
            .get(pk=perjanjian.pk)
        )
        if oleh is None or not getattr(oleh, "is_authenticated", False) or not can(oleh, "edit", p.unit):
            nama = oleh.get_username() if getattr(oleh, "is_authenticated", False) else _("Pengguna ini")
            raise TidakBerhak(
                _("%(user)s tidak berhak mengubah PK %(unit)s.") % {"user": nama, "unit": p.unit}
            )
        if not p.dapat_diubah:
            raise StatusTidakSesuai(
                _(
                    "PK ini berstatus %s: isinya tidak dapat diubah. Untuk mengubah PK yang diterbitkan, buat PK perubahan."
                )
                % p.get_status_display()
            )
        yield p
        p.save(update_fields=["diperbarui_pada"])


def _nilai(obj: Any, kelas: type) -> Any:
    """A row as the domain dataclass (for comparing before and after with the fields' descriptions)."""
    return kolom.dari_model(
        kelas, {k.nama: getattr(obj, k.nama) for k in d.kolom_tersimpan(kelas)}, **_lain(kelas)
    )


def _lain(kelas: type) -> dict[str, Any]:
    return {"indikator": ""} if kelas is d.Penjelasan else {}


def _catat(
    perjanjian: PerjanjianKinerja,
    oleh,
    kode: str,
    judul: str,
    perubahan: list[dict[str, Any]],
    data: Mapping[str, Any],
) -> None:
    catat(
        perjanjian,
        kode,
        oleh=oleh,
        dari=perjanjian.status,
        ke=perjanjian.status,
        catatan=judul,
        perubahan=perubahan,
        data=dict(data),
    )


def _judul(bagian: str, teks: str) -> str:
    singkat = " ".join(teks.split())
    return f"{bagian} “{singkat[:79] + '…' if len(singkat) > 80 else singkat}”"


def _bidang(kelas: type, lama: Any, baru: Any) -> list[dict[str, Any]]:
    return [b.to_json() for b in beda_bidang(kelas, lama, baru)]


def _terapkan(obj: Any, kelas: type, nilai: Any) -> None:
    for nama, v in kolom.ke_model(kelas, nilai).items():
        setattr(obj, nama, v)


def _teks(nilai: Any, label: str, *, wajib: bool = False) -> str:
    teks = " ".join(str(nilai or "").split())
    if wajib and not teks:
        raise IsianSalah(_("%s harus diisi.") % label)
    return teks


def target_dari_teks(teks: str, satuan: str | None = None) -> d.Target:
    """A target typed in the editor, read as a printed one ("84,00 (Baik)", "100%", "8 unit", "BB")."""
    teks = _teks(teks, _("Target"), wajib=True)
    target = parse_target(teks)
    if satuan is not None and satuan.strip() and not target.satuan:
        target = d.Target(
            teks=target.teks,
            nilai=target.nilai,
            satuan=satuan.strip(),
            predikat=target.predikat,
            predikat_tercetak=target.predikat_tercetak,
        )
    return target


def _desimal(nilai: Decimal | None) -> int | None:
    if nilai is None:
        return None
    eksponen = nilai.as_tuple().exponent
    return min(-eksponen, 4) if isinstance(eksponen, int) and eksponen < 0 else 0


# ---------------------------------------------------------------------------------------------------
# Sasaran
# ---------------------------------------------------------------------------------------------------


def _tingkat(tingkat: str) -> str:
    if tingkat not in Tingkat.values:
        raise IsianSalah(
            _("Tingkat sasaran “%s” tidak dikenal (strategis, program atau kegiatan).") % tingkat
        )
    return tingkat


def tambah_sasaran(
    perjanjian: PerjanjianKinerja, oleh, *, tingkat: str, uraian: str, mendukung: Sasaran | None = None
) -> Sasaran:
    """A new sasaran at the end of its level (`mendukung`: the sasaran above it supports)."""
    with _suntingan(perjanjian, oleh) as p:
        nilai = d.Sasaran(tingkat=_tingkat(tingkat), uraian=_teks(uraian, _("Uraian sasaran"), wajib=True))  # type: ignore[arg-type]
        urutan = (p.sasaran.aggregate(m=Max("urutan"))["m"] or 0) + 1
        s = Sasaran(perjanjian=p, urutan=urutan)
        _terapkan(s, d.Sasaran, nilai)
        perubahan = _bidang(d.Sasaran, None, nilai)
        if mendukung is not None:
            s.mendukung = _pilihan_tautan(p, s, mendukung)
            perubahan.append({"bidang": "mendukung", "lama": None, "baru": _teks_tautan(mendukung)})
        s.save()
        _catat(p, oleh, "pk.sasaran.tambah", _judul("Sasaran", s.uraian), perubahan, {"id": s.pk})
    return s


def ubah_sasaran(sasaran: Sasaran, oleh, *, uraian: str, tingkat: str) -> Sasaran:
    """Change a sasaran's words or its level ("change level": it moves to the end of the new level)."""
    with _suntingan(sasaran.perjanjian, oleh) as p:
        s = Sasaran.objects.get(pk=sasaran.pk, perjanjian=p)
        lama = _nilai(s, d.Sasaran)
        baru = d.Sasaran(tingkat=_tingkat(tingkat), uraian=_teks(uraian, _("Uraian sasaran"), wajib=True))  # type: ignore[arg-type]
        perubahan = _bidang(d.Sasaran, lama, baru)
        if perubahan:
            _terapkan(s, d.Sasaran, baru)
            if lama.tingkat != baru.tingkat:
                s.urutan = (p.sasaran.aggregate(m=Max("urutan"))["m"] or 0) + 1
            s.save()
            _catat(p, oleh, "pk.sasaran.ubah", _judul("Sasaran", s.uraian), perubahan, {"id": s.pk})
    return s


def hapus_sasaran(sasaran: Sasaran, oleh) -> None:
    """Remove a sasaran with its indikator (each indikator's words are kept in the trail)."""
    with _suntingan(sasaran.perjanjian, oleh) as p:
        s = Sasaran.objects.get(pk=sasaran.pk, perjanjian=p)
        indikator = list(s.indikator.order_by("urutan", "pk").values_list("uraian", "target_teks"))
        perubahan = _bidang(d.Sasaran, _nilai(s, d.Sasaran), None)
        perubahan += [{"bidang": "indikator", "lama": f"{u} — {t}", "baru": None} for u, t in indikator]
        _catat(p, oleh, "pk.sasaran.hapus", _judul("Sasaran", s.uraian), perubahan, {"id": s.pk})
        s.delete()


def _tukar(obj: Any, tetangga: Any, kode: str, judul: str, p: PerjanjianKinerja, oleh) -> None:
    lama, baru = obj.urutan, tetangga.urutan
    if lama == baru:  # equal positions (an old import): make them distinct first
        baru = lama + 1
    type(obj).objects.filter(pk=obj.pk).update(urutan=baru)
    type(obj).objects.filter(pk=tetangga.pk).update(urutan=lama)
    _catat(p, oleh, kode, judul, [{"bidang": "urutan", "lama": str(lama), "baru": str(baru)}], {"id": obj.pk})


def _geser(qs, obj: Any, arah: int) -> Any | None:
    """The neighbour of `obj` in `qs` (ordered by urutan, pk) in direction -1 (up) or +1 (down)."""
    daftar = list(qs.order_by("urutan", "pk"))
    i = next(n for n, x in enumerate(daftar) if x.pk == obj.pk)
    j = i + (1 if arah > 0 else -1)
    if j < 0 or j >= len(daftar):
        return None
    if len({x.urutan for x in daftar}) != len(daftar):  # renumber once so that a swap is a swap
        for n, x in enumerate(daftar, start=1):
            type(x).objects.filter(pk=x.pk).update(urutan=n)
            x.urutan = n
    return daftar[j], daftar[i]


def pindah_sasaran(sasaran: Sasaran, oleh, arah: int) -> None:
    """Move a sasaran up (-1) or down (+1) within its level."""
    with _suntingan(sasaran.perjanjian, oleh) as p:
        s = Sasaran.objects.get(pk=sasaran.pk, perjanjian=p)
        pasangan = _geser(p.sasaran.filter(tingkat=s.tingkat), s, arah)
        if pasangan:
            tetangga, s = pasangan
            _tukar(s, tetangga, "pk.sasaran.pindah", _judul("Sasaran", s.uraian), p, oleh)


# ---------------------------------------------------------------------------------------------------
# Indikator (with its target and its Lampiran 2 penjelasan)
# ---------------------------------------------------------------------------------------------------


def _isi_indikator(uraian: str, target: str, satuan: str | None) -> d.Indikator:
    return d.Indikator(
        uraian=_teks(uraian, _("Uraian indikator"), wajib=True), target=target_dari_teks(target, satuan)
    )


def tambah_indikator(
    sasaran: Sasaran,
    oleh,
    *,
    uraian: str,
    target: str,
    satuan: str | None = None,
    polaritas: str = "positif",
    mendukung: Indikator | None = None,
) -> Indikator:
    """A new indikator at the end of its sasaran (`mendukung`: the indikator above it supports)."""
    with _suntingan(sasaran.perjanjian, oleh) as p:
        s = Sasaran.objects.get(pk=sasaran.pk, perjanjian=p)
        nilai = _isi_indikator(uraian, target, satuan)
        ind = Indikator(sasaran=s, urutan=(s.indikator.aggregate(m=Max("urutan"))["m"] or 0) + 1)
        _terapkan(ind, d.Indikator, nilai)
        ind.target_desimal = _desimal(nilai.target.nilai)
        ind.polaritas = _polaritas(polaritas)
        perubahan = [
            *_bidang(d.Indikator, None, nilai),
            {"bidang": "polaritas", "lama": None, "baru": ind.polaritas},
        ]
        if mendukung is not None:
            ind.mendukung = _pilihan_tautan(p, ind, mendukung)
            perubahan.append({"bidang": "mendukung", "lama": None, "baru": _teks_tautan(mendukung)})
        ind.save()
        _catat(p, oleh, "pk.indikator.tambah", _judul("Indikator", ind.uraian), perubahan, {"id": ind.pk})
    return ind


def _polaritas(nilai: str) -> str:
    if nilai not in Indikator.Polaritas.values:
        raise IsianSalah(_("Polaritas “%s” tidak dikenal (positif atau negatif).") % nilai)
    return nilai


def ubah_indikator(
    indikator: Indikator,
    oleh,
    *,
    uraian: str,
    target: str,
    satuan: str | None = None,
    polaritas: str | None = None,
    sasaran: Sasaran | None = None,
) -> Indikator:
    """Change an indikator's words, target, satuan, polarity, or move it to another sasaran of the PK."""
    with _suntingan(indikator.sasaran.perjanjian, oleh) as p:
        ind = Indikator.objects.select_related("sasaran").get(pk=indikator.pk, sasaran__perjanjian=p)
        lama = _nilai(ind, d.Indikator)
        baru = _isi_indikator(uraian, target, satuan)
        perubahan = _bidang(d.Indikator, lama, baru)
        if polaritas is not None and _polaritas(polaritas) != ind.polaritas:
            perubahan.append({"bidang": "polaritas", "lama": ind.polaritas, "baru": polaritas})
            ind.polaritas = polaritas
        if sasaran is not None and sasaran.pk != ind.sasaran_id:
            tujuan = Sasaran.objects.get(pk=sasaran.pk, perjanjian=p)
            perubahan.append({"bidang": "sasaran", "lama": ind.sasaran.uraian, "baru": tujuan.uraian})
            ind.sasaran = tujuan
            ind.urutan = (tujuan.indikator.aggregate(m=Max("urutan"))["m"] or 0) + 1
        if perubahan:
            _terapkan(ind, d.Indikator, baru)
            ind.target_desimal = _desimal(baru.target.nilai)
            ind.save()
            _catat(p, oleh, "pk.indikator.ubah", _judul("Indikator", ind.uraian), perubahan, {"id": ind.pk})
    return ind


def ubah_penjelasan(
    indikator: Indikator, oleh, nilai: Mapping[str, Any], dasar_hukum: list[str] | None = None
) -> Indikator:
    """Change the Lampiran 2 explanation of an indikator (its fields by stored name, and its dasar hukum)."""
    with _suntingan(indikator.sasaran.perjanjian, oleh) as p:
        ind = Indikator.objects.get(pk=indikator.pk, sasaran__perjanjian=p)
        lama = _nilai(ind, d.Penjelasan)
        isi = {
            k.nama: _teks(nilai.get(k.nama, getattr(ind, k.nama)), k.label)
            for k in d.kolom_tersimpan(d.Penjelasan)
        }
        baru = kolom.dari_model(d.Penjelasan, isi, indikator="")
        perubahan = _bidang(d.Penjelasan, lama, baru)
        if dasar_hukum is not None:
            sebelum = list(ind.dasar_hukum.order_by("urutan", "pk").values_list("teks", flat=True))
            sesudah = [t for t in (" ".join(x.split()) for x in dasar_hukum) if t]
            if sebelum != sesudah:
                perubahan.append(
                    {"bidang": "dasar_hukum", "lama": teks_nilai(sebelum), "baru": teks_nilai(sesudah)}
                )
                ind.dasar_hukum.all().delete()
                ind.dasar_hukum.bulk_create(
                    [ind.dasar_hukum.model(indikator=ind, teks=t, urutan=n) for n, t in enumerate(sesudah, 1)]
                )
        if perubahan:
            _terapkan(ind, d.Penjelasan, baru)
            ind.berpenjelasan = any(isi.values()) or ind.dasar_hukum.exists()
            ind.save()
            _catat(p, oleh, "pk.indikator.ubah", _judul("Indikator", ind.uraian), perubahan, {"id": ind.pk})
    return ind


def hapus_indikator(indikator: Indikator, oleh) -> None:
    with _suntingan(indikator.sasaran.perjanjian, oleh) as p:
        _hapus(
            p, oleh, Indikator.objects.get(pk=indikator.pk, sasaran__perjanjian=p), d.Indikator, "Indikator"
        )


def _hapus(p: PerjanjianKinerja, oleh, obj: Any, kelas: type, bagian: str) -> None:
    """Remove one row, its fields kept in the trail (old → none)."""
    teks = obj.uraian if kelas is d.Indikator else obj.nama
    kode = f"pk.{bagian.lower()}.hapus"
    _catat(p, oleh, kode, _judul(bagian, teks), _bidang(kelas, _nilai(obj, kelas), None), {"id": obj.pk})
    obj.delete()


def pindah_indikator(indikator: Indikator, oleh, arah: int) -> None:
    """Move an indikator up (-1) or down (+1) within its sasaran."""
    with _suntingan(indikator.sasaran.perjanjian, oleh) as p:
        ind = Indikator.objects.get(pk=indikator.pk, sasaran__perjanjian=p)
        pasangan = _geser(Indikator.objects.filter(sasaran_id=ind.sasaran_id), ind, arah)
        if pasangan:
            tetangga, ind = pasangan
            _tukar(ind, tetangga, "pk.indikator.pindah", _judul("Indikator", ind.uraian), p, oleh)


# ---------------------------------------------------------------------------------------------------
# Program
# ---------------------------------------------------------------------------------------------------


def _anggaran(teks: str | Decimal | None) -> Decimal | None:
    from kinerja.domain.numbers import parse_rupiah

    if teks is None or isinstance(teks, Decimal):
        return teks
    teks = teks.strip()
    if not teks:
        return None
    try:
        return parse_rupiah(teks)
    except ValueError as err:
        raise IsianSalah(
            _("Anggaran “%(teks)s” tidak terbaca: %(pesan)s") % {"teks": teks, "pesan": err}
        ) from err


def _isi_program(nama: str, anggaran: str | Decimal | None, jenis: str, kode: str) -> d.Program:
    """A budget row as typed: the kode checked against the Permendagri 90/2019 shape and its level."""
    from kinerja.domain.pk_text import pisah_kode

    if jenis not in d.JENIS_PROGRAM:
        raise IsianSalah(_("Jenis “%s” tidak dikenal (program, kegiatan atau sub kegiatan).") % jenis)
    kode = _teks(kode, _("Kode"))
    if kode:
        jenis_kode, terbaca, _sisa = pisah_kode(f"{kode} x")
        if terbaca != kode:
            raise IsianSalah(
                _(
                    "Kode “%s” tidak berbentuk kode nomenklatur Permendagri 90/2019 (mis. 7.01.01 untuk program, "
                    "7.01.01.2.01 untuk kegiatan, 7.01.01.2.01.0001 untuk sub kegiatan)."
                )
                % kode
            )
        if jenis_kode != jenis:
            raise IsianSalah(
                _("Kode %(kode)s adalah kode %(benar)s, bukan %(jenis)s.")
                % {"kode": kode, "benar": _JENIS_LABEL[jenis_kode], "jenis": _JENIS_LABEL[jenis]}
            )
    return d.Program(
        nama=_teks(nama, _("Nama program"), wajib=True),
        anggaran=_anggaran(anggaran),
        jenis=jenis,  # type: ignore[arg-type]
        kode=kode or None,
    )


_JENIS_LABEL = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}


def _sasaran_program(
    p: PerjanjianKinerja, prog: Program, sasaran: list[Sasaran] | None
) -> list[dict[str, Any]]:
    """Set the sasaran a program serves (only this PK's); the change as a trail field."""
    if sasaran is None:
        return []
    baru = list(Sasaran.objects.filter(perjanjian=p, pk__in=[s.pk for s in sasaran]).order_by("urutan", "pk"))
    if len(baru) != len({s.pk for s in sasaran}):
        raise IsianSalah(_("Program hanya dapat mendukung sasaran PK ini."))
    lama = list(prog.sasaran.order_by("urutan", "pk")) if prog.pk else []
    if [s.pk for s in lama] == [s.pk for s in baru]:
        return []
    prog.sasaran.set(baru)
    teks = lambda daftar: "; ".join(s.uraian for s in daftar) or None  # noqa: E731
    return [{"bidang": "sasaran", "lama": teks(lama), "baru": teks(baru)}]


def tambah_program(
    perjanjian: PerjanjianKinerja,
    oleh,
    *,
    nama: str,
    anggaran: str | Decimal | None,
    jenis: str = "program",
    kode: str = "",
    sasaran: list[Sasaran] | None = None,
) -> Program:
    """A new row of the budget table at its end: a program, kegiatan or sub kegiatan."""
    with _suntingan(perjanjian, oleh) as p:
        nilai = _isi_program(nama, anggaran, jenis, kode)
        prog = Program(perjanjian=p, urutan=(p.program.aggregate(m=Max("urutan"))["m"] or 0) + 1)
        _terapkan(prog, d.Program, nilai)
        prog.save()
        perubahan = _bidang(d.Program, None, nilai) + _sasaran_program(p, prog, sasaran)
        _catat(p, oleh, "pk.program.tambah", _judul("Program", prog.nama), perubahan, {"id": prog.pk})
    return prog


def ubah_program(
    program: Program,
    oleh,
    *,
    nama: str,
    anggaran: str | Decimal | None,
    jenis: str | None = None,
    kode: str | None = None,
    sasaran: list[Sasaran] | None = None,
) -> Program:
    with _suntingan(program.perjanjian, oleh) as p:
        prog = Program.objects.get(pk=program.pk, perjanjian=p)
        lama = _nilai(prog, d.Program)
        baru = _isi_program(
            nama,
            anggaran,
            jenis if jenis is not None else prog.jenis,
            kode if kode is not None else prog.kode,
        )
        perubahan = _bidang(d.Program, lama, baru)
        if perubahan:
            _terapkan(prog, d.Program, baru)
            prog.save()
        perubahan += _sasaran_program(p, prog, sasaran)
        if perubahan:
            _catat(p, oleh, "pk.program.ubah", _judul("Program", prog.nama), perubahan, {"id": prog.pk})
    return prog


def hapus_program(program: Program, oleh) -> None:
    with _suntingan(program.perjanjian, oleh) as p:
        _hapus(p, oleh, Program.objects.get(pk=program.pk, perjanjian=p), d.Program, "Program")


def pindah_program(program: Program, oleh, arah: int) -> None:
    with _suntingan(program.perjanjian, oleh) as p:
        prog = Program.objects.get(pk=program.pk, perjanjian=p)
        pasangan = _geser(p.program.all(), prog, arah)
        if pasangan:
            tetangga, prog = pasangan
            _tukar(prog, tetangga, "pk.program.pindah", _judul("Program", prog.nama), p, oleh)


# ---------------------------------------------------------------------------------------------------
# The PK's own fields
# ---------------------------------------------------------------------------------------------------


def ubah_kepala(perjanjian: PerjanjianKinerja, oleh, *, tempat: str, tanggal: str) -> PerjanjianKinerja:
    """Change the place and date of the statement ("2 Januari 2024", or "Januari 2024")."""
    from kinerja.domain import tanggal as tanggal_mod

    with _suntingan(perjanjian, oleh) as p:
        teks_tanggal = _teks(tanggal, _("Tanggal"))
        try:
            dibaca = tanggal_mod.parse_tanggal(teks_tanggal) if teks_tanggal else None
        except tanggal_mod.TanggalError as err:
            raise IsianSalah(
                _("Tanggal “%(teks)s” tidak ada: %(pesan)s") % {"teks": teks_tanggal, "pesan": err}
            ) from err
        if teks_tanggal and dibaca is None:
            raise IsianSalah(_("Tanggal “%s” tidak terbaca; tulis mis. “2 Januari 2024”.") % teks_tanggal)
        perubahan = []
        tempat = _teks(tempat, _("Tempat"))
        if tempat != p.tempat:
            perubahan.append({"bidang": "tempat", "lama": p.tempat or None, "baru": tempat or None})
            p.tempat = tempat
        lama_tanggal = p.tanggal_teks or None
        p.tanggal_hari = dibaca.hari if dibaca else None
        p.tanggal_bulan = dibaca.bulan if dibaca else None
        p.tanggal_tahun = dibaca.tahun if dibaca else None
        if (p.tanggal_teks or None) != lama_tanggal:
            perubahan.append({"bidang": "tanggal", "lama": lama_tanggal, "baru": p.tanggal_teks or None})
        if perubahan:
            p.save(update_fields=["tempat", "tanggal_hari", "tanggal_bulan", "tanggal_tahun"])
            _catat(p, oleh, "pk.ubah", "Perjanjian Kinerja", perubahan, {})
    perjanjian.refresh_from_db()
    return perjanjian


def samakan_tanda_tangan(perjanjian: PerjanjianKinerja, oleh) -> None:
    """Drop the signature blocks as printed in the imported file: the PK's documents then print the
    parties on every page (one name, one NIP), which is how a slip between pages is fixed."""
    from kinerja.agreements.models import TandaTangan

    with _suntingan(perjanjian, oleh) as p:
        if not p.tanda_tangan.exists():
            return
        from kinerja.agreements.domain_pk import to_domain

        lama = teks_tanda_tangan(to_domain(p))
        TandaTangan.objects.filter(perjanjian=p).delete()
        _catat(
            p,
            oleh,
            "pk.tanda_tangan.ubah",
            _("Tanda tangan tercetak"),
            [{"bidang": "tanda_tangan", "lama": lama, "baru": None}],
            {},
        )


JABATAN_SEMENTARA = ("Plt.", "Plh.", "Pj.")  # pelaksana tugas, pelaksana harian, penjabat


def ubah_pihak(
    perjanjian: PerjanjianKinerja,
    oleh,
    *,
    ke: str,
    pejabat: Pejabat | None,
    sementara: str = "",
    jabatan: str = "",
) -> PerjanjianKinerja:
    """Choose a party among the pejabat (the pihak pertama of the PK's unit, the pihak kedua of the unit
    above it); the PK keeps a snapshot of their name, NIP, pangkat and jabatan ("Plt. Camat Bajeng")."""
    if ke not in ("pertama", "kedua"):
        raise IsianSalah(_("Pihak “%s” tidak dikenal.") % ke)
    if sementara and sementara not in JABATAN_SEMENTARA:
        raise IsianSalah(_("Keterangan jabatan “%s” tidak dikenal (Plt., Plh. atau Pj.).") % sementara)
    with _suntingan(perjanjian, oleh) as p:
        if ke == "pertama" and pejabat is None:
            raise IsianSalah(_("Pilih pejabat Pihak Pertama."))
        if pejabat is not None and pejabat.unit_id not in _unit_pihak(p, ke):
            raise IsianSalah(
                _("%(nama)s bukan pejabat %(unit)s.") % {"nama": pejabat, "unit": _nama_unit_pihak(p, ke)}
            )
        awalan = f"pihak_{ke}_"
        lama = {k: getattr(p, awalan + k) for k in ("nama", "nip", "jabatan", "pangkat")}
        teks_jabatan = " ".join(
            x for x in (sementara, _teks(jabatan, _("Jabatan")) or (pejabat.jabatan if pejabat else "")) if x
        )
        baru = {
            "nama": pejabat.nama if pejabat else "",
            "nip": (pejabat.nip or "") if pejabat else "",
            "jabatan": teks_jabatan if pejabat else "",
            "pangkat": pejabat.pangkat_golongan if pejabat else "",
        }
        setattr(p, f"pihak_{ke}", pejabat)
        for k, v in baru.items():
            setattr(p, awalan + k, v)
        perubahan = [
            {"bidang": awalan + k, "lama": lama[k] or None, "baru": baru[k] or None}
            for k in baru
            if lama[k] != baru[k]
        ]
        try:
            with transaction.atomic():
                p.save()
        except IntegrityError as err:
            raise StatusTidakSesuai(
                _("Sudah ada draf PK %(tahun)s untuk %(nama)s di unit ini; lanjutkan di draf itu.")
                % {"tahun": p.tahun, "nama": pejabat}
            ) from err
        if perubahan:
            _catat(p, oleh, "pk.ubah", "Perjanjian Kinerja", perubahan, {"pihak": ke})
    perjanjian.refresh_from_db()
    return perjanjian


def _unit_pihak(p: PerjanjianKinerja, ke: str) -> set[int | None]:
    if ke == "pertama":
        return {p.unit_id}
    return {p.unit.induk_id} if p.unit.induk_id else {p.unit_id}


def _nama_unit_pihak(p: PerjanjianKinerja, ke: str) -> str:
    return str(p.unit if ke == "pertama" or not p.unit.induk_id else p.unit.induk)


def tambah_pejabat(
    unit: Unit, oleh, *, nama: str, nip: str = "", jabatan: str = "", pangkat: str = ""
) -> Pejabat:
    """A new official of `unit`, on the spot (the NIP checked: Perka BKN 22/2007)."""
    from kinerja.domain import nip as nip_mod

    if oleh is None or not getattr(oleh, "is_authenticated", False) or not can(oleh, "edit", unit):
        raise TidakBerhak(_("Anda tidak berhak menambah pejabat %s.") % unit)
    nama = _teks(nama, _("Nama"), wajib=True)
    nip = _teks(nip, "NIP")
    if nip:
        salah = nip_mod.periksa_nip(nip)
        if salah or nip_mod.normalise_nip(nip) is None:
            raise IsianSalah(
                _("NIP %(nip)s: %(pesan)s") % {"nip": nip, "pesan": " ".join(salah) or _("harus 18 angka.")}
            )
        lain = Pejabat.objects.filter(nip=nip_mod.normalise_nip(nip)).first()
        if lain is not None:
            raise IsianSalah(_("NIP %(nip)s sudah dipakai %(nama)s.") % {"nip": nip, "nama": lain})
    return Pejabat.objects.create(
        nama=nama,
        nip=nip or None,
        jabatan=_teks(jabatan, _("Jabatan")),
        pangkat_golongan=_teks(pangkat, _("Pangkat")),
        unit=unit,
    )


def buat_pk(
    unit: Unit,
    oleh,
    *,
    tahun: int,
    pihak_pertama: Pejabat,
    catatan: str = "",
    data: Mapping[str, Any] | None = None,
) -> PerjanjianKinerja:
    """An empty PK of `unit` for `tahun`, a draft to fill in the editor (pihak kedua: change it there).

    The pihak kedua is proposed from the unit above: its pejabat if it has exactly one.
    """
    if oleh is None or not getattr(oleh, "is_authenticated", False) or not can(oleh, "edit", unit):
        raise TidakBerhak(_("Anda tidak berhak membuat PK untuk %s.") % unit)
    if not 2000 <= tahun <= 2100:
        raise IsianSalah(_("Tahun %d tidak masuk akal.") % tahun)
    if pihak_pertama.unit_id != unit.pk:
        raise IsianSalah(_("%(nama)s bukan pejabat %(unit)s.") % {"nama": pihak_pertama, "unit": unit})
    atasan = list(Pejabat.objects.filter(unit_id=unit.induk_id)[:2]) if unit.induk_id else []
    kedua = atasan[0] if len(atasan) == 1 else None
    with transaction.atomic():
        ada = (
            PerjanjianKinerja.objects.dengan_kunci(unit, tahun, "murni", pihak_pertama)
            .exclude(status__in=["diganti"])
            .first()
        )
        if ada is not None:
            raise StatusTidakSesuai(
                _("Sudah ada PK %(tahun)s %(nama)s (%(status)s): lanjutkan di /pk/%(id)d/.")
                % {"tahun": tahun, "nama": pihak_pertama, "status": ada.get_status_display(), "id": ada.pk}
            )
        p = PerjanjianKinerja(unit=unit, tahun=tahun, pihak_pertama=pihak_pertama, pihak_kedua=kedua)
        p.snapshot_pihak()
        p.save()
        catat(
            p,
            "pk.buat",
            oleh=oleh,
            ke=p.status,
            catatan=catatan or _("PK baru, kosong, diisi di halaman ubah."),
            data=dict(data or {}),
        )
    return p


# ---------------------------------------------------------------------------------------------------
# The cascade: the superior's PK, each row's link to what it supports, and rows derived from it
# ---------------------------------------------------------------------------------------------------

_ATASAN_TIDAK_SAH = (PerjanjianKinerja.Status.DICABUT,)


def calon_atasan(p: PerjanjianKinerja):
    """The PKs this one may derive from: of the same year, of this unit or a unit above it, not
    withdrawn, not this PK nor a version of it."""
    leluhur = p.unit.leluhur_ids or [p.unit_id]
    return (
        PerjanjianKinerja.objects.filter(tahun=p.tahun, unit_id__in=leluhur)
        .exclude(pk=p.pk)
        .exclude(status__in=[*_ATASAN_TIDAK_SAH, PerjanjianKinerja.Status.DIGANTI])
        .exclude(pk=p.menggantikan_id)
        .exclude(pihak_pertama_id=p.pihak_pertama_id)
        .select_related("unit")
        .order_by("unit__jalur", "-versi")
    )


def ubah_atasan(perjanjian: PerjanjianKinerja, oleh, atasan: PerjanjianKinerja | None) -> PerjanjianKinerja:
    """Link the PK to the superior's PK it derives from (or unlink it); the rows' own links to the old
    superior's PK are dropped with it (each one in the trail)."""
    with _suntingan(perjanjian, oleh) as p:
        if atasan is not None and not calon_atasan(p).filter(pk=atasan.pk).exists():
            raise IsianSalah(
                _(
                    "%(pk)s tidak dapat menjadi PK atasan: pilih PK tahun %(tahun)d dari unit ini atau unit di atasnya."
                )
                % {"pk": atasan, "tahun": p.tahun}
            )
        if (atasan.pk if atasan else None) == p.atasan_pk_id:
            return p
        lama = str(p.atasan_pk) if p.atasan_pk_id else None
        perubahan = [{"bidang": "atasan_pk", "lama": lama, "baru": str(atasan) if atasan else None}]
        luar_s = Sasaran.objects.filter(perjanjian=p, mendukung__isnull=False).exclude(
            mendukung__perjanjian=p
        )
        luar_i = Indikator.objects.filter(sasaran__perjanjian=p, mendukung__isnull=False).exclude(
            mendukung__sasaran__perjanjian=p
        )
        for obj in [*luar_s.select_related("mendukung"), *luar_i.select_related("mendukung")]:
            perubahan.append(
                {
                    "bidang": "mendukung",
                    "lama": f"{_judul_baris(obj)}: {_teks_tautan(obj.mendukung)}",
                    "baru": None,
                }
            )
        luar_s.update(mendukung=None)
        luar_i.update(mendukung=None)
        p.atasan_pk = atasan
        if atasan is not None and p.pihak_kedua_id is None:
            # The superior's PK names the pihak kedua: its pihak pertama.
            p.pihak_kedua = atasan.pihak_pertama
            for k in ("nama", "nip", "jabatan", "pangkat"):
                baru = getattr(atasan, f"pihak_pertama_{k}")
                perubahan.append(
                    {
                        "bidang": f"pihak_kedua_{k}",
                        "lama": getattr(p, f"pihak_kedua_{k}") or None,
                        "baru": baru or None,
                    }
                )
                setattr(p, f"pihak_kedua_{k}", baru)
        p.save()
        perubahan = [x for x in perubahan if x["lama"] != x["baru"]]
        _catat(p, oleh, "pk.ubah", "Perjanjian Kinerja", perubahan, {})
    perjanjian.refresh_from_db()
    return perjanjian


def _judul_baris(obj: Sasaran | Indikator) -> str:
    return _judul("Sasaran" if isinstance(obj, Sasaran) else "Indikator", obj.uraian)


def _teks_tautan(obj: Sasaran | Indikator) -> str:
    """ "Indikator “IKM” (PK 2024 Bupati Gowa)": the supported row, named for the trail."""
    pk = obj.perjanjian if isinstance(obj, Sasaran) else obj.sasaran.perjanjian
    return f"{_judul_baris(obj)} ({pk})"


def pilihan_tautan(p: PerjanjianKinerja, obj: Sasaran | Indikator):
    """What a row may support: the same kind of row of the superior's PK or, for a row below the
    strategis level, of a higher level of this PK."""
    tingkat = obj.tingkat if isinstance(obj, Sasaran) else obj.sasaran.tingkat
    lebih_tinggi = TINGKAT_URUTAN[: TINGKAT_URUTAN.index(tingkat)] if tingkat in TINGKAT_URUTAN else []
    if isinstance(obj, Sasaran):
        q = Q(perjanjian_id=p.atasan_pk_id) if p.atasan_pk_id else Q(pk__in=[])
        q |= Q(perjanjian=p, tingkat__in=lebih_tinggi)
        return Sasaran.objects.filter(q).exclude(pk=obj.pk).select_related("perjanjian")
    q = Q(sasaran__perjanjian_id=p.atasan_pk_id) if p.atasan_pk_id else Q(pk__in=[])
    q |= Q(sasaran__perjanjian=p, sasaran__tingkat__in=lebih_tinggi)
    return Indikator.objects.filter(q).exclude(pk=obj.pk).select_related("sasaran__perjanjian")


def _pilihan_tautan(p: PerjanjianKinerja, obj: Sasaran | Indikator, mendukung: Any) -> Any:
    if not pilihan_tautan(p, obj).filter(pk=mendukung.pk).exists():
        raise IsianSalah(
            _(
                "“%(baris)s” tidak dapat didukung oleh baris ini: pilih dari PK atasan atau tingkat di atasnya."
            )
            % {"baris": mendukung.uraian}
        )
    return mendukung


def tautkan(obj: Sasaran | Indikator, oleh, mendukung: Sasaran | Indikator | None) -> Sasaran | Indikator:
    """Set (or clear) what a sasaran or indikator supports; the trail keeps old → new."""
    pk_asal = obj.perjanjian if isinstance(obj, Sasaran) else obj.sasaran.perjanjian
    with _suntingan(pk_asal, oleh) as p:
        kelas = type(obj)
        baris = (
            Sasaran.objects.get(pk=obj.pk, perjanjian=p)
            if kelas is Sasaran
            else Indikator.objects.select_related("sasaran").get(pk=obj.pk, sasaran__perjanjian=p)
        )
        if mendukung is not None and type(mendukung) is not kelas:
            raise IsianSalah(_("Sasaran mendukung sasaran, indikator mendukung indikator."))
        baru = _pilihan_tautan(p, baris, mendukung) if mendukung is not None else None
        if (baru.pk if baru else None) == baris.mendukung_id:
            return baris
        lama = _teks_tautan(baris.mendukung) if baris.mendukung_id else None
        baris.mendukung = baru
        baris.save(update_fields=["mendukung"])
        kode = "pk.sasaran.ubah" if kelas is Sasaran else "pk.indikator.ubah"
        perubahan = [{"bidang": "mendukung", "lama": lama, "baru": _teks_tautan(baru) if baru else None}]
        _catat(p, oleh, kode, _judul_baris(baris), perubahan, {"id": baris.pk})
    return baris


def turunkan(perjanjian: PerjanjianKinerja, oleh, indikator: list[int]) -> list[Sasaran]:
    """Derive rows from the superior's published PK: each chosen indikator (by id) of it becomes an
    indikator of this PK with the same words and target (to edit), under a sasaran strategis with its
    sasaran's words; both linked to what they come from. A sasaran already derived is reused."""
    from kinerja.agreements.models import Status

    atasan = perjanjian.atasan_pk
    if atasan is None or atasan.status != Status.DITERBITKAN:
        raise IsianSalah(_("Pilih dulu PK atasan yang sudah diterbitkan, tempat PK ini diturunkan."))
    dipilih = list(
        Indikator.objects.filter(pk__in=indikator, sasaran__perjanjian=atasan)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    if not dipilih:
        raise IsianSalah(_("Pilih sedikitnya satu indikator PK atasan yang didukung unit ini."))
    hasil: dict[int, Sasaran] = {
        s.mendukung_id: s
        for s in perjanjian.sasaran.filter(tingkat=Tingkat.STRATEGIS, mendukung__perjanjian=atasan)
    }
    with transaction.atomic():
        for induk in dipilih:
            s = hasil.get(induk.sasaran_id)
            if s is None:
                s = tambah_sasaran(
                    perjanjian,
                    oleh,
                    tingkat=Tingkat.STRATEGIS,
                    uraian=induk.sasaran.uraian,
                    mendukung=induk.sasaran,
                )
                hasil[induk.sasaran_id] = s
            tambah_indikator(
                s,
                oleh,
                uraian=induk.uraian,
                target=induk.target_teks,
                satuan=induk.satuan or None,
                polaritas=induk.polaritas,
                mendukung=induk,
            )
    return list(hasil.values())


VERB_BARIS: dict[str, Callable[..., Any]] = {
    "sasaran": pindah_sasaran,
    "indikator": pindah_indikator,
    "program": pindah_program,
}
