"""The final Nilai SAKIP beside (and, through monitoring, into) the PK's "Nilai SAKIP" indicator.

Registered with `kinerja.agreements.otomatis` in apps.ready(), as the SKM's IKM is: an indicator named
"Nilai SAKIP", "Nilai AKIP", "Nilai evaluasi SAKIP" or "Predikat SAKIP" of a unit's PK of year N gets
the unit's final evaluation of year N (one query, only when the PK has such an indicator).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date

from django.utils.translation import gettext as _

from kinerja.domain.numbers import format_angka
from kinerja.domain.tanggal import format_tanggal


@functools.lru_cache(maxsize=4096)
def indikator_sakip(uraian: str) -> bool:
    """Whether an indicator names the unit's SAKIP evaluation score, from its words."""
    kata = set(re.sub(r"[^0-9a-z]+", " ", uraian.lower()).split())
    return bool(kata & {"sakip", "akip"}) and bool(kata & {"nilai", "predikat", "hasil", "skor"})


def nilai_sakip(pk, indikator: Sequence) -> dict[str, list]:
    """The provider: {jalur: [NilaiOtomatis]} for the PK's Nilai SAKIP indicators."""
    from kinerja.agreements.otomatis import NilaiOtomatis
    from kinerja.evaluation.models import Evaluasi, StatusEvaluasi
    from kinerja.surveys.pk_link import keterangan_capaian

    cocok = [i for i in indikator if indikator_sakip(i.uraian)]
    if not cocok:
        return {}
    ev = Evaluasi.objects.filter(unit_id=pk.unit_id, tahun=pk.tahun, status=StatusEvaluasi.FINAL).first()
    if ev is None or ev.nilai is None:
        return {}
    label = ev.rincian.get("kategori", "")
    sumber = _("Evaluasi AKIP oleh Inspektorat, ditetapkan %(tanggal)s") % {
        "tanggal": format_tanggal(ev.tanggal_lhe) if ev.tanggal_lhe else "–"
    }
    return {
        i.jalur: [
            NilaiOtomatis(
                judul=_("Nilai SAKIP %s") % ev.tahun,
                nilai=f"{format_angka(ev.nilai, 2)} ({ev.predikat}, {label})"
                if label
                else format_angka(ev.nilai, 2),
                keterangan=keterangan_capaian(ev.nilai, i.target_teks),
                sumber=sumber,
                angka=ev.nilai,
                # The score measures the whole evaluated year: it is that year's TW IV realisasi.
                tanggal=date(ev.tahun, 12, 31),
            )
        ]
        for i in cocok
    }
