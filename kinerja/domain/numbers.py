"""Indonesian numbers: the one rounding helper, parsing and formatting of angka, Rupiah, persen, terbilang.

Decimal everywhere, never float. Every rounding in the project goes through `bulatkan` (ROUND_HALF_UP).
Formats follow PUEBI (docs/formulas.md): comma for decimals, dot for thousands, `Rp` with no space.
"""

from __future__ import annotations

import re
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

from num2words import num2words

__all__ = [
    "AngkaError",
    "bulatkan",
    "format_angka",
    "format_nilai",
    "format_persen",
    "format_rupiah",
    "parse_angka",
    "parse_nilai",
    "parse_rupiah",
    "terbilang",
    "terbilang_rupiah",
]


class AngkaError(ValueError):
    """A number that cannot be read; the message is Indonesian and quotes the text."""


def _cek_decimal(value: object, fungsi: str) -> Decimal:
    """Refuse float (the project rule) and accept int or Decimal."""
    if type(value) is Decimal and value.is_finite():  # the usual case first (bulk capaian)
        return value
    if isinstance(value, (bool, float)):
        raise TypeError(f"{fungsi}: nilai harus Decimal atau int, bukan {type(value).__name__} ({value!r})")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AngkaError(f"{fungsi}: nilai {value} bukan angka berhingga")
        return value
    raise TypeError(f"{fungsi}: nilai harus Decimal atau int, bukan {type(value).__name__}")


_KUANTUM = tuple(Decimal(1).scaleb(-n) for n in range(9))
# Quantizing is exact to the quantum: the precision only has to hold the result, so the largest one
# serves every value (the default 28 digits would raise on 10**30 with 2 places) without a new context
# per call (bulk capaian rounds millions of values). Its flags are never read; an invalid operation raises.
_BULAT = Context(
    prec=MAX_PREC, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation]
)


def bulatkan(value: Decimal, places: int = 2) -> Decimal:
    """Round half-up to `places` decimals: the project's only rounding helper."""
    # Pembulatan baku setengah ke atas (ROUND_HALF_UP), seperti pembulatan manual dalam laporan SKM/LKjIP.
    d = value if type(value) is Decimal and value.is_finite() else _cek_decimal(value, "bulatkan")
    kuantum = _KUANTUM[places] if 0 <= places < len(_KUANTUM) else Decimal(1).scaleb(-places)
    return d.quantize(kuantum, context=_BULAT)


# ---------------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------------

_SPASI = re.compile(r"[\s\u00a0\u202f]+")
_MINUS = ("-", "\u2212", "\u2013")
# A number token: digit groups joined by "." or ",", a stray space allowed right after a separator.
_TOKEN_ANGKA = re.compile(r"[+\-\u2212]?\s*\d+(?:[.,] ?\d+)*")


def _rapikan(text: str) -> str:
    return _SPASI.sub(" ", text).strip()


def parse_angka(text: str) -> Decimal:
    """Read an Indonesian number ("1.521.097,50", "0,54", "1.000", slip "99.87") into a Decimal."""
    # PUEBI (docs/formulas.md): koma sebagai tanda desimal, titik sebagai pemisah ribuan.
    if not isinstance(text, str):
        raise TypeError(f"parse_angka: teks harus str, bukan {type(text).__name__}")
    asli = text
    s = _rapikan(text)
    if not s:
        raise AngkaError("Angka kosong: tidak ada angka untuk dibaca")
    # A stray space next to a separator ("1. 521.097.505,00") is a typesetting slip.
    s = re.sub(r" ?([.,]) ?", r"\1", s)
    tanda = ""
    if s[0] in _MINUS or s[0] == "+":
        tanda = "-" if s[0] in _MINUS else ""
        s = s[1:].lstrip()
    if not s or not re.fullmatch(r"[\d.,]+", s):
        raise AngkaError(f"Angka {asli!r} tidak dapat dibaca: hanya boleh berisi angka, titik dan koma")
    if s.count(",") > 1:
        raise AngkaError(f"Angka {asli!r} tidak dapat dibaca: tanda koma (desimal) lebih dari satu")
    bulat, _, pecahan = s.partition(",")
    if "," in s and "." in pecahan:
        raise AngkaError(f"Angka {asli!r} tidak dapat dibaca: titik sesudah koma (format Inggris?)")
    if "," in s and not pecahan:
        raise AngkaError(f"Angka {asli!r} tidak dapat dibaca: tidak ada angka sesudah koma")
    kelompok = bulat.split(".")
    if any(not k for k in kelompok):
        raise AngkaError(f"Angka {asli!r} tidak dapat dibaca: titik di awal, di akhir atau berturut-turut")
    if "," not in s and len(kelompok) == 2 and (len(kelompok[1]) != 3 or kelompok[0] == "0"):
        # A single dot before a group that is not exactly three digits (or after a lone 0) is a
        # decimal point typed the English way: "99.87", "0.545". "1.000" stays one thousand.
        bulat, pecahan = kelompok
    elif len(kelompok) > 1:
        if len(kelompok[0]) > 3:
            raise AngkaError(
                f"Angka {asli!r} tidak dapat dibaca: kelompok pertama {kelompok[0]!r} lebih dari tiga angka"
            )
        salah = [k for k in kelompok[1:] if len(k) != 3]
        if salah:
            raise AngkaError(
                f"Angka {asli!r} tidak dapat dibaca: kelompok ribuan {salah[0]!r} harus tepat tiga angka"
            )
        bulat = "".join(kelompok)
    try:
        return Decimal(f"{tanda}{bulat}.{pecahan}" if pecahan else f"{tanda}{bulat}")
    except InvalidOperation as exc:  # pragma: no cover - the regex above already guards this
        raise AngkaError(f"Angka {asli!r} tidak dapat dibaca") from exc


_AWALAN_RUPIAH = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_AKHIRAN_STRIP = re.compile(r"\s*[.,]?\s*[-\u2013\u2014]{1,2}$")


def parse_rupiah(text: str) -> Decimal:
    """Read a Rupiah amount ("Rp1.521.097.505,00", "Rp. 7.838.434.333,-", "IDR 5.000") to 2 decimals."""
    # PUEBI (docs/formulas.md): Rp tanpa titik dan spasi; dokumen pemerintah sering "Rp " atau "Rp. ... ,-".
    if not isinstance(text, str):
        raise TypeError(f"parse_rupiah: teks harus str, bukan {type(text).__name__}")
    s = _rapikan(text)
    tanda = ""
    if s[:1] in _MINUS:
        tanda, s = "-", s[1:].lstrip()
    s = _AWALAN_RUPIAH.sub("", s)
    if s[:1] in _MINUS and not tanda:
        tanda, s = "-", s[1:].lstrip()
    s = _AKHIRAN_STRIP.sub("", s)
    if not s:
        raise AngkaError(f"Jumlah Rupiah {text!r} tidak berisi angka")
    try:
        nilai = parse_angka(tanda + s)
    except AngkaError as exc:
        raise AngkaError(f"Jumlah Rupiah {text!r} tidak dapat dibaca: {exc}") from exc
    hasil = bulatkan(nilai, 2)
    if hasil != nilai:
        raise AngkaError(f"Jumlah Rupiah {text!r} tidak dapat dibaca: lebih dari dua angka sen")
    return hasil


_SATUAN_PERSEN = re.compile(r"^(?:%|persen|prosen|percent|per\s*sen)$", re.IGNORECASE)
_SATUAN_RUPIAH = re.compile(r"^(?:rupiah|rp\.?)$", re.IGNORECASE)
_KURUNG = re.compile(r"\([^()]*\)")


def parse_nilai(text: str) -> tuple[Decimal | None, str | None]:
    """Split a printed target ("48,27%", "8 unit", "Rp 33.800.000,00", "BB") into (value, satuan)."""
    # PUEBI (docs/formulas.md): angka lalu satuan; "persen" ditulis "%". Never raises: a target that
    # is not a leading number ("BB", "WTP") gives (None, None).
    if not text or not text.strip():
        return None, None
    # A parenthesised part is a predicate "(Baik)" or a spelled number "(delapan)": not the satuan.
    s = _rapikan(_KURUNG.sub(" ", text))
    if not s:
        return None, None
    if _AWALAN_RUPIAH.match(s) or (s[:1] in _MINUS and _AWALAN_RUPIAH.match(s[1:].lstrip())):
        try:
            return parse_rupiah(s), "Rp"
        except AngkaError:
            return None, None
    m = _TOKEN_ANGKA.match(s)
    if m is None:
        return None, None
    try:
        nilai = parse_angka(m.group(0))
    except AngkaError:
        return None, None
    sisa = s[m.end() :].strip()
    if not sisa:
        return nilai, None
    if sisa[0].isdigit() or sisa[0] in ".,":
        # "5 204 765 371" or "1.2.3": not one readable number.
        return None, None
    if _SATUAN_PERSEN.match(sisa):
        return nilai, "%"
    if _SATUAN_RUPIAH.match(sisa):
        return bulatkan(nilai, 2), "Rp"
    return nilai, sisa


# ---------------------------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------------------------


def format_angka(value: Decimal, places: int | None = 2) -> str:
    """Format as Indonesian "1.234.567,89"; places=None keeps the value's own decimals."""
    # PUEBI (docs/formulas.md): titik pemisah ribuan, koma desimal.
    d = _cek_decimal(value, "format_angka")
    if places is not None:
        d = bulatkan(d, places)
    elif (eksponen := d.as_tuple().exponent) and isinstance(eksponen, int) and eksponen > 0:
        d = bulatkan(d, 0)  # Decimal("1E+2") prints as "100", not "1E+2"
    # copy_abs, not abs(): abs() rounds to the context precision (28 digits) and would corrupt huge values.
    teks = f"{d.copy_abs():,f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-{teks}" if d < 0 else teks


def format_rupiah(value: Decimal, spasi: bool = False, desimal: bool = True) -> str:
    """Format Rupiah: "Rp1.521.097.505,00" (PUEBI), spasi=True "Rp 1.…", desimal=False without ",00"."""
    # PUEBI (docs/formulas.md): "Rp" tanpa titik dan tanpa spasi; spasi dapat dipilih untuk gaya dinas.
    d = _cek_decimal(value, "format_rupiah")
    angka = format_angka(d.copy_abs(), 2 if desimal else 0)
    tanda = "-" if bulatkan(d, 2 if desimal else 0) < 0 else ""
    return f"{tanda}Rp{' ' if spasi else ''}{angka}"


def format_persen(value: Decimal, places: int | None = None) -> str:
    """Format a value already in percent: Decimal("48.27") → "48,27%"; places=2 → "100,00%"."""
    # PUEBI (docs/formulas.md): tanda % tanpa spasi.
    return f"{format_angka(value, places)}%"


def format_nilai(value: Decimal | None, satuan: str | None) -> str:
    """Format a target/realisasi with its satuan: "100%", "8 unit", "84,00", "Rp33.800.000,00"."""
    # PUEBI (docs/formulas.md): "%" rapat, satuan lain dipisah spasi, Rupiah lewat format_rupiah.
    if value is None:
        return satuan or ""
    if satuan is None or not satuan.strip():
        return format_angka(value, None)
    if _SATUAN_PERSEN.match(satuan.strip()):
        return format_persen(value)
    if _SATUAN_RUPIAH.match(satuan.strip()):
        return format_rupiah(value)
    return f"{format_angka(value, None)} {satuan.strip()}"


# ---------------------------------------------------------------------------------------------------
# Terbilang
# ---------------------------------------------------------------------------------------------------

_DIGIT = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# KBBI (docs/formulas.md): "miliar", bukan "milyar"; "se-" untuk 10, 11, 100, 1000.
_PERBAIKAN = (
    (re.compile(r"\bmilyar\b"), "miliar"),
    (re.compile(r"\bsatu puluh\b"), "sepuluh"),
    (re.compile(r"\bsatu belas\b"), "sebelas"),
    (re.compile(r"\bsatu ratus\b"), "seratus"),
    # "satu ribu" is right inside "dua puluh satu ribu"; only a leading one, or one after a larger
    # scale word ("satu juta seribu"), becomes "seribu".
    (re.compile(r"(?:^|(?<=juta )|(?<=liar )|(?<=liun ))satu ribu\b"), "seribu"),
)


def _terbilang_bulat(n: int) -> str:
    kata = str(num2words(n, lang="id"))
    for pola, ganti in _PERBAIKAN:
        kata = pola.sub(ganti, kata)
    return kata


def terbilang(value: int | Decimal) -> str:
    """Spell a number in Indonesian: 1521097505 → "satu miliar lima ratus …", 12.5 → "dua belas koma lima"."""
    # Ejaan angka KBBI/PUEBI (docs/formulas.md); bagian desimal dibaca angka per angka sesudah "koma".
    d = _cek_decimal(value, "terbilang")
    negatif = d < 0
    # Split on the printed digits: Decimal arithmetic would round huge values to 28 digits.
    bulat, _, digit = format(d.copy_abs(), "f").partition(".")
    kata = _terbilang_bulat(int(bulat))
    digit = digit.rstrip("0")  # 12,50 is read "dua belas koma lima", as 12,5
    if digit:
        kata += " koma " + " ".join(_DIGIT[int(c)] for c in digit)
    return f"minus {kata}" if negatif else kata


def terbilang_rupiah(value: Decimal) -> str:
    """Spell a Rupiah amount: "… rupiah", with "… rupiah lima puluh sen" when the sen part is not zero."""
    # docs/formulas.md: mata uang diakhiri "rupiah"; sen (1/100 rupiah) disebut sesudahnya.
    d = bulatkan(_cek_decimal(value, "terbilang_rupiah"), 2)
    negatif = d < 0
    rupiah, _, sen_teks = format(d.copy_abs(), "f").partition(".")
    sen = int(sen_teks or "0")
    kata = f"{_terbilang_bulat(int(rupiah))} rupiah"
    if sen:
        kata += f" {_terbilang_bulat(sen)} sen"
    return f"minus {kata}" if negatif else kata
