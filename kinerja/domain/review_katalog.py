"""The catalogue of regulations the PK review checks citations against, and the citation reader.

The catalogue is data (kinerja/domain/data/peraturan.json, format in docs/review.md): each regulation
with its jenis, nomor, tahun and official title. Users add their own files (`Katalog.muat(tambahan=…)`):
a regional regulation, a ministry's own SAKIP rules. A citation is read tolerantly: "Undang-Undang 28
Tahun 1999" (no "Nomor"), "Permenpan RB No. 53/2014", "PermenPAN-RB", any case.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kinerja.domain.review_teks import kata_kunci, kunci, kunci_tanpa_kurung, mirip_kata

__all__ = ["KATALOG_BAWAAN", "JenisPeraturan", "Katalog", "KatalogError", "Peraturan", "Rujukan"]

KATALOG_BAWAAN = Path(__file__).resolve().parent / "data" / "peraturan.json"


class KatalogError(ValueError):
    """A catalogue file that cannot be used (message in Indonesian, with the file and the entry)."""


@dataclass(frozen=True)
class JenisPeraturan:
    """A kind of regulation: code, full name as cited, and the short forms people write."""

    kode: str
    nama: str
    singkatan: tuple[str, ...] = ()


@dataclass(frozen=True)
class Peraturan:
    """One regulation: its identity (jenis, nomor, tahun) and official title."""

    jenis: str
    nomor: str
    tahun: int
    judul: str
    judul_lain: tuple[str, ...] = ()  # other titles accepted without a finding (documented variants)
    nomor_lain: tuple[str, ...] = ()  # other ways its number is written ("25" for KEP/25/M.PAN/2/2004)
    alias: tuple[str, ...] = ()  # common short names ("Perpres SAKIP")
    diganti_oleh: tuple[str, str, int] | None = None  # (jenis, nomor, tahun) of the replacing regulation
    sumber: str | None = None

    @property
    def kunci(self) -> tuple[str, str, int]:
        return (self.jenis, _kunci_nomor(self.nomor), self.tahun)

    def judul_cocok(self, judul: str) -> bool:
        """True when a cited title is the official one (or an accepted variant), ignoring case,
        punctuation and parenthesised parts such as "(SAKIP)"."""
        k = kunci_tanpa_kurung(judul)
        return any(k == kunci_tanpa_kurung(j) for j in (self.judul, *self.judul_lain))


@dataclass(frozen=True)
class Rujukan:
    """A citation found in a text, as printed, with the parts read from it."""

    teks: str
    jenis: str
    jenis_tercetak: str
    nomor: str | None
    tahun: int | None
    judul: str | None
    kata_nomor: bool  # the word "Nomor"/"No." is printed before the number
    jenis_lengkap: bool  # the jenis is written in full ("Undang-Undang"), not abbreviated ("UU")
    awal: int
    akhir: int


def _kunci_nomor(nomor: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", nomor.upper())


def _pola_alias(alias: str) -> str:
    """A regex for a jenis name that tolerates spacing, hyphens, dots and case: "PermenPAN-RB",
    "Permenpan RB" and "PermenPANRB" are one alias."""
    huruf = [c for c in alias.lower() if c.isalnum()]
    return r"[\s.\-]*".join(re.escape(c) for c in huruf)


_EKOR = re.compile(
    r"""[ \t]*,?[ \t]*(?:(?:Republik\s+Indonesia|RI)\b[ \t]*,?[ \t]*)?
    (?:
        (?P<kata>Nomor|Nomer|Nmr\.?|No\.?)[ \t]*[:.]?[ \t]*
        (?P<nomor1>(?:[A-Z]{1,6}[ ]?[/\-.][ ]?)?\d+[A-Za-z0-9./\-]*?)[ \t]*
        (?:(?:Tahun|Thn\.?|Th\.?)[ \t]*(?P<tahun1>\d{4})(?!\d)|/[ ]?(?P<tahun1b>\d{4})(?!\d)
           |(?=[,;\s]|\.(?:\s|\Z)|\Z))
      |
        (?P<nomor2>\d{1,4})[ \t]*(?:(?:Tahun|Thn\.?|Th\.?)[ \t]*(?P<tahun2>\d{4})(?!\d)|/(?P<tahun2b>\d{4})(?!\d))
      |
        (?:Tahun|Thn\.?)[ \t]*(?P<tahun3>\d{4})(?!\d)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TENTANG = re.compile(r"[ \t]*,?[ \t]*(?:tentang|ttg\.?)\s+", re.IGNORECASE)
# Where a cited title ends: an amendment clause, a Lembaran Negara reference, a list separator.
_AKHIR_JUDUL = re.compile(
    r"\s*(?:\(\s*(?:Lembaran|Berita|Tambahan)\b|\bsebagaimana\s+(?:telah\s+)?(?:beberapa\s+kali\s+)?diubah"
    r"|\b(?:beserta|berikut|dan|serta)\s+(?:segala\s+|seluruh\s+)?perubahannya|\bjo\.?\s|;|\s-\s|\n|\.\s+(?=[A-Z]))",
    re.IGNORECASE,
)
# Trailing punctuation and a dangling conjunction after a title.
_EKOR_JUDUL = re.compile(r"(?:[\s,.;:]|\b(?:dan|serta)\b)+$", re.IGNORECASE)
# A jenis right after one of these starts a new citation; after other words it is part of the title
# being cited ("… tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 …").
_PEMISAH_SEBELUM = re.compile(
    r"(?:[;:,]|\b(?:dan|serta|yaitu|yakni|dengan|berdasarkan|sesuai|mengacu|pada|atau)|\d{1,2}[.)]|^)\s*$",
    re.IGNORECASE,
)


def _di_dalam_judul(teks: str, dari: int, sampai: int) -> bool:
    """Whether a jenis at `sampai` sits inside the title of the citation whose number ends at `dari`."""
    t = _TENTANG.match(teks, dari)
    if t is None or t.end() > sampai:
        return False
    antara = teks[t.end() : sampai]
    if _AKHIR_JUDUL.search(antara):
        return False
    return _PEMISAH_SEBELUM.search(antara) is None


class Katalog:
    """Regulations known to the review, looked up by (jenis, nomor, tahun) or by title."""

    def __init__(self, jenis: Iterable[JenisPeraturan], peraturan: Iterable[Peraturan]) -> None:
        self._jenis: dict[str, JenisPeraturan] = {j.kode: j for j in jenis}
        self._peraturan: dict[tuple[str, str, int], Peraturan] = {}
        self._nomor_lain: dict[tuple[str, str, int], Peraturan] = {}
        self._cache_judul: dict[tuple[str, str | None, int | None], Peraturan | None] = {}
        for p in peraturan:
            self._tambah(p)
        alias: list[tuple[str, str, bool]] = []
        for j in self._jenis.values():
            alias.append((j.nama, j.kode, True))
            alias.extend((s, j.kode, False) for s in j.singkatan)
        # Longest first, so "Peraturan Menteri Pendayagunaan …" wins over "Peraturan Menteri PAN".
        alias.sort(key=lambda a: len(re.sub(r"[^0-9a-z]", "", a[0].lower())), reverse=True)
        self._alias = [(re.sub(r"[^0-9a-z]", "", a.lower()), kode, lengkap) for a, kode, lengkap in alias]
        pola = "|".join(f"(?P<j{i}>{_pola_alias(a)})" for i, (a, _, _) in enumerate(alias))
        self._pola = (
            re.compile(rf"(?<![0-9A-Za-z])(?:{pola})(?![0-9A-Za-z])", re.IGNORECASE) if pola else None
        )

    def _tambah(self, p: Peraturan) -> None:
        self._peraturan[p.kunci] = p
        for n in p.nomor_lain:
            self._nomor_lain[(p.jenis, _kunci_nomor(n), p.tahun)] = p

    # -- loading ---------------------------------------------------------------------------------------
    @classmethod
    def muat(cls, path: str | Path | None = None, tambahan: Iterable[str | Path] = ()) -> Katalog:
        """Load a catalogue file (the built-in one when path is None) plus users' files.

        An entry of a later file with the same jenis, nomor and tahun replaces the earlier one; a jenis
        with the same kode likewise.
        """
        jenis: dict[str, JenisPeraturan] = {}
        peraturan: dict[tuple[str, str, int], Peraturan] = {}
        for berkas in (path if path is not None else KATALOG_BAWAAN, *tambahan):
            j, p = _baca_berkas(Path(berkas))
            jenis.update({x.kode: x for x in j})
            peraturan.update({x.kunci: x for x in p})
        for per in peraturan.values():
            if per.jenis not in jenis:
                raise KatalogError(
                    f"Katalog peraturan: jenis {per.jenis!r} dari peraturan Nomor {per.nomor} Tahun {per.tahun} "
                    'tidak didefinisikan di bagian "jenis"'
                )
        return cls(jenis.values(), peraturan.values())

    @classmethod
    def bawaan(cls) -> Katalog:
        """The built-in catalogue, read once per process."""
        return _bawaan()

    # -- lookup ----------------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Peraturan]:
        return iter(self._peraturan.values())

    def __len__(self) -> int:
        return len(self._peraturan)

    def jenis(self, kode: str) -> JenisPeraturan | None:
        return self._jenis.get(kode)

    def cari(self, jenis: str, nomor: str, tahun: int) -> Peraturan | None:
        """The regulation with this jenis, number and year, if catalogued."""
        k = (jenis, _kunci_nomor(nomor), tahun)
        return self._peraturan.get(k) or self._nomor_lain.get(k)

    def cari_judul(
        self, judul: str, *, jenis: str | None = None, tahun: int | None = None
    ) -> Peraturan | None:
        """The catalogued regulation whose title the cited one clearly is (best word overlap ≥ 0.75),
        optionally only of one jenis and year; None when unsure or when two fit equally."""
        kunci_cache = (judul, jenis, tahun)
        if kunci_cache in self._cache_judul:
            return self._cache_judul[kunci_cache]
        hasil = self._cari_judul(judul, jenis, tahun)
        if len(self._cache_judul) < 4096:
            self._cache_judul[kunci_cache] = hasil
        return hasil

    def _cari_judul(self, judul: str, jenis: str | None, tahun: int | None) -> Peraturan | None:
        terbaik: list[tuple[float, Peraturan]] = []
        for p in self._peraturan.values():
            if (jenis is not None and p.jenis != jenis) or (tahun is not None and p.tahun != tahun):
                continue
            skor = max(
                max(kemiripan_judul(judul, j), 0.9 if _awalan(j, judul) else 0.0)
                for j in (p.judul, *p.judul_lain)
            )
            terbaik.append((skor, p))
        terbaik.sort(key=lambda t: t[0], reverse=True)
        if not terbaik or terbaik[0][0] < 0.75:
            return None
        if len(terbaik) > 1 and terbaik[1][0] == terbaik[0][0]:
            return None
        return terbaik[0][1]

    def sebutan(self, p: Peraturan) -> str:
        """ "Peraturan Presiden Nomor 29 Tahun 2014" — how the regulation is cited."""
        j = self._jenis.get(p.jenis)
        nama = j.nama if j else p.jenis
        if re.search(r"\d{4}$", p.nomor) and str(p.tahun) in p.nomor:
            return f"{nama} Nomor {p.nomor}"
        return f"{nama} Nomor {p.nomor} Tahun {p.tahun}"

    def rujukan_lengkap(self, p: Peraturan) -> str:
        """The full citation with the official title."""
        return f"{self.sebutan(p)} tentang {p.judul}"

    # -- reading citations -----------------------------------------------------------------------------
    def rujukan(self, teks: str) -> list[Rujukan]:
        """Every citation (a known jenis followed by a number and/or year) in a text, in order.

        A citation inside another one's title ("PP 96/2012 tentang Pelaksanaan Undang-Undang Nomor 25
        Tahun 2009 …") belongs to that title and is not read separately.
        """
        if not teks or self._pola is None:
            return []
        calon: list[tuple[re.Match[str], re.Match[str]]] = []
        for m in self._pola.finditer(teks):
            ekor = _EKOR.match(teks, m.end())
            if ekor is None:
                continue
            if ekor.group("kata") is None and not any(
                ekor.group(g) for g in ("tahun1", "tahun1b", "tahun2", "tahun2b", "tahun3")
            ):
                continue
            if calon and _di_dalam_judul(teks, calon[-1][1].end(), m.start()):
                continue
            calon.append((m, ekor))
        temuan: list[Rujukan] = []
        for i, (m, ekor) in enumerate(calon):
            nama = next(k for k, v in m.groupdict().items() if v is not None)
            _, kode, lengkap = self._alias[int(nama[1:])]
            nomor = ekor.group("nomor1") or ekor.group("nomor2")
            tahun_teks = next(
                (
                    ekor.group(g)
                    for g in ("tahun1", "tahun1b", "tahun2", "tahun2b", "tahun3")
                    if ekor.group(g)
                ),
                None,
            )
            batas = calon[i + 1][0].start() if i + 1 < len(calon) else len(teks)
            akhir = ekor.end()
            judul: str | None = None
            t = _TENTANG.match(teks, akhir)
            if t is not None and t.end() < batas:
                isi = teks[t.end() : batas]
                stop = _AKHIR_JUDUL.search(isi)
                if stop is not None:
                    isi = isi[: stop.start()]
                isi = _EKOR_JUDUL.sub("", isi)
                if isi:
                    judul = " ".join(isi.split())
                    akhir = t.end() + len(isi)
            temuan.append(
                Rujukan(
                    teks=" ".join(teks[m.start() : akhir].split()),
                    jenis=kode,
                    jenis_tercetak=m.group(0),
                    nomor=nomor.strip(" .") if nomor else None,
                    tahun=int(tahun_teks) if tahun_teks else None,
                    judul=judul,
                    kata_nomor=bool(ekor.group("kata")),
                    jenis_lengkap=lengkap,
                    awal=m.start(),
                    akhir=akhir,
                )
            )
        return temuan

    def kenali(self, r: Rujukan) -> Peraturan | None:
        """The catalogued regulation a citation names: by number and year, else (no number printed)
        by year and title."""
        if r.nomor and r.tahun:
            return self.cari(r.jenis, r.nomor, r.tahun)
        if r.nomor is None and r.tahun and r.judul:
            return self.cari_judul(r.judul, jenis=r.jenis, tahun=r.tahun)
        if r.nomor and r.tahun is None and r.judul:
            p = self.cari_judul(r.judul, jenis=r.jenis)
            if p is not None and _kunci_nomor(p.nomor) == _kunci_nomor(r.nomor):
                return p
        return None


@lru_cache(maxsize=16384)
def kemiripan_judul(a: str, b: str) -> float:
    """Word overlap of two titles (0–1), parentheses ignored, one typing slip per word tolerated."""
    ka = kata_kunci(kunci_tanpa_kurung(a))
    kb = kata_kunci(kunci_tanpa_kurung(b))
    if not ka or not kb:
        return 0.0
    sisa = list(kb)
    sama = 0
    for w in ka:
        for i, v in enumerate(sisa):
            if mirip_kata(w, v):
                sama += 1
                del sisa[i]
                break
    return sama / max(len(ka), len(kb))


@lru_cache(maxsize=16384)
def _awalan(resmi: str, tercetak: str) -> bool:
    """The cited text starts with the whole official title (a title quoted in running text goes on
    with the sentence: "… tentang Pelayanan Publik, survei dilakukan …")."""
    kr = kata_kunci(kunci_tanpa_kurung(resmi))
    kt = kata_kunci(kunci_tanpa_kurung(tercetak))
    return len(kr) >= 2 and len(kt) >= len(kr) and all(mirip_kata(a, b) for a, b in zip(kr, kt, strict=False))


def beda_judul(tercetak: str, resmi: str) -> tuple[list[str], list[str]]:
    """Words of the official title missing from the printed one, and words printed but not official
    (case-insensitive; parentheses ignored), each as they are written."""
    kt = kunci_tanpa_kurung(tercetak).split()
    kr = kunci_tanpa_kurung(resmi).split()
    asli_r = {kunci(w): w for w in re.findall(r"[\w-]+", resmi)}
    asli_t = {kunci(w): w for w in re.findall(r"[\w-]+", re.sub(r"\([^()]*\)", " ", tercetak))}
    kurang = [w for w in kr if w not in kt]
    lebih = [w for w in kt if w not in kr]
    return [asli_r.get(w, w) for w in kurang], [asli_t.get(w, w) for w in lebih]


# ---------------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------------


def _teks_tuple(nilai: Any, berkas: Path, medan: str) -> tuple[str, ...]:
    if nilai is None:
        return ()
    if isinstance(nilai, str):
        return (nilai,)
    if isinstance(nilai, list) and all(isinstance(x, str) for x in nilai):
        return tuple(nilai)
    raise KatalogError(f"Katalog {berkas}: isian {medan!r} harus teks atau daftar teks")


def _baca_berkas(berkas: Path) -> tuple[list[JenisPeraturan], list[Peraturan]]:
    try:
        data = json.loads(berkas.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KatalogError(f"Katalog peraturan {berkas} tidak ditemukan") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KatalogError(f"Katalog peraturan {berkas} tidak dapat dibaca: {exc}") from exc
    if not isinstance(data, Mapping):
        raise KatalogError(
            f'Katalog {berkas}: isi berkas harus objek JSON dengan "jenis" dan/atau "peraturan"'
        )
    jenis: list[JenisPeraturan] = []
    for i, j in enumerate(data.get("jenis") or []):
        if (
            not isinstance(j, Mapping)
            or not isinstance(j.get("kode"), str)
            or not isinstance(j.get("nama"), str)
        ):
            raise KatalogError(f'Katalog {berkas}: jenis ke-{i + 1} harus punya "kode" dan "nama" (teks)')
        jenis.append(
            JenisPeraturan(
                kode=j["kode"], nama=j["nama"], singkatan=_teks_tuple(j.get("singkatan"), berkas, "singkatan")
            )
        )
    peraturan: list[Peraturan] = []
    for i, p in enumerate(data.get("peraturan") or []):
        if not isinstance(p, Mapping):
            raise KatalogError(f"Katalog {berkas}: peraturan ke-{i + 1} harus objek JSON")
        jenis_p, nomor, tahun, judul = p.get("jenis"), p.get("nomor"), p.get("tahun"), p.get("judul")
        if isinstance(nomor, int) and not isinstance(nomor, bool):
            nomor = str(nomor)
        if not (
            isinstance(jenis_p, str)
            and isinstance(nomor, str)
            and isinstance(tahun, int)
            and isinstance(judul, str)
            and nomor.strip()
            and judul.strip()
        ):
            raise KatalogError(
                f'Katalog {berkas}: peraturan ke-{i + 1} harus punya "jenis", "nomor", "tahun" (angka) '
                'dan "judul"'
            )
        ganti = p.get("diganti_oleh")
        diganti: tuple[str, str, int] | None = None
        if ganti is not None:
            if not (
                isinstance(ganti, Mapping)
                and isinstance(ganti.get("jenis"), str)
                and isinstance(ganti.get("nomor"), (str, int))
                and isinstance(ganti.get("tahun"), int)
            ):
                raise KatalogError(
                    f'Katalog {berkas}: "diganti_oleh" peraturan ke-{i + 1} harus objek '
                    '{"jenis", "nomor", "tahun"}'
                )
            diganti = (ganti["jenis"], str(ganti["nomor"]), ganti["tahun"])
        peraturan.append(
            Peraturan(
                jenis=jenis_p,
                nomor=nomor.strip(),
                tahun=tahun,
                judul=" ".join(judul.split()),
                judul_lain=_teks_tuple(p.get("judul_lain"), berkas, "judul_lain"),
                nomor_lain=_teks_tuple(p.get("nomor_lain"), berkas, "nomor_lain"),
                alias=_teks_tuple(p.get("alias"), berkas, "alias"),
                diganti_oleh=diganti,
                sumber=p.get("sumber") if isinstance(p.get("sumber"), str) else None,
            )
        )
    return jenis, peraturan


@lru_cache(maxsize=1)
def _bawaan() -> Katalog:
    return Katalog.muat()
