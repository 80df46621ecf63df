"""A full year of monitoring, stored and read back: four triwulan; positive, negative and predicate
indikator; sum, average and last-value consolidation; a cap; a missing triwulan; a target of 0.
Every expected capaian is computed by hand in the comments (docs/formulas.md "Pemantauan")."""

from datetime import date
from decimal import Decimal as D

import pytest

from kinerja.agreements.models import Indikator
from kinerja.domain.numbers import bulatkan
from kinerja.monitoring import layanan as m
from kinerja.monitoring.models import PengaturanPantau
from kinerja.monitoring.ringkasan import pantau_pemda, pantau_pk

# A day inside each triwulan of 2024 (before its deadline, so entry is open).
HARI = {1: date(2024, 3, 20), 2: date(2024, 6, 20), 3: date(2024, 9, 20), 4: date(2024, 12, 20)}


@pytest.fixture
def tahun_penuh(pk_factory, unit_a, pemda, operator_a):
    PengaturanPantau.objects.create(unit=pemda, batas_capaian="110")
    pk = pk_factory(unit_a, n_indikator=5)
    ind = list(Indikator.objects.filter(sasaran__perjanjian=pk).order_by("sasaran__urutan", "urutan", "pk"))
    bentuk = [
        # A: a count, summed over the quarters, planned per quarter
        {
            "uraian": "Jumlah desa yang dibina",
            "target_teks": "40 desa",
            "target_nilai": D(40),
            "satuan": "desa",
        },
        # B: lower is better, averaged over the quarters, no plan
        {
            "uraian": "Persentase penduduk miskin",
            "target_teks": "10%",
            "target_nilai": D(10),
            "satuan": "%",
            "polaritas": "negatif",
        },
        # C: a predicate target on the SAKIP scale
        {
            "uraian": "Predikat SAKIP kecamatan",
            "target_teks": "BB",
            "target_nilai": None,
            "target_predikat": "BB",
            "satuan": "",
        },
        # D: a target of 0, lower is better, summed
        {
            "uraian": "Pengaduan tidak tertangani",
            "target_teks": "0 kasus",
            "target_nilai": D(0),
            "satuan": "kasus",
            "polaritas": "negatif",
        },
        # E: a percentage reported cumulatively, planned cumulatively
        {
            "uraian": "Persentase dokumen tersusun",
            "target_teks": "100%",
            "target_nilai": D(100),
            "satuan": "%",
        },
    ]
    for i, isi in zip(ind, bentuk, strict=True):
        isi.setdefault("target_predikat", "")
        isi.setdefault("polaritas", "positif")
        Indikator.objects.filter(pk=i.pk).update(**isi)
        i.refresh_from_db()
    a, b, c, d_, e = ind
    m.simpan_rencana(a, operator_a, konsolidasi="jumlah", sifat_target="triwulanan", **_tw(10, 10, 10, 10))
    m.simpan_rencana(b, operator_a, konsolidasi="rata_rata")
    m.simpan_rencana(d_, operator_a, konsolidasi="jumlah")
    m.simpan_rencana(e, operator_a, konsolidasi="terakhir", sifat_target="kumulatif", **_tw(25, 50, 75, 100))
    isian = {
        a: [8, 12, None, 15],  # TW III never reported
        b: [12, 11, 9, 8],
        c: [None, "B", None, "A"],
        d_: [0, 0, 0, 0],
        e: [30, 45, 80, 100],
    }
    for indikator, nilai in isian.items():
        for tw, v in enumerate(nilai, start=1):
            if v is None:
                continue
            kwargs = {"predikat": v} if isinstance(v, str) else {"nilai": D(v)}
            m.simpan_realisasi(indikator, tw, operator_a, akui=True, hari_ini=HARI[tw], **kwargs)
    return pk


def _tw(*nilai):
    return {f"target_tw{n}": D(v) for n, v in enumerate(nilai, start=1)}


def _nilai(capaian):
    return None if capaian.nilai is None else capaian.nilai


def test_full_year(tahun_penuh):
    data = pantau_pk(tahun_penuh, hari_ini=date(2025, 1, 5))
    hasil = {b.uraian: b for b in data.indikator}
    a = hasil["Jumlah desa yang dibina"]
    # TW I 8 ÷ 10 = 80; TW II (8+12) ÷ (10+10) = 100; TW III not reported: "–";
    # TW IV (8+12+15) ÷ 40 = 87,5; the year: 35 ÷ 40 = 87,5 (the missing triwulan left out, not 0)
    assert [_nilai(s.capaian) for s in a.sel] == [D("80.00"), D("100.00"), None, D("87.50")]
    assert a.tahun.nilai == D("87.50")
    b = hasil["Persentase penduduk miskin"]
    # (2T − R) ÷ T with R the average to date: (20−12)/10=80; (20−11,5)/10=85; (20−10,666…)/10=93,33; (20−10)/10=100
    assert [_nilai(s.capaian) for s in b.sel] == [D("80.00"), D("85.00"), D("93.33"), D("100.00")]
    assert b.tahun.nilai == D("100.00")
    c = hasil["Predikat SAKIP kecamatan"]
    # ranks D1 C2 CC3 B4 BB5 A6 AA7: B/BB = 4/5 = 80; A/BB = 6/5 = 120, capped at 110 (raw kept)
    assert [_nilai(s.capaian) for s in c.sel] == [None, D("80.00"), None, D("110.00")]
    assert (c.tahun.mentah, c.tahun.nilai) == (D("120.00"), D("110.00"))
    d_ = hasil["Pengaduan tidak tertangani"]
    # target 0 kept at 0: full achievement, which is the cap (110)
    assert d_.tahun.nilai == D("110.00")
    assert d_.tahun.kode == "target_nol"
    e = hasil["Persentase dokumen tersusun"]
    # cumulative plan 25/50/75/100: 30/25 = 120 → 110 (cap); 45/50 = 90; 80/75 = 106,67; 100/100 = 100
    assert [_nilai(s.capaian) for s in e.sel] == [D("110.00"), D("90.00"), D("106.67"), D("100.00")]
    assert e.sel[0].capaian.mentah == D("120.00")
    assert e.tahun.nilai == D("100.00")
    # every capaian says how it was computed
    assert "(2T − R) ÷ T × 100" in b.sel[2].capaian.rumus
    assert "peringkat" in c.tahun.rumus
    # the unit's year and triwulan: the mean of its indikator's; the pemda's dashboard says the same
    tahun = [b.tahun.nilai for b in data.indikator if b.tahun.nilai is not None]
    assert data.capaian_tahun == bulatkan(sum(tahun) / len(tahun))
    (baris,) = pantau_pemda(None, 2024, hari_ini=date(2025, 1, 5))
    assert baris.tahun == data.capaian_tahun
    assert baris.capaian == [data.capaian_triwulan(t) for t in (1, 2, 3, 4)]
    # entered: TW I without the predicate, TW III without A and C
    assert baris.terisi == [4, 5, 3, 5]
    # the most late missing realisasi: the predicate's TW I, due 10 April 2024
    assert baris.terlambat == (date(2025, 1, 5) - date(2024, 4, 10)).days
