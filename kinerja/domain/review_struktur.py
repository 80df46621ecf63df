"""Review rules PK-STR: the structure of the PK — sasaran and indicators, explanations, budget, dates.

The PK's parts and their order follow PermenPANRB 53/2014 (docs/parser.md, “The PK's structure and parties”): the statement with place
and date, Lampiran 1 (sasaran, indikator, target; program and anggaran with a total) and, in many
regions, Lampiran 2 (penjelasan per indikator). A PK is drawn up no later than one month after the DPA
is approved (PermenPANRB 53/2014; docs/parser.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from kinerja.domain.pk import program_puncak
from kinerja.domain.review_inti import Draf, Konteks, Lokasi, aturan, teks
from kinerja.domain.review_katalog import kemiripan_judul
from kinerja.domain.review_teks import angka_dari_kata, desimal, kata_kunci, kunci, mirip_kata, rupiah
from kinerja.domain.tanggal import BULAN, Tanggal, TanggalError, parse_tanggal

__all__: list[str] = []


@aturan("PK-STR-001", "galat", "Sasaran tanpa indikator")
def sasaran_tanpa_indikator(k: Konteks) -> Iterator[Draf]:
    """Every sasaran is measured by at least one indicator."""
    for si, s in enumerate(k.pk.sasaran):
        if s.indikator:
            continue
        lok = k.lokasi_sasaran(si)
        yield Draf(
            pesan=f"Sasaran “{teks(s.uraian)}” ({lok.label}) tidak memiliki indikator kinerja.",
            lokasi=(lok,),
            nilai={lok.jalur: teks(s.uraian)},
            saran="Tambahkan indikator dan targetnya untuk sasaran ini, atau hapus sasarannya bila tidak diperjanjikan.",
        )


def _ada_lampiran_2(k: Konteks) -> bool:
    return bool(k.pk.penjelasan)


@aturan("PK-STR-002", "peringatan", "Indikator strategis tanpa penjelasan")
def strategis_tanpa_penjelasan(k: Konteks) -> Iterator[Draf]:
    """When the PK has a Lampiran 2, every strategic indicator should be explained there."""
    if not _ada_lampiran_2(k):
        return
    for di in k.indikator:
        if di.sasaran.tingkat != "strategis" or (di.si, di.ii) in k.penjelasan_per_indikator:
            continue
        lok = k.lokasi_indikator(di.si, di.ii)
        yield Draf(
            pesan=f"Indikator strategis “{teks(di.indikator.uraian)}” ({lok.label}) tidak dijelaskan di Lampiran 2.",
            lokasi=(lok,),
            nilai={lok.jalur: teks(di.indikator.uraian)},
            saran="Tambahkan penjelasannya di Lampiran 2: relevansi, formulasi, sumber data dan penjelasan target.",
        )


@aturan("PK-STR-003", "info", "Indikator program/kegiatan tanpa penjelasan")
def lain_tanpa_penjelasan(k: Konteks) -> Iterator[Draf]:
    """Program and kegiatan indicators not explained in Lampiran 2, listed once (many PKs explain only
    the key indicators)."""
    if not _ada_lampiran_2(k):
        return
    tanpa = [
        di
        for di in k.indikator
        if di.sasaran.tingkat != "strategis" and (di.si, di.ii) not in k.penjelasan_per_indikator
    ]
    if not tanpa:
        return
    nama = [f"“{teks(di.indikator.uraian)}”" for di in tanpa]
    daftar = ", ".join(nama[:5]) + (f" dan {len(nama) - 5} lainnya" if len(nama) > 5 else "")
    lokasi = tuple(k.lokasi_indikator(di.si, di.ii) for di in tanpa)
    yield Draf(
        pesan=f"{len(tanpa)} indikator sasaran program/kegiatan tidak dijelaskan di Lampiran 2: {daftar}.",
        lokasi=lokasi,
        nilai={lok.jalur: teks(di.indikator.uraian) for lok, di in zip(lokasi, tanpa, strict=True)},
        saran="Bila pedoman daerah meminta penjelasan untuk semua indikator, tambahkan penjelasannya; bila tidak, abaikan.",
    )


@aturan("PK-STR-004", "peringatan", "Jumlah indikator tertulis tidak sesuai")
def jumlah_indikator_tertulis(k: Konteks) -> Iterator[Draf]:
    """ "Sasaran kinerja ini memiliki Satu indikator" while the block explains (or the sasaran has)
    another number of indicators."""
    for blok in k.blok_penjelasan:
        pi0 = blok[0]
        tertulis = teks(k.penjelasan(pi0).jumlah_indikator_tertulis)
        n = angka_dari_kata(tertulis)
        if n is None:
            continue
        sasaran = {di.si for pi in blok if (di := k.penjelasan_indikator.get(pi)) is not None}
        n_l1 = len(k.pk.sasaran[next(iter(sasaran))].indikator) if len(sasaran) == 1 else None
        beda: list[str] = []
        lokasi: list[Lokasi] = [k.lokasi_penjelasan(pi0, "jumlah_indikator_tertulis")]
        nilai = {lokasi[0].jalur: tertulis}
        if n != len(blok):
            beda.append(f"blok penjelasan ini menjelaskan {len(blok)} indikator")
        if n_l1 is not None and n != n_l1:
            si = next(iter(sasaran))
            lok_s = k.lokasi_sasaran(si)
            beda.append(f"sasaran “{teks(k.pk.sasaran[si].uraian)}” di Lampiran 1 memiliki {n_l1} indikator")
            lokasi.append(lok_s)
            nilai[lok_s.jalur] = str(n_l1)
        if not beda:
            continue
        nilai["dijelaskan"] = str(len(blok))
        yield Draf(
            pesan=f"Lampiran 2 menyebut sasaran ini memiliki “{tertulis}” indikator ({lokasi[0].label}), padahal {' dan '.join(beda)}.",
            lokasi=tuple(lokasi),
            nilai=nilai,
            saran="Samakan jumlah indikator yang ditulis dengan indikator sasaran itu di tabel kinerja dan di penjelasannya.",
        )


@aturan("PK-STR-005", "peringatan", "Indikator ganda")
def indikator_ganda(k: Konteks) -> Iterator[Draf]:
    """The same indicator written twice in the tabel kinerja."""
    per_kunci: dict[str, list[int]] = {}
    for idx, di in enumerate(k.indikator):
        kk = kunci(teks(di.indikator.uraian))
        if kk:
            per_kunci.setdefault(kk, []).append(idx)
    for daftar in per_kunci.values():
        if len(daftar) < 2:
            continue
        dis = [k.indikator[i] for i in daftar]
        lokasi = tuple(k.lokasi_indikator(d.si, d.ii) for d in dis)
        tingkat = sorted({d.sasaran.tingkat for d in dis})
        keterangan = (
            "pada sasaran yang sama"
            if len({d.si for d in dis}) == 1
            else (
                "pada tingkat " + " dan ".join(tingkat)
                if len(tingkat) > 1
                else f"pada sasaran {tingkat[0]} yang berbeda"
            )
        )
        yield Draf(
            pesan=(
                f"Indikator “{teks(dis[0].indikator.uraian)}” tertulis {len(dis)} kali di tabel kinerja "
                f"{keterangan}: "
                + "; ".join(
                    f"target {teks(d.indikator.target.teks)} ({lok.label})"
                    for d, lok in zip(dis, lokasi, strict=True)
                )
                + "."
            ),
            lokasi=lokasi,
            nilai={lok.jalur: teks(d.indikator.target.teks) for d, lok in zip(dis, lokasi, strict=True)},
            saran="Hapus indikator yang berulang, atau bedakan rumusannya bila yang diukur memang berbeda (indikator tingkat bawah mengukur hasil tingkatnya sendiri).",
        )


@aturan("PK-STR-006", "galat", "Total anggaran tidak sama dengan jumlah program")
def total_anggaran(k: Konteks) -> Iterator[Draf]:
    """The printed total of the program table is the sum of the programs' budgets (of the top level
    listed: a kegiatan's anggaran is part of its program's)."""
    tercetak = desimal(k.pk.total_anggaran_tercetak)
    program = program_puncak(k.pk.program)
    if tercetak is None or not program:
        return
    angg = [desimal(p.anggaran) for p in program]
    if any(a is None for a in angg):
        return
    jumlah = sum((a for a in angg if a is not None), Decimal(0))
    if jumlah == tercetak:
        return
    selisih = tercetak - jumlah
    lok_total = k.lokasi_total()
    puncak = {id(p) for p in program}
    lokasi = (lok_total, *(k.lokasi_program(i) for i, p in enumerate(k.pk.program) if id(p) in puncak))
    yield Draf(
        pesan=(
            f"Total anggaran tertulis {rupiah(tercetak)} ({lok_total.label}), padahal jumlah anggaran "
            f"{len(program)} program {rupiah(jumlah)} (selisih {rupiah(abs(selisih))}, total "
            f"{'lebih besar' if selisih > 0 else 'lebih kecil'})."
        ),
        lokasi=lokasi,
        nilai={
            lok_total.jalur: rupiah(tercetak),
            "jumlah_program": rupiah(jumlah),
            "selisih": rupiah(selisih),
        },
        saran="Periksa anggaran tiap program terhadap DPA dan hitung ulang totalnya.",
    )


_KATA_SAMBUNG = frozenset(
    {
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "terhadap",
        "kepada",
        "pada",
        "untuk",
        "dalam",
        "serta",
        "atas",
        "bagi",
        "oleh",
    }
)
_SASARAN_DISEBUT = re.compile(
    r"^\s*(?:sasaran\s*:?\s*)?(?P<s>[A-Z][A-Za-z]*(?:nya|NYA)\b[^.;:]{3,200}?)\s*(?:[.;:](?:\s|$)|$)"
)


def _kata_isi(text: str) -> list[str]:
    return [w for w in kata_kunci(text) if w not in _KATA_SAMBUNG]


def _sama_sasaran(a: str, b: str) -> bool:
    """Two sasaran texts that say the same (case, punctuation, small words and one typing slip per word
    do not count)."""
    ka, kb = _kata_isi(a), _kata_isi(b)
    if len(ka) != len(kb):
        return False
    return all(mirip_kata(x, y) for x, y in zip(ka, kb, strict=True))


@aturan("PK-STR-007", "peringatan", "Sasaran di Lampiran 2 berbeda dengan Lampiran 1")
def sasaran_beda(k: Konteks) -> Iterator[Draf]:
    """The uraian sasaran of Lampiran 2 opens with a sasaran that is not the Lampiran 1 sasaran of the
    indicator it explains. Silent when the uraian only explains (does not name a sasaran) or contains it."""
    for blok in k.blok_penjelasan:
        pi = next((p for p in blok if k.penjelasan_indikator.get(p) is not None), None)
        if pi is None:
            continue
        di = k.penjelasan_indikator[pi]
        assert di is not None
        uraian = teks(k.penjelasan(pi).uraian_sasaran)
        m = _SASARAN_DISEBUT.match(uraian)
        l1 = teks(di.sasaran.uraian)
        if m is None or not l1.strip():
            continue
        disebut = m.group("s").strip()
        if _sama_sasaran(disebut, l1) or kunci(l1) in kunci(uraian):
            continue
        lain = next(
            (
                s
                for si, s in enumerate(k.pk.sasaran)
                if si != di.si and _sama_sasaran(disebut, teks(s.uraian))
            ),
            None,
        )
        tambahan = f" — itu sasaran lain di Lampiran 1 (“{teks(lain.uraian)}”)" if lain is not None else ""
        lok2 = k.lokasi_penjelasan(pi, "uraian_sasaran")
        lok1 = k.lokasi_sasaran(di.si)
        yield Draf(
            pesan=(
                f"Sasaran di Lampiran 2 “{disebut}” ({lok2.label}) berbeda dengan sasaran indikator "
                f"“{teks(di.indikator.uraian)}” di Lampiran 1: “{l1}”{tambahan}."
            ),
            lokasi=(lok1, lok2),
            nilai={lok1.jalur: l1, lok2.jalur: disebut},
            saran=f"Tulis sasaran di uraian Lampiran 2 sama dengan Lampiran 1 (“{l1}”).",
        )


@aturan("PK-STR-012", "peringatan", "Penjelasan untuk indikator yang tidak ada di Lampiran 1")
def penjelasan_tanpa_indikator(k: Konteks) -> Iterator[Draf]:
    """A Lampiran 2 explanation whose indicator is not in the tabel kinerja (renamed or dropped)."""
    if not k.indikator:
        return
    for pi, di in k.penjelasan_indikator.items():
        if di is not None:
            continue
        nama = teks(k.penjelasan(pi).indikator)
        if not nama.strip():
            continue
        skor = [(kemiripan_judul(nama, teks(d.indikator.uraian)), d) for d in k.indikator]
        terbaik = max(skor, key=lambda s: s[0])
        mirip = f" Yang paling mirip: “{teks(terbaik[1].indikator.uraian)}”." if terbaik[0] >= 0.5 else ""
        lok = k.lokasi_penjelasan(pi)
        yield Draf(
            pesan=f"Indikator “{nama}” dijelaskan di Lampiran 2 ({lok.label}) tetapi tidak ada di tabel kinerja Lampiran 1.{mirip}",
            lokasi=(lok,),
            nilai={lok.jalur: nama},
            saran="Samakan nama indikator di Lampiran 2 dengan tabel kinerja, atau hapus penjelasan indikator yang tidak diperjanjikan.",
        )


# --- dates ------------------------------------------------------------------------------------------------


def _tanggal_tempat(k: Konteks) -> dict[str, list[Lokasi]]:
    """Every printed date (statement and signature blocks) with its places, grouped by the printed text."""
    hasil: dict[str, list[Lokasi]] = {}
    if teks(k.pk.tanggal).strip():
        hasil.setdefault(" ".join(teks(k.pk.tanggal).split()), []).append(k.lokasi_tanggal())
    for i, t in enumerate(k.pk.tanda_tangan):
        if teks(t.tanggal).strip():
            hasil.setdefault(" ".join(teks(t.tanggal).split()), []).append(k.lokasi_ttd(i))
    return hasil


def _baca(tanggal: str) -> Tanggal | None:
    try:
        return parse_tanggal(tanggal)
    except (TanggalError, ValueError):
        return None


def _tempat(lokasi: list[Lokasi]) -> str:
    return "; ".join(lok.label for lok in lokasi)


@aturan("PK-STR-008", "peringatan", "Tanggal tanpa hari")
def tanggal_tanpa_hari(k: Konteks) -> Iterator[Draf]:
    """A signing date printed without its day ("Januari 2024"): the day is left to be written by hand."""
    semua = _tanggal_tempat(k)
    lengkap = [t for t in semua if (b := _baca(t)) is not None and b.hari is not None]
    for tercetak, lokasi in semua.items():
        tgl = _baca(tercetak)
        if tgl is None or tgl.hari is not None:
            continue
        contoh = next(
            (
                t
                for t in lengkap
                if (b := _baca(t)) is not None and (b.bulan, b.tahun) == (tgl.bulan, tgl.tahun)
            ),
            None,
        )
        lain = f" Bagian lain bertanggal “{contoh}”." if contoh else ""
        yield Draf(
            pesan=f"Tanggal “{tercetak}” tidak menyebut hari ({_tempat(lokasi)}).{lain}",
            lokasi=tuple(lokasi),
            nilai={lok.jalur: tercetak for lok in lokasi},
            saran=(
                f"Tulis tanggal penandatanganan lengkap (mis. “{contoh or '2 ' + str(tgl)}”), sama di pernyataan dan lampiran."
            ),
        )


@aturan("PK-STR-013", "galat", "Tanggal tidak ada di kalender")
def tanggal_mustahil(k: Konteks) -> Iterator[Draf]:
    """A date that cannot exist ("31 Februari 2024")."""
    for tercetak, lokasi in _tanggal_tempat(k).items():
        try:
            parse_tanggal(tercetak)
        except TanggalError as exc:
            yield Draf(
                pesan=f"Tanggal “{tercetak}” ({_tempat(lokasi)}) tidak ada: {exc}.",
                lokasi=tuple(lokasi),
                nilai={lok.jalur: tercetak for lok in lokasi},
                saran="Perbaiki tanggal penandatanganan.",
            )


@aturan("PK-STR-009", "galat", "Tanggal di luar tahun PK")
def tanggal_luar_tahun(k: Konteks) -> Iterator[Draf]:
    """A PK of year N is signed in year N (a PK murni may be signed in December of N−1, after the DPA)."""
    tahun = k.pk.tahun
    if not isinstance(tahun, int):
        return
    for tercetak, lokasi in _tanggal_tempat(k).items():
        tgl = _baca(tercetak)
        if tgl is None or tgl.tahun == tahun:
            continue
        if k.pk.jenis == "murni" and tgl.tahun == tahun - 1 and tgl.bulan == 12:
            continue
        yield Draf(
            pesan=f"Tanggal “{tercetak}” ({_tempat(lokasi)}) di luar tahun PK {tahun}.",
            lokasi=tuple(lokasi),
            nilai={**{lok.jalur: tercetak for lok in lokasi}, "tahun_pk": str(tahun)},
            saran=f"Periksa tahun pada tanggal atau pada judul PK (PERJANJIAN KINERJA TAHUN {tahun}).",
        )


@aturan("PK-STR-010", "peringatan", "PK murni ditandatangani lewat batas waktu")
def pk_terlambat(k: Konteks) -> Iterator[Draf]:
    """A PK murni signed later than one month into its year (PermenPANRB 53/2014: no later than one month
    after the DPA is approved; the month is configurable, `Opsi.batas_bulan_pk_murni`)."""
    tahun = k.pk.tahun
    batas = k.opsi.batas_bulan_pk_murni
    if k.pk.jenis != "murni" or not isinstance(tahun, int) or not 1 <= batas <= 12:
        return
    for tercetak, lokasi in _tanggal_tempat(k).items():
        tgl = _baca(tercetak)
        if tgl is None or tgl.tahun != tahun or tgl.bulan <= batas:
            continue
        akhir = f"akhir {BULAN[batas - 1]} {tahun}"
        yield Draf(
            pesan=(
                f"PK murni tahun {tahun} bertanggal “{tercetak}” ({_tempat(lokasi)}), lewat dari {akhir}: "
                "PK disusun paling lambat satu bulan setelah DPA disahkan (PermenPANRB 53/2014)."
            ),
            lokasi=tuple(lokasi),
            nilai={**{lok.jalur: tercetak for lok in lokasi}, "batas": akhir},
            saran=(
                "Bila PK ini merupakan revisi (pergantian pejabat, perubahan anggaran atau prioritas), beri judul "
                "PK Perubahan dan sebutkan alasannya; bila tidak, periksa tanggalnya."
            ),
        )


@aturan("PK-STR-011", "peringatan", "Tanggal berbeda antarbagian")
def tanggal_berbeda(k: Konteks) -> Iterator[Draf]:
    """The statement and the attachments are one document, signed on one date."""
    semua = [(t, lok, b) for t, lok in _tanggal_tempat(k).items() if (b := _baca(t)) is not None]
    if len(semua) < 2:
        return
    bulan = {(b.tahun, b.bulan) for _, _, b in semua}
    hari = {(b.tahun, b.bulan, b.hari) for _, _, b in semua if b.hari is not None}
    if len(bulan) < 2 and len(hari) < 2:
        return
    daftar = ", ".join(f"“{t}” ({_tempat(lok)})" for t, lok, _ in semua)
    lokasi = tuple(lok for _, lokasi, _ in semua for lok in lokasi)
    yield Draf(
        pesan=f"Tanggal penandatanganan berbeda antarbagian: {daftar}.",
        lokasi=lokasi,
        nilai={lok.jalur: t for t, lokasi, _ in semua for lok in lokasi},
        saran="Pernyataan dan lampiran adalah satu dokumen: tulis tanggal yang sama di semua bagian.",
    )


@aturan("PK-STR-014", "peringatan", "Tempat atau tanggal belum diisi")
def tempat_tanggal_kosong(k: Konteks) -> Iterator[Draf]:
    """The statement names where and when it is signed; a PK without them prints an empty date line."""
    if k.pk.pihak_pertama is None:  # no statement at all: nothing to say about its date line
        return
    kosong = [nama for nama, nilai in (("tempat", k.pk.tempat), ("tanggal", k.pk.tanggal)) if not teks(nilai)]
    if not kosong:
        return
    lok = k.lokasi_tanggal()
    yield Draf(
        pesan=f"{' dan '.join(kosong).capitalize()} penandatanganan PK belum diisi ({lok.label}).",
        lokasi=(lok,),
        nilai={lok.jalur: " ".join(x for x in (teks(k.pk.tempat), teks(k.pk.tanggal)) if x)},
        saran="Isi tempat dan tanggal penandatanganan (mis. “Sungguminasa, 2 Januari 2024”).",
    )
