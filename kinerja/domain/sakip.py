"""The SAKIP evaluation (Evaluasi AKIP): the LKE instrument as data, the score, the predikat, and the
consistency rules between answers (docs/formulas.md "Nilai SAKIP"; docs/lke-instrumen.md).

An instrument (`Instrumen`) is read from a JSON file: components with their weight, sub-components
(keberadaan / kualitas / pemanfaatan) with theirs, and criteria with their answer scale. Its weights
are checked when it is loaded. The score of a set of answers:

    sub-component = its weight × the mean value of its criteria (a value is a fraction of 1: AA = 1,00)
    component     = the sum of its sub-components
    nilai         = the sum of the components, rounded half up to two decimals, then the predikat.

No Django here: the evaluation app, the command line and the tests use the same functions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from kinerja.domain.numbers import bulatkan, format_angka
from kinerja.domain.predikat import PredikatSAKIP, predikat_sakip

__all__ = [
    "BUKTI_OTOMATIS",
    "HasilKomponen",
    "HasilSubkomponen",
    "Instrumen",
    "InstrumenTidakSah",
    "Komponen",
    "Kriteria",
    "NilaiSAKIP",
    "PeringatanLKE",
    "Subkomponen",
    "baca_instrumen",
    "hitung",
    "hitung_komponen",
    "instrumen_bawaan",
    "instrumen_untuk_tahun",
    "periksa_konsistensi",
]

D = Decimal
FOLDER_BAWAAN = Path(__file__).resolve().parent / "data" / "lke"
JENIS_SUB = ("keberadaan", "kualitas", "pemanfaatan")
# Records kinerja holds that can stand as a criterion's evidence (proposed automatically).
BUKTI_OTOMATIS = ("pk", "rencana_aksi", "realisasi", "ikm", "lkjip")
# A rating above C needs evidence (PermenPANRB 88/2021: every answer rests on evidence; "C" = >25–50 %).
AMBANG_BUKTI = D("0.50")
TOTAL_BOBOT = D("100")


class InstrumenTidakSah(ValueError):
    """An instrument file that cannot be used: the message says where and what."""


@dataclass(frozen=True)
class Kriteria:
    """One criterion: its code, text, answer scale and, for quality/use, the existence it rests on."""

    kode: str
    teks: str
    skala: str
    dasar: str | None = None
    bukti_otomatis: tuple[str, ...] = ()
    petunjuk: str = ""


@dataclass(frozen=True)
class Subkomponen:
    kode: str
    nama: str
    jenis: str  # keberadaan | kualitas | pemanfaatan
    bobot: Decimal
    kriteria: tuple[Kriteria, ...]


@dataclass(frozen=True)
class Komponen:
    kode: str
    nama: str
    bobot: Decimal
    subkomponen: tuple[Subkomponen, ...]


@dataclass(frozen=True)
class Instrumen:
    """A versioned LKE: its components, the answer scales (answer → value as a fraction of 1)."""

    kode: str
    versi: str
    nama: str
    peraturan: str
    tahun_mulai: int
    tahun_akhir: int | None
    skala: Mapping[str, Mapping[str, Decimal]]
    komponen: tuple[Komponen, ...]

    @property
    def kriteria(self) -> tuple[Kriteria, ...]:
        """Every criterion in order."""
        return tuple(k for km in self.komponen for s in km.subkomponen for k in s.kriteria)

    def cari(self, kode: str) -> Kriteria | None:
        return self._indeks().get(kode)

    def _indeks(self) -> dict[str, Kriteria]:
        return {k.kode: k for k in self.kriteria}

    def sub_dari(self) -> dict[str, Subkomponen]:
        """criterion code → its sub-component."""
        return {k.kode: s for km in self.komponen for s in km.subkomponen for k in s.kriteria}

    def nilai_jawaban(self, kriteria: Kriteria, jawaban: str) -> Decimal:
        """The value (fraction of 1) of an answer; ValueError naming the allowed ones otherwise."""
        skala = self.skala[kriteria.skala]
        kunci = jawaban.strip().upper()
        if kunci not in skala:
            raise ValueError(
                f"Jawaban {jawaban!r} untuk kriteria {kriteria.kode} tidak dikenal: pilih {', '.join(skala)}"
            )
        return skala[kunci]

    def pilihan(self, kriteria: Kriteria) -> tuple[str, ...]:
        return tuple(self.skala[kriteria.skala])


# ---------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------


def _desimal(nilai: object, tempat: str) -> Decimal:
    try:
        d = D(str(nilai))
    except (InvalidOperation, ValueError):
        raise InstrumenTidakSah(f"{tempat}: bobot/nilai {nilai!r} bukan angka") from None
    if not d.is_finite() or d < 0:
        raise InstrumenTidakSah(f"{tempat}: bobot/nilai {nilai!r} harus angka tidak negatif")
    return d


def _wajib(data: Mapping[str, Any], kunci: str, tempat: str) -> Any:
    if not isinstance(data, Mapping) or kunci not in data:
        raise InstrumenTidakSah(f"{tempat}: isian {kunci!r} tidak ada")
    return data[kunci]


def _daftar(data: Mapping[str, Any], kunci: str, tempat: str) -> list[Mapping[str, Any]]:
    isi = _wajib(data, kunci, tempat)
    if not isinstance(isi, list) or not all(isinstance(x, Mapping) for x in isi):
        raise InstrumenTidakSah(f"{tempat}: isian {kunci!r} harus daftar objek")
    return isi


def _kriteria(data: Mapping[str, Any], tempat: str, skala: Mapping[str, Any]) -> Kriteria:
    kode = str(_wajib(data, "kode", tempat))
    tempat = f"kriteria {kode}"
    teks = str(_wajib(data, "teks", tempat)).strip()
    nama_skala = str(_wajib(data, "skala", tempat))
    if not teks:
        raise InstrumenTidakSah(f"{tempat}: teks kriteria kosong")
    if nama_skala not in skala:
        raise InstrumenTidakSah(f"{tempat}: skala {nama_skala!r} tidak ada dalam daftar skala instrumen")
    bukti = tuple(data.get("bukti_otomatis") or ())
    asing = [b for b in bukti if b not in BUKTI_OTOMATIS]
    if asing:
        raise InstrumenTidakSah(
            f"{tempat}: bukti otomatis {asing[0]!r} tidak dikenal ({', '.join(BUKTI_OTOMATIS)})"
        )
    return Kriteria(kode, teks, nama_skala, data.get("dasar") or None, bukti, str(data.get("petunjuk") or ""))


def _subkomponen(data: Mapping[str, Any], tempat: str, skala: Mapping[str, Any]) -> Subkomponen:
    kode = str(_wajib(data, "kode", tempat))
    tempat = f"subkomponen {kode}"
    jenis = str(_wajib(data, "jenis", tempat))
    if jenis not in JENIS_SUB:
        raise InstrumenTidakSah(f"{tempat}: jenis {jenis!r} bukan {', '.join(JENIS_SUB)}")
    kriteria = tuple(_kriteria(k, tempat, skala) for k in _daftar(data, "kriteria", tempat))
    if not kriteria:
        raise InstrumenTidakSah(f"{tempat}: tidak ada kriteria")
    bobot = _desimal(_wajib(data, "bobot", tempat), tempat)
    return Subkomponen(kode, str(_wajib(data, "nama", tempat)), jenis, bobot, kriteria)


def _komponen(data: Mapping[str, Any], tempat: str, skala: Mapping[str, Any]) -> Komponen:
    kode = str(_wajib(data, "kode", tempat))
    tempat = f"komponen {kode}"
    subs = tuple(_subkomponen(s, tempat, skala) for s in _daftar(data, "subkomponen", tempat))
    bobot = _desimal(_wajib(data, "bobot", tempat), tempat)
    jumlah = sum((s.bobot for s in subs), D(0))
    if jumlah != bobot:
        raise InstrumenTidakSah(
            f"{tempat}: bobot subkomponennya berjumlah {format_angka(jumlah, None)}, "
            f"bukan {format_angka(bobot, None)}"
        )
    return Komponen(kode, str(_wajib(data, "nama", tempat)), bobot, subs)


def _skala(data: Mapping[str, Any]) -> dict[str, dict[str, Decimal]]:
    hasil: dict[str, dict[str, Decimal]] = {}
    for nama, isi in dict(_wajib(data, "skala", "instrumen")).items():
        baca = [(str(j).upper(), _desimal(v, f"skala {nama}")) for j, v in dict(isi).items()]
        # Highest value first, whatever order the stored JSON keeps (PostgreSQL's jsonb sorts keys).
        nilai = dict(sorted(baca, key=lambda jv: jv[1], reverse=True))
        if not nilai or any(v > 1 for v in nilai.values()):
            raise InstrumenTidakSah(f"skala {nama}: nilai jawaban harus antara 0 dan 1")
        hasil[str(nama)] = nilai
    return hasil


def _periksa_dasar(ins: Instrumen) -> None:
    sub = ins.sub_dari()
    kode = [k.kode for k in ins.kriteria]
    ganda = sorted({k for k in kode if kode.count(k) > 1})
    if ganda:
        raise InstrumenTidakSah(f"kode kriteria ganda: {', '.join(ganda)}")
    for k in ins.kriteria:
        if k.dasar is None:
            continue
        if k.dasar not in sub:
            raise InstrumenTidakSah(f"kriteria {k.kode}: dasar {k.dasar!r} tidak ada dalam instrumen")
        if sub[k.dasar].jenis != "keberadaan":
            raise InstrumenTidakSah(f"kriteria {k.kode}: dasar {k.dasar} bukan kriteria keberadaan")


def baca_instrumen(data: Mapping[str, Any] | str | bytes | Path) -> Instrumen:
    """An instrument from its JSON (a mapping, text, or a file); weights checked to add up to 100."""
    if isinstance(data, Path):
        try:
            data = data.read_bytes()
        except OSError as err:
            raise InstrumenTidakSah(f"berkas instrumen tidak dapat dibaca: {err.strerror}") from None
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data, parse_float=D)
        except (ValueError, UnicodeDecodeError) as err:
            raise InstrumenTidakSah(f"berkas instrumen bukan JSON yang sah: {err}") from None
    if not isinstance(data, Mapping):
        raise InstrumenTidakSah("instrumen harus berupa objek JSON")
    skala = _skala(data)
    komponen = tuple(_komponen(k, "instrumen", skala) for k in _daftar(data, "komponen", "instrumen"))
    # PermenPANRB 88/2021 (and 12/2015): the components' weights add up to 100.
    jumlah = sum((k.bobot for k in komponen), D(0))
    if jumlah != TOTAL_BOBOT:
        raise InstrumenTidakSah(f"bobot komponen berjumlah {format_angka(jumlah, None)}, bukan 100")
    akhir = data.get("tahun_akhir")
    ins = Instrumen(
        kode=str(_wajib(data, "kode", "instrumen")),
        versi=str(_wajib(data, "versi", "instrumen")),
        nama=str(_wajib(data, "nama", "instrumen")),
        peraturan=str(data.get("peraturan") or ""),
        tahun_mulai=int(_wajib(data, "tahun_mulai", "instrumen")),
        tahun_akhir=int(akhir) if akhir is not None else None,
        skala=skala,
        komponen=komponen,
    )
    _periksa_dasar(ins)
    return ins


@lru_cache(maxsize=8)
def _dari_folder(folder: str) -> tuple[Instrumen, ...]:
    berkas = sorted(Path(folder).glob("*.json"))
    return tuple(baca_instrumen(b) for b in berkas)


def instrumen_bawaan(folder: str | Path | None = None) -> tuple[Instrumen, ...]:
    """The instruments of a folder (the built-in ones by default), oldest regime first."""
    daftar = _dari_folder(str(folder or FOLDER_BAWAAN))
    return tuple(sorted(daftar, key=lambda i: i.tahun_mulai))


def instrumen_untuk_tahun(tahun: int, folder: str | Path | None = None) -> Instrumen:
    """The instrument that applies to an evaluated year: a pemda's own folder first, then the built-in."""
    calon = [
        i for i in instrumen_bawaan(folder) if i.tahun_mulai <= tahun and (i.tahun_akhir or tahun) >= tahun
    ]
    if folder is not None and not calon:
        return instrumen_untuk_tahun(tahun)
    if not calon:
        raise InstrumenTidakSah(f"tidak ada instrumen LKE untuk tahun {tahun}")
    return max(calon, key=lambda i: i.tahun_mulai)


# ---------------------------------------------------------------------------------------------------
# The score
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilSubkomponen:
    kode: str
    nama: str
    jenis: str
    bobot: Decimal
    nilai: Decimal  # exact (not rounded)
    dijawab: int
    jumlah_kriteria: int


@dataclass(frozen=True)
class HasilKomponen:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal  # exact
    subkomponen: tuple[HasilSubkomponen, ...] = ()

    @property
    def nilai_bulat(self) -> Decimal:
        return bulatkan(self.nilai, 2)

    @property
    def persen(self) -> Decimal:
        """The component's score as a percentage of its weight (two decimals)."""
        # PermenPANRB 88/2021: a component's grade is read from its score as a share of its weight.
        return bulatkan(self.nilai * 100 / self.bobot, 2) if self.bobot else D("0.00")

    @property
    def predikat(self) -> PredikatSAKIP:
        return predikat_sakip(min(self.persen, D(100)))


@dataclass(frozen=True)
class NilaiSAKIP:
    """The score of an evaluation: total (two decimals), predikat, per component; `lengkap` when every
    criterion was answered."""

    nilai: Decimal
    predikat: PredikatSAKIP
    komponen: tuple[HasilKomponen, ...]
    lengkap: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "nilai": str(self.nilai),
            "predikat": self.predikat.kode,
            "kategori": self.predikat.label,
            "komponen": [
                {
                    "komponen": k.nama,
                    "bobot": str(k.bobot),
                    "nilai": str(k.nilai_bulat),
                    "persen": str(k.persen),
                    "predikat": k.predikat.kode,
                }
                for k in self.komponen
            ],
        }


def _total(komponen: Sequence[HasilKomponen], lengkap: bool = True) -> NilaiSAKIP:
    # PermenPANRB 88/2021: nilai AKIP = sum of the components, rounded to two decimals, then the predikat.
    nilai = bulatkan(sum((k.nilai for k in komponen), D(0)), 2)
    return NilaiSAKIP(nilai, predikat_sakip(nilai), tuple(komponen), lengkap)


def hitung(instrumen: Instrumen, jawaban: Mapping[str, str | None]) -> NilaiSAKIP:
    """The score of `jawaban` (criterion code → answer such as "BB" or "Y"); unanswered criteria count 0."""
    asing = sorted({k for k, v in jawaban.items() if v} - set(instrumen._indeks()))
    if asing:
        raise ValueError(f"Kriteria {', '.join(asing)} tidak ada dalam instrumen {instrumen.kode}")
    hasil = []
    lengkap = True
    for km in instrumen.komponen:
        subs = []
        for s in km.subkomponen:
            nilai = [instrumen.nilai_jawaban(k, j) for k in s.kriteria if (j := jawaban.get(k.kode))]
            lengkap &= len(nilai) == len(s.kriteria)
            # PermenPANRB 88/2021: sub-component = its weight × the mean value of its criteria.
            skor = s.bobot * sum(nilai, D(0)) / len(s.kriteria)
            subs.append(HasilSubkomponen(s.kode, s.nama, s.jenis, s.bobot, skor, len(nilai), len(s.kriteria)))
        hasil.append(
            HasilKomponen(km.kode, km.nama, km.bobot, sum((s.nilai for s in subs), D(0)), tuple(subs))
        )
    return _total(hasil, lengkap)


def hitung_komponen(baris: Iterable[tuple[str, Decimal, Decimal]]) -> NilaiSAKIP:
    """The total of component rows (name, weight, score) as printed in an LHE."""
    hasil: list[HasilKomponen] = []
    for nama, bobot, nilai in baris:
        if bobot <= 0:
            raise ValueError(f"Komponen {nama}: bobot harus lebih dari 0")
        if not D(0) <= nilai <= bobot:
            raise ValueError(
                f"Komponen {nama}: nilai {format_angka(nilai, None)} di luar 0 sampai bobotnya "
                f"{format_angka(bobot, None)}"
            )
        hasil.append(HasilKomponen(str(len(hasil) + 1), nama, bobot, nilai))
    if not hasil:
        raise ValueError("Tidak ada baris komponen")
    return _total(hasil)


# ---------------------------------------------------------------------------------------------------
# Consistency rules between answers (shown as peringatan, like the PK review)
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeringatanLKE:
    kode: str  # LKE-001 …
    kriteria: str
    pesan: str


@dataclass(frozen=True)
class KeadaanBukti:
    """What the rules need to know beyond the answers: evidence per criterion, capaian coverage."""

    ada_bukti: frozenset[str] = field(
        default_factory=frozenset
    )  # criteria with evidence (files, links, records)
    # Share (0–1) of the PK's indicator-triwulan realisasi that exist to date; None when unknown.
    capaian_terisi: Decimal | None = None


BATAS_CAPAIAN_KOSONG = D("0.5")


def periksa_konsistensi(
    instrumen: Instrumen, jawaban: Mapping[str, str | None], keadaan: KeadaanBukti | None = None
) -> list[PeringatanLKE]:
    """The warnings of a set of answers, in the instrument's order (never a refusal)."""
    keadaan = keadaan or KeadaanBukti()
    sub = instrumen.sub_dari()
    hasil: list[PeringatanLKE] = []
    for k in instrumen.kriteria:
        j = jawaban.get(k.kode)
        if not j:
            continue
        nilai = instrumen.nilai_jawaban(k, j)
        hasil.extend(_lebih_dari_dasar(instrumen, k, j, nilai, jawaban))
        if sub[k.kode].jenis == "pemanfaatan" and nilai == 1 and _capaian_kurang(keadaan):
            hasil.append(
                PeringatanLKE(
                    "LKE-002",
                    k.kode,
                    f"Kriteria {k.kode} dinilai {j.upper()} (pemanfaatan penuh), padahal sebagian besar "
                    "capaian indikator PK tahun ini belum diisi.",
                )
            )
        if nilai > AMBANG_BUKTI and k.kode not in keadaan.ada_bukti:
            hasil.append(
                PeringatanLKE(
                    "LKE-003",
                    k.kode,
                    f"Kriteria {k.kode} dinilai {j.upper()} tanpa bukti: nilai di atas C perlu bukti dukung.",
                )
            )
    return hasil


def _capaian_kurang(keadaan: KeadaanBukti) -> bool:
    return keadaan.capaian_terisi is not None and keadaan.capaian_terisi < BATAS_CAPAIAN_KOSONG


def _lebih_dari_dasar(
    instrumen: Instrumen, k: Kriteria, j: str, nilai: Decimal, jawaban: Mapping[str, str | None]
) -> list[PeringatanLKE]:
    if k.dasar is None:
        return []
    dasar = instrumen.cari(k.dasar)
    jd = jawaban.get(k.dasar)
    if dasar is None or not jd:
        return []
    if nilai > instrumen.nilai_jawaban(dasar, jd):
        return [
            PeringatanLKE(
                "LKE-001",
                k.kode,
                f"Kriteria {k.kode} dinilai {j.upper()}, lebih tinggi dari keberadaan dokumennya "
                f"(kriteria {dasar.kode}: {jd.upper()}).",
            )
        ]
    return []
