"""Review rules PK-TTD: the signatories (names, NIP, jabatan) across the statement and the attachments.

A PK is signed by the official who promises (pihak pertama) and the direct superior (pihak kedua),
on the statement and again on the attachments (PermenPANRB 53/2014, docs/parser.md, “The PK's structure and parties”). The same
person must carry the same name and NIP everywhere; the NIP must be structurally valid (Perka BKN
22/2007, docs/formulas.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kinerja.domain.nip import periksa_nip
from kinerja.domain.predikat import jarak_edit
from kinerja.domain.review_inti import PIHAK_LABEL, Draf, Konteks, Lokasi, aturan, teks
from kinerja.domain.review_teks import kunci, kunci_nama, nama_sejalan

__all__: list[str] = []

_PIHAK = ("pertama", "kedua")


def _pihak(k: Konteks, ke: str) -> object:
    return k.pk.pihak_pertama if ke == "pertama" else k.pk.pihak_kedua


def _tempat(lokasi: list[Lokasi]) -> str:
    return "; ".join(lok.label for lok in lokasi)


def _lain(ke: str) -> str:
    return "kedua" if ke == "pertama" else "pertama"


def _milik_pihak_lain(k: Konteks, ke: str, nama: str) -> bool:
    """A signature block whose name is the *other* party's statement name: a block the reader attached
    to the wrong party, not a second spelling of this one."""
    milik = kunci_nama(teks(getattr(_pihak(k, ke), "nama", None)))
    lain = kunci_nama(teks(getattr(_pihak(k, _lain(ke)), "nama", None)))
    kn = kunci_nama(nama)
    return bool(lain) and kn == lain and kn != milik


def _ejaan_nama(k: Konteks, ke: str) -> list[tuple[str, Lokasi]]:
    """Every printed name of one party with its place: the statement's identity, then the signatures."""
    hasil: list[tuple[str, Lokasi]] = []
    p = _pihak(k, ke)
    nama = teks(getattr(p, "nama", None)).strip()
    if nama:
        hasil.append((nama, k.lokasi_pihak(ke)))
    for i, t in k.ttd(ke):
        if teks(t.nama).strip() and not _milik_pihak_lain(k, ke, teks(t.nama)):
            hasil.append((teks(t.nama).strip(), k.lokasi_ttd(i)))
    return hasil


def _kelompok(ejaan: list[tuple[str, Lokasi]]) -> dict[str, list[Lokasi]]:
    """Places per printed spelling (whitespace collapsed), in document order."""
    hasil: dict[str, list[Lokasi]] = {}
    for nama, lok in ejaan:
        hasil.setdefault(" ".join(nama.split()), []).append(lok)
    return hasil


def _daftar(kelompok: dict[str, list[Lokasi]]) -> str:
    bagian = [f"“{nama}” ({_tempat(lok)})" for nama, lok in kelompok.items()]
    return ", ".join(bagian[:-1]) + " dan " + bagian[-1] if len(bagian) > 1 else bagian[0]


def _nilai(ejaan: list[tuple[str, Lokasi]]) -> dict[str, str]:
    return {lok.jalur: nama for nama, lok in ejaan}


def _terbanyak(kelompok: dict[str, list[Lokasi]]) -> str:
    return max(kelompok.items(), key=lambda kv: len(kv[1]))[0]


@aturan("PK-TTD-001", "galat", "Nama pihak berbeda antarbagian")
def nama_berbeda(k: Konteks) -> Iterator[Draf]:
    """The same party is named differently (not only in gelar, case or punctuation) across parts."""
    for ke in _PIHAK:
        ejaan = [(n, lok) for n, lok in _ejaan_nama(k, ke) if kunci_nama(n)]
        kunci_semua = list(dict.fromkeys(kunci_nama(n) for n, _ in ejaan))
        if len(kunci_semua) < 2 or k.pk.ocr:
            continue  # one spelling; or read by OCR, which misreads names under stamps (PK-TTD-009)
        if all(nama_sejalan(a, b) for a in kunci_semua for b in kunci_semua):
            continue  # only variants: PK-TTD-002
        kelompok = _kelompok(ejaan)
        label = PIHAK_LABEL[ke]
        yield Draf(
            pesan=f"Nama {label} berbeda: {_daftar(kelompok)}.",
            lokasi=tuple(lok for _, lok in ejaan),
            nilai=_nilai(ejaan),
            saran=(
                f"Samakan nama {label} di pernyataan dan semua lampiran sesuai SK pengangkatan dalam jabatan "
                f"(mis. “{_terbanyak(kelompok)}” bila itu yang benar); PK yang ditandatangani dengan nama "
                "berbeda dapat dipersoalkan keabsahannya."
            ),
        )


@aturan("PK-TTD-002", "peringatan", "Penulisan nama pihak tidak seragam")
def nama_varian(k: Konteks) -> Iterator[Draf]:
    """The same party is written with a word more or less, or abbreviated, in some parts."""
    for ke in _PIHAK:
        ejaan = [(n, lok) for n, lok in _ejaan_nama(k, ke) if kunci_nama(n)]
        kunci_semua = list(dict.fromkeys(kunci_nama(n) for n, _ in ejaan))
        if len(kunci_semua) < 2 or k.pk.ocr:
            continue  # one spelling; or read by OCR, which misreads names under stamps (PK-TTD-009)
        if not all(nama_sejalan(a, b) for a in kunci_semua for b in kunci_semua):
            continue  # a real difference: PK-TTD-001
        semua = set().union(*(set(kk) for kk in kunci_semua))
        sebagian = sorted(w for w in semua if not all(w in kk for kk in kunci_semua))
        kata_asli: dict[str, str] = {}
        for n, _ in ejaan:
            for w in re.findall(r"[\w']+", n):
                kata_asli.setdefault(kunci(w), w)
        beda = ", ".join(f"“{kata_asli.get(w, w)}”" for w in sebagian)
        kelompok = _kelompok(ejaan)
        label = PIHAK_LABEL[ke]
        yield Draf(
            pesan=(
                f"Nama {label} ditulis tidak seragam: {_daftar(kelompok)}"
                + (f"; {beda} hanya ada di sebagian tempat." if beda else ".")
            ),
            lokasi=tuple(lok for _, lok in ejaan),
            nilai=_nilai(ejaan),
            saran=(
                f"Tulis nama {label} sama persis di semua bagian, sesuai SK pengangkatan "
                f"(mis. “{max(kelompok, key=len)}” bila nama lengkapnya demikian)."
            ),
        )


_BAGIAN_NIP = (
    (0, 8, "tanggal lahir"),
    (8, 14, "TMT CPNS"),
    (14, 15, "jenis kelamin"),
    (15, 18, "nomor urut"),
)


def _angka(nip: str) -> str:
    return re.sub(r"\D", "", nip)


def _nip_pihak(k: Konteks, ke: str) -> list[tuple[str, Lokasi]]:
    """Every NIP printed for one party: the signatures, and the statement's identity when it has its
    own NIP line (the parser fills it from the signature otherwise)."""
    hasil: list[tuple[str, Lokasi]] = []
    ttd_pernyataan = {teks(t.nip) for _, t in k.ttd(ke) if t.bagian == "pernyataan" and teks(t.nip)}
    nip = teks(getattr(_pihak(k, ke), "nip", None)).strip()
    if nip and _angka(nip) and nip not in ttd_pernyataan:
        hasil.append((nip, k.lokasi_pihak(ke)))
    for i, t in k.ttd(ke):
        if teks(t.nip).strip() and _angka(teks(t.nip)) and not _milik_pihak_lain(k, ke, teks(t.nama)):
            hasil.append((teks(t.nip).strip(), k.lokasi_ttd(i)))
    return hasil


@aturan("PK-TTD-003", "galat", "NIP pihak berbeda antarbagian")
def nip_berbeda(k: Konteks) -> Iterator[Draf]:
    """The same party carries different NIPs in different parts."""
    for ke in _PIHAK:
        nip = _nip_pihak(k, ke)
        per_angka: dict[str, list[Lokasi]] = {}
        tercetak: dict[str, str] = {}
        for n, lok in nip:
            per_angka.setdefault(_angka(n), []).append(lok)
            tercetak.setdefault(_angka(n), n)
        if len(per_angka) < 2 or _derau_ocr(k, list(per_angka)):
            continue  # one NIP, or a slip of OCR (PK-TTD-009)
        daftar = [f"{tercetak[a]} ({_tempat(lok)})" for a, lok in per_angka.items()]
        angka = list(per_angka)
        keterangan = ""
        if len(angka) == 2 and len(angka[0]) == len(angka[1]) == 18:
            posisi = [i for i in range(18) if angka[0][i] != angka[1][i]]
            bagian = [nama for a, b, nama in _BAGIAN_NIP if any(a <= i < b for i in posisi)]
            keterangan = (
                f"; berbeda pada angka ke-{', '.join(str(i + 1) for i in posisi)} ({', '.join(bagian)})"
            )
        label = PIHAK_LABEL[ke]
        yield Draf(
            pesan=f"NIP {label} berbeda: {', '.join(daftar[:-1])} dan {daftar[-1]}{keterangan}.",
            lokasi=tuple(lok for _, lok in nip),
            nilai={lok.jalur: n for n, lok in nip},
            saran=(
                f"Periksa NIP {label} pada SK/data kepegawaian (BKN) dan tulis NIP yang sama di semua "
                "tanda tangan."
            ),
        )


@aturan("PK-TTD-004", "galat", "NIP tidak sah")
def nip_tidak_sah(k: Konteks) -> Iterator[Draf]:
    """A NIP whose structure is impossible (Perka BKN 22/2007: birth date, TMT, gender, sequence)."""
    tempat: dict[str, list[Lokasi]] = {}
    tercetak: dict[str, str] = {}
    for ke in _PIHAK:
        for n, lok in _nip_pihak(k, ke):
            tempat.setdefault(_angka(n), []).append(lok)
            tercetak.setdefault(_angka(n), n)
    for angka, lokasi in tempat.items():
        masalah = periksa_nip(tercetak[angka])
        if not masalah or _salah_baca_nip(k, angka, tempat):
            continue
        yield Draf(
            pesan=f"NIP {tercetak[angka]} ({_tempat(lokasi)}) tidak sah: " + "; ".join(masalah) + ".",
            lokasi=tuple(lokasi),
            nilai={lok.jalur: tercetak[angka] for lok in lokasi},
            saran=(
                "Salin NIP dari SK atau data kepegawaian: 18 angka = tanggal lahir (8), TMT CPNS tahun-bulan "
                "(6), jenis kelamin 1/2 (1), nomor urut (3) (Perka BKN 22/2007)."
            ),
        )


# OCR misreads a digit here and there, and reads names badly where a stamp or a signature covers them
# (a signed scan): on a PK read by OCR, differing names and NIPs that differ by at most this many
# digits are one note (PK-TTD-009), not a galat each.
_SLIP_OCR = 2


def _derau_ocr(k: Konteks, ejaan: list[str]) -> bool:
    """On a PK read by OCR: whether all the spellings are within `_SLIP_OCR` edits of one another."""
    return bool(k.pk.ocr) and all(jarak_edit(a, b) <= _SLIP_OCR for a in ejaan for b in ejaan)


def _salah_baca_nip(k: Konteks, angka: str, semua: dict[str, list[Lokasi]]) -> bool:
    """On a PK read by OCR: an invalid NIP within `_SLIP_OCR` edits of a valid one printed elsewhere."""
    return _derau_ocr(k, [angka]) and any(
        lain != angka and not periksa_nip(lain) and jarak_edit(angka, lain) <= _SLIP_OCR for lain in semua
    )


@aturan("PK-TTD-009", "info", "Ejaan nama atau NIP berbeda pada PK hasil OCR")
def slip_ocr(k: Konteks) -> Iterator[Draf]:
    """On a PK read by OCR, the names of a party that differ, and its NIPs that differ by a digit or
    two: most likely misread, so one note listing them all instead of PK-TTD-001/002/003 findings."""
    if not k.pk.ocr:
        return
    bagian: list[str] = []
    lokasi: list[Lokasi] = []
    for ke in _PIHAK:
        ejaan = [(n, lok) for n, lok in _ejaan_nama(k, ke) if kunci_nama(n)]
        if len({kunci_nama(n) for n, _ in ejaan}) > 1:
            bagian.append(f"nama {PIHAK_LABEL[ke]} {_daftar(_kelompok(ejaan))}")
            lokasi += [lok for _, lok in ejaan]
        nip = _nip_pihak(k, ke)
        per_angka = {_angka(n): n for n, _ in nip}
        if len(per_angka) > 1 and _derau_ocr(k, list(per_angka)):
            bagian.append(f"NIP {PIHAK_LABEL[ke]} {' dan '.join(per_angka.values())}")
            lokasi += [lok for _, lok in nip]
    if bagian:
        yield Draf(
            pesan="Dibaca dengan OCR, tulisan berbeda antarbagian (kemungkinan salah baca): "
            + "; ".join(bagian)
            + ".",
            lokasi=tuple(lokasi),
            saran="Cocokkan dengan kertasnya dan perbaiki di penyunting PK bila memang salah baca.",
        )


@aturan("PK-TTD-010", "galat", "Nama pihak di bawah label pihak lain")
def label_tertukar(k: Konteks) -> Iterator[Draf]:
    """A signature block whose label (or NIP, or jabatan) says one party and whose name is the other
    party's, as named in the statement: the labels or the names were swapped (an e-SAKIP template that
    prints PIHAK KEDUA over the pihak pertama). One finding per part of the PK. Not on a PK read by
    OCR, where names under stamps are unreliable (PK-TTD-009)."""
    if k.pk.ocr:
        return
    per_bagian: dict[str, list[tuple[str, str, Lokasi]]] = {}
    for ke in _PIHAK:
        for i, t in k.ttd(ke):
            if teks(t.nama).strip() and _milik_pihak_lain(k, ke, teks(t.nama)):
                per_bagian.setdefault(t.bagian, []).append((ke, teks(t.nama).strip(), k.lokasi_ttd(i)))
    for salah in per_bagian.values():
        daftar = [
            f"di bawah {PIHAK_LABEL[ke]} tertulis “{nama}”, nama {PIHAK_LABEL[_lain(ke)]}"
            for ke, nama, _ in salah
        ]
        yield Draf(
            pesan=f"Tanda tangan tertukar ({_tempat([lok for *_, lok in salah])}): "
            + "; ".join(daftar)
            + ".",
            lokasi=tuple(lok for *_, lok in salah),
            nilai={lok.jalur: nama for _, nama, lok in salah},
            saran=(
                "Letakkan nama dan NIP Pihak Pertama di bawah label PIHAK PERTAMA dan nama Pihak Kedua di "
                "bawah PIHAK KEDUA, sesuai identitas di pernyataan."
            ),
        )


@aturan("PK-TTD-005", "galat", "Pihak pertama dan pihak kedua orang yang sama")
def pihak_sama(k: Konteks) -> Iterator[Draf]:
    """The official who promises cannot also be the superior who receives the promise."""
    nama = {ke: _ejaan_nama(k, ke) for ke in _PIHAK}
    if not nama["pertama"] or not nama["kedua"]:
        return
    n1, lok1 = nama["pertama"][0]
    n2, lok2 = nama["kedua"][0]
    nip1 = {_angka(n) for n, _ in _nip_pihak(k, "pertama") if len(_angka(n)) == 18}
    nip2 = {_angka(n) for n, _ in _nip_pihak(k, "kedua") if len(_angka(n)) == 18}
    sama_nama = bool(kunci_nama(n1)) and kunci_nama(n1) == kunci_nama(n2)
    sama_nip = bool(nip1 & nip2)
    if not (sama_nama or sama_nip):
        return
    alasan = (
        "nama" if sama_nama and not sama_nip else ("NIP" if sama_nip and not sama_nama else "nama dan NIP")
    )
    nilai = {lok1.jalur: n1, lok2.jalur: n2}
    if sama_nip:
        nilai["nip"] = sorted(nip1 & nip2)[0]
    yield Draf(
        pesan=(
            f"Pihak Pertama (“{n1}”) dan Pihak Kedua (“{n2}”) orang yang sama ({alasan} sama): "
            "PK adalah janji kepada atasan, bukan kepada diri sendiri."
        ),
        lokasi=(lok1, lok2),
        nilai=nilai,
        saran=(
            "Isi Pihak Kedua dengan atasan langsung Pihak Pertama (PermenPANRB 53/2014); bila yang sama "
            "menjabat Plt., PK ditandatangani dengan atasan dari jabatan yang dirangkap."
        ),
    )


# Jabatan classes, most specific first (a "Kepala Sub Bagian" is not a "Kepala Bagian"). Kept small:
# a jabatan that matches none is not judged (docs/parser.md, “The PK's structure and parties”).
_KELAS_JABATAN: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kelas, re.compile(r"^(?:(?:plt|plh|pj|pjs|pymt)\b\.?\s*)?(?:" + pola + r")\b", re.IGNORECASE))
    for kelas, pola in (
        ("wakil_kepala_daerah", r"wakil\s+(?:bupati|wali\s*kota|gubernur)"),
        ("kepala_daerah", r"bupati|wali\s*kota|gubernur"),
        ("sekda", r"sekretaris\s+daerah|sekda"),
        ("asisten", r"asisten"),
        ("camat", r"camat"),
        ("lurah", r"lurah"),
        (
            "eselon_iv",
            r"(?:kepala\s+)?(?:sub\s*bagian|sub\s*bag|sub\s*bidang|seksi|sub\s*seksi)|kasubb?ag|kasubb?id|kasi|kasie",
        ),
        ("kepala_upt", r"kepala\s+(?:uptd?|unit\s+pelaksana\s+teknis|puskesmas)"),
        (
            "eselon_iii",
            r"kepala\s+bidang|kabid|kepala\s+bagian|kabag|sekretaris\s+(?:dinas|badan|kecamatan|camat|inspektorat)"
            r"|sekcam|inspektur\s+pembantu|irban",
        ),
        (
            "kepala_pd",
            r"kepala\s+(?:dinas|badan|kantor|satuan|pelaksana)|kadis|kaban|inspektur|sekretaris\s+dprd"
            r"|direktur\s+(?:rsud|rumah\s+sakit)",
        ),
    )
)
# Plausible direct superiors by class (docs/parser.md, “The PK's structure and parties”; PermenPANRB 53/2014: pihak kedua is the
# direct superior of pihak pertama).
_ATASAN: dict[str, frozenset[str]] = {
    "camat": frozenset({"kepala_daerah"}),
    "kepala_pd": frozenset({"kepala_daerah"}),
    "sekda": frozenset({"kepala_daerah"}),
    "asisten": frozenset({"sekda"}),
    "eselon_iii": frozenset({"kepala_pd", "camat", "sekda", "asisten"}),
    "kepala_upt": frozenset({"kepala_pd", "eselon_iii"}),
    "eselon_iv": frozenset({"eselon_iii", "kepala_pd", "camat", "lurah", "kepala_upt"}),
    "lurah": frozenset({"camat"}),
}
_NAMA_KELAS = {
    "wakil_kepala_daerah": "wakil kepala daerah",
    "kepala_daerah": "bupati/wali kota/gubernur",
    "sekda": "sekretaris daerah",
    "asisten": "asisten sekretaris daerah",
    "camat": "camat",
    "lurah": "lurah",
    "eselon_iv": "kepala subbagian/seksi (eselon IV)",
    "kepala_upt": "kepala UPT",
    "eselon_iii": "kepala bidang/bagian atau sekretaris (eselon III)",
    "kepala_pd": "kepala perangkat daerah",
}


def kelas_jabatan(jabatan: str | None) -> str | None:
    """The class of a jabatan ("camat", "kepala_pd", "eselon_iii" …), or None when not recognised."""
    j = " ".join(teks(jabatan).split())
    return next((kelas for kelas, pola in _KELAS_JABATAN if pola.match(j)), None)


def _jabatan(k: Konteks, ke: str) -> tuple[str, Lokasi] | None:
    jab = teks(getattr(_pihak(k, ke), "jabatan", None)).strip()
    if jab:
        return jab, k.lokasi_pihak(ke)
    for i, t in k.ttd(ke):
        if teks(t.jabatan).strip():
            return teks(t.jabatan).strip(), k.lokasi_ttd(i)
    return None


@aturan("PK-TTD-006", "peringatan", "Jabatan pihak kedua bukan atasan yang lazim")
def atasan_tidak_lazim(k: Konteks) -> Iterator[Draf]:
    """Pihak kedua should be the direct superior: a camat's is the bupati/wali kota, an eselon III's
    the head of the perangkat daerah. Silent when either jabatan is not recognised."""
    j1, j2 = _jabatan(k, "pertama"), _jabatan(k, "kedua")
    if j1 is None or j2 is None:
        return
    kelas1, kelas2 = kelas_jabatan(j1[0]), kelas_jabatan(j2[0])
    if kelas1 is None or kelas2 is None or kelas1 not in _ATASAN or kelas2 in _ATASAN[kelas1]:
        return
    lazim = " atau ".join(sorted(_NAMA_KELAS[c] for c in _ATASAN[kelas1]))
    yield Draf(
        pesan=(
            f"Pihak Kedua “{j2[0]}” bukan atasan langsung yang lazim bagi Pihak Pertama “{j1[0]}” "
            f"({_NAMA_KELAS[kelas1]}): atasannya biasanya {lazim}."
        ),
        lokasi=(j1[1], j2[1]),
        nilai={j1[1].jalur: j1[0], j2[1].jalur: j2[0]},
        saran=(
            "Periksa jabatan Pihak Kedua: PK ditandatangani pejabat bersama atasan langsungnya "
            f"(PermenPANRB 53/2014), untuk {_NAMA_KELAS[kelas1]} yaitu {lazim}."
        ),
    )


@aturan("PK-TTD-007", "peringatan", "Jabatan pihak berbeda antarbagian")
def jabatan_berbeda(k: Konteks) -> Iterator[Draf]:
    """The same party signs with a different jabatan in different parts ("Camat Bajeng" / "Camat
    Pallangga", "Plt. Camat" / "Camat"). A jabatan that only adds words at the end (the pemda) is fine."""
    for ke in _PIHAK:
        ejaan: list[tuple[str, Lokasi]] = []
        jab = teks(getattr(_pihak(k, ke), "jabatan", None)).strip()
        if jab:
            ejaan.append((jab, k.lokasi_pihak(ke)))
        ejaan.extend(
            (teks(t.jabatan).strip(), k.lokasi_ttd(i)) for i, t in k.ttd(ke) if teks(t.jabatan).strip()
        )
        kunci_semua = list(dict.fromkeys(kunci(j) for j, _ in ejaan if kunci(j)))
        if len(kunci_semua) < 2:
            continue
        if all(a.startswith(b) or b.startswith(a) for a in kunci_semua for b in kunci_semua):
            continue
        kelompok = _kelompok(ejaan)
        label = PIHAK_LABEL[ke]
        yield Draf(
            pesan=f"Jabatan {label} berbeda: {_daftar(kelompok)}.",
            lokasi=tuple(lok for _, lok in ejaan),
            nilai=_nilai(ejaan),
            saran=f"Tulis jabatan {label} sama di semua bagian, sesuai SK jabatan (termasuk Plt./Plh. bila ada).",
        )


_WILAYAH = re.compile(r"^(?:(?:plt|plh|pj|pjs)\b\.?\s*)?(bupati|wali\s*kota|gubernur)\s+(.+)$", re.IGNORECASE)
_JENIS_PEMDA = {"bupati": "kabupaten", "walikota": "kota", "gubernur": "provinsi"}


@aturan("PK-TTD-008", "peringatan", "Kepala daerah dari pemerintah daerah lain")
def wilayah_berbeda(k: Konteks) -> Iterator[Draf]:
    """A pihak kedua "Bupati Maros" on a PK of Kabupaten Gowa."""
    pemda = teks(k.pk.pemerintah).strip()
    j2 = _jabatan(k, "kedua")
    if not pemda or j2 is None:
        return
    m = _WILAYAH.match(" ".join(j2[0].split()))
    mp = re.match(r"^(kabupaten|kota|provinsi)\s+(.+)$", pemda, re.IGNORECASE)
    if m is None or mp is None:
        return
    jenis = _JENIS_PEMDA[re.sub(r"\s", "", m.group(1).lower())]
    if jenis == mp.group(1).lower() and kunci(m.group(2)) == kunci(mp.group(2)):
        return
    yield Draf(
        pesan=f"Pihak Kedua “{j2[0]}” bukan kepala daerah {pemda}, pemerintah daerah PK ini.",
        lokasi=(j2[1],),
        nilai={j2[1].jalur: j2[0], "pemerintah": pemda},
        saran=f"Periksa jabatan Pihak Kedua atau nama pemerintah daerah pada kop/judul PK ({pemda}).",
    )
