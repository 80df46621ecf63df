"""Spreadsheets of monitoring (docs/monitoring-lembar.md): a PK's triwulan realisasi and its rencana aksi
as XLSX templates, filled offline and uploaded again.

Writing: one row per indikator, a hidden id column, the input cells unlocked and yellow, everything
else locked (sheet protection without a password), a list for predicate indikator, an instructions
sheet, and a very hidden sheet "_kinerja" naming the template's kind, PK, triwulan and columns (so the
column titles may be translated and the upload still finds its columns). Text is data, never a formula:
every text cell is typed as a string, and one starting with "=", "+", "-" or "@" carries Excel's quote
prefix so it stays text when edited.

Reading (`pratinjau_realisasi`, `pratinjau_rencana`): at most 2 MB and 2 000 rows, read once with
openpyxl (read only, cached values), every row checked against the PK and tried through the services
(`layanan.simpan_realisasi` / `layanan.simpan_rencana`) in a transaction that is rolled back, so the
preview shows the services' own refusals and plausibility warnings, row by row. The preview is plain
JSON-safe data (`Pratinjau.ke_dict`): the pages keep it in the session until the user accepts.

Accepting (`simpan_lembar`): every changed row through the same services in ONE transaction; a row the
service refuses rolls back the whole upload and names the row (`GagalBaris`).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kinerja.agreements.alur import Ditolak, IsianKurang, StatusTidakSesuai
from kinerja.agreements.models import Indikator, PerjanjianKinerja, Status
from kinerja.domain import capaian as dc
from kinerja.domain import pantau
from kinerja.domain.numbers import AngkaError, bulatkan, format_angka, parse_angka
from kinerja.domain.tanggal import format_tanggal
from kinerja.domain.teks_keluaran import bersih, isi_sel
from kinerja.monitoring import layanan
from kinerja.monitoring.models import Realisasi, RencanaIndikator, StatusRealisasi

JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BATAS_UKURAN = 2 * 1024 * 1024  # bytes of the uploaded file
BATAS_TERBUKA = 30 * 1024 * 1024  # bytes of its parts once unzipped (a "zip bomb" is refused)
BATAS_BARIS = 2000  # rows of the data sheet
BATAS_TEKS = 4000  # characters of one text cell (kendala, upaya, rencana aksi)
BATAS_KOLOM = 30  # columns read
LEMBAR_META = "_kinerja"
VERSI_FORMAT = 1
BARIS_KEPALA = 5  # the header row of the data sheets (title lines above it)

_MAKS_ANGKA = Decimal(10) ** 16  # the models keep 20 digits, 4 of them decimals
_KOSONG = ("", "-", "–", "—")

SIFAT = {"kumulatif": "kumulatif", "triwulanan": "triwulanan", "pertriwulan": "triwulanan"}
KONSOLIDASI = {
    "terakhir": "terakhir",
    "nilaiterakhir": "terakhir",
    "jumlah": "jumlah",
    "jumlahtriwulan": "jumlah",
    "ratarata": "rata_rata",
    "rataratatriwulan": "rata_rata",
}


class LembarError(ValueError):
    """The uploaded file cannot be used at all (not an XLSX, too big, not this PK's template)."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class GagalBaris(Ditolak):
    """A service refused one row while the upload was stored: nothing was stored."""

    def __init__(self, baris: int, pesan: str) -> None:
        super().__init__(pesan)
        self.baris = baris


class _SelSalah(Exception):
    """One cell cannot be read; the message says why (without the row and column)."""


class _Batal(Exception):
    """Raised inside a dry run so that its transaction rolls back."""


# ---------------------------------------------------------------------------------------------------
# The preview: plain data kept in the session between upload and acceptance
# ---------------------------------------------------------------------------------------------------


@dataclass
class BarisPratinjau:
    """One row of the uploaded sheet: what it would change, or why it cannot be stored."""

    baris: int
    indikator_id: int | None = None
    indikator: str = ""
    keadaan: str = "galat"  # baru | ubah | sama | kosong | otomatis | terverifikasi | galat
    isian: dict[str, Any] = field(default_factory=dict)  # what goes to the service (Decimals as text)
    perubahan: list[dict[str, str]] = field(default_factory=list)  # {"kolom", "lama", "baru"}
    galat: list[str] = field(default_factory=list)
    peringatan: list[dict[str, str]] = field(default_factory=list)  # {"kode", "pesan"}
    versi: str = ""  # the stored realisasi's version when the preview was made

    @property
    def disimpan(self) -> bool:
        """Whether accepting stores this row (it changes something)."""
        return self.keadaan in ("baru", "ubah")

    @property
    def label_keadaan(self) -> str:
        return {
            "baru": _("Baru"),
            "ubah": _("Diubah"),
            "sama": _("Tidak berubah — dilewati"),
            "kosong": _("Kosong — dilewati"),
            "otomatis": _("Otomatis — dilewati"),
            "terverifikasi": _("Terverifikasi — dilewati"),
            "galat": _("Tidak dapat dibaca"),
        }.get(self.keadaan, self.keadaan)


@dataclass
class Pratinjau:
    """An uploaded sheet as read and tried: its rows, and whether it may be stored."""

    jenis: str  # "realisasi" | "rencana"
    perjanjian_id: int
    triwulan: int | None
    nama_berkas: str
    sha256: str
    dibuat: str
    baris: list[BarisPratinjau]

    @property
    def galat(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if b.galat]

    @property
    def disimpan(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if b.disimpan]

    @property
    def dilewati(self) -> list[BarisPratinjau]:
        return [b for b in self.baris if not b.disimpan and not b.galat]

    @property
    def berperingatan(self) -> list[BarisPratinjau]:
        return [b for b in self.disimpan if b.peringatan]

    @property
    def dapat_disimpan(self) -> bool:
        return not self.galat and bool(self.disimpan)

    def ke_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def dari_dict(cls, data: dict[str, Any]) -> Pratinjau:
        d = dict(data)
        d["baris"] = [BarisPratinjau(**b) for b in d["baris"]]
        return cls(**d)


# ---------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------


def _kunci(teks: object) -> str:
    return re.sub(r"[^a-z]", "", str(teks or "").casefold())


def _tampil(d: Decimal | str | None) -> str:
    """A value as the preview shows it ("80,33", "–")."""
    if d is None or d == "":
        return "–"
    n = Decimal(d).normalize()
    if n == n.to_integral_value():
        n = n.quantize(Decimal(1))
    return format_angka(n, None)


def _teks_ringkas(teks: str, n: int = 80) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def versi(dt: datetime | None) -> str:
    """A stored realisasi's version, written in the template's hidden column."""
    return "" if dt is None else dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _angka_xlsx(d: Decimal | None) -> int | float | None:
    """A Decimal as the number a worksheet stores (IEEE double); None stays empty."""
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() and abs(d) < 2**53 else float(d)


def _format_angka(d: Decimal | None) -> str:
    """A number format showing as many decimals as the value has (up to 4)."""
    if d is None:
        return "General"
    eksponen = d.normalize().as_tuple().exponent
    desimal = min(-eksponen, 4) if isinstance(eksponen, int) and eksponen < 0 else 0
    return "#,##0" + ("." + "0" * desimal if desimal else "")


def baca_angka(nilai: object, format_sel: str | None = None) -> Decimal | None:
    """A cell's number: a typed number, or text in Indonesian or plain format ("80,33", "1.234,5",
    "98.5", "85%"); empty or "-" is None. More than 4 decimals are rounded to 4. A cell shown as a
    percentage (typed "85%") stores 0,85: it is read as 85."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise _SelSalah(_("“%s” bukan angka") % nilai)
    if isinstance(nilai, (datetime, date, time, timedelta)):
        raise _SelSalah(
            _(
                "terbaca sebagai tanggal atau jam (%s), bukan angka; ketik ulang angkanya dengan koma desimal "
                "atau format selnya sebagai teks"
            )
            % nilai
        )
    if isinstance(nilai, (int, float)):
        d = Decimal(repr(nilai)) if isinstance(nilai, float) else Decimal(nilai)
        if "%" in (format_sel or ""):
            d *= 100
    else:
        teks = " ".join(bersih(nilai).split())
        if teks in _KOSONG:
            return None
        try:
            d = parse_angka(teks.removesuffix("%").strip())
        except (AngkaError, ValueError, TypeError):
            raise _SelSalah(_("“%s” bukan angka") % _teks_ringkas(teks, 40)) from None
    if not d.is_finite() or abs(d) >= _MAKS_ANGKA:
        raise _SelSalah(_("angka %s terlalu besar") % _teks_ringkas(str(nilai), 40))
    eksponen = d.as_tuple().exponent
    if isinstance(eksponen, int) and eksponen < -4:
        d = bulatkan(d, 4)
    return d


def baca_teks(nilai: object, batas: int = BATAS_TEKS) -> str:
    """A text cell: what was typed (a number typed into it as written), trimmed."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        teks = "Ya" if nilai else "Tidak"
    elif isinstance(nilai, float):
        teks = str(int(nilai)) if nilai.is_integer() else repr(nilai)
    elif isinstance(nilai, datetime):
        teks = format_tanggal(nilai.date())
    elif isinstance(nilai, date):
        teks = format_tanggal(nilai)
    else:
        teks = str(nilai)
    teks = bersih(teks.replace("\r\n", "\n")).strip()
    if len(teks) > batas:
        raise _SelSalah(
            _("teksnya %(n)s huruf; paling banyak %(batas)s")
            % {"n": format_angka(Decimal(len(teks)), 0), "batas": format_angka(Decimal(batas), 0)}
        )
    return teks


def nama_berkas(perjanjian: PerjanjianKinerja, triwulan: int | None = None) -> str:
    unit = slugify(str(perjanjian.unit.nama))[:60] or "unit"
    if triwulan is None:
        return f"rencana-aksi-{perjanjian.tahun}-{unit}.xlsx"
    return f"realisasi-tw{triwulan}-{perjanjian.tahun}-{unit}.xlsx"


# ---------------------------------------------------------------------------------------------------
# Writing the templates
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kolom:
    kunci: str
    judul: str
    lebar: float
    masukan: bool = False
    tersembunyi: bool = False


class _Buku:
    """A workbook with the cell helpers every template uses."""

    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.wb = Workbook()
        tipis = Side(style="thin", color="999999")
        self.garis = Border(left=tipis, right=tipis, top=tipis, bottom=tipis)
        self.tebal = Font(bold=True)
        self.isi_kepala = PatternFill("solid", fgColor="DDDDDD")
        self.isi_masukan = PatternFill("solid", fgColor="FFF2CC")
        self.isi_terkunci = PatternFill("solid", fgColor="F2F2F2")
        self.bungkus = Alignment(wrap_text=True, vertical="top")
        self.tengah = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.terbuka = Protection(locked=False)

    def sel(self, ws, baris: int, kolom: int, nilai: object, *, format_angka: str | None = None):
        """A cell; text is always a string (never a formula or an error code)."""
        c = isi_sel(ws.cell(row=baris, column=kolom), nilai)
        if format_angka and not isinstance(nilai, str) and nilai is not None:
            c.number_format = format_angka
        c.alignment = self.bungkus
        return c

    def judul(self, ws, kolom: int, baris: Sequence[str]) -> None:
        """Title lines above the header, in the first visible column (they run over the next ones)."""
        from openpyxl.styles import Alignment, Font

        for k, teks in enumerate(baris, start=1):
            c = self.sel(ws, k, kolom, teks)
            c.alignment = Alignment(vertical="top")
            if k == 1:
                c.font = Font(bold=True, size=13)

    def kepala(self, ws, kolom: Sequence[_Kolom]) -> None:
        from openpyxl.utils import get_column_letter

        for i, k in enumerate(kolom, start=1):
            c = self.sel(ws, BARIS_KEPALA, i, k.judul)
            c.font, c.fill, c.border, c.alignment = self.tebal, self.isi_kepala, self.garis, self.tengah
            huruf = get_column_letter(i)
            ws.column_dimensions[huruf].width = k.lebar
            if k.tersembunyi:
                ws.column_dimensions[huruf].hidden = True
        ws.freeze_panes = ws.cell(row=BARIS_KEPALA + 1, column=1).coordinate
        ws.print_title_rows = f"{BARIS_KEPALA}:{BARIS_KEPALA}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def baris(
        self,
        ws,
        nomor: int,
        kolom: Sequence[_Kolom],
        nilai: dict[str, Any],
        terbuka: bool,
        terkunci: Iterable[str] = (),
    ) -> dict:
        """One data row; input columns are unlocked (and yellow) when `terbuka`, except those in
        `terkunci`. Returns the cells by column key."""
        terkunci = set(terkunci)
        sel = {}
        for i, k in enumerate(kolom, start=1):
            v = nilai.get(k.kunci)
            fmt = None
            if isinstance(v, Decimal):
                v, fmt = _angka_xlsx(v), _format_angka(v)
            c = self.sel(ws, nomor, i, v, format_angka=fmt)
            c.border = self.garis
            if k.masukan:
                if terbuka and k.kunci not in terkunci:
                    c.protection, c.fill = self.terbuka, self.isi_masukan
                else:
                    c.fill = self.isi_terkunci
            sel[k.kunci] = c
        return sel

    def lindungi(self, ws) -> None:
        """Sheet protection without a password: locked cells cannot be typed over; columns and rows may
        still be resized."""
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.autoFilter = False

    def petunjuk(self, judul: str, baris: Sequence[str]) -> None:
        ws = self.wb.create_sheet(_("Petunjuk"))
        ws.column_dimensions["A"].width = 4
        ws.column_dimensions["B"].width = 110
        from openpyxl.styles import Alignment, Font

        c = self.sel(ws, 1, 1, judul)
        c.font, c.alignment = Font(bold=True, size=13), Alignment(vertical="top")
        for n, teks in enumerate(baris, start=1):
            self.sel(ws, n + 2, 1, f"{n}.")
            self.sel(ws, n + 2, 2, teks)
        self.lindungi(ws)

    def meta(self, data: dict[str, object], kolom: Sequence[_Kolom]) -> None:
        lembar = self.wb.worksheets[0].title
        ws = self.wb.create_sheet(LEMBAR_META)
        ws.sheet_state = "veryHidden"
        isi = {**data, "lembar": lembar, "versi_format": VERSI_FORMAT, "baris_kepala": BARIS_KEPALA}
        isi.update({f"kolom:{k.kunci}": i for i, k in enumerate(kolom, start=1)})
        for n, (k, v) in enumerate(isi.items(), start=1):
            self.sel(ws, n, 1, k)
            self.sel(ws, n, 2, v if isinstance(v, int) else str(v))
        self.lindungi(ws)

    def simpan(self) -> bytes:
        out = io.BytesIO()
        self.wb.save(out)
        return out.getvalue()


def _kolom_realisasi(triwulan: int) -> tuple[_Kolom, ...]:
    tw = pantau.ROMAWI[triwulan]
    return (
        _Kolom("id", _("ID"), 8, tersembunyi=True),
        _Kolom("versi", _("Versi"), 24, tersembunyi=True),
        _Kolom("no", pgettext("nomor urut", "No"), 5),
        _Kolom("sasaran", _("Sasaran"), 38),
        _Kolom("indikator", _("Indikator"), 44),
        _Kolom("satuan", _("Satuan"), 12),
        _Kolom("target", _("Target s.d. TW %s") % tw, 16),
        _Kolom("realisasi", _("Realisasi TW %s") % tw, 16, masukan=True),
        _Kolom("kendala", _("Kendala"), 40, masukan=True),
        _Kolom("upaya", _("Upaya dan tindak lanjut"), 40, masukan=True),
        _Kolom("status", _("Status"), 26),
    )


def _status_realisasi(r: dict | None, koreksi: bool) -> tuple[str, bool]:
    """The status column's text and whether the row may be typed into."""
    if r is None:
        return _("Belum diisi"), True
    teks = StatusRealisasi(r["status"]).label
    if r["otomatis"]:
        return _("Otomatis: %s") % (r["sumber_otomatis"] or "-"), False
    if r["status"] == StatusRealisasi.DIKEMBALIKAN and r["catatan_verifikasi"]:
        teks = _("Dikembalikan: %s") % r["catatan_verifikasi"]
    if r["status"] == StatusRealisasi.TERVERIFIKASI and not koreksi:
        return _("Terverifikasi (ajukan koreksi untuk mengubahnya)"), False
    return str(teks), True


def _realisasi_tersimpan(perjanjian: PerjanjianKinerja, triwulan: int) -> dict[int, dict]:
    return {
        r["indikator_id"]: r
        for r in Realisasi.objects.filter(
            indikator__sasaran__perjanjian=perjanjian, triwulan=triwulan
        ).values(
            "indikator_id",
            "nilai",
            "predikat",
            "kendala",
            "upaya",
            "status",
            "otomatis",
            "sumber_otomatis",
            "catatan_verifikasi",
            "diperbarui_pada",
        )
    }


def tulis_realisasi(perjanjian: PerjanjianKinerja, triwulan: int, hari_ini: date | None = None) -> bytes:
    """The XLSX template of a PK's triwulan realisasi, filled with what is stored."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from kinerja.monitoring.ringkasan import pantau_pk

    data = pantau_pk(perjanjian, hari_ini)
    keadaan = data.keadaan[triwulan - 1]
    tersimpan = _realisasi_tersimpan(perjanjian, triwulan)
    kolom = _kolom_realisasi(triwulan)
    buku = _Buku()
    ws = buku.wb.active
    ws.title = _("Realisasi")
    nama_tw = _("Triwulan %s") % pantau.ROMAWI[triwulan]
    buku.judul(
        ws,
        3,
        [
            _("REALISASI KINERJA %(tw)s TAHUN %(tahun)s")
            % {"tw": nama_tw.upper(), "tahun": perjanjian.tahun},
            str(perjanjian),
            _(
                "Tenggat %(tenggat)s. Isi hanya sel berwarna kuning, lalu unggah berkas ini di halaman triwulan; "
                "baca lembar Petunjuk."
            )
            % {"tenggat": format_tanggal(keadaan.tenggat)},
        ],
    )
    buku.kepala(ws, kolom)
    validasi: dict[str, Any] = {}
    nomor = BARIS_KEPALA
    for s in data.sasaran:
        for b in s.indikator:
            nomor += 1
            r = tersimpan.get(b.id)
            status, terbuka = _status_realisasi(r, keadaan.koreksi_terbuka)
            sel = b.sel[triwulan - 1]
            if b.spek.predikat:
                target: object = b.spek.target_predikat
                realisasi: object = sel.predikat
            else:
                target, realisasi = sel.target, sel.nilai
            c = buku.baris(
                ws,
                nomor,
                kolom,
                {
                    "id": b.id,
                    "versi": versi(r["diperbarui_pada"]) if r else "",
                    "no": nomor - BARIS_KEPALA,
                    "sasaran": s.uraian,
                    "indikator": b.uraian,
                    "satuan": b.satuan,
                    "target": target,
                    "realisasi": realisasi,
                    "kendala": r["kendala"] if r else "",
                    "upaya": r["upaya"] if r else "",
                    "status": status,
                },
                terbuka,
            )
            pilihan = dc.pilihan_predikat(b.spek.target_predikat) if b.spek.predikat else []
            if pilihan and terbuka:
                kunci = ",".join(pilihan)
                if kunci not in validasi:
                    dv = DataValidation(type="list", formula1=f'"{kunci}"', allow_blank=True)
                    dv.errorTitle = _("Predikat tidak dikenal")
                    dv.error = _("Pilih salah satu: %s") % ", ".join(pilihan)
                    dv.promptTitle = _("Realisasi (predikat)")
                    dv.prompt = _("Pilih predikat dari daftar.")
                    dv.showErrorMessage = dv.showInputMessage = True
                    ws.add_data_validation(dv)
                    validasi[kunci] = dv
                validasi[kunci].add(c["realisasi"])
    buku.lindungi(ws)
    buku.petunjuk(
        _("Petunjuk pengisian lembar realisasi"),
        [
            _(
                "Isi hanya sel berwarna kuning: Realisasi, Kendala, serta Upaya dan tindak lanjut. Sel lain "
                "dikunci (lembar dilindungi tanpa kata sandi)."
            ),
            _(
                "Realisasi berupa angka: desimal dengan koma atau titik (80,33 atau 80.33), pemisah ribuan "
                "dengan titik (1.234,5); tanda % boleh ditulis. Lebih dari 4 angka desimal dibulatkan."
            ),
            _(
                "Indikator yang targetnya predikat (mis. BB, WTP, Baik): pilih predikat dari daftar pada sel "
                "Realisasi."
            ),
            _(
                "Sel yang dikosongkan menghapus isian yang tersimpan ketika berkas diunggah; baris yang tidak "
                "diubah dilewati."
            ),
            _(
                "Baris otomatis (nilai dari catatan lain, mis. IKM) dan baris yang sudah terverifikasi tidak "
                "diubah oleh unggahan; realisasi terverifikasi diubah lewat permintaan koreksi."
            ),
            _(
                "Jangan menambah, menghapus atau memindahkan baris dan kolom: kolom tersembunyi menghubungkan "
                "setiap baris dengan indikatornya. Satu baris, satu indikator."
            ),
            _(
                "Unggah berkas ini di halaman triwulan (Unggah lembar). Anda melihat pratinjau lebih dulu: "
                "baris yang salah ditunjukkan dengan nomor baris dan kolomnya. Tidak ada yang disimpan sebelum "
                "Anda menekan Simpan, dan bila satu baris ditolak, tidak ada baris yang disimpan."
            ),
            _(
                "Nilai yang tampak tidak wajar (mis. salah letak koma) diberi peringatan. Bila sudah benar, "
                "centang “Nilai yang diberi peringatan sudah saya periksa” sebelum menyimpan."
            ),
            _(
                "Bila realisasi sebuah indikator diubah di aplikasi sesudah berkas ini diunduh, baris itu "
                "ditolak: unduh lembar baru agar tidak menimpa isian orang lain."
            ),
            _(
                "Bukti dukung (PDF, foto) diunggah di halaman triwulan, tidak lewat lembar ini. Realisasi "
                "tersimpan sebagai draf; ajukan ke verifikator di halaman triwulan."
            ),
            _("Berkas .xlsx paling besar 2 MB dan paling banyak 2.000 baris."),
        ],
    )
    buku.meta(
        {
            "jenis": "realisasi",
            "perjanjian": perjanjian.pk,
            "triwulan": triwulan,
            "dibuat": timezone.now().isoformat(),
        },
        kolom,
    )
    buku.wb.active = 0
    return buku.simpan()


def _kolom_rencana() -> tuple[_Kolom, ...]:
    return (
        _Kolom("id", _("ID"), 8, tersembunyi=True),
        _Kolom("no", pgettext("nomor urut", "No"), 5),
        _Kolom("sasaran", _("Sasaran"), 34),
        _Kolom("indikator", _("Indikator"), 40),
        _Kolom("satuan", _("Satuan"), 12),
        _Kolom("target", _("Target tahun"), 14),
        *(
            _Kolom(f"target_tw{n}", _("Target TW %s") % pantau.ROMAWI[n], 12, masukan=True)
            for n in pantau.TRIWULAN
        ),
        _Kolom("sifat_target", _("Sifat target"), 14, masukan=True),
        _Kolom("konsolidasi", _("Konsolidasi"), 14, masukan=True),
        _Kolom("aksi", _("Rencana aksi"), 50, masukan=True),
    )


def tulis_rencana(perjanjian: PerjanjianKinerja) -> bytes:
    """The XLSX template of a PK's rencana aksi: triwulan targets, how they add up, the actions."""
    from openpyxl.worksheet.datavalidation import DataValidation

    indikator, _jalur = layanan.indikator_berjalur(perjanjian)
    rencana = {
        r.indikator_id: r for r in RencanaIndikator.objects.filter(indikator__in=[i.pk for i in indikator])
    }
    kolom = _kolom_rencana()
    buku = _Buku()
    ws = buku.wb.active
    ws.title = _("Rencana aksi")
    buku.judul(
        ws,
        2,
        [
            _("RENCANA AKSI TAHUN %s") % perjanjian.tahun,
            str(perjanjian),
            _(
                "Isi hanya sel berwarna kuning, lalu unggah berkas ini di halaman rencana aksi; baca lembar Petunjuk."
            ),
        ],
    )
    buku.kepala(ws, kolom)
    dv_sifat = DataValidation(type="list", formula1='"kumulatif,triwulanan"', allow_blank=True)
    dv_konsolidasi = DataValidation(type="list", formula1='"terakhir,jumlah,rata_rata"', allow_blank=True)
    for dv in (dv_sifat, dv_konsolidasi):
        dv.showErrorMessage = True
        dv.errorTitle = _("Pilihan tidak dikenal")
        dv.error = _("Pilih dari daftar.")
        ws.add_data_validation(dv)
    nomor = BARIS_KEPALA
    for i in indikator:
        nomor += 1
        r = rencana.get(i.pk)
        predikat = i.target_nilai is None and bool((i.target_predikat or "").strip())
        nilai: dict[str, Any] = {
            "id": i.pk,
            "no": nomor - BARIS_KEPALA,
            "sasaran": i.sasaran.uraian,
            "indikator": i.uraian,
            "satuan": i.satuan or "",
            "target": i.target_teks,
            "sifat_target": r.sifat_target if r else RencanaIndikator.Sifat.KUMULATIF.value,
            "konsolidasi": r.konsolidasi if r else RencanaIndikator.Konsolidasi.TERAKHIR.value,
            "aksi": r.aksi if r else "",
        }
        for n in pantau.TRIWULAN:
            nilai[f"target_tw{n}"] = getattr(r, f"target_tw{n}") if r else None
        # A predicate has no triwulan targets in numbers: those cells stay locked.
        terkunci = [f"target_tw{n}" for n in pantau.TRIWULAN] if predikat else []
        c = buku.baris(ws, nomor, kolom, nilai, True, terkunci)
        dv_sifat.add(c["sifat_target"])
        dv_konsolidasi.add(c["konsolidasi"])
    buku.lindungi(ws)
    buku.petunjuk(
        _("Petunjuk pengisian lembar rencana aksi"),
        [
            _("Isi hanya sel berwarna kuning: target TW I–IV, sifat target, konsolidasi dan rencana aksi."),
            _(
                "Target triwulan berupa angka (desimal dengan koma atau titik; tanda % boleh ditulis). Kosongkan "
                "triwulan yang tidak direncanakan: capaiannya dibandingkan dengan target tahun."
            ),
            _(
                "Sifat target: kumulatif (target TW IV sama dengan target tahun; setiap target triwulan adalah "
                "target sampai triwulan itu) atau triwulanan (target masing-masing triwulan)."
            ),
            _(
                "Konsolidasi: bagaimana realisasi triwulan dijumlahkan menjadi realisasi sampai triwulan itu — "
                "terakhir (nilai triwulan terakhir), jumlah, atau rata_rata."
            ),
            _(
                "Indikator yang targetnya predikat tidak mempunyai target triwulan berupa angka (sel dikunci)."
            ),
            _(
                "Jangan menambah, menghapus atau memindahkan baris dan kolom: kolom tersembunyi menghubungkan "
                "setiap baris dengan indikatornya."
            ),
            _(
                "Unggah berkas ini di halaman rencana aksi (Unggah lembar). Anda melihat pratinjau lebih dulu; "
                "tidak ada yang disimpan sebelum Anda menekan Simpan, dan bila satu baris ditolak, tidak ada "
                "baris yang disimpan."
            ),
            _("Berkas .xlsx paling besar 2 MB dan paling banyak 2.000 baris."),
        ],
    )
    buku.meta({"jenis": "rencana", "perjanjian": perjanjian.pk, "dibuat": timezone.now().isoformat()}, kolom)
    buku.wb.active = 0
    return buku.simpan()


# ---------------------------------------------------------------------------------------------------
# Reading an upload
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Baris:
    nomor: int
    sel: dict[str, Any]  # key → (value, number format)


@dataclass
class _Bacaan:
    meta: dict[str, str]
    judul: dict[str, str]  # key → the column's title as the sheet shows it
    baris: list[_Baris]


def _buka(isi: bytes, nama: str):
    from openpyxl import load_workbook

    if len(isi) > BATAS_UKURAN:
        raise LembarError(_("Berkas “%s” lebih dari 2 MB.") % nama)
    if not isi:
        raise LembarError(_("Berkas “%s” kosong.") % nama)
    if isi[:4] == b"\xd0\xcf\x11\xe0":
        raise LembarError(
            _(
                "“%s” berformat Excel lama (.xls) atau dikunci dengan kata sandi: buka di Excel atau LibreOffice, "
                "buang kata sandinya, lalu simpan sebagai .xlsx."
            )
            % nama
        )
    if not isi.startswith(b"PK\x03\x04"):
        raise LembarError(
            _(
                "“%s” bukan berkas XLSX: unggah lembar .xlsx yang diunduh dari halaman ini (CSV tidak diterima)."
            )
            % nama
        )
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as zf:
            terbuka = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise LembarError(_("“%s” bukan berkas XLSX yang utuh (rusak atau terpotong).") % nama) from None
    if terbuka > BATAS_TERBUKA:
        raise LembarError(_("“%s” terlalu besar setelah dibuka; unggah lembar templat saja.") % nama)
    try:
        return load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged or foreign file: all mean the same here
        raise LembarError(
            _("“%s” tidak dapat dibuka sebagai XLSX (rusak, terkunci sandi, atau bukan XLSX).") % nama
        ) from None


def _baca(isi: bytes, nama: str, jenis: str) -> _Bacaan:
    """The template's rows: read once, at most `BATAS_BARIS` rows and `BATAS_KOLOM` columns."""
    wb = _buka(isi, nama)
    try:
        return _baca_buku(wb, nama, jenis)
    except LembarError:
        raise
    except Exception:  # a damaged sheet is found only while it is read (read-only mode is lazy)
        raise LembarError(_("“%s” tidak dapat dibaca sampai akhir (berkas rusak).") % nama) from None
    finally:
        wb.close()


def _bukan_templat(nama: str) -> LembarError:
    return LembarError(
        _(
            "“%s” bukan lembar templat kinerja: unduh templat dari halaman ini, isi, lalu unggah berkas itu "
            "(jangan menyalin isinya ke buku kerja lain)."
        )
        % nama
    )


def _baca_buku(wb, nama: str, jenis: str) -> _Bacaan:
    if LEMBAR_META not in wb.sheetnames:
        raise _bukan_templat(nama)
    meta: dict[str, str] = {}
    for row in wb[LEMBAR_META].iter_rows(min_row=1, max_row=100, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    if meta.get("jenis") not in ("realisasi", "rencana"):
        raise _bukan_templat(nama)
    if meta["jenis"] != jenis:
        raise LembarError(
            _("“%(nama)s” adalah lembar %(ada)s, bukan lembar %(jenis)s.")
            % {"nama": nama, "ada": _jenis(meta["jenis"]), "jenis": _jenis(jenis)}
        )
    kolom: dict[str, int] = {}
    for k, v in meta.items():
        if k.startswith("kolom:") and v.isdigit() and 1 <= int(v) <= BATAS_KOLOM:
            kolom[k.removeprefix("kolom:")] = int(v)
    kepala = int(meta["baris_kepala"]) if meta.get("baris_kepala", "").isdigit() else BARIS_KEPALA
    if "id" not in kolom or not 1 <= kepala <= 20:
        raise _bukan_templat(nama)
    nama_lembar = meta.get("lembar", "")
    ws = wb[nama_lembar] if nama_lembar in wb.sheetnames else wb.worksheets[0]
    lebar = max(kolom.values())
    judul: dict[str, str] = {}
    baris: list[_Baris] = []
    for nomor, row in enumerate(ws.iter_rows(min_row=1, max_row=BATAS_BARIS + 1, max_col=lebar), start=1):
        sel = {
            k: (row[i - 1].value, row[i - 1].number_format) if i <= len(row) else (None, None)
            for k, i in kolom.items()
        }
        if nomor == kepala:
            judul = {k: " ".join(str(v[0] or "").split()) or k for k, v in sel.items()}
            continue
        if nomor < kepala or all(
            v[0] is None or (isinstance(v[0], str) and not v[0].strip()) for v in sel.values()
        ):
            continue
        if nomor > BATAS_BARIS:
            raise LembarError(
                _("Lembar “%(lembar)s” di “%(nama)s” berisi lebih dari %(n)s baris.")
                % {"lembar": ws.title, "nama": nama, "n": format_angka(Decimal(BATAS_BARIS), 0)}
            )
        baris.append(_Baris(nomor, sel))
    return _Bacaan(meta, judul, baris)


def _jenis(jenis: str) -> str:
    return _("realisasi") if jenis == "realisasi" else _("rencana aksi")


def _galat_sel(nomor: int, judul: str, pesan: str) -> str:
    return _("Baris %(baris)s, kolom %(kolom)s: %(pesan)s") % {"baris": nomor, "kolom": judul, "pesan": pesan}


def _galat_baris(nomor: int, pesan: str) -> str:
    return _("Baris %(baris)s: %(pesan)s") % {"baris": nomor, "pesan": pesan}


def _cek_milik(bacaan: _Bacaan, nama: str, perjanjian: PerjanjianKinerja, triwulan: int | None) -> None:
    if bacaan.meta.get("perjanjian") != str(perjanjian.pk):
        lain = bacaan.meta.get("perjanjian", "?")
        raise LembarError(
            _(
                "“%(nama)s” adalah lembar PK lain (nomor %(lain)s), bukan %(pk)s: unduh lembar dari halaman PK ini."
            )
            % {"nama": nama, "lain": lain, "pk": perjanjian}
        )
    if triwulan is not None and bacaan.meta.get("triwulan") != str(triwulan):
        lain = bacaan.meta.get("triwulan", "")
        tw = pantau.ROMAWI.get(int(lain), lain) if lain.isdigit() else lain
        raise LembarError(
            _("“%(nama)s” adalah lembar Triwulan %(lain)s, bukan Triwulan %(tw)s.")
            % {"nama": nama, "lain": tw or "?", "tw": pantau.ROMAWI[triwulan]}
        )


def _indikator_baris(
    b: _Baris, judul: dict[str, str], indikator: dict[int, Indikator], terlihat: dict[int, int]
) -> tuple[BarisPratinjau, Indikator | None]:
    """The row's indikator from the hidden id column (a row of this PK, once)."""
    hasil = BarisPratinjau(baris=b.nomor)
    nilai = b.sel["id"][0]
    ident = (
        int(nilai)
        if isinstance(nilai, (int, float)) and not isinstance(nilai, bool) and nilai == int(nilai)
        else None
    )
    if ident is None and isinstance(nilai, str) and nilai.strip().isdigit():
        ident = int(nilai.strip())
    if ident is None:
        hasil.galat.append(
            _galat_baris(
                b.nomor,
                _("baris ini tidak berasal dari templat (kolom %s kosong atau diubah); hapus baris itu.")
                % judul.get("id", "ID"),
            )
        )
        return hasil, None
    ind = indikator.get(ident)
    if ind is None:
        hasil.galat.append(_galat_baris(b.nomor, _("indikator nomor %s bukan bagian PK ini.") % ident))
        return hasil, None
    hasil.indikator_id, hasil.indikator = ind.pk, ind.uraian
    if ident in terlihat:
        hasil.galat.append(
            _galat_baris(
                b.nomor,
                _("indikator ini sudah ada di baris %s; satu indikator satu baris.") % terlihat[ident],
            )
        )
        return hasil, None
    terlihat[ident] = b.nomor
    return hasil, ind


def _ubah(hasil: BarisPratinjau, judul: str, lama: str, baru: str) -> None:
    if lama != baru:
        hasil.perubahan.append({"kolom": judul, "lama": lama or "–", "baru": baru or "–"})


def _sha(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


# ---------------------------------------------------------------------------------------------------
# Realisasi
# ---------------------------------------------------------------------------------------------------


def pratinjau_realisasi(
    perjanjian: PerjanjianKinerja, triwulan: int, oleh, isi: bytes, nama: str, *, hari_ini: date | None = None
) -> Pratinjau:
    """Read an uploaded realisasi sheet and try every changed row through `layanan.simpan_realisasi`
    (rolled back): the rows, their errors and plausibility warnings. Raises `LembarError` when the file
    is unusable as a whole."""
    if perjanjian.status not in layanan.STATUS_DIPANTAU:
        raise LembarError(
            _(
                "Perjanjian Kinerja ini berstatus %s: realisasi hanya diisi untuk PK yang sudah ditandatangani atau diterbitkan."
            )
            % perjanjian.get_status_display()
        )
    keadaan = layanan.keadaan_triwulan(perjanjian, triwulan, hari_ini)
    if not keadaan.dimulai:
        raise LembarError(
            _("Triwulan %(tw)s %(tahun)s belum dimulai: realisasinya belum dapat diisi.")
            % {"tw": pantau.ROMAWI[triwulan], "tahun": perjanjian.tahun}
        )
    bacaan = _baca(isi, nama, "realisasi")
    _cek_milik(bacaan, nama, perjanjian, triwulan)
    for k in ("realisasi", "kendala", "upaya", "versi"):
        if k not in bacaan.judul:
            raise _bukan_templat(nama)
    indikator = {
        i.pk: i for i in Indikator.objects.filter(sasaran__perjanjian=perjanjian).select_related("sasaran")
    }
    rencana = {r.indikator_id: r for r in RencanaIndikator.objects.filter(indikator_id__in=list(indikator))}
    ada = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(indikator__sasaran__perjanjian=perjanjian, triwulan=triwulan)
    }
    judul = bacaan.judul
    terlihat: dict[int, int] = {}
    hasil: list[BarisPratinjau] = []
    for b in bacaan.baris:
        row, ind = _indikator_baris(b, judul, indikator, terlihat)
        hasil.append(row)
        if ind is None:
            continue
        r = ada.get(ind.pk)
        row.versi = versi(r.diperbarui_pada) if r else ""
        spek = layanan.spesifikasi(ind, rencana.get(ind.pk))
        nilai: Decimal | None = None
        predikat = ""
        try:
            if spek.predikat:
                predikat = " ".join(baca_teks(b.sel["realisasi"][0], 64).split())
                if predikat and not dc.predikat_dikenal(spek.target_predikat, predikat):
                    pilihan = ", ".join(dc.pilihan_predikat(spek.target_predikat)) or "-"
                    raise _SelSalah(
                        _("predikat “%(p)s” tidak dikenal untuk target “%(t)s”; pilihan: %(pilihan)s")
                        % {"p": predikat, "t": spek.target_predikat, "pilihan": pilihan}
                    )
            else:
                nilai = baca_angka(*b.sel["realisasi"])
        except _SelSalah as e:
            row.galat.append(_galat_sel(b.nomor, judul["realisasi"], str(e)))
        teks: dict[str, str] = {}
        for k in ("kendala", "upaya"):
            try:
                teks[k] = baca_teks(b.sel[k][0])
            except _SelSalah as e:
                row.galat.append(_galat_sel(b.nomor, judul[k], str(e)))
        if row.galat:
            continue
        row.isian = {
            "nilai": None if nilai is None else str(nilai),
            "predikat": predikat,
            "kendala": teks["kendala"],
            "upaya": teks["upaya"],
        }
        if spek.predikat:
            lama_nilai, baru_nilai = (r.predikat if r else ""), predikat
        else:
            lama_nilai = "" if r is None or r.nilai is None else _tampil(r.nilai)
            baru_nilai = "" if nilai is None else _tampil(nilai)
        _ubah(row, judul["realisasi"], lama_nilai, baru_nilai)
        _ubah(row, judul["kendala"], r.kendala.strip() if r else "", teks["kendala"])
        _ubah(row, judul["upaya"], r.upaya.strip() if r else "", teks["upaya"])
        if spek.predikat:
            sama_nilai = (r.predikat if r else "") == predikat
        else:
            sama_nilai = (r.nilai if r else None) == nilai
        berubah = not sama_nilai or bool(row.perubahan)
        if r is not None and r.otomatis:
            row.keadaan, row.perubahan = "otomatis", []
        elif r is not None and r.status == StatusRealisasi.TERVERIFIKASI and not keadaan.koreksi_terbuka:
            row.keadaan, row.perubahan = "terverifikasi", []
        elif not berubah:
            row.keadaan = "sama" if r is not None else "kosong"
        else:
            row.keadaan = "ubah" if r is not None else "baru"
            versi_lembar = baca_teks(b.sel["versi"][0], 64)
            if versi_lembar != row.versi:
                row.galat.append(
                    _galat_baris(
                        b.nomor,
                        _(
                            "realisasi “%s” diubah di aplikasi sesudah lembar ini diunduh; unduh lembar baru "
                            "agar tidak menimpa isian itu."
                        )
                        % _teks_ringkas(ind.uraian),
                    )
                )
    _coba(
        hasil, lambda row: _simpan_satu_realisasi(row, indikator, perjanjian, triwulan, oleh, False, hari_ini)
    )
    return Pratinjau(
        jenis="realisasi",
        perjanjian_id=perjanjian.pk,
        triwulan=triwulan,
        nama_berkas=nama[:255],
        sha256=_sha(isi),
        dibuat=timezone.now().isoformat(),
        baris=hasil,
    )


def _simpan_satu_realisasi(
    row: BarisPratinjau,
    indikator: dict[int, Indikator],
    perjanjian: PerjanjianKinerja,
    triwulan: int,
    oleh,
    akui: bool,
    hari_ini: date | None,
) -> None:
    isian = row.isian
    layanan.simpan_realisasi(
        indikator[row.indikator_id],  # type: ignore[index]
        triwulan,
        oleh,
        nilai=None if isian["nilai"] is None else Decimal(isian["nilai"]),
        predikat=isian["predikat"],
        kendala=isian["kendala"],
        upaya=isian["upaya"],
        akui=akui,
        hari_ini=hari_ini,
    )


def _coba(hasil: Sequence[BarisPratinjau], simpan) -> None:
    """Try each changed row through its service in a transaction that is rolled back: the service's
    refusals become the row's errors, its plausibility warnings the row's warnings."""
    try:
        with transaction.atomic():
            for row in hasil:
                if not row.disimpan or row.galat:
                    continue
                try:
                    with transaction.atomic():
                        simpan(row)
                except layanan.PeringatanKewajaran as e:
                    row.peringatan = [{"kode": p.kode, "pesan": p.pesan} for p in e.peringatan]
                except Ditolak as e:
                    row.galat.append(_galat_baris(row.baris, e.pesan))
                except ValidationError as e:
                    row.galat.append(_galat_baris(row.baris, " ".join(e.messages)))
            raise _Batal
    except _Batal:
        pass


# ---------------------------------------------------------------------------------------------------
# Rencana aksi
# ---------------------------------------------------------------------------------------------------


def _pilih(teks: str, pilihan: dict[str, str]) -> str:
    k = _kunci(teks)
    for awal, nilai in sorted(pilihan.items(), key=lambda x: -len(x[0])):
        if k == awal or k.startswith(awal):
            return nilai
    raise _SelSalah(
        _("“%(teks)s” tidak dikenal; pilihan: %(pilihan)s")
        % {"teks": _teks_ringkas(teks, 40), "pilihan": ", ".join(dict.fromkeys(pilihan.values()))}
    )


def pratinjau_rencana(perjanjian: PerjanjianKinerja, oleh, isi: bytes, nama: str) -> Pratinjau:
    """Read an uploaded rencana aksi sheet and try every changed row through `layanan.simpan_rencana`
    (rolled back)."""
    if perjanjian.status not in (*layanan.STATUS_DIPANTAU, Status.DRAF, Status.DIKEMBALIKAN):
        raise LembarError(
            _("Rencana aksi PK berstatus %s tidak dapat diubah.") % perjanjian.get_status_display()
        )
    bacaan = _baca(isi, nama, "rencana")
    _cek_milik(bacaan, nama, perjanjian, None)
    judul = bacaan.judul
    kolom_tw = [f"target_tw{n}" for n in pantau.TRIWULAN]
    for k in (*kolom_tw, "sifat_target", "konsolidasi", "aksi"):
        if k not in judul:
            raise _bukan_templat(nama)
    indikator = {
        i.pk: i for i in Indikator.objects.filter(sasaran__perjanjian=perjanjian).select_related("sasaran")
    }
    rencana = {r.indikator_id: r for r in RencanaIndikator.objects.filter(indikator_id__in=list(indikator))}
    terlihat: dict[int, int] = {}
    hasil: list[BarisPratinjau] = []
    for b in bacaan.baris:
        row, ind = _indikator_baris(b, judul, indikator, terlihat)
        hasil.append(row)
        if ind is None:
            continue
        r = rencana.get(ind.pk)
        predikat = ind.target_nilai is None and bool((ind.target_predikat or "").strip())
        baru: dict[str, Any] = {}
        for k in kolom_tw:
            try:
                baru[k] = baca_angka(*b.sel[k])
            except _SelSalah as e:
                row.galat.append(_galat_sel(b.nomor, judul[k], str(e)))
                continue
            if predikat and baru[k] is not None:
                row.galat.append(
                    _galat_sel(
                        b.nomor,
                        judul[k],
                        _(
                            "indikator ini bertarget predikat (“%s”): target triwulannya tidak berupa angka; kosongkan selnya."
                        )
                        % ind.target_predikat,
                    )
                )
        for k, pilihan, bawaan in (
            ("sifat_target", SIFAT, RencanaIndikator.Sifat.KUMULATIF.value),
            ("konsolidasi", KONSOLIDASI, RencanaIndikator.Konsolidasi.TERAKHIR.value),
        ):
            try:
                teks = baca_teks(b.sel[k][0], 64)
                baru[k] = _pilih(teks, pilihan) if teks else bawaan
            except _SelSalah as e:
                row.galat.append(_galat_sel(b.nomor, judul[k], str(e)))
        try:
            baru["aksi"] = baca_teks(b.sel["aksi"][0])
        except _SelSalah as e:
            row.galat.append(_galat_sel(b.nomor, judul["aksi"], str(e)))
        if row.galat:
            continue
        row.isian = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in baru.items()}
        lama = {
            "aksi": r.aksi.strip() if r else "",
            "sifat_target": r.sifat_target if r else RencanaIndikator.Sifat.KUMULATIF.value,
            "konsolidasi": r.konsolidasi if r else RencanaIndikator.Konsolidasi.TERAKHIR.value,
            **{k: getattr(r, k) if r else None for k in kolom_tw},
        }
        for k in (*kolom_tw, "sifat_target", "konsolidasi", "aksi"):
            if k in kolom_tw:
                if lama[k] != baru[k]:
                    _ubah(
                        row,
                        judul[k],
                        "" if lama[k] is None else _tampil(lama[k]),
                        "" if baru[k] is None else _tampil(baru[k]),
                    )
            else:
                _ubah(row, judul[k], str(lama[k]), str(baru[k]))
        if not row.perubahan:
            row.keadaan = "sama" if r is not None else "kosong"
        else:
            row.keadaan = "ubah" if r is not None else "baru"
    _coba(hasil, lambda row: _simpan_satu_rencana(row, indikator, oleh))
    return Pratinjau(
        jenis="rencana",
        perjanjian_id=perjanjian.pk,
        triwulan=None,
        nama_berkas=nama[:255],
        sha256=_sha(isi),
        dibuat=timezone.now().isoformat(),
        baris=hasil,
    )


def _simpan_satu_rencana(row: BarisPratinjau, indikator: dict[int, Indikator], oleh) -> None:
    isian = dict(row.isian)
    for n in pantau.TRIWULAN:
        k = f"target_tw{n}"
        isian[k] = None if isian.get(k) is None else Decimal(isian[k])
    layanan.simpan_rencana(indikator[row.indikator_id], oleh, **isian)  # type: ignore[index]


# ---------------------------------------------------------------------------------------------------
# Accepting
# ---------------------------------------------------------------------------------------------------


def simpan_lembar(
    pratinjau: Pratinjau,
    perjanjian: PerjanjianKinerja,
    oleh,
    *,
    akui: bool = False,
    hari_ini: date | None = None,
) -> int:
    """Store every changed row of a preview in one transaction, through the services; returns how many
    rows were stored. `akui` confirms the plausibility warnings the preview showed (only those rows are
    stored with `akui=True`). A refused row raises `GagalBaris` naming it, and nothing is stored."""
    if pratinjau.perjanjian_id != perjanjian.pk:
        raise ValueError("pratinjau untuk PK lain")
    if pratinjau.galat:
        raise IsianKurang(_("Berkas ini masih mengandung baris yang salah; perbaiki lalu unggah lagi."))
    rows = pratinjau.disimpan
    if not rows:
        raise IsianKurang(_("Tidak ada baris yang berubah: tidak ada yang disimpan."))
    indikator = {
        i.pk: i
        for i in Indikator.objects.filter(
            sasaran__perjanjian=perjanjian, pk__in=[b.indikator_id for b in rows]
        )
    }
    tw = pratinjau.triwulan or 0
    sekarang: dict[int, str] = {}
    with transaction.atomic():
        if pratinjau.jenis == "realisasi":
            sekarang = {
                i: versi(v)
                for i, v in Realisasi.objects.filter(
                    indikator__sasaran__perjanjian=perjanjian, triwulan=tw
                ).values_list("indikator_id", "diperbarui_pada")
            }
        for row in rows:
            if row.indikator_id not in indikator:
                raise GagalBaris(
                    row.baris, _galat_baris(row.baris, _("indikatornya sudah tidak ada di PK ini."))
                )
            try:
                if pratinjau.jenis == "realisasi":
                    if sekarang.get(row.indikator_id, "") != row.versi:
                        raise StatusTidakSesuai(
                            _(
                                "realisasi “%s” diubah di aplikasi sesudah pratinjau dibuat; unggah lembar lagi."
                            )
                            % _teks_ringkas(row.indikator)
                        )
                    _simpan_satu_realisasi(
                        row, indikator, perjanjian, tw, oleh, akui and bool(row.peringatan), hari_ini
                    )
                else:
                    _simpan_satu_rencana(row, indikator, oleh)
            except layanan.PeringatanKewajaran as e:
                pesan = "; ".join(f"[{p.kode}] {p.pesan}" for p in e.peringatan)
                raise GagalBaris(
                    row.baris,
                    _galat_baris(
                        row.baris,
                        _("“%(ind)s” diberi peringatan yang belum diperiksa: %(pesan)s")
                        % {"ind": _teks_ringkas(row.indikator), "pesan": pesan},
                    ),
                ) from e
            except Ditolak as e:
                raise GagalBaris(
                    row.baris, _galat_baris(row.baris, f"{_teks_ringkas(row.indikator)}: {e.pesan}")
                ) from e
            except ValidationError as e:
                raise GagalBaris(
                    row.baris,
                    _galat_baris(row.baris, f"{_teks_ringkas(row.indikator)}: {' '.join(e.messages)}"),
                ) from e
    return len(rows)


def ringkas_perubahan(baris: Iterable[BarisPratinjau]) -> dict[str, int]:
    """How many rows of each state (for the page's summary)."""
    hasil: dict[str, int] = {}
    for b in baris:
        k = "galat" if b.galat else b.keadaan
        hasil[k] = hasil.get(k, 0) + 1
    return hasil
