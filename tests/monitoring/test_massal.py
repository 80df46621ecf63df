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
