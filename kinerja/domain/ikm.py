"""IKM (Indeks Kepuasan Masyarakat) from SKM answers, aggregates or published NRR: PermenPANRB 14/2017.

    hasil = hitung_ikm([{"U1": 4, "U2": 3, ...}, ...])
    hasil.ikm, hasil.mutu, hasil.kinerja          # Decimal("87.28"), "B", "Baik"
    hasil.unsur_terendah()                        # [("U4", Decimal("3.28")), ...]
    periksa_ikm_tercetak(["3,31", ...], "87,28")  # does a printed IKM follow from its printed NRR?

Arithmetic is exact (fractions) until the one rounding at the end: the IKM konversi to 2 decimals with
`numbers.bulatkan`, then the mutu lookup of `predikat.mutu_ikm`. docs/formulas.md §IKM has the worked
examples; docs/formulas.md gives the sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from kinerja.domain.numbers import AngkaError, bulatkan, format_angka, parse_angka
from kinerja.domain.predikat import MutuIKM, Regime, mutu_ikm, mutu_ikm_ni

__all__ = [
    "PENIMBANG",
    "REGIME",
    "UNSUR_2004",
    "UNSUR_2017",
    "HasilIKM",
    "IKMError",
    "Kesesuaian",
    "Penimbang",
    "Regime",
    "Skala",
    "Unsur",
    "bobot",
    "daftar_unsur",
    "gabung_periode",
    "gabung_unit",
    "hitung_ikm",
    "ikm_dari_agregat",
    "ikm_dari_nrr",
    "periksa_ikm_hasil",
    "periksa_ikm_tercetak",
]

Penimbang = Literal["tepat", "0,111"]
Skala = Literal["1-4", "25-100"]
PENIMBANG: tuple[Penimbang, ...] = ("tepat", "0,111")
REGIME: tuple[Regime, ...] = ("2017", "2004")

_KONVERSI = 25  # PermenPANRB 14/2017 (and KEP/25/2004): IKM unit pelayanan = IKM × 25
_NILAI_MIN, _NILAI_MAKS = 1, 4  # four answer options scored 1 (a) … 4 (d)


class IKMError(ValueError):
    """Answers, aggregates or printed figures from which no IKM can be computed (Indonesian message)."""


@dataclass(frozen=True)
class Unsur:
    """One unsur of the questionnaire: code, official name, the standard question and its 4 answer labels."""

    kode: str
    nama: str
    pertanyaan: str
    label: tuple[str, str, str, str]  # the answers scored 1, 2, 3, 4


# PermenPANRB 14/2017, Lampiran: 9 unsur, the sample questionnaire's questions and answer labels
# (docs/formulas.md). Stored by code: sources disagree on whether Sarana dan Prasarana or
# Penanganan Pengaduan is the 8th unsur. U8 = Sarana dan Prasarana, U9 = Penanganan Pengaduan is the order
# most questionnaires and apps ask in (docs/formulas.md §IKM).
UNSUR_2017: tuple[Unsur, ...] = (
    Unsur(
        "U1",
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "U2",
        "Sistem, Mekanisme, dan Prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    Unsur(
        "U3",
        "Waktu Penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    Unsur(
        "U4",
        "Biaya/Tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    Unsur(
        "U5",
        "Produk Spesifikasi Jenis Pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
        "standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    Unsur(
        "U6",
        "Kompetensi Pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    Unsur(
        "U7",
        "Perilaku Pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    Unsur(
        "U8",
        "Sarana dan Prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
    Unsur(
        "U9",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
)


def _u04(kode: str, nama: str, pertanyaan: str, kata: str, *label: str) -> Unsur:
    """A 2004 unsur whose labels are "Tidak / Kurang / – / Sangat" + one word, unless given in full."""
    if not label:
        label = (f"Tidak {kata}", f"Kurang {kata}", kata.capitalize(), f"Sangat {kata}")
    a, b, c, d = label
    return Unsur(kode, nama, pertanyaan, (a, b, c, d))


# KEP/25/M.PAN/2/2004: 14 unsur (docs/formulas.md), for surveys made under the old rules. The questions
# and labels follow the guideline's sample questionnaire as commonly reproduced [uncertain: from memory].
UNSUR_2004: tuple[Unsur, ...] = (
    _u04(
        "U1",
        "Prosedur pelayanan",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "mudah",
    ),
    _u04(
        "U2",
        "Persyaratan pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "sesuai",
    ),
    _u04(
        "U3",
        "Kejelasan petugas pelayanan",
        "Bagaimana pendapat Saudara tentang kejelasan dan kepastian petugas yang melayani?",
        "jelas",
    ),
    _u04(
        "U4",
        "Kedisiplinan petugas pelayanan",
        "Bagaimana pendapat Saudara tentang kedisiplinan petugas dalam memberikan pelayanan?",
        "disiplin",
    ),
    _u04(
        "U5",
        "Tanggung jawab petugas pelayanan",
        "Bagaimana pendapat Saudara tentang tanggung jawab petugas dalam memberikan pelayanan?",
        "bertanggung jawab",
    ),
    _u04(
        "U6",
        "Kemampuan petugas pelayanan",
        "Bagaimana pendapat Saudara tentang kemampuan petugas dalam memberikan pelayanan?",
        "mampu",
    ),
    _u04(
        "U7",
        "Kecepatan pelayanan",
        "Bagaimana pendapat Saudara tentang kecepatan pelayanan di unit ini?",
        "cepat",
    ),
    _u04(
        "U8",
        "Keadilan mendapatkan pelayanan",
        "Bagaimana pendapat Saudara tentang keadilan untuk mendapatkan pelayanan di unit ini?",
        "adil",
    ),
    _u04(
        "U9",
        "Kesopanan dan keramahan petugas",
        "Bagaimana pendapat Saudara tentang kesopanan dan keramahan petugas dalam memberikan pelayanan?",
        "sopan dan ramah",
    ),
    _u04(
        "U10",
        "Kewajaran biaya pelayanan",
        "Bagaimana pendapat Saudara tentang kewajaran biaya untuk mendapatkan pelayanan?",
        "wajar",
    ),
    _u04(
        "U11",
        "Kepastian biaya pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian antara biaya yang dibayarkan dengan biaya yang telah ditetapkan?",
        "",
        "Selalu tidak sesuai",
        "Kadang-kadang sesuai",
        "Banyak sesuainya",
        "Selalu sesuai",
    ),
    _u04(
        "U12",
        "Kepastian jadwal pelayanan",
        "Bagaimana pendapat Saudara tentang ketepatan pelaksanaan terhadap jadwal waktu pelayanan?",
        "",
        "Selalu tidak tepat",
        "Kadang-kadang tepat",
        "Banyak tepatnya",
        "Selalu tepat",
    ),
    _u04(
        "U13",
        "Kenyamanan lingkungan",
        "Bagaimana pendapat Saudara tentang kenyamanan di lingkungan unit pelayanan?",
        "nyaman",
    ),
    _u04(
        "U14",
        "Keamanan pelayanan",
        "Bagaimana pendapat Saudara tentang keamanan pelayanan di unit ini?",
        "aman",
    ),
)

_UNSUR: dict[str, tuple[Unsur, ...]] = {"2017": UNSUR_2017, "2004": UNSUR_2004}
_NAMA_REGIME = {"2017": "PermenPANRB 14/2017", "2004": "KEP/25/M.PAN/2/2004"}


def daftar_unsur(regime: Regime = "2017") -> tuple[Unsur, ...]:
    """The unsur of a regime: 9 for PermenPANRB 14/2017, 14 for KEP/25/M.PAN/2/2004."""
    try:
        return _UNSUR[regime]
    except KeyError:
        raise IKMError(
            f"Regime IKM {regime!r} tidak dikenal: pilih '2017' (PermenPANRB 14/2017) "
            "atau '2004' (KEP/25/M.PAN/2/2004)"
        ) from None


def _cek_penimbang(penimbang: str) -> Penimbang:
    if penimbang == "tepat":
        return "tepat"
    if penimbang in ("0,111", "0.111"):
        return "0,111"
    raise IKMError(f"Penimbang {penimbang!r} tidak dikenal: pilih 'tepat' (1/jumlah unsur) atau '0,111'")


def bobot(regime: Regime = "2017", penimbang: Penimbang = "tepat") -> Fraction:
    """The weight of each unsur: exactly 1/n, or 1/n rounded to 3 decimals (0,111 for 9; 0,071 for 14)."""
    # PermenPANRB 14/2017: penimbang = jumlah bobot / jumlah unsur = 1/9; guides print it as 0,111.
    n = len(daftar_unsur(regime))
    if _cek_penimbang(penimbang) == "tepat":
        return Fraction(1, n)
    return Fraction(bulatkan(Decimal(1) / Decimal(n), 3))


def _desimal(x: Fraction) -> Decimal:
    """A fraction as a Decimal with the default 28 significant digits (exact when it terminates early)."""
    return Decimal(x.numerator) / Decimal(x.denominator)


def _bulatkan_pecahan(x: Fraction, places: int = 2) -> Decimal:
    """Round a fraction half-up through `bulatkan`, with enough digits that a true tie stays a tie."""
    with localcontext() as ctx:
        # A tie (…5 exactly) is a terminating fraction and is represented exactly with 60 digits;
        # a non-terminating one is never within 1e-50 of a tie for the sizes of an SKM.
        ctx.prec = 60
        nilai = Decimal(x.numerator) / Decimal(x.denominator)
    return bulatkan(nilai, places)


def _mutu(ikm: Decimal, regime: Regime) -> MutuIKM:
    # The legacy weight can give 24,98 or 99,90: outside the table's 25–100 only through that weight, so
    # the lookup uses the nearest end of the table.
    return mutu_ikm(min(max(ikm, Decimal("25.00")), Decimal("100.00")), regime)


@dataclass(frozen=True)
class HasilIKM:
    """The IKM of one survey (or of a combination of surveys), with its NRR per unsur."""

    nrr: Mapping[str, Decimal]  # per unsur code, unrounded, over the respondents who answered it
    nrr_tertimbang: Mapping[str, Decimal]
    nilai_interval: Decimal  # 1–4, unrounded: Σ NRR tertimbang
    ikm: Decimal  # nilai interval × 25, rounded half-up to 2 decimals
    mutu: str  # A–D
    kinerja: str  # Sangat Baik, Baik, Kurang Baik, Tidak Baik
    jumlah_responden: int
    penimbang: Penimbang = "tepat"
    regime: Regime = "2017"

    def unsur_terendah(self) -> list[tuple[str, Decimal]]:
        """(code, NRR) pairs, lowest NRR first; ties keep the questionnaire order."""
        urutan = {u.kode: i for i, u in enumerate(daftar_unsur(self.regime))}
        return sorted(self.nrr.items(), key=lambda kv: (kv[1], urutan.get(kv[0], len(urutan))))

    def mutu_unsur(self) -> dict[str, MutuIKM]:
        """The category of each unsur's NRR on the 1–4 table (as reports do per unsur)."""
        return {kode: mutu_ikm_ni(nilai, self.regime) for kode, nilai in self.nrr.items()}

    def nama_unsur(self, kode: str) -> str:
        """The official name of an unsur code in this result's regime."""
        return next((u.nama for u in daftar_unsur(self.regime) if u.kode == kode), kode)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict; decimals as strings with a dot ("87.28")."""
        return {
            "ikm": str(self.ikm),
            "mutu": self.mutu,
            "kinerja": self.kinerja,
            "nilai_interval": str(self.nilai_interval),
            "nrr": {k: str(v) for k, v in self.nrr.items()},
            "nrr_tertimbang": {k: str(v) for k, v in self.nrr_tertimbang.items()},
            "jumlah_responden": self.jumlah_responden,
            "penimbang": self.penimbang,
            "regime": self.regime,
        }


def _hasil(nrr: Mapping[str, Fraction], responden: int, regime: Regime, penimbang: Penimbang) -> HasilIKM:
    """Weighted sum, konversi and mutu from exact NRR values (all unsur of the regime present)."""
    # PermenPANRB 14/2017: NRR tertimbang = NRR × penimbang; IKM = Σ NRR tertimbang; konversi = IKM × 25.
    w = bobot(regime, penimbang)
    tertimbang = {k: v * w for k, v in nrr.items()}
    ni = sum(tertimbang.values(), Fraction(0))
    ikm = _bulatkan_pecahan(ni * _KONVERSI, 2)
    m = _mutu(ikm, regime)
    return HasilIKM(
        nrr=MappingProxyType({k: _desimal(v) for k, v in nrr.items()}),
        nrr_tertimbang=MappingProxyType({k: _desimal(v) for k, v in tertimbang.items()}),
        nilai_interval=_desimal(ni),
        ikm=ikm,
        mutu=m.mutu,
        kinerja=m.kinerja,
        jumlah_responden=responden,
        penimbang=penimbang,
        regime=regime,
    )


def _kode(kunci: object, regime: Regime, siapa: str) -> str:
    """A known unsur code ("u1 " → "U1"), or IKMError naming who gave it."""
    kode = str(kunci).strip().upper()
    kodes = [u.kode for u in daftar_unsur(regime)]
    if kode not in kodes:
        raise IKMError(
            f"{siapa}: unsur {kunci!r} tidak dikenal (regime {regime}: {kodes[0]} sampai {kodes[-1]})"
        )
    return kode


def _label(kode: str, regime: Regime) -> str:
    nama = next(u.nama for u in daftar_unsur(regime) if u.kode == kode)
    return f"{kode} ({nama})"


def hitung_ikm(
    jawaban: Iterable[Mapping[str, int | None]],
    *,
    regime: Regime = "2017",
    penimbang: Penimbang = "tepat",
) -> HasilIKM:
    """IKM from the answers (1–4 per unsur code; None or missing = not answered) of each respondent."""
    # PermenPANRB 14/2017: NRR per unsur = jumlah nilai per unsur / jumlah kuesioner yang terisi.
    daftar_unsur(regime)
    jumlah: dict[str, int] = {}
    cacah: dict[str, int] = {}
    responden = 0
    for responden, baris in enumerate(jawaban, start=1):
        siapa = f"Responden ke-{responden}"
        for kunci, nilai in baris.items():
            kode = _kode(kunci, regime, siapa)
            if nilai is None:
                continue
            if isinstance(nilai, bool) or not isinstance(nilai, int):
                raise IKMError(
                    f"{siapa}, unsur {_label(kode, regime)}: jawaban {nilai!r} bukan angka bulat 1 sampai 4"
                )
            if not _NILAI_MIN <= nilai <= _NILAI_MAKS:
                raise IKMError(
                    f"{siapa}, unsur {_label(kode, regime)}: jawaban {nilai} di luar skala 1 sampai 4"
                )
            jumlah[kode] = jumlah.get(kode, 0) + nilai
            cacah[kode] = cacah.get(kode, 0) + 1
    return ikm_dari_agregat(jumlah, cacah, responden, regime=regime, penimbang=penimbang)


def ikm_dari_agregat(
    jumlah: Mapping[str, int],
    cacah: Mapping[str, int],
    responden: int,
    *,
    regime: Regime = "2017",
    penimbang: Penimbang = "tepat",
) -> HasilIKM:
    """IKM from per-unsur sums of answers and counts of answers (the aggregates kept with each response)."""
    # Same formula as hitung_ikm: NRR = jumlah / cacah, so a period's IKM is read without its responses.
    penimbang = _cek_penimbang(penimbang)
    if isinstance(responden, bool) or not isinstance(responden, int) or responden < 0:
        raise IKMError(f"Jumlah responden {responden!r} harus bilangan bulat tidak negatif")
    if responden == 0:
        raise IKMError("Tidak ada responden: IKM tidak dapat dihitung")
    jml = {_kode(k, regime, "Agregat jumlah"): v for k, v in jumlah.items()}
    ccc = {_kode(k, regime, "Agregat cacah"): v for k, v in cacah.items()}
    nrr: dict[str, Fraction] = {}
    for u in daftar_unsur(regime):
        n = ccc.get(u.kode, 0)
        s = jml.get(u.kode, 0)
        label = _label(u.kode, regime)
        if any(isinstance(x, bool) or not isinstance(x, int) for x in (n, s)):
            raise IKMError(f"Agregat unsur {label}: jumlah dan cacah harus bilangan bulat")
        if n <= 0:
            raise IKMError(f"Tidak ada responden yang menjawab unsur {label}: NRR tidak dapat dihitung")
        if n > responden:
            raise IKMError(
                f"Agregat unsur {label}: {n} jawaban, lebih banyak dari jumlah responden ({responden})"
            )
        if not _NILAI_MIN * n <= s <= _NILAI_MAKS * n:
            raise IKMError(
                f"Agregat unsur {label}: jumlah nilai {s} tidak mungkin untuk {n} jawaban berskala 1 sampai 4"
            )
        nrr[u.kode] = Fraction(s, n)
    return _hasil(nrr, responden, regime, penimbang)


def _ke_pecahan(nilai: object, posisi: str) -> Fraction:
    if isinstance(nilai, bool) or not isinstance(nilai, (int, Decimal)):
        raise IKMError(f"NRR {posisi}: nilai {nilai!r} harus Decimal")
    if isinstance(nilai, Decimal) and not nilai.is_finite():
        raise IKMError(f"NRR {posisi}: nilai {nilai} bukan angka berhingga")
    return Fraction(nilai)


def _skala(nilai: Sequence[Fraction], skala: Skala | None) -> Skala:
    """The scale of published NRR: given, or 25–100 when every value exceeds 4, else 1–4."""
    if skala is not None:
        if skala not in ("1-4", "25-100"):
            raise IKMError(f"Skala NRR {skala!r} tidak dikenal: pilih '1-4' atau '25-100'")
        return skala
    if all(v > _NILAI_MAKS for v in nilai):
        return "25-100"
    if any(v > _NILAI_MAKS for v in nilai):
        raise IKMError(
            "NRR tercampur skala: sebagian di atas 4 (skala 25–100) dan sebagian tidak (skala 1–4); "
            "tuliskan semua NRR pada satu skala"
        )
    return "1-4"


def _nrr_per_kode(nrr: Mapping[str, Decimal] | Sequence[Decimal], regime: Regime) -> dict[str, Fraction]:
    """Published NRR keyed by unsur code, checked for count; values still on their printed scale."""
    unsur = daftar_unsur(regime)
    if isinstance(nrr, Mapping):
        hasil = {_kode(k, regime, "NRR"): _ke_pecahan(v, str(k)) for k, v in nrr.items()}
        kurang = [u.kode for u in unsur if u.kode not in hasil]
        if kurang:
            raise IKMError(f"NRR unsur {', '.join(kurang)} tidak ada (regime {regime}: {len(unsur)} unsur)")
        return {u.kode: hasil[u.kode] for u in unsur}
    nilai = list(nrr)
    if len(nilai) != len(unsur):
        saran = " (KEP/25/M.PAN/2/2004 memakai 14 unsur: pilih regime 2004)" if len(nilai) == 14 else ""
        raise IKMError(
            f"Tertulis {len(nilai)} NRR, padahal {_NAMA_REGIME[regime]} memakai {len(unsur)} unsur{saran}"
        )
    return {u.kode: _ke_pecahan(v, f"ke-{i}") for i, (u, v) in enumerate(zip(unsur, nilai, strict=True), 1)}


def _ke_skala_ni(nrr: dict[str, Fraction], skala: Skala, regime: Regime) -> dict[str, Fraction]:
    hasil = {k: (v / _KONVERSI if skala == "25-100" else v) for k, v in nrr.items()}
    for k, v in hasil.items():
        if not _NILAI_MIN <= v <= _NILAI_MAKS:
            asli = format_angka(_desimal(nrr[k]), None)
            rentang = "25 sampai 100" if skala == "25-100" else "1 sampai 4"
            raise IKMError(f"NRR unsur {_label(k, regime)} = {asli} di luar skala {rentang}")
    return hasil


def ikm_dari_nrr(
    nrr: Mapping[str, Decimal] | Sequence[Decimal],
    *,
    skala: Skala | None = None,
    regime: Regime = "2017",
    penimbang: Penimbang = "tepat",
    jumlah_responden: int = 0,
) -> HasilIKM:
    """IKM from published NRR values (by code, or in questionnaire order); skala None = decide by value."""
    # A report's NRR may be printed on the 1–4 scale or already converted (× 25); all > 4 means 25–100.
    penimbang = _cek_penimbang(penimbang)
    per_kode = _nrr_per_kode(nrr, regime)
    ni = _ke_skala_ni(per_kode, _skala(list(per_kode.values()), skala), regime)
    return _hasil(ni, jumlah_responden, regime, penimbang)


# ---------------------------------------------------------------------------------------------------
# Combining surveys
# ---------------------------------------------------------------------------------------------------


def _gabung(hasil: Sequence[HasilIKM], apa: str) -> HasilIKM:
    if not hasil:
        raise IKMError(f"Tidak ada hasil IKM {apa} untuk digabung")
    pertama = hasil[0]
    for h in hasil[1:]:
        if (h.regime, h.penimbang) != (pertama.regime, pertama.penimbang):
            raise IKMError(
                f"Hasil IKM {apa} tidak dapat digabung: regime/penimbang berbeda "
                f"({pertama.regime}/{pertama.penimbang} dan {h.regime}/{h.penimbang})"
            )
        if set(h.nrr) != set(pertama.nrr):
            raise IKMError(f"Hasil IKM {apa} tidak dapat digabung: unsur berbeda")
    n = len(hasil)

    def rata(nilai: Iterable[Decimal]) -> Fraction:
        return sum((Fraction(v) for v in nilai), Fraction(0)) / n

    # The published convention: the combined IKM is the plain mean of the parts' (rounded) IKM,
    # rounded half-up again; NRR, NRR tertimbang and nilai interval are plain means, unrounded.
    ikm = _bulatkan_pecahan(rata(h.ikm for h in hasil), 2)
    m = _mutu(ikm, pertama.regime)
    return HasilIKM(
        nrr=MappingProxyType({k: _desimal(rata(h.nrr[k] for h in hasil)) for k in pertama.nrr}),
        nrr_tertimbang=MappingProxyType(
            {k: _desimal(rata(h.nrr_tertimbang[k] for h in hasil)) for k in pertama.nrr_tertimbang}
        ),
        nilai_interval=_desimal(rata(h.nilai_interval for h in hasil)),
        ikm=ikm,
        mutu=m.mutu,
        kinerja=m.kinerja,
        jumlah_responden=sum(h.jumlah_responden for h in hasil),
        penimbang=pertama.penimbang,
        regime=pertama.regime,
    )


def gabung_unit(hasil: Sequence[HasilIKM]) -> HasilIKM:
    """IKM of a parent (pemda, OPD) as the plain mean of its units' IKM, as published reports do."""
    # Not weighted by respondents: every unit pelayanan counts once (docs/formulas.md §IKM gabungan).
    return _gabung(hasil, "unit")


def gabung_periode(hasil: Sequence[HasilIKM]) -> HasilIKM:
    """IKM of a year from its semesters or quarters: the plain mean of their IKM."""
    # Annual SKM reports built from semester/triwulan surveys average the periods' IKM.
    return _gabung(hasil, "periode")


# ---------------------------------------------------------------------------------------------------
# Checking printed figures
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kesesuaian:
    """Whether a printed IKM follows from printed NRR (or from computed ones), allowing for rounding."""

    sesuai: bool
    ikm_dihitung: Decimal  # from the NRR as printed, with the requested penimbang, 2 decimals
    ikm_min: Decimal  # the range the true IKM can take given the NRR's printed precision
    ikm_max: Decimal
    penimbang_cocok: Penimbang | None  # the penimbang with which the printed IKM follows; None if none
    pesan: str
    ikm_tercetak: Decimal | None = None  # the printed IKM, on the 25–100 scale
    # When not sesuai but the printed IKM is what rounding the nilai interval to this many decimals before
    # × 25 gives (an intermediate rounding some reports make): the explanation, not an excuse.
    pembulatan_ni: int | None = field(default=None)

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict; decimals as strings."""
        return {
            "sesuai": self.sesuai,
            "ikm_dihitung": str(self.ikm_dihitung),
            "ikm_min": str(self.ikm_min),
            "ikm_max": str(self.ikm_max),
            "ikm_tercetak": None if self.ikm_tercetak is None else str(self.ikm_tercetak),
            "penimbang_cocok": self.penimbang_cocok,
            "pembulatan_ni": self.pembulatan_ni,
            "pesan": self.pesan,
        }


def _baca_tercetak(teks: str, apa: str) -> tuple[Fraction, Fraction]:
    """A printed number and half a unit of its last printed digit: "3,31" → (3.31, 0.005)."""
    if not isinstance(teks, str):
        raise IKMError(f'{apa} harus berupa teks seperti tercetak (mis. "3,31"), bukan {type(teks).__name__}')
    try:
        nilai = parse_angka(teks)
    except AngkaError as exc:
        raise IKMError(f"{apa}: {exc}") from None
    eksponen = nilai.as_tuple().exponent
    desimal = -eksponen if isinstance(eksponen, int) and eksponen < 0 else 0
    return Fraction(nilai), Fraction(1, 2 * 10**desimal)


def _fmt(x: Fraction | Decimal, places: int = 2) -> str:
    return format_angka(_bulatkan_pecahan(Fraction(x), places) if isinstance(x, Fraction) else x, places)


def _lain(penimbang: Penimbang) -> Penimbang:
    return "0,111" if penimbang == "tepat" else "tepat"


def _nama_penimbang(penimbang: Penimbang, regime: Regime) -> str:
    n = len(daftar_unsur(regime))
    if penimbang == "tepat":
        return f"penimbang tepat 1/{n}"
    return f"penimbang {format_angka(_desimal(bobot(regime, penimbang)), 3)}"


def _rentang_ni_dibulatkan(lo: Fraction, hi: Fraction, places: int) -> list[Fraction]:
    """Every value NI in [lo, hi] can take once rounded half-up to `places` decimals."""
    langkah = Fraction(1, 10**places)
    awal = Fraction(_bulatkan_pecahan(lo, places))
    akhir = Fraction(_bulatkan_pecahan(hi, places))
    hasil = []
    x = awal
    while x <= akhir:
        hasil.append(x)
        x += langkah
    return hasil


def _periksa(
    nrr_lo: Mapping[str, Fraction],
    nrr_hi: Mapping[str, Fraction],
    nrr_tengah: Mapping[str, Fraction],
    ikm_tercetak: str,
    regime: Regime,
    penimbang: Penimbang,
    asal: str = "NRR tercetak",
) -> Kesesuaian:
    """Compare a printed IKM with the IKM range the NRR range [lo, hi] (1–4 scale) allows.

    `nrr_tengah` are the NRR as printed, from which `ikm_dihitung` is computed: not the range's midpoint,
    which the clamp to 1–4 moves (NRR printed 4,00 give 100,00, not 99,94)."""
    penimbang = _cek_penimbang(penimbang)
    p, hp = _baca_tercetak(ikm_tercetak, "IKM tercetak")
    # A printed IKM of at most 4 is the nilai interval (1–4); convert it and its rounding to 25–100.
    if _NILAI_MIN <= p <= _NILAI_MAKS:
        p, hp = p * _KONVERSI, hp * _KONVERSI
    # The legacy weight's lowest IKM (every answer 1: 9 × 0,111 × 25 = 24,975 → "24,98"; 2004: 24,85) is a
    # figure a report prints, as _mutu knows: below 25 but on the scale.
    bawah = min(_KONVERSI * len(daftar_unsur(regime)) * bobot(regime, pb) for pb in PENIMBANG)
    if not bawah - hp <= p <= 100 + hp:
        raise IKMError(f"IKM tercetak {ikm_tercetak!r} di luar skala 25–100 (atau 1–4)")
    tercetak_lo, tercetak_hi = p - hp, p + hp
    teks_p = ikm_tercetak.strip()

    def rentang(pb: Penimbang) -> tuple[Fraction, Fraction, Fraction]:
        w = bobot(regime, pb) * _KONVERSI
        lo = w * sum(nrr_lo.values(), Fraction(0))
        hi = w * sum(nrr_hi.values(), Fraction(0))
        return lo, hi, w * sum(nrr_tengah.values(), Fraction(0))

    def cocok(lo: Fraction, hi: Fraction) -> bool:
        # Closed intervals: whatever rounding the report used (half-up, half-even), a value on the edge
        # could have printed either way.
        return lo <= tercetak_hi and tercetak_lo <= hi

    lo, hi, tengah = rentang(penimbang)
    dihitung = _bulatkan_pecahan(tengah, 2)
    lain = _lain(penimbang)
    lo2, hi2, tengah2 = rentang(lain)
    dihitung2 = _bulatkan_pecahan(tengah2, 2)
    exact = lo == hi
    batas = f"{_fmt(lo)}" if exact else f"{_fmt(lo, 3)} sampai {_fmt(hi, 3)}, karena pembulatan NRR tercetak"
    dasar = (
        f"IKM dari NRR dengan {_nama_penimbang(penimbang, regime)} = {format_angka(dihitung)} "
        f"({'tanpa pembulatan ' + _fmt(tengah, 4) if exact else 'rentang ' + batas})"
    )

    def hasil(sesuai: bool, cocok_pb: Penimbang | None, pesan: str, ni: int | None = None) -> Kesesuaian:
        return Kesesuaian(
            sesuai=sesuai,
            ikm_dihitung=dihitung,
            ikm_min=_desimal(lo),
            ikm_max=_desimal(hi),
            penimbang_cocok=cocok_pb,
            pesan=pesan,
            ikm_tercetak=_desimal(p),
            pembulatan_ni=ni,
        )

    if cocok(lo, hi):
        pesan = f"IKM tercetak {teks_p} sesuai dengan {asal}: {dasar}."
        if cocok(lo2, hi2) and _bulatkan_pecahan(p, 2) == dihitung2 != dihitung:
            pesan += (
                f" Angka tercetak sama persis dengan perhitungan {_nama_penimbang(lain, regime)} "
                f"({format_angka(dihitung2)}): kemungkinan dihitung dengan penimbang itu."
            )
        return hasil(True, penimbang, pesan)
    if cocok(lo2, hi2):
        pesan = (
            f"IKM tercetak {teks_p} hanya sesuai bila dihitung dengan {_nama_penimbang(lain, regime)} "
            f"(hasilnya {format_angka(dihitung2)}); {dasar}."
        )
        if lain == "0,111":
            pesan += f" Penimbang {format_angka(_desimal(bobot(regime, lain)), 3)} adalah pembulatan; nilai yang benar memakai 1/{len(nrr_lo)}."
        return hasil(True, lain, pesan)
    selisih = min(abs(tercetak_lo - hi), abs(lo - tercetak_hi))
    pesan = (
        f"IKM tercetak {teks_p} TIDAK sesuai dengan {asal}: {dasar}; "
        f"dengan {_nama_penimbang(lain, regime)} = {format_angka(dihitung2)}. "
        f"Selisih di luar batas pembulatan: {_fmt(selisih, 3)}."
    )
    # Some reports round the nilai interval (1–4) to 3 or 2 decimals before multiplying by 25: an
    # intermediate rounding the formula does not have. Still not `sesuai`, but say where the figure
    # comes from.
    for places in (3, 2):
        for pb, (a, b) in ((penimbang, (lo, hi)), (lain, (lo2, hi2))):
            for ni in _rentang_ni_dibulatkan(a / _KONVERSI, b / _KONVERSI, places):
                if cocok(ni * _KONVERSI, ni * _KONVERSI):
                    pesan += (
                        f" Angka tercetak itu diperoleh bila nilai interval dibulatkan dahulu ke {places} "
                        f"desimal ({format_angka(_desimal(ni), places)}) lalu dikali 25 "
                        f"(dengan {_nama_penimbang(pb, regime)}): pembulatan antara yang tidak dikenal rumus."
                    )
                    return hasil(False, None, pesan, places)
    return hasil(False, None, pesan)


def periksa_ikm_tercetak(
    nrr_tercetak: Sequence[str],
    ikm_tercetak: str,
    *,
    regime: Regime = "2017",
    penimbang: Penimbang = "tepat",
    skala: Skala | None = None,
) -> Kesesuaian:
    """Whether a printed IKM ("87,28") follows from printed NRR ("3,31", …), allowing for their rounding."""
    # An NRR printed with k decimals is anywhere in ±½·10⁻ᵏ; the IKM is increasing in every NRR, so its
    # range is the formula applied to the lower and to the upper ends (docs/formulas.md §Memeriksa).
    if isinstance(nrr_tercetak, str):
        raise IKMError('NRR tercetak harus berupa daftar teks, mis. ["3,31", "3,35", ...]')
    unsur = daftar_unsur(regime)
    dibaca = [_baca_tercetak(t, f"NRR ke-{i}") for i, t in enumerate(nrr_tercetak, start=1)]
    nilai = _nrr_per_kode([_desimal(v) for v, _ in dibaca], regime)
    sk = _skala(list(nilai.values()), skala)
    tengah = _ke_skala_ni(nilai, sk, regime)
    faktor = Fraction(1, _KONVERSI) if sk == "25-100" else Fraction(1)
    setengah = {u.kode: h * faktor for u, (_, h) in zip(unsur, dibaca, strict=True)}
    # The true value may lie just outside the scale only by rounding: clamp to 1–4.
    lo = {k: max(v - setengah[k], Fraction(_NILAI_MIN)) for k, v in tengah.items()}
    hi = {k: min(v + setengah[k], Fraction(_NILAI_MAKS)) for k, v in tengah.items()}
    return _periksa(lo, hi, tengah, ikm_tercetak, regime, penimbang)


def periksa_ikm_hasil(hasil: HasilIKM, ikm_tercetak: str) -> Kesesuaian:
    """Whether a printed IKM follows from a computed result (exact NRR: only the IKM's rounding counts)."""
    nrr = {k: Fraction(v) for k, v in hasil.nrr.items()}
    return _periksa(nrr, nrr, nrr, ikm_tercetak, hasil.regime, hasil.penimbang, asal="data jawaban")
