"""The bulk capaian gives, row by row, what the ORM loop and `capaian.hitung` give (both databases)."""

from decimal import Decimal as D

from kinerja.agreements.models import Indikator
from kinerja.domain import capaian
from kinerja.monitoring.massal import capaian_massal, capaian_per_objek
from kinerja.monitoring.models import Realisasi, RencanaIndikator


def test_massal_sama_dengan_per_objek(pk_factory, unit_a):
    pk = pk_factory(unit_a, n_indikator=6)
    ind = list(Indikator.objects.filter(sasaran__perjanjian=pk).order_by("pk"))
    bentuk = [
        {"target_nilai": D(84), "polaritas": "positif"},
        {"target_nilai": D(10), "polaritas": "negatif"},
        {"target_nilai": D(10), "polaritas": "negatif"},  # kebalikan, below
        {"target_nilai": D(80), "target_nilai_atas": D(90)},
        {"target_nilai": D(0), "polaritas": "positif"},
        {"target_nilai": None},
    ]
    for i, isi in zip(ind, bentuk, strict=True):
        Indikator.objects.filter(pk=i.pk).update(**isi)
    RencanaIndikator.objects.create(indikator=ind[2], rumus_negatif="kebalikan")
    nilai = [D("80.33"), D("12.5"), D(8), D(95), D(3), D(7), None, D("0.0001"), D(0)]
    for k, i in enumerate(ind):
        for tw in range(1, 5):
            Realisasi.objects.create(indikator=i, triwulan=tw, nilai=nilai[(k + tw) % len(nilai)])
    qs = Realisasi.objects.filter(indikator__sasaran__perjanjian=pk)
    for batas in (None, D(110)):
        massal = capaian_massal(qs, batas)
        assert massal == capaian_per_objek(qs, batas)
        assert len(massal) == 24
        for r in qs.select_related("indikator"):
            i = r.indikator
            rumus = "kebalikan" if i.pk == ind[2].pk else "selisih"
            harap = capaian.hitung(
                i.target_nilai,
                r.nilai,
                polaritas=i.polaritas,
                rumus_negatif=rumus,
                target_atas=i.target_nilai_atas,
                batas=batas,
            ).nilai
            assert massal[r.pk] == harap, (r.nilai, i.target_nilai, batas)
    assert {None, D("110.00")} <= set(massal.values())


# Every rule (polarity and formula, range or not, target 0 or none) against a grid of realisasi,
# half-cent boundaries and repeating quotients included: the database's formulas (PostgreSQL) and
# Python's (SQLite) give exactly what `capaian.nilai` gives.
_ATURAN = [("positif", "selisih"), ("negatif", "selisih"), ("negatif", "kebalikan")]
_T = [None, D(0), D(8), D(84), D("0.5"), D("74.25"), D(3), D("0.0003")]
_ATAS = [None, D(10)]
_R = [
    None,
    D(0),
    D(-1),
    D(7),
    D("80.33"),
    D(12),
    D("0.25"),
    D("74.15"),
    D("0.0004"),
    D("0.3333"),
    D("0.0001"),
    D(1),
]


def test_massal_sama_dengan_nilai_di_semua_aturan(pk_factory, unit_a, django_assert_num_queries):
    from django.db import connection

    pk = pk_factory(unit_a, n_indikator=1)
    sasaran = Indikator.objects.get(sasaran__perjanjian=pk).sasaran
    kasus = [(t, atas, pol, rumus) for t in _T for atas in _ATAS for pol, rumus in _ATURAN]
    potongan = [_R[i : i + 4] for i in range(0, len(_R), 4)]
    ind = Indikator.objects.bulk_create(
        Indikator(
            sasaran=sasaran,
            urutan=100 + k,
            uraian=f"Aturan {k}",
            target_teks=str(t),
            target_nilai=t,
            target_nilai_atas=atas,
            polaritas=pol,
        )
        for k, (t, atas, pol, _) in enumerate(kasus for kasus in kasus for _ in potongan)
    )
    aturan = [k for k in kasus for _ in potongan]
    RencanaIndikator.objects.bulk_create(
        RencanaIndikator(indikator=i, rumus_negatif="kebalikan")
        for i, a in zip(ind, aturan, strict=True)
        if a[3] == "kebalikan"
    )
    nilai_r = [r for _ in kasus for p in potongan for r in p]
    Realisasi.objects.bulk_create(
        Realisasi(indikator=i, triwulan=tw, nilai=r)
        for k, i in enumerate(ind)
        for tw, r in enumerate(potongan[k % len(potongan)], start=1)
    )
    qs = Realisasi.objects.filter(indikator__in=ind)
    assert qs.count() == len(nilai_r) == len(kasus) * len(_R)
    baris = list(qs.values_list("id", "nilai", "indikator_id"))
    per_ind = dict(zip((i.pk for i in ind), aturan, strict=True))
    pg = connection.vendor == "postgresql"
    for batas in capaian.BATAS_PILIHAN:
        harap = {}
        for rid, r, iid in baris:
            t, atas, pol, rumus = per_ind[iid]
            harap[rid] = capaian.nilai(t, r, pol, rumus, atas, batas)
        cara = [False, True] if pg else [False]
        for sql in cara:
            assert capaian_massal(qs, batas, sql=sql) == harap, (batas, sql)
    assert None in harap.values() and D("0.01") in harap.values()  # R 0,0004 ÷ T 8 = 0,005 → 0,01
    if pg:
        # The usual rules come out of the database: one query, a second only for what Python decides.
        biasa = Realisasi.objects.filter(
            indikator__in=[i for i, a in zip(ind, aturan, strict=True) if a[0] not in (None, 0)]
        )
        biasa = biasa.exclude(indikator__target_nilai_atas__gt=D(0)).exclude(
            indikator__rencana__rumus_negatif="kebalikan"
        )
        with django_assert_num_queries(1):
            capaian_massal(biasa)
