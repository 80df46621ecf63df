"""The verbs of the SAKIP evaluation (docs/adr/0007-evaluasi-sakip.md).

Each takes the acting user, checks the right with `can()` (the unit's operator: `edit`; its head:
`approve`; the Inspektorat: `evaluate`), checks the state, does the work and writes the trail, in one
transaction. Web pages and the command line call these and nothing else; refusals are the `Ditolak`
family of the PK's life (Indonesian messages that say what to do).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.agreements.alur import Ditolak, IsianKurang, StatusTidakSesuai, TidakBerhak
from kinerja.domain import sakip
from kinerja.domain.nip import parse_nip
from kinerja.domain.teks_masuk import bersihkan
from kinerja.evaluation.models import (
    BuktiJawaban,
    Evaluasi,
    Instrumen,
    Jawaban,
    Rekomendasi,
    StatusEvaluasi,
    StatusRekomendasi,
)
from kinerja.monitoring.bukti import BerkasBukti
from kinerja.riwayat.models import Riwayat, catat
from kinerja.units.models import Unit
from kinerja.units.permissions import can

S = StatusEvaluasi
DAPAT_DIREVIU = (S.DIAJUKAN, S.DIREVIU)


def _cek(oleh, aksi: str, unit: Unit, kata: str) -> None:
    if oleh is None or not getattr(oleh, "is_authenticated", False):
        raise TidakBerhak(_("Masuk dulu: setiap langkah evaluasi dicatat atas nama penggunanya."))
    if not can(oleh, aksi, unit):
        raise TidakBerhak(
            _("%(user)s tidak berhak %(kata)s untuk %(unit)s.")
            % {"user": oleh.get_username(), "kata": kata, "unit": unit}
        )


def _status(ev: Evaluasi, boleh: tuple[str, ...], kata: str) -> None:
    if ev.status not in boleh:
        raise StatusTidakSesuai(
            _("Evaluasi %(unit)s %(tahun)s berstatus “%(status)s”: tidak dapat %(kata)s.")
            % {"unit": ev.unit, "tahun": ev.tahun, "status": ev.get_status_display(), "kata": kata}
        )


def _ubah_status(ev: Evaluasi, ke: str, aksi: str, oleh, catatan: str = "", **data) -> None:
    dari = ev.status
    ev.status = ke
    ev.save()
    catat(ev, aksi, oleh=oleh, dari=dari, ke=ke, catatan=catatan, data=data)


# ---------------------------------------------------------------------------------------------------
# Opening an evaluation
# ---------------------------------------------------------------------------------------------------


def instrumen_tersimpan(ins_domain: sakip.Instrumen, isi: Mapping) -> Instrumen:
    """The stored copy of an instrument version (made on first use)."""
    teks = json.dumps(isi, sort_keys=True, ensure_ascii=False, default=str)
    sidik = hashlib.sha256(teks.encode()).hexdigest()
    obj, _dibuat = Instrumen.objects.get_or_create(
        sidik=sidik,
        defaults={
            "kode": ins_domain.kode,
            "versi": ins_domain.versi,
            "nama": ins_domain.nama,
            "isi": json.loads(teks),
        },
    )
    return obj


def _isi_instrumen(tahun: int) -> tuple[sakip.Instrumen, dict]:
    from django.conf import settings

    folder = getattr(settings, "KINERJA_LKE_FOLDER", None) or None
    ins = sakip.instrumen_untuk_tahun(tahun, folder)
    berkas = sorted(Path(folder).glob("*.json")) if folder else []
    for f in [*berkas, *sorted(sakip.FOLDER_BAWAAN.glob("*.json"))]:
        isi = json.loads(f.read_text(encoding="utf-8"))
        if str(isi.get("kode")) == ins.kode and str(isi.get("versi")) == ins.versi:
            return ins, isi
    raise sakip.InstrumenTidakSah(_("Berkas instrumen %s tidak ditemukan.") % ins.kode)


def buka(oleh, unit: Unit, tahun: int) -> Evaluasi:
    """Open the unit's evaluation of `tahun` (the operator or an admin of the unit; or the Inspektorat)."""
    if not (can(oleh, "edit", unit) or can(oleh, "evaluate", unit)):
        _cek(oleh, "edit", unit, _("membuka evaluasi SAKIP"))
    if not 2000 <= tahun <= timezone.localdate().year + 1:
        raise IsianKurang(_("Tahun evaluasi %s tidak masuk akal.") % tahun)
    if Evaluasi.objects.filter(unit=unit, tahun=tahun).exists():
        raise StatusTidakSesuai(
            _("Evaluasi SAKIP %(unit)s tahun %(tahun)s sudah ada.") % {"unit": unit, "tahun": tahun}
        )
    try:
        ins, isi = _isi_instrumen(tahun)
    except sakip.InstrumenTidakSah as err:
        raise IsianKurang(str(err)) from None
    with transaction.atomic():
        ev = Evaluasi.objects.create(unit=unit, tahun=tahun, instrumen=instrumen_tersimpan(ins, isi))
        Jawaban.objects.bulk_create(Jawaban(evaluasi=ev, kriteria=k.kode) for k in ins.kriteria)
        catat(ev, "evaluasi.buka", oleh=oleh, ke=ev.status, data={"instrumen": ins.kode, "versi": ins.versi})
    return ev


# ---------------------------------------------------------------------------------------------------
# The unit's self-assessment
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IsianJawaban:
    jawaban: str
    penjelasan: str = ""


def _jawaban_sah(ev: Evaluasi, kode: str, jawaban: str) -> str:
    ins = ev.instrumen.domain
    k = ins.cari(kode)
    if k is None:
        raise IsianKurang(_("Kriteria %s tidak ada dalam instrumen evaluasi ini.") % kode)
    j = jawaban.strip().upper()
    if j and j not in ins.pilihan(k):
        raise IsianKurang(
            _("Jawaban “%(j)s” untuk kriteria %(k)s tidak dikenal: pilih %(p)s.")
            % {"j": jawaban, "k": kode, "p": ", ".join(ins.pilihan(k))}
        )
    return j


def simpan_jawaban(oleh, ev: Evaluasi, isian: Mapping[str, IsianJawaban]) -> int:
    """Save the unit's answers (criterion code → answer and justification); returns how many changed."""
    _cek(oleh, "edit", ev.unit, _("mengisi penilaian mandiri"))
    _status(ev, (S.DRAF,), _("diubah oleh unit"))
    baru = {k: (_jawaban_sah(ev, k, v.jawaban), bersihkan(v.penjelasan).strip()) for k, v in isian.items()}
    perubahan = []
    with transaction.atomic():
        ada = {
            j.kriteria: j for j in Jawaban.objects.select_for_update().filter(evaluasi=ev, kriteria__in=baru)
        }
        ubah = []
        for kode, (jawab, jelas) in baru.items():
            j = ada[kode]
            if (j.jawaban_unit, j.penjelasan_unit) == (jawab, jelas):
                continue
            perubahan.append({"bidang": kode, "lama": j.jawaban_unit, "baru": jawab})
            if jawab != j.jawaban_unit:
                # An answer changed after a return: the evaluator's earlier decision no longer applies.
                j.direviu, j.jawaban_evaluator = False, ""
            j.jawaban_unit, j.penjelasan_unit = jawab, jelas
            ubah.append(j)
        Jawaban.objects.bulk_update(ubah, ["jawaban_unit", "penjelasan_unit", "direviu", "jawaban_evaluator"])
        if ubah:
            catat(ev, "evaluasi.jawaban.simpan", oleh=oleh, perubahan=perubahan)
            ev.save(update_fields=["diubah"])
    return len(ubah)


def tambah_bukti(
    oleh, ev: Evaluasi, kode: str, *, judul: str = "", berkas: BerkasBukti | None = None, tautan: str = ""
) -> BuktiJawaban:
    """Add a file (already checked by `periksa_bukti`) or a link as evidence of a criterion."""
    _cek(oleh, "edit", ev.unit, _("menambah bukti"))
    _status(ev, (S.DRAF,), _("diberi bukti baru"))
    tautan = bersihkan(tautan).strip()
    if berkas is None and not tautan:
        raise IsianKurang(
            _("Kriteria %(k)s: %(pesan)s")
            % {"k": kode, "pesan": _("Pilih berkas bukti atau tulis tautannya.")}
        )
    if tautan and not tautan.startswith(("https://", "http://", "/")):
        raise IsianKurang(
            _("Kriteria %(k)s: %(pesan)s")
            % {
                "k": kode,
                "pesan": _("Tautan bukti harus diawali https://, http:// atau / (halaman kinerja)."),
            }
        )
    jawaban = Jawaban.objects.filter(evaluasi=ev, kriteria=kode).first()
    if jawaban is None:
        raise IsianKurang(_("Kriteria %s tidak ada dalam instrumen evaluasi ini.") % kode)
    judul = bersihkan(judul).strip()[:255] or (berkas.nama if berkas else tautan)[:255]
    with transaction.atomic():
        b = BuktiJawaban(jawaban=jawaban, judul=judul, tautan=tautan[:500], oleh=oleh)
        if berkas is not None:
            b.jenis_isi, b.sha256 = berkas.jenis_isi, berkas.sha256
            akhiran = berkas.nama.rsplit(".", 1)[-1].lower() if "." in berkas.nama else "bin"
            b.berkas.save(f"{berkas.sha256[:32]}.{akhiran}", ContentFile(berkas.isi), save=False)
        b.save()
        catat(
            ev,
            "evaluasi.bukti.tambah",
            oleh=oleh,
            data={"kriteria": kode, "judul": judul, "sha256": b.sha256},
        )
    return b


def hapus_bukti(oleh, bukti: BuktiJawaban) -> None:
    ev = bukti.jawaban.evaluasi
    _cek(oleh, "edit", ev.unit, _("menghapus bukti"))
    _status(ev, (S.DRAF,), _("dihapus buktinya"))
    with transaction.atomic():
        catat(
            ev,
            "evaluasi.bukti.hapus",
            oleh=oleh,
            data={"kriteria": bukti.jawaban.kriteria, "judul": bukti.judul},
        )
        if bukti.berkas:
            bukti.berkas.delete(save=False)
        bukti.delete()


def terima_usulan_bukti(oleh, ev: Evaluasi) -> int:
    """Add as evidence every record kinerja proposes for the criteria (the published PK, the IKM …)."""
    from kinerja.evaluation.baca import usulan_bukti

    _cek(oleh, "edit", ev.unit, _("menambah bukti"))
    _status(ev, (S.DRAF,), _("diberi bukti baru"))
    usulan = usulan_bukti(ev)
    jawaban = {j.kriteria: j for j in ev.jawaban.prefetch_related("bukti")}
    baru = []
    for kode, daftar in usulan.items():
        ada = {b.rekaman for b in jawaban[kode].bukti.all()}
        baru += [
            BuktiJawaban(
                jawaban=jawaban[kode], judul=u.judul[:255], tautan=u.tautan, rekaman=u.jenis, oleh=oleh
            )
            for u in daftar
            if u.jenis not in ada
        ]
    with transaction.atomic():
        BuktiJawaban.objects.bulk_create(baru)
        if baru:
            catat(ev, "evaluasi.bukti.usulan", oleh=oleh, data={"jumlah": len(baru)})
    return len(baru)


def ajukan(oleh, ev: Evaluasi) -> None:
    """The unit's head submits the self-assessment to the Inspektorat (every criterion answered)."""
    _cek(oleh, "approve", ev.unit, _("mengajukan penilaian mandiri"))
    _status(ev, (S.DRAF,), _("diajukan"))
    kosong = list(ev.jawaban.filter(jawaban_unit="").order_by("id").values_list("kriteria", flat=True))
    if kosong:
        raise IsianKurang(
            _("Masih ada %(n)s kriteria tanpa jawaban (mis. %(k)s): jawab semua sebelum mengajukan.")
            % {"n": len(kosong), "k": ", ".join(kosong[:5])}
        )
    with transaction.atomic():
        _ubah_status(ev, S.DIAJUKAN, "evaluasi.ajukan", oleh)


# ---------------------------------------------------------------------------------------------------
# The Inspektorat's review
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IsianReviu:
    """The evaluator's decision on a criterion: agree (jawaban "") or adjust, with a note."""

    jawaban: str = ""
    catatan: str = ""


def reviu_jawaban(oleh, ev: Evaluasi, isian: Mapping[str, IsianReviu]) -> int:
    """The evaluator agrees with or adjusts the unit's answers; an adjustment needs a note."""
    _cek(oleh, "evaluate", ev.unit, _("mereviu evaluasi"))
    _status(ev, DAPAT_DIREVIU, _("direviu"))
    baru = {k: (_jawaban_sah(ev, k, v.jawaban), bersihkan(v.catatan).strip()) for k, v in isian.items()}
    perubahan = []
    with transaction.atomic():
        ada = {
            j.kriteria: j for j in Jawaban.objects.select_for_update().filter(evaluasi=ev, kriteria__in=baru)
        }
        ubah = []
        for kode, (jawab, cat) in baru.items():
            j = ada[kode]
            if jawab == j.jawaban_unit:
                jawab = ""  # the same grade as the unit's is agreement
            if jawab and not cat:
                raise IsianKurang(_("Kriteria %s: tulis catatan mengapa jawaban unit disesuaikan.") % kode)
            if j.direviu and (j.jawaban_evaluator, j.catatan_evaluator) == (jawab, cat):
                continue
            perubahan.append({"bidang": kode, "lama": j.jawaban_akhir, "baru": jawab or j.jawaban_unit})
            j.jawaban_evaluator, j.catatan_evaluator, j.direviu = jawab, cat, True
            ubah.append(j)
        Jawaban.objects.bulk_update(ubah, ["jawaban_evaluator", "catatan_evaluator", "direviu"])
        if ev.status == S.DIAJUKAN or ev.evaluator_id is None:
            ev.evaluator = oleh
            if ev.status == S.DIAJUKAN:
                _ubah_status(ev, S.DIREVIU, "evaluasi.reviu.mulai", oleh)
            else:
                ev.save(update_fields=["evaluator", "diubah"])
        if ubah:
            catat(ev, "evaluasi.reviu", oleh=oleh, perubahan=perubahan)
    return len(ubah)


def simpan_catatan(oleh, ev: Evaluasi, catatan: Mapping[str, str]) -> None:
    """The evaluator's notes per component (printed in the LHE)."""
    _cek(oleh, "evaluate", ev.unit, _("menulis catatan evaluasi"))
    _status(ev, (*DAPAT_DIREVIU, S.DIPERIKSA), _("diberi catatan"))
    kode = {k.kode for k in ev.instrumen.domain.komponen}
    baru = {k: bersihkan(v).strip() for k, v in catatan.items() if k in kode}
    lama = dict(ev.catatan_komponen)
    gabung = {**lama, **baru}
    if gabung == lama:
        return
    with transaction.atomic():
        ev.catatan_komponen = gabung
        ev.save(update_fields=["catatan_komponen", "diubah"])
        catat(
            ev,
            "evaluasi.catatan",
            oleh=oleh,
            perubahan=[
                {"bidang": k, "lama": lama.get(k, ""), "baru": v}
                for k, v in baru.items()
                if lama.get(k, "") != v
            ],
        )


def tambah_rekomendasi(oleh, ev: Evaluasi, teks: str, komponen: str = "") -> Rekomendasi:
    _cek(oleh, "evaluate", ev.unit, _("menulis rekomendasi"))
    _status(ev, (*DAPAT_DIREVIU, S.DIPERIKSA), _("diberi rekomendasi"))
    teks = bersihkan(teks).strip()
    if not teks:
        raise IsianKurang(_("Tulis isi rekomendasinya."))
    if komponen and komponen not in {k.kode for k in ev.instrumen.domain.komponen}:
        raise IsianKurang(_("Komponen %s tidak ada dalam instrumen.") % komponen)
    with transaction.atomic():
        nomor = (ev.rekomendasi.order_by("-nomor").values_list("nomor", flat=True).first() or 0) + 1
        r = Rekomendasi.objects.create(evaluasi=ev, nomor=nomor, teks=teks, komponen=komponen)
        catat(ev, "evaluasi.rekomendasi.tambah", oleh=oleh, data={"nomor": nomor, "teks": teks})
    return r


def hapus_rekomendasi(oleh, r: Rekomendasi) -> None:
    ev = r.evaluasi
    _cek(oleh, "evaluate", ev.unit, _("menghapus rekomendasi"))
    _status(ev, (*DAPAT_DIREVIU, S.DIPERIKSA), _("dihapus rekomendasinya"))
    with transaction.atomic():
        catat(ev, "evaluasi.rekomendasi.hapus", oleh=oleh, data={"nomor": r.nomor, "teks": r.teks})
        r.delete()


def kembalikan_ke_unit(oleh, ev: Evaluasi, catatan: str) -> None:
    """The evaluator sends the self-assessment back to the unit (answers or evidence to complete)."""
    _cek(oleh, "evaluate", ev.unit, _("mengembalikan penilaian mandiri"))
    _status(ev, DAPAT_DIREVIU, _("dikembalikan ke unit"))
    catatan = bersihkan(catatan).strip()
    if not catatan:
        raise IsianKurang(_("Tulis catatan: apa yang harus dilengkapi unit."))
    with transaction.atomic():
        _ubah_status(ev, S.DRAF, "evaluasi.kembalikan", oleh, catatan)


def kirim_ke_pengendali(oleh, ev: Evaluasi) -> None:
    """The evaluator hands the reviewed evaluation to the pengendali teknis (every answer reviewed)."""
    _cek(oleh, "evaluate", ev.unit, _("mengirim hasil reviu"))
    _status(ev, (S.DIREVIU,), _("dikirim ke pengendali teknis"))
    belum = list(ev.jawaban.filter(direviu=False).order_by("id").values_list("kriteria", flat=True))
    if belum:
        raise IsianKurang(
            _("%(n)s kriteria belum direviu (mis. %(k)s): setujui atau sesuaikan semuanya dulu.")
            % {"n": len(belum), "k": ", ".join(belum[:5])}
        )
    with transaction.atomic():
        ev.evaluator = ev.evaluator or oleh
        _ubah_status(ev, S.DIPERIKSA, "evaluasi.kirim", oleh)


AKSI_REVIU = ("evaluasi.reviu", "evaluasi.reviu.mulai", "evaluasi.kirim")


def ikut_mereviu(oleh, ev: Evaluasi) -> bool:
    """Whether `oleh` reviewed this evaluation (any of its review steps is his in the trail)."""
    if ev.evaluator_id == getattr(oleh, "pk", None):
        return True
    return Riwayat.objects.untuk(ev).filter(aksi__in=AKSI_REVIU, oleh_id=getattr(oleh, "pk", None)).exists()


def _bukan_evaluator(oleh, ev: Evaluasi) -> None:
    # The pengendali teknis checks the evaluators' work: never one of them (separation of duties).
    if not oleh.is_superuser and ikut_mereviu(oleh, ev):
        raise TidakBerhak(
            _("Pengendali teknis harus orang lain daripada evaluator yang mereviu evaluasi ini.")
        )


def kembalikan_ke_evaluator(oleh, ev: Evaluasi, catatan: str) -> None:
    _cek(oleh, "evaluate", ev.unit, _("mengembalikan hasil reviu"))
    _status(ev, (S.DIPERIKSA,), _("dikembalikan ke evaluator"))
    _bukan_evaluator(oleh, ev)
    catatan = bersihkan(catatan).strip()
    if not catatan:
        raise IsianKurang(_("Tulis catatan: apa yang harus diperbaiki evaluator."))
    with transaction.atomic():
        _ubah_status(ev, S.DIREVIU, "evaluasi.kembalikan_reviu", oleh, catatan)


@dataclass(frozen=True)
class IsianPenetapan:
    """The LHE's letter: who signs it (the Inspektur) and its number, place and date."""

    penandatangan_nama: str
    penandatangan_nip: str
    penandatangan_jabatan: str
    nomor_surat: str = ""
    tempat: str = ""
    tanggal: date | None = None


def jawaban_akhir(ev: Evaluasi) -> dict[str, str]:
    return {j.kriteria: j.jawaban_akhir for j in ev.jawaban.all()}


def tetapkan(oleh, ev: Evaluasi, isian: IsianPenetapan) -> sakip.NilaiSAKIP:
    """The pengendali teknis makes the evaluation final: the score is stored and everything locked."""
    _cek(oleh, "evaluate", ev.unit, _("menetapkan hasil evaluasi"))
    _status(ev, (S.DIPERIKSA,), _("ditetapkan"))
    _bukan_evaluator(oleh, ev)
    nama = bersihkan(isian.penandatangan_nama).strip()
    jabatan = bersihkan(isian.penandatangan_jabatan).strip()
    if not nama or not jabatan:
        raise IsianKurang(_("Tulis nama dan jabatan penanda tangan LHE (Inspektur)."))
    nip = ""
    if isian.penandatangan_nip.strip():
        try:
            nip = parse_nip(isian.penandatangan_nip).digits
        except ValueError as err:
            raise IsianKurang(_("NIP penanda tangan: %s") % err) from None
    hasil = sakip.hitung(ev.instrumen.domain, jawaban_akhir(ev))
    with transaction.atomic():
        ev.pengendali = oleh
        ev.nilai, ev.predikat, ev.rincian = hasil.nilai, hasil.predikat.kode, hasil.to_json()
        ev.penandatangan_nama, ev.penandatangan_nip, ev.penandatangan_jabatan = nama[:255], nip, jabatan[:255]
        ev.nomor_surat = bersihkan(isian.nomor_surat).strip()[:100]
        ev.tempat_lhe = bersihkan(isian.tempat).strip()[:100]
        ev.tanggal_lhe = isian.tanggal or timezone.localdate()
        _ubah_status(
            ev, S.FINAL, "evaluasi.tetapkan", oleh, nilai=str(hasil.nilai), predikat=hasil.predikat.kode
        )
        _isi_pk(ev, oleh)
    return hasil


def _isi_pk(ev: Evaluasi, oleh) -> None:
    """The final Nilai SAKIP becomes the automatic realisasi of the unit's PK of that year."""
    from kinerja.agreements.models import PerjanjianKinerja
    from kinerja.monitoring.layanan import STATUS_DIPANTAU, isi_otomatis

    for pk in PerjanjianKinerja.objects.filter(unit=ev.unit, tahun=ev.tahun, status__in=STATUS_DIPANTAU):
        isi_otomatis(pk, oleh)


def hak(user, ev: Evaluasi) -> dict[str, bool]:
    """What `user` may do on `ev` now: the same rights and states the verbs above check (the page shows
    only the forms that would be accepted)."""
    edit, evaluate = can(user, "edit", ev.unit), can(user, "evaluate", ev.unit)
    boleh_tetapkan = evaluate and ev.status == S.DIPERIKSA
    return {
        "isi": edit and ev.status == S.DRAF,
        "ajukan": can(user, "approve", ev.unit) and ev.status == S.DRAF,
        "reviu": evaluate and ev.status in DAPAT_DIREVIU,
        "catatan": evaluate and ev.status in (*DAPAT_DIREVIU, S.DIPERIKSA),
        "kirim": evaluate and ev.status == S.DIREVIU,
        "tetapkan": boleh_tetapkan and (user.is_superuser or not ikut_mereviu(user, ev)),
        "tindak_lanjut": edit and ev.status == S.FINAL,
        "putuskan": evaluate and ev.status == S.FINAL,
        "lihat_evaluator": evaluate or ev.status != S.DRAF,
    }


# ---------------------------------------------------------------------------------------------------
# Recommendations followed up
# ---------------------------------------------------------------------------------------------------


def jawab_rekomendasi(oleh, r: Rekomendasi, tindak_lanjut: str) -> None:
    """The unit reports what it did about a recommendation of a final evaluation."""
    _cek(oleh, "edit", r.unit, _("melaporkan tindak lanjut"))
    if not r.evaluasi.final:
        raise StatusTidakSesuai(_("Rekomendasi ditindaklanjuti setelah evaluasi final."))
    if r.status == StatusRekomendasi.SELESAI:
        raise StatusTidakSesuai(_("Rekomendasi %s sudah dinyatakan selesai.") % r.nomor)
    teks = bersihkan(tindak_lanjut).strip()
    if not teks:
        raise IsianKurang(_("Tulis apa yang sudah dilakukan untuk rekomendasi ini."))
    with transaction.atomic():
        dari = r.status
        r.tindak_lanjut, r.status, r.dijawab_pada = teks, StatusRekomendasi.DIJAWAB, timezone.now()
        r.save()
        catat(r, "rekomendasi.jawab", oleh=oleh, dari=dari, ke=r.status, catatan=teks)


def putuskan_rekomendasi(oleh, r: Rekomendasi, *, selesai: bool, catatan: str = "") -> None:
    """The Inspektorat accepts a follow-up (done) or asks for more (open again, with a note)."""
    _cek(oleh, "evaluate", r.unit, _("menilai tindak lanjut"))
    if r.status != StatusRekomendasi.DIJAWAB:
        raise StatusTidakSesuai(_("Rekomendasi %s belum dilaporkan tindak lanjutnya.") % r.nomor)
    catatan = bersihkan(catatan).strip()
    if not selesai and not catatan:
        raise IsianKurang(_("Tulis catatan: apa yang masih kurang dari tindak lanjutnya."))
    with transaction.atomic():
        dari = r.status
        r.status = StatusRekomendasi.SELESAI if selesai else StatusRekomendasi.TERBUKA
        r.catatan_inspektorat = catatan
        r.selesai_pada = timezone.now() if selesai else None
        r.save()
        catat(
            r,
            "rekomendasi.selesai" if selesai else "rekomendasi.kembalikan",
            oleh=oleh,
            dari=dari,
            ke=r.status,
            catatan=catatan,
        )


__all__ = [
    "Ditolak",
    "IsianJawaban",
    "IsianPenetapan",
    "IsianReviu",
    "ajukan",
    "buka",
    "hak",
    "hapus_bukti",
    "hapus_rekomendasi",
    "jawab_rekomendasi",
    "kembalikan_ke_evaluator",
    "kembalikan_ke_unit",
    "kirim_ke_pengendali",
    "putuskan_rekomendasi",
    "reviu_jawaban",
    "simpan_catatan",
    "simpan_jawaban",
    "tambah_bukti",
    "tambah_rekomendasi",
    "terima_usulan_bukti",
    "tetapkan",
]
