"""The demo `make run` loads: the evaluations of Kecamatan Bajeng reach the scores they are meant to."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.agreements.models import Indikator
from kinerja.evaluation.models import Evaluasi, StatusEvaluasi
from kinerja.monitoring.models import Realisasi
from tests.conftest import muat_demo

pytestmark = pytest.mark.django_db


def test_demo_evaluasi():
    muat_demo("demo", "demo_skm", "demo_pantau", "demo_evaluasi")
    ev = {e.tahun: e for e in Evaluasi.objects.filter(unit__nama="Kecamatan Bajeng")}
    # 2023: the score the seed PK reports; 2024: the target of its "Nilai SAKIP" indicator, 80,00 (BB).
    assert (ev[2023].status, ev[2023].nilai, ev[2023].predikat) == (
        StatusEvaluasi.FINAL,
        Decimal("74.15"),
        "BB",
    )
    assert (ev[2024].status, ev[2024].nilai, ev[2024].predikat) == (
        StatusEvaluasi.FINAL,
        Decimal("80.00"),
        "BB",
    )
    assert ev[2024].jawaban.filter(direviu=True).exclude(jawaban_evaluator="").exists()
    assert ev[2024].rekomendasi.filter(status="dijawab").count() == 1
    ind = Indikator.objects.get(sasaran__perjanjian__tahun=2024, uraian="Nilai SAKIP")
    assert Realisasi.objects.get(indikator=ind, triwulan=4).nilai == Decimal("80.00")
    muat_demo("demo_evaluasi")  # idempotent
    assert Evaluasi.objects.count() == 2
