"""The rencana aksi printed in an imported PK, turned into the monitoring's triwulan targets.

The import keeps each printed rencana aksi cell as a row (`kinerja.agreements.models.RencanaAksi`: the
indikator as printed and, when it was recognised, its indikator; the period as printed, "Triwulan I",
"TW II", "Tw 3", "I"; the target as printed, "25%", "2 dokumen"). `rencana_dari_impor` reads the
period and the number of each row and sets the indikator's triwulan targets through
`layanan.simpan_rencana` (the right is checked there and the change goes to the trail). What it cannot
read — an unknown period, a target that is not a number, an indikator not in the PK — is skipped and
said in `catatan`; nothing is guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.agreements.models import Indikator, PerjanjianKinerja, RencanaAksi
from kinerja.domain import pantau
from kinerja.domain.nama import kunci_teks, kunci_teks_tanpa_kurung
from kinerja.domain.numbers import AngkaError, format_angka, parse_angka
from kinerja.domain.pk_text import parse_target
from kinerja.monitoring import layanan
from kinerja.monitoring.models import RencanaIndikator

_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# "Triwulan I", "TW II", "Tw 3", "TW-1", "Trw. III", "Triwulan ke-2", "Q4", "I", "IV (Desember)"; not
# "Semester I", "TW I-II", "Januari", a bare "1".
_PERIODE = re.compile(
    r"^\s*(?P<awal>(?:tri\s*wulan|trw|tw|q)\s*\.?\s*(?:ke\s*)?[-.:]?\s*)?(?P<n>iv|i{1,3}|[1-4])(?=$|[\s(),;:])",
    re.IGNORECASE,
)
_KOSONG = ("", "-", "–", "—")


def baca_periode(teks: str | None) -> int | None:
    """The triwulan (1–4) a printed period names, or None when it names none (or several)."""
    m = _PERIODE.match(teks or "")
    if m is None:
        return None
    n = m["n"].lower()
    if n.isdigit():
        return int(n) if m["awal"] else None  # a bare "2" may be anything
    return _ROMAWI[n]


def baca_target(teks: str | None) -> Decimal | None:
    """A printed triwulan target as a number ("25%" → 25, "2 dokumen" → 2, "1.234,5" → 1234.5);
    None when it is not one number (a predicate, a range, words). Raises nothing."""
    teks = " ".join((teks or "").split())
    if teks in _KOSONG:
        return None
    t = parse_target(teks)
    if t.nilai_atas is not None:
        return None  # a range is not one target
    if t.nilai is not None:
        return t.nilai  # "84 (Baik)": the number
    if t.predikat:
        return None
    try:
        return parse_angka(teks.removesuffix("%").strip())
    except (AngkaError, ValueError):
        return None


def rencana_dari_impor(perjanjian: PerjanjianKinerja, oleh, *, catatan: list[str] | None = None) -> int:
    """Set the triwulan targets of the PK's indikator from the rencana aksi its document printed;
    returns how many indikator got targets. Unreadable rows are skipped and described in `catatan`
    (when given). Only the triwulan printed are set; the others keep what they had. For an indikator
    without a rencana yet whose four targets add up to the year target (and the fourth is not the
    year target), the targets are per triwulan and summed; else cumulative (the default)."""
    laporan: list[str] = catatan if catatan is not None else []
    indikator = list(
        Indikator.objects.filter(sasaran__perjanjian=perjanjian).order_by("sasaran__urutan", "urutan", "pk")
    )
    per_id = {i.pk: i for i in indikator}
    per_kunci: dict[str, Indikator] = {}
    per_kunci_pendek: dict[str, Indikator] = {}
    for i in indikator:
        per_kunci.setdefault(kunci_teks(i.uraian), i)
        per_kunci_pendek.setdefault(kunci_teks_tanpa_kurung(i.uraian), i)
    target: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for r in RencanaAksi.objects.filter(perjanjian=perjanjian).order_by("urutan", "pk"):
        tempat = _("baris %s") % r.baris if r.baris else _("rencana aksi “%s”") % r.indikator_teks[:60]
        ind = per_id.get(r.indikator_id) if r.indikator_id else None
        ind = ind or per_kunci.get(kunci_teks(r.indikator_teks))
        ind = ind or per_kunci_pendek.get(kunci_teks_tanpa_kurung(r.indikator_teks))
        if ind is None:
            laporan.append(
                _("%(tempat)s: indikator “%(ind)s” tidak ada di PK ini; dilewati.")
                % {"tempat": tempat, "ind": r.indikator_teks[:120]}
            )
            continue
        tw = baca_periode(r.periode)
        if tw is None:
            laporan.append(
                _("%(tempat)s: periode “%(p)s” bukan triwulan; dilewati.")
                % {"tempat": tempat, "p": r.periode}
            )
            continue
        if " ".join(r.target_teks.split()) in _KOSONG:
            continue  # nothing planned for that triwulan
        if ind.target_nilai is None and (ind.target_predikat or "").strip():
            laporan.append(
                _("%(tempat)s: “%(ind)s” bertarget predikat; target triwulan “%(t)s” dilewati.")
                % {"tempat": tempat, "ind": ind.uraian[:120], "t": r.target_teks}
            )
            continue
        nilai = baca_target(r.target_teks)
        if nilai is None:
            laporan.append(
                _("%(tempat)s: target “%(t)s” %(p)s bukan satu angka; dilewati.")
                % {"tempat": tempat, "t": r.target_teks, "p": r.periode}
            )
            continue
        ada = target[ind.pk].get(tw)
        if ada is not None and ada != nilai:
            laporan.append(
                _("%(tempat)s: “%(ind)s” Triwulan %(tw)s sudah bertarget %(a)s; %(b)s dilewati.")
                % {
                    "tempat": tempat,
                    "ind": ind.uraian[:120],
                    "tw": pantau.ROMAWI[tw],
                    "a": format_angka(ada.normalize(), None),
                    "b": format_angka(nilai.normalize(), None),
                }
            )
            continue
        target[ind.pk][tw] = nilai
    if not target:
        return 0
    sudah = set(
        RencanaIndikator.objects.filter(indikator_id__in=list(target)).values_list("indikator_id", flat=True)
    )
    with transaction.atomic():
        for ind_id, per_tw in target.items():
            ind = per_id[ind_id]
            isian: dict[str, object] = {f"target_tw{tw}": v for tw, v in sorted(per_tw.items())}
            if ind_id not in sudah and len(per_tw) == 4 and ind.target_nilai is not None:
                jumlah = sum(per_tw.values(), Decimal(0))
                if per_tw[4] != ind.target_nilai and jumlah == ind.target_nilai:
                    isian.update(
                        sifat_target=RencanaIndikator.Sifat.TRIWULANAN,
                        konsolidasi=RencanaIndikator.Konsolidasi.JUMLAH,
                    )
                    laporan.append(
                        _(
                            "“%s”: target keempat triwulan berjumlah target tahun; disimpan per triwulan, dijumlahkan."
                        )
                        % ind.uraian[:120]
                    )
            layanan.simpan_rencana(ind, oleh, **isian)
    return len(target)
