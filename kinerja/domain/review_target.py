"""Review rules PK-TGT: targets, their predicates and units, and what Lampiran 2 says about them.

Predicates are recomputed from the value: IKM mutu by PermenPANRB 14/2017 (docs/formulas.md), SAKIP
predikat by PermenPANRB 88/2021 with the lower bound exclusive (docs/formulas.md). Capaian = realisasi ÷ target ×
100 (docs/formulas.md "Capaian"), judged within the rounding of the printed values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from kinerja.domain.numbers import bulatkan, format_angka
from kinerja.domain.pk import Baseline, Target
from kinerja.domain.pk_text import parse_target
from kinerja.domain.predikat import (
    mutu_ikm,
    mutu_ikm_ni,
    normalise_predikat,
    predikat_sakip,
    rentang_ikm,
    rentang_sakip,
)
from kinerja.domain.review_inti import Draf, Konteks, Lokasi, aturan, teks
from kinerja.domain.review_teks import ANGKA, angka_teks, desimal, kalimat, tepat

__all__ = ["Skala", "skala_indikator", "target_dalam_penjelasan"]

Skala = Literal["ikm", "sakip"]
D = Decimal

# Indicators named for a count or a share are not index values even when they mention IKM/SKM
# ("Persentase hasil SKM yang ditindaklanjuti").
_BUKAN_INDEKS = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:persentase|prosentase|presentase|jumlah|banyaknya|rasio|cakupan|proporsi|tingkat)\b",
    re.IGNORECASE,
)
_IKM = re.compile(r"\bIKM\b|\bSKM\b|kepuasan\s+masyarakat|indeks\s+kepuasan", re.IGNORECASE)
_SAKIP = re.compile(r"\bSAKIP\b|\bAKIP\b|akuntabilitas\s+kinerja", re.IGNORECASE)


def skala_indikator(uraian: str, target: Target | None = None) -> Skala | None:
    """Which predicate table an indicator's target follows: by its name (IKM/kepuasan → IKM, SAKIP/AKIP →
    SAKIP), else by an unambiguous predicate word or code ("BB" → SAKIP, "Kurang Baik" → IKM)."""
    nama = teks(uraian)
    if _BUKAN_INDEKS.match(nama):
        return None
    if _IKM.search(nama):
        return "ikm"
    if _SAKIP.search(nama):
        return "sakip"
    if target is not None and teks(target.predikat):
        kata = normalise_predikat(teks(target.predikat))
        if kata is not None and kata.jenis is not None:
            return kata.jenis
    return None


@dataclass(frozen=True)
class _Harapan:
    kode: str
    label: str
    rentang: str
    peraturan: str


def _harapan(skala: Skala, nilai: Decimal) -> _Harapan | None:
    """The predicate a value must carry, or None when the value is outside the scale."""
    if skala == "ikm":
        if D(25) <= bulatkan(nilai, 2) <= D(100):
            m = mutu_ikm(nilai)
            rentang = f"{format_angka(m.batas_bawah)}–{format_angka(m.batas_atas)}"
        elif D(1) <= nilai <= D(4):
            m = mutu_ikm_ni(nilai)
            rentang = f"{format_angka(m.batas_bawah, 4)}–{format_angka(m.batas_atas, 4)} (skala 1–4)"
        else:
            return None
        return _Harapan(m.mutu, m.kinerja, rentang, "PermenPANRB 14/2017")
    if D(0) <= bulatkan(nilai, 2) <= D(100):
        p = predikat_sakip(nilai)
        bawah = "" if not p.bawah_eksklusif else "lebih dari "
        rentang = f"{bawah}{format_angka(p.batas_bawah)} s.d. {format_angka(p.batas_atas)}"
        return _Harapan(p.kode, p.label, rentang, "PermenPANRB 88/2021")
    return None


def _rentang_tercetak(skala: Skala, predikat: str) -> str | None:
    try:
        if skala == "ikm":
            a, b = rentang_ikm(predikat)
            return f"{format_angka(a)}–{format_angka(b)}"
        a, b = rentang_sakip(predikat)
        return f"lebih dari {format_angka(a)} s.d. {format_angka(b)}"
    except ValueError:
        return None


def _target_l2(teks_target: str | None) -> Target | None:
    t = teks(teks_target).strip()
    return parse_target(t) if t else None


def _target_tempat(k: Konteks) -> Iterator[tuple[str, Target, Lokasi]]:
    """Every printed target with its indicator name and place: Lampiran 1, then Lampiran 2's target cells."""
    for di in k.indikator:
        yield teks(di.indikator.uraian), di.indikator.target, k.lokasi_indikator(di.si, di.ii)
    for pi, p in enumerate(k.pk.penjelasan):
        t = _target_l2(p.target)
        if t is not None:
            yield teks(p.indikator), t, k.lokasi_penjelasan(pi, "target")


@aturan("PK-TGT-001", "galat", "Predikat target tidak sesuai nilainya")
def predikat_salah(k: Konteks) -> Iterator[Draf]:
    """ "88,35 (B)" for an IKM (88,35 is A); "80,00 (A)" for SAKIP (80,00 is BB: the lower bound is exclusive)."""
    for nama, t, lok in _target_tempat(k):
        nilai = desimal(t.nilai)
        pred = teks(t.predikat)
        skala = skala_indikator(nama, t)
        if nilai is None or not pred or skala is None:
            continue
        harap = _harapan(skala, nilai)
        if harap is None or pred in (harap.kode, harap.label):
            continue
        tercetak = teks(t.predikat_tercetak) or pred
        rentang = _rentang_tercetak(skala, pred)
        ubah = f", atau ubah nilai target agar sesuai predikat {pred} ({rentang})" if rentang else ""
        yield Draf(
            pesan=(
                f"Predikat target “{nama}” tidak sesuai nilainya: tertulis “{teks(t.teks)}” ({lok.label}), "
                f"padahal menurut {harap.peraturan} nilai {tepat(nilai)} berpredikat {harap.kode} "
                f"({harap.label}; {harap.rentang})."
            ),
            lokasi=(lok,),
            nilai={
                lok.jalur: teks(t.teks),
                "tercetak": tercetak,
                "seharusnya": f"{harap.kode} ({harap.label})",
            },
            saran=f"Tulis “{tepat(nilai)} ({_kata_serupa(pred, harap)})”{ubah}.",
        )


def _kata_serupa(pred: str, harap: _Harapan) -> str:
    """The right predicate in the printed form (a code for a code, a word for a word)."""
    return harap.kode if re.fullmatch(r"[A-D]{1,2}", pred) else harap.label


@aturan("PK-TGT-002", "peringatan", "Kata predikat salah ketik")
def predikat_salah_ketik(k: Konteks) -> Iterator[Draf]:
    """A predicate word misspelt or misread ("84,00 (Balk)" for "Baik")."""
    for _nama, t, lok in _target_tempat(k):
        salah, benar = teks(t.predikat_tercetak), teks(t.predikat)
        if not salah or not benar:
            continue
        yield Draf(
            pesan=f"Kata predikat “{salah}” pada target “{teks(t.teks)}” ({lok.label}) salah ketik: maksudnya “{benar}”.",
            lokasi=(lok,),
            nilai={lok.jalur: teks(t.teks), "tercetak": salah, "seharusnya": benar},
            saran=(
                f"Ganti “{salah}” dengan “{benar}”. Bila dokumen aslinya sudah benar, kesalahan ini berasal "
                "dari salinan teks/OCR: periksa dokumen yang ditandatangani."
            ),
        )


_KURUNG = re.compile(r"\(([^()]*)\)")
_BUKAN_PREDIKAT = re.compile(
    r"\d|^\s*(?:%|(?:persen|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se(?:belas|ratus|ribu)|indeks|poin|nilai|angka)\b)",
    re.IGNORECASE,
)


@aturan("PK-TGT-003", "peringatan", "Predikat tidak dikenal")
def predikat_tidak_dikenal(k: Konteks) -> Iterator[Draf]:
    """An IKM/SAKIP target whose predicate word is none of the table's ("84,00 (Bagus)")."""
    for nama, t, lok in _target_tempat(k):
        skala = skala_indikator(nama, t)
        if skala is None or teks(t.predikat):
            continue
        kata = [m.group(1).strip() for m in _KURUNG.finditer(teks(t.teks)) if m.group(1).strip()]
        if (
            desimal(t.nilai) is None
            and not kata
            and teks(t.teks).strip()
            and not re.search(r"\d", teks(t.teks))
        ):
            kata = [teks(t.teks).strip()]
        for w in kata:
            if _BUKAN_PREDIKAT.search(w) or normalise_predikat(w) is not None:
                continue
            daftar = (
                "A, B, C, D atau Sangat Baik, Baik, Kurang Baik, Tidak Baik (PermenPANRB 14/2017)"
                if skala == "ikm"
                else "AA, A, BB, B, CC, C, D atau labelnya (PermenPANRB 88/2021)"
            )
            yield Draf(
                pesan=f"Predikat “{w}” pada target “{teks(t.teks)}” ({lok.label}) tidak dikenal.",
                lokasi=(lok,),
                nilai={lok.jalur: teks(t.teks), "tercetak": w},
                saran=f"Gunakan predikat baku: {daftar}.",
            )


_PERSENTASE = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:persentase|prosentase|presentase)\b", re.IGNORECASE)
_JUMLAH = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:jumlah|banyaknya)\b", re.IGNORECASE)
_SATUAN_CACAH = re.compile(
    r"^(?:unit|orang|dokumen|kegiatan|laporan|buah|kali|tim|paket|desa|kelurahan|sop|jenis|lokasi|titik|"
    r"lembaga|kelompok|usulan|berkas|surat|inovasi|sekolah|rumah|keluarga|kk|jiwa|pelaku|peserta|aplikasi)\b",
    re.IGNORECASE,
)


@aturan("PK-TGT-004", "peringatan", "Satuan target tidak sesuai nama indikator")
def satuan_tidak_sesuai(k: Konteks) -> Iterator[Draf]:
    """ "Persentase …" with a target that is not a percentage; "Jumlah …" with a percentage or a fraction
    of a countable unit."""
    for di in k.indikator:
        nama, t = teks(di.indikator.uraian), di.indikator.target
        nilai, satuan = desimal(t.nilai), teks(t.satuan)
        lok = k.lokasi_indikator(di.si, di.ii)
        alasan = ""
        if _PERSENTASE.match(nama):
            if satuan and satuan != "%":
                alasan = f"indikator persentase bertarget dalam satuan “{satuan}”"
            elif nilai is None and teks(t.teks).strip():
                alasan = "indikator persentase bertarget bukan angka persen"
            saran = f"Tulis target dalam persen (mis. “{tepat(nilai) if nilai is not None else '100'}%”) atau ganti nama indikator menjadi “Jumlah …” bila yang diukur adalah banyaknya."
        elif _JUMLAH.match(nama):
            if satuan == "%":
                alasan = "indikator jumlah bertarget persen"
                saran = "Tulis target sebagai banyaknya dengan satuannya (mis. “8 unit”) atau ganti nama indikator menjadi “Persentase …”."
            elif nilai is not None and nilai != nilai.to_integral_value() and _SATUAN_CACAH.match(satuan):
                alasan = f"jumlah {satuan} harus bilangan bulat"
                saran = f"Tulis target {satuan} sebagai bilangan bulat."
        if not alasan:
            continue
        yield Draf(
            pesan=f"Target “{teks(t.teks)}” untuk “{nama}” ({lok.label}): {alasan}.",
            lokasi=(lok,),
            nilai={lok.jalur: teks(t.teks)},
            saran=saran,
        )


@aturan("PK-TGT-005", "info", "Target jumlah tanpa satuan")
def jumlah_tanpa_satuan(k: Konteks) -> Iterator[Draf]:
    """ "Jumlah …" with a bare number: the unit (unit, orang, dokumen …) is part of the target."""
    for di in k.indikator:
        nama, t = teks(di.indikator.uraian), di.indikator.target
        if _JUMLAH.match(nama) and desimal(t.nilai) is not None and not teks(t.satuan):
            lok = k.lokasi_indikator(di.si, di.ii)
            yield Draf(
                pesan=f"Target “{teks(t.teks)}” untuk “{nama}” ({lok.label}) tidak menyebut satuan.",
                lokasi=(lok,),
                nilai={lok.jalur: teks(t.teks)},
                saran=f"Tambahkan satuan yang dihitung, mis. “{teks(t.teks)} unit” atau “{teks(t.teks)} dokumen”.",
            )


_TIDAK_TERBATAS = re.compile(
    r"\b(?:peningkatan|pertumbuhan|kenaikan|penurunan|perubahan|laju|capaian|realisasi|rasio)\b",
    re.IGNORECASE,
)


@aturan("PK-TGT-006", "galat", "Persentase lebih dari 100")
def persen_lebih_100(k: Konteks) -> Iterator[Draf]:
    """ "Persentase X yang Y" is a share of X and cannot exceed 100% (a growth or a capaian can)."""
    for di in k.indikator:
        nama, t = teks(di.indikator.uraian), di.indikator.target
        nilai = desimal(t.nilai)
        if (
            nilai is None
            or nilai <= 100
            or teks(t.satuan) not in ("", "%")
            or not _PERSENTASE.match(nama)
            or not re.search(r"\byang\b", nama, re.IGNORECASE)
            or _TIDAK_TERBATAS.search(nama)
        ):
            continue
        lok = k.lokasi_indikator(di.si, di.ii)
        yield Draf(
            pesan=f"Target “{teks(t.teks)}” untuk “{nama}” ({lok.label}) lebih dari 100%: bagian dari keseluruhan paling banyak 100%.",
            lokasi=(lok,),
            nilai={lok.jalur: teks(t.teks)},
            saran="Periksa target (salah ketik?) atau rumus indikatornya; sebuah persentase bagian tidak dapat melebihi 100%.",
        )


# Names of a part against its whole, beside "Persentase X yang Y" (PK-TGT-006): "Persentase SDM
# perencana terhadap kebutuhan ideal", "Persentase pelayanan sesuai standar", "Proporsi …", "Rasio …
# terhadap …". Ratios may exceed 100 (spending against income), so these are only a peringatan.
_PROPORSI = re.compile(r"^\s*(?:\d+[.)]\s*)?proporsi\b", re.IGNORECASE)
_RASIO_TERHADAP = re.compile(r"^\s*(?:\d+[.)]\s*)?rasio\b.*\bterhadap\b", re.IGNORECASE)
_TUMBUH = re.compile(
    r"\b(?:peningkatan|pertumbuhan|kenaikan|penurunan|perubahan|laju|capaian|realisasi)\b", re.IGNORECASE
)


@aturan("PK-TGT-013", "peringatan", "Bagian dari keseluruhan lebih dari 100%")
def bagian_lebih_100(k: Konteks) -> Iterator[Draf]:
    """A part of a whole named otherwise than "Persentase X yang Y" (which PK-TGT-006 judges) above 100%:
    "Persentase X terhadap Y", "Persentase X sesuai Y", "Proporsi …", "Rasio … terhadap …"."""
    for di in k.indikator:
        nama, t = teks(di.indikator.uraian), di.indikator.target
        nilai = desimal(t.nilai)
        if nilai is None or nilai <= 100 or teks(t.satuan).casefold() not in ("", "%", "persen"):
            continue
        persentase = bool(_PERSENTASE.match(nama)) and not re.search(r"\byang\b", nama, re.IGNORECASE)
        if not (persentase or _PROPORSI.match(nama) or _RASIO_TERHADAP.match(nama)) or _TUMBUH.search(nama):
            continue
        lok = k.lokasi_indikator(di.si, di.ii)
        yield Draf(
            pesan=f"Target “{teks(t.teks)}” untuk “{nama}” ({lok.label}) lebih dari 100%, padahal namanya "
            "menyebut bagian dari suatu keseluruhan.",
            lokasi=(lok,),
            nilai={lok.jalur: teks(t.teks)},
            saran="Periksa targetnya (salah ketik?) atau ubah nama indikator bila memang bukan bagian dari "
            "keseluruhan (mis. pertumbuhan).",
        )


# --- Lampiran 2: the target stated in the explanation ---------------------------------------------------

# "menargetkan": meN- drops the t of "target".
_KATA_TARGET = re.compile(r"\b(?:target(?:kan|nya)?|ditargetkan|menargetkan|mentargetkan)\b", re.IGNORECASE)
_PENGHUBUNG = re.compile(
    r"\b(?:yaitu|yakni|sebesar|adalah|senilai|mencapai|menjadi|dengan\s+nilai|pada\s+angka)\s*[:=]?\s*("
    + ANGKA
    + ")"
    r"|[:=]\s*(" + ANGKA + ")",
    re.IGNORECASE,
)
_LAMPAU = re.compile(r"sebelum|tahun\s+lalu|\blalu\b", re.IGNORECASE)
_TAHUN = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass(frozen=True)
class TargetTeks:
    """A target value stated in the explanation's running text."""

    nilai: Decimal
    tercetak: str
    kalimat: str
    semua: tuple[Decimal, ...] = ()  # every number the sentence gives after the target word


_ANGKA_RE = re.compile(ANGKA)


def target_dalam_penjelasan(
    teks_penjelasan: str | None, tahun: int | None, indikator: str | None = None
) -> TargetTeks | None:
    """The target of the PK's year stated in a penjelasan ("menargetkan Nilai SAKIP yaitu 74,50"):
    the first number after a target word and a linking word, in a sentence about this year. Numbers
    inside the indicator's own name ("… golongan 3") and years are not targets."""
    for kal in kalimat(teks_penjelasan):
        if _LAMPAU.search(kal):
            continue
        tahun_disebut = [int(y) for y in _TAHUN.findall(kal)]
        if tahun is not None and any(y < tahun for y in tahun_disebut):
            continue
        m = _KATA_TARGET.search(kal)
        if m is None:
            continue
        bersih = kal
        if teks(indikator).strip():
            bersih = re.sub(
                re.escape(teks(indikator).strip()), lambda x: " " * len(x.group(0)), kal, flags=re.I
            )
        semua = tuple(
            n
            for a in _ANGKA_RE.finditer(bersih, m.end())
            if not re.fullmatch(r"(19|20)\d\d", a.group(0)) and (n := angka_teks(a.group(0))) is not None
        )
        for h in _PENGHUBUNG.finditer(bersih, m.end()):
            angka = h.group(1) or h.group(2)
            if re.fullmatch(r"(19|20)\d\d", angka):
                continue
            nilai = angka_teks(angka)
            if nilai is not None:
                return TargetTeks(nilai, angka, kal, semua)
    return None


def _sama_predikat(skala: Skala | None, a: str, b: str) -> bool:
    """ "BB" and "Sangat Baik" are one SAKIP predicate; "B" and "Baik" one IKM mutu."""
    if a == b:
        return True
    if skala == "sakip":
        try:
            return rentang_sakip(a) == rentang_sakip(b)
        except ValueError:
            return False
    if skala == "ikm":
        try:
            return rentang_ikm(a) == rentang_ikm(b)
        except ValueError:
            return False
    return False


def _predikat_dari(t: Target, skala: Skala | None) -> str | None:
    if teks(t.predikat):
        return teks(t.predikat)
    nilai = desimal(t.nilai)
    if skala is None or nilai is None:
        return None
    harap = _harapan(skala, nilai)
    return harap.kode if harap else None


@aturan("PK-TGT-007", "galat", "Target berbeda antara Lampiran 1 dan Lampiran 2")
def target_beda_lampiran(k: Konteks) -> Iterator[Draf]:
    """The same indicator has another target in its explanation (target cell or the text)."""
    for pi, di in k.penjelasan_indikator.items():
        if di is None:
            continue
        p = k.penjelasan(pi)
        t1 = di.indikator.target
        v1 = desimal(t1.nilai)
        lok1 = k.lokasi_indikator(di.si, di.ii)
        skala = skala_indikator(teks(di.indikator.uraian), t1)
        konflik: list[tuple[Lokasi, str, str]] = []  # place, value as printed, how it is quoted
        sel = _target_l2(p.target)
        if sel is not None:
            v2 = desimal(sel.nilai)
            if v2 is not None and v1 is not None and v2 != v1:
                lok = k.lokasi_penjelasan(pi, "target")
                konflik.append((lok, teks(sel.teks), f"{teks(sel.teks)} ({lok.label})"))
            elif v2 is None and teks(sel.predikat):
                p1 = _predikat_dari(t1, skala)
                if p1 is not None and not _sama_predikat(skala, p1, teks(sel.predikat)):
                    lok = k.lokasi_penjelasan(pi, "target")
                    konflik.append((lok, teks(sel.teks), f"{teks(sel.teks)} ({lok.label})"))
        tt = target_dalam_penjelasan(p.penjelasan_target, k.pk.tahun, p.indikator)
        # Conservative: the sentence must not give the table's value anywhere ("3 dokumen yaitu 1 RKT, …").
        if tt is not None and v1 is not None and tt.nilai != v1 and v1 not in tt.semua:
            lok = k.lokasi_penjelasan(pi, "penjelasan_target")
            kutip = tt.kalimat if len(tt.kalimat) <= 160 else tt.kalimat[:157] + "…"
            konflik.append((lok, tt.tercetak, f"{tt.tercetak} ({lok.label}: “{kutip}”)"))
        if not konflik:
            continue
        nama = teks(di.indikator.uraian)
        lain = " dan ".join(q for _, _, q in konflik)
        yield Draf(
            pesan=f"Target “{nama}” berbeda: {teks(t1.teks)} ({lok1.label}) dan {lain}.",
            lokasi=(lok1, *(lok for lok, _, _ in konflik)),
            nilai={lok1.jalur: teks(t1.teks), **{lok.jalur: v for lok, v, _ in konflik}},
            saran=(
                "Tetapkan satu target dan tulis angka yang sama di tabel kinerja (Lampiran 1) dan di "
                "penjelasannya (Lampiran 2); yang mengikat adalah target yang ditandatangani di Lampiran 1."
            ),
        )


# --- the claim "the target rises/falls against last year" -------------------------------------------------

_NAIK = re.compile(
    r"\b(?:meningkat|naik|di\s+atas|lebih\s+tinggi|bertambah|kenaikan|peningkatan)\b", re.IGNORECASE
)
_TURUN = re.compile(r"\b(?:menurun|turun|di\s+bawah|lebih\s+rendah|berkurang|penurunan)\b", re.IGNORECASE)


def _baseline(p_baseline: tuple[Baseline, ...], tahun: int) -> Baseline | None:
    return next((b for b in p_baseline if isinstance(b, Baseline) and b.tahun == tahun), None)


@aturan("PK-TGT-008", "galat", "Arah target tidak sesuai penjelasan")
def arah_target(k: Konteks) -> Iterator[Draf]:
    """The explanation says the target rises ("meningkat", "di atas") or falls ("menurun", "di bawah")
    against a previous year, and the printed numbers say otherwise."""
    for pi, p in enumerate(k.pk.penjelasan):
        di = k.penjelasan_indikator.get(pi)
        for kal in kalimat(p.penjelasan_target):
            naik, turun = _NAIK.search(kal), _TURUN.search(kal)
            arah = naik or turun
            if arah is None or (naik and turun):
                continue
            awal_target = _KATA_TARGET.search(kal)
            if awal_target is None or awal_target.start() > arah.start():
                continue  # the sentence is not about the target
            sisa = kal[arah.end() :]
            if not _LAMPAU.search(sisa) and not _TAHUN.search(sisa):
                continue
            tahun_lalu = next(
                (int(y) for y in _TAHUN.findall(sisa) if k.pk.tahun is None or int(y) < k.pk.tahun), None
            )
            if tahun_lalu is None and k.pk.tahun is not None:
                tahun_lalu = k.pk.tahun - 1
            if tahun_lalu is None:
                continue
            b = _baseline(p.baseline, tahun_lalu)
            if b is None:
                continue
            m_real = re.search(r"\b(?:realisasi|capaian)\b", sisa, re.IGNORECASE)
            m_tgt = re.search(r"\btarget\b", sisa, re.IGNORECASE)
            pakai_realisasi = m_real is not None and (m_tgt is None or m_real.start() < m_tgt.start())
            lalu = desimal(b.realisasi if pakai_realisasi else b.target)
            if lalu is None:
                continue
            kini: list[tuple[Decimal, str, Lokasi]] = []
            if di is not None and desimal(di.indikator.target.nilai) is not None:
                t1 = di.indikator.target
                kini.append((desimal(t1.nilai) or D(0), teks(t1.teks), k.lokasi_indikator(di.si, di.ii)))
            tt = target_dalam_penjelasan(p.penjelasan_target, k.pk.tahun, p.indikator)
            if tt is not None and all(tt.nilai != v for v, _, _ in kini):
                kini.append((tt.nilai, tt.tercetak, k.lokasi_penjelasan(pi, "penjelasan_target")))
            salah = [(v, s, lok) for v, s, lok in kini if (v <= lalu if naik else v >= lalu)]
            if not salah:
                continue
            kata = arah.group(0)
            apa = "realisasi" if pakai_realisasi else "target"
            nama = teks(p.indikator)
            tahun_ini = f" {k.pk.tahun}" if k.pk.tahun else ""
            sebut = " dan ".join(f"{s} ({lok.label})" for _, s, lok in salah)
            banding = "tidak lebih tinggi dari" if naik else "tidak lebih rendah dari"
            lok_teks = k.lokasi_penjelasan(pi, "penjelasan_target")
            kutip = kal if len(kal) <= 200 else kal[:197] + "…"
            yield Draf(
                pesan=(
                    f"Penjelasan target “{nama}” menyebut target “{kata}” dibanding {apa} {tahun_lalu} "
                    f"({tepat(lalu)}), padahal target{tahun_ini} {sebut} {banding} {tepat(lalu)}: “{kutip}”"
                ),
                lokasi=tuple(dict.fromkeys([*(lok for _, _, lok in salah), lok_teks])),
                nilai={
                    **{lok.jalur: s for _, s, lok in salah},
                    lok_teks.jalur: kutip,
                    f"{apa}_{tahun_lalu}": tepat(lalu),
                },
                saran=(
                    f"Perbaiki kalimat penjelasan (mis. “{'menurun' if naik else 'meningkat'} dari {apa} tahun "
                    f"{tahun_lalu} sebesar {tepat(lalu)}”) atau periksa kembali kedua angka target."
                ),
            )
            break


def _setengah(nilai: Decimal) -> Decimal:
    """Half a unit of the last printed digit: 85 -> 0,5; 80,33 -> 0,005."""
    eksponen = nilai.as_tuple().exponent
    return D(1).scaleb(eksponen if isinstance(eksponen, int) else 0) / 2


def _capaian_mungkin(t: Decimal, r: Decimal, c: Decimal) -> bool:
    """Whether a printed capaian fits realisasi ÷ target × 100 (or a negative-polarity formula) for some
    true values that round to the printed ones."""
    dt, dr, dc = _setengah(t), _setengah(r), _setengah(c)
    if t - dt <= 0:
        return True  # a target of (about) zero: no formula applies
    r_bawah, r_atas = max(r - dr, D(0)), r + dr
    rasio_bawah, rasio_atas = r_bawah / (t + dt), r_atas / (t - dt)
    rentang = [
        (rasio_bawah * 100, rasio_atas * 100),  # positive: R/T
        ((2 - rasio_atas) * 100, (2 - rasio_bawah) * 100),  # negative: (2T − R)/T
    ]
    if r_bawah > 0:
        rentang.append(((t - dt) / r_atas * 100, (t + dt) / r_bawah * 100))  # negative: T/R
    return any(a - dc <= c <= b + dc for a, b in rentang)


@aturan("PK-TGT-009", "galat", "Capaian tidak sesuai target dan realisasi")
def capaian_salah(k: Konteks) -> Iterator[Draf]:
    """A previous year's capaian that does not follow from its target and realisasi, allowing for the
    rounding of the printed values."""
    for pi, p in enumerate(k.pk.penjelasan):
        for j, b in enumerate(p.baseline):
            if not isinstance(b, Baseline):
                continue
            t, r, c = desimal(b.target), desimal(b.realisasi), desimal(b.capaian)
            if t is None or r is None or c is None or t <= 0 or r < 0 or _capaian_mungkin(t, r, c):
                continue
            eksponen = c.as_tuple().exponent
            tempat = max(-eksponen, 0) if isinstance(eksponen, int) else 2
            hitung = bulatkan(r / t * 100, tempat)
            lok = Lokasi(
                "lampiran_2",
                f"Lampiran 2, penjelasan “{teks(p.indikator)}”, data tahun {b.tahun}",
                f"penjelasan[{pi}].baseline[{j}]",
                p.baris,
            )
            yield Draf(
                pesan=(
                    f"Capaian “{teks(p.indikator)}” tahun {b.tahun} tertulis {tepat(c)}%, padahal realisasi "
                    f"{tepat(r)} dibanding target {tepat(t)} memberi {tepat(hitung)}% ({lok.label})."
                ),
                lokasi=(lok,),
                nilai={
                    lok.jalur: f"target {tepat(t)}; realisasi {tepat(r)}; capaian {tepat(c)}%",
                    "dihitung": f"{tepat(hitung)}%",
                },
                saran=f"Periksa ketiga angka tahun {b.tahun}: capaian = realisasi ÷ target × 100%.",
            )


@aturan("PK-TGT-010", "info", "Target tahun sebelumnya tersirat dari capaian")
def target_tersirat(k: Konteks) -> Iterator[Draf]:
    """A previous year's target is not stated, but realisasi and capaian imply it (74,15 ÷ 99,87% ⇒ 74,25)."""
    for pi, p in enumerate(k.pk.penjelasan):
        for j, b in enumerate(p.baseline):
            if not isinstance(b, Baseline) or desimal(b.target) is not None:
                continue
            r, c = desimal(b.realisasi), desimal(b.capaian)
            if r is None or c is None or c <= 0:
                continue
            eksponen = r.as_tuple().exponent
            tempat = max(-eksponen if isinstance(eksponen, int) else 2, 2)
            tersirat = bulatkan(r / c * 100, tempat)
            lok = Lokasi(
                "lampiran_2",
                f"Lampiran 2, penjelasan “{teks(p.indikator)}”, data tahun {b.tahun}",
                f"penjelasan[{pi}].baseline[{j}]",
                p.baris,
            )
            yield Draf(
                pesan=(
                    f"Target “{teks(p.indikator)}” tahun {b.tahun} tidak disebut; dari realisasi {tepat(r)} dan "
                    f"capaian {tepat(c)}% target itu {tepat(tersirat)} ({tepat(r)} ÷ {tepat(c)}%)."
                ),
                lokasi=(lok,),
                nilai={
                    f"realisasi_{b.tahun}": tepat(r),
                    f"capaian_{b.tahun}": f"{tepat(c)}%",
                    "tersirat": tepat(tersirat),
                },
                saran=(
                    f"Sebutkan target tahun {b.tahun} ({tepat(tersirat)}) di penjelasan, agar kenaikan atau "
                    "penurunan target dapat diperiksa pembaca."
                ),
            )


@aturan("PK-TGT-011", "galat", "Nilai target di luar skala")
def di_luar_skala(k: Konteks) -> Iterator[Draf]:
    """An IKM target outside 25–100 (or 1–4), a SAKIP score outside 0–100."""
    for nama, t, lok in _target_tempat(k):
        nilai = desimal(t.nilai)
        skala = skala_indikator(nama, t)
        if (
            nilai is None
            or skala is None
            or teks(t.satuan) not in ("",)
            or _harapan(skala, nilai) is not None
        ):
            continue
        rentang = "25–100 (atau 1–4 untuk nilai interval)" if skala == "ikm" else "0–100"
        aturan_ = "PermenPANRB 14/2017" if skala == "ikm" else "PermenPANRB 88/2021"
        yield Draf(
            pesan=f"Target “{teks(t.teks)}” untuk “{nama}” ({lok.label}) di luar skala {rentang} ({aturan_}).",
            lokasi=(lok,),
            nilai={lok.jalur: teks(t.teks)},
            saran=f"Periksa angka target (salah ketik atau skala lain?); nilainya harus dalam rentang {rentang}.",
        )


@aturan("PK-TGT-012", "galat", "Indikator tanpa target")
def tanpa_target(k: Konteks) -> Iterator[Draf]:
    """An indicator of the tabel kinerja with an empty target cell."""
    for di in k.indikator:
        t = di.indikator.target
        if teks(getattr(t, "teks", None)).strip():
            continue
        lok = k.lokasi_indikator(di.si, di.ii)
        yield Draf(
            pesan=f"Indikator “{teks(di.indikator.uraian)}” ({lok.label}) tidak bertarget.",
            lokasi=(lok,),
            nilai={lok.jalur: ""},
            saran="Isi target tahun ini untuk indikator tersebut (PermenPANRB 53/2014: setiap indikator kinerja disertai target).",
        )


@aturan("PK-TGT-014", "peringatan", "Target dua besaran")
def dua_besaran(k: Konteks) -> Iterator[Draf]:
    """A target that starts with a quantity but holds more than one ("27 unit 1 tahun", "1 dokumen, 70
    orang"), so no one value: its capaian cannot be computed (docs/formulas.md: capaian compares one
    realisasi with one target). A category ("WTP", "Paripurna", "Level III") is a target of its own kind."""
    for di in k.indikator:
        t = di.indikator.target
        tercetak = teks(getattr(t, "teks", None)).strip()
        if not re.match(r"\d", tercetak) or desimal(t.nilai) is not None or teks(t.predikat):
            continue
        lok = k.lokasi_indikator(di.si, di.ii)
        yield Draf(
            pesan=(
                f"Target “{tercetak}” untuk “{teks(di.indikator.uraian)}” ({lok.label}) memuat lebih dari satu "
                "besaran: capaiannya tidak dapat dihitung dari satu nilai."
            ),
            lokasi=(lok,),
            nilai={lok.jalur: tercetak},
            saran=(
                "Tulis satu besaran yang diukur indikator (mis. “27 unit”) atau satu predikat; keterangan lain "
                "(jangka waktu, rincian) masuk ke penjelasan di Lampiran 2."
            ),
        )
