"""Review rules PK-HKM: the regulations cited as legal basis in Lampiran 2, checked against the catalogue.

Each dasar hukum entry, and each citation written inside an uraian sasaran, is read (jenis, nomor, tahun,
judul) and looked up in the catalogue (kinerja/domain/data/peraturan.json). A regulation the catalogue
does not know is not judged. A citation is written "<jenis> Nomor <n> Tahun <yyyy> tentang <judul>"
(UU 12/2011 lampiran II, teknik penulisan rujukan; practice of every konsiderans "Mengingat").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kinerja.domain.review_inti import Draf, Konteks, Lokasi, aturan, teks
from kinerja.domain.review_katalog import Peraturan, Rujukan, beda_judul, kemiripan_judul
from kinerja.domain.review_teks import kunci

__all__: list[str] = []


@dataclass
class _Sebutan:
    """One citation (same text) and every place it is written."""

    rujukan: Rujukan
    lokasi: list[Lokasi] = field(default_factory=list)
    periksa_judul: bool = True  # titles cut out of running text are not judged


def _sebutan(k: Konteks) -> list[_Sebutan]:
    """Every citation of Lampiran 2 with its places (read once per review, shared by the rules)."""
    return k.simpan("hukum.sebutan", lambda: _baca_sebutan(k))


def _baca_sebutan(k: Konteks) -> list[_Sebutan]:
    hasil: dict[str, _Sebutan] = {}
    for blok in k.blok_penjelasan:
        pi = blok[0]
        p = k.penjelasan(pi)
        kunci_dasar = [kunci(teks(d)) for d in p.dasar_hukum]
        for kk, d in enumerate(p.dasar_hukum):
            for r in k.katalog.rujukan(teks(d)):
                s = hasil.setdefault(kunci(r.teks), _Sebutan(r))
                s.lokasi.append(k.lokasi_dasar_hukum(pi, kk))
        for r in k.katalog.rujukan(teks(p.uraian_sasaran)):
            kr = kunci(r.teks)
            if any(kr and kr in kd for kd in kunci_dasar):
                continue  # the parser already listed it as a dasar hukum entry
            s = hasil.setdefault(kr, _Sebutan(r, periksa_judul=False))
            s.lokasi.append(k.lokasi_penjelasan(pi, "uraian_sasaran"))
    return list(hasil.values())


def _tempat(lokasi: list[Lokasi]) -> str:
    return "; ".join(lok.label for lok in lokasi)


def _nilai(s: _Sebutan, **lain: str) -> dict[str, str]:
    return {**{lok.jalur: s.rujukan.teks for lok in s.lokasi}, **lain}


def _judul_lain(k: Konteks, s: _Sebutan, p: Peraturan | None) -> Peraturan | None:
    """Another catalogued regulation whose official title the cited title clearly is."""
    r = s.rujukan
    if not s.periksa_judul or not r.judul:
        return None
    lain = k.katalog.cari_judul(r.judul)
    if lain is None or lain is p or not lain.judul_cocok(r.judul):
        return None
    if p is not None and max(kemiripan_judul(r.judul, j) for j in (p.judul, *p.judul_lain)) >= 0.5:
        return None
    return lain


@aturan("PK-HKM-001", "peringatan", "Nomor peraturan tidak ditulis")
def tanpa_nomor(k: Konteks) -> Iterator[Draf]:
    """A regulation cited with its year and title but no number; the catalogue names it."""
    for s in _sebutan(k):
        r = s.rujukan
        if r.nomor is not None or r.tahun is None:
            continue
        p = k.katalog.kenali(r)
        if p is None:
            continue
        lengkap = k.katalog.rujukan_lengkap(p)
        yield Draf(
            pesan=(
                f"Rujukan “{r.teks}” ({_tempat(s.lokasi)}) tidak menyebut nomor peraturan: menurut tahun dan "
                f"judulnya yang dimaksud {k.katalog.sebutan(p)}."
            ),
            lokasi=tuple(s.lokasi),
            nilai=_nilai(s, seharusnya=lengkap),
            saran=f"Tulis “{lengkap}”.",
        )


@aturan("PK-HKM-002", "info", "Kata “Nomor” tidak ditulis")
def tanpa_kata_nomor(k: Konteks) -> Iterator[Draf]:
    """ "Undang-Undang 28 Tahun 1999": the number without the word "Nomor"."""
    for s in _sebutan(k):
        r = s.rujukan
        if r.kata_nomor or not r.jenis_lengkap or r.nomor is None or r.tahun is None:
            continue
        p = k.katalog.kenali(r)
        if p is None:
            continue
        yield Draf(
            pesan=(
                f"Rujukan “{r.teks}” ({_tempat(s.lokasi)}) tidak memakai kata “Nomor”: penulisan bakunya "
                f"“{k.katalog.sebutan(p)}”."
            ),
            lokasi=tuple(s.lokasi),
            nilai=_nilai(s, seharusnya=k.katalog.sebutan(p)),
            saran=f"Tulis “{k.katalog.rujukan_lengkap(p)}”.",
        )


@aturan("PK-HKM-003", "peringatan", "Judul peraturan berbeda dari judul resmi")
def judul_berbeda(k: Konteks) -> Iterator[Draf]:
    """A catalogued regulation cited with a title that is not its official one (words missing or added;
    case, punctuation and a parenthesised abbreviation do not count)."""
    for s in _sebutan(k):
        r = s.rujukan
        if not s.periksa_judul or not r.judul:
            continue
        p = k.katalog.kenali(r)
        if p is None or p.judul_cocok(r.judul) or _judul_lain(k, s, p) is not None:
            continue
        kurang, lebih = beda_judul(r.judul, p.judul)
        rinci = []
        if kurang:
            rinci.append("kurang kata " + ", ".join(f"“{w}”" for w in kurang))
        if lebih:
            rinci.append("kata " + ", ".join(f"“{w}”" for w in lebih) + " tidak ada di judul resmi")
        yield Draf(
            pesan=(
                f"Judul {k.katalog.sebutan(p)} tertulis “{r.judul}” ({_tempat(s.lokasi)}); judul resminya "
                f"“{p.judul}”" + (f" ({'; '.join(rinci)})." if rinci else ".")
            ),
            lokasi=tuple(s.lokasi),
            nilai=_nilai(s, seharusnya=p.judul),
            saran=f"Tulis “{k.katalog.rujukan_lengkap(p)}”.",
        )


@aturan("PK-HKM-004", "galat", "Nomor atau tahun peraturan tidak sesuai judulnya")
def nomor_salah(k: Konteks) -> Iterator[Draf]:
    """The title cited is the official title of another regulation than the number and year cited
    ("Perpres Nomor 29 Tahun 2015 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah")."""
    for s in _sebutan(k):
        r = s.rujukan
        if r.nomor is None or r.tahun is None or not r.judul or not s.periksa_judul:
            continue
        p = k.katalog.cari(r.jenis, r.nomor, r.tahun)
        lain = _judul_lain(k, s, p)
        if lain is None or (p is None and lain.jenis != r.jenis):
            continue
        yield Draf(
            pesan=(
                f"Rujukan “{r.teks}” ({_tempat(s.lokasi)}) menyebut nomor {r.nomor} tahun {r.tahun}, tetapi "
                f"judulnya adalah judul {k.katalog.sebutan(lain)}."
                + (f" {k.katalog.sebutan(p)} berjudul “{p.judul}”." if p is not None else "")
            ),
            lokasi=tuple(s.lokasi),
            nilai=_nilai(s, seharusnya=k.katalog.rujukan_lengkap(lain)),
            saran=f"Periksa peraturan yang dimaksud; bila judulnya benar, tulis “{k.katalog.rujukan_lengkap(lain)}”.",
        )


@aturan("PK-HKM-005", "info", "Peraturan sudah diganti")
def sudah_diganti(k: Konteks) -> Iterator[Draf]:
    """A regulation that was replaced before the PK's year (KEP/25/M.PAN/2/2004 → PermenPANRB 16/2014 →
    14/2017; PermenPANRB 12/2015 → 88/2021; 29/2010 → 53/2014)."""
    tahun = k.pk.tahun
    if not isinstance(tahun, int):
        return
    for s in _sebutan(k):
        p = k.katalog.kenali(s.rujukan)
        if p is None or p.diganti_oleh is None:
            continue
        jenis, nomor, tahun_baru = p.diganti_oleh
        pengganti = k.katalog.cari(jenis, nomor, tahun_baru)
        if tahun_baru > tahun or pengganti is None:
            continue
        # Follow the chain to the regulation in force for the PK's year (KEP/25/2004 → 16/2014 → 14/2017).
        for _ in range(10):
            if pengganti.diganti_oleh is None or pengganti.diganti_oleh[2] > tahun:
                break
            berikut = k.katalog.cari(*pengganti.diganti_oleh)
            if berikut is None:
                break
            pengganti = berikut
        yield Draf(
            pesan=(
                f"{k.katalog.sebutan(p)} ({_tempat(s.lokasi)}) telah diganti oleh {k.katalog.sebutan(pengganti)} "
                f"sebelum PK tahun {tahun} ini dibuat."
            ),
            lokasi=tuple(s.lokasi),
            nilai=_nilai(s, pengganti=k.katalog.rujukan_lengkap(pengganti)),
            saran=f"Rujuk peraturan yang berlaku: “{k.katalog.rujukan_lengkap(pengganti)}”.",
        )
