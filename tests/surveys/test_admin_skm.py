"""The SKM in the admin: a closed period — its questions and its settings — is read only, as on the web."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.surveys import services
from kinerja.surveys.models import UnsurPeriode
from tests.surveys.conftest import jawaban_penuh

pytestmark = pytest.mark.django_db


def _superuser() -> Client:
    from django.contrib.auth import get_user_model

    c = Client()
    c.force_login(get_user_model().objects.create_superuser("su", password="rahasia-uji-123"))
    return c


def _isian(periode, pertanyaan: str) -> dict[str, str]:
    unsur = list(periode.unsur.order_by("urutan"))
    data = {
        "judul": periode.judul,
        "unit": str(periode.unit_id),
        "jenis": periode.jenis,
        "regime": periode.regime,
        "penimbang": periode.penimbang,
        "tanggal_mulai": periode.tanggal_mulai.isoformat(),
        "tanggal_selesai": periode.tanggal_selesai.isoformat(),
        "unsur-TOTAL_FORMS": str(len(unsur)),
        "unsur-INITIAL_FORMS": str(len(unsur)),
        "unsur-MIN_NUM_FORMS": "0",
        "unsur-MAX_NUM_FORMS": "1000",
    }
    for i, u in enumerate(unsur):
        data |= {
            f"unsur-{i}-id": str(u.pk),
            f"unsur-{i}-periode": str(periode.pk),
            f"unsur-{i}-urutan": str(u.urutan),
            f"unsur-{i}-pertanyaan": pertanyaan if i == 0 else u.pertanyaan,
            **{f"unsur-{i}-label_{k}": getattr(u, f"label_{k}") for k in range(1, 5)},
        }
    return data


def test_a_closed_periods_questions_cannot_be_changed_in_the_admin(periode_a, admin_pemda):
    c = _superuser()
    url = reverse("admin:surveys_periodesurvei_change", args=[periode_a.pk])
    pertanyaan_awal = periode_a.unsur.order_by("urutan").first().pertanyaan
    services.kirim_respons(periode_a, jawaban_penuh(3))
    services.tutup_periode(periode_a, admin_pemda)
    halaman = c.get(url)
    assert halaman.status_code == 200 and 'name="unsur-0-pertanyaan"' not in halaman.content.decode()
    r = c.post(url, _isian(periode_a, "Pertanyaan diganti setelah ditutup?"))
    assert r.status_code == 403
    assert periode_a.unsur.order_by("urutan").first().pertanyaan == pertanyaan_awal
    assert (
        c.post(
            reverse("admin:surveys_periodesurvei_delete", args=[periode_a.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


def test_an_open_periods_questions_can_still_be_worded_in_the_admin(periode_a):
    c = _superuser()
    url = reverse("admin:surveys_periodesurvei_change", args=[periode_a.pk])
    assert 'name="unsur-0-pertanyaan"' in c.get(url).content.decode()
    r = c.post(url, _isian(periode_a, "Bagaimana pendapat Saudara tentang persyaratan pelayanan?"))
    import re

    assert r.status_code == 302, re.findall(
        r'errorlist[^>]*>(.*?)</ul>|name="([^"]+)"[^>]*aria-invalid', r.content.decode()
    )
    assert UnsurPeriode.objects.filter(
        periode=periode_a, pertanyaan__startswith="Bagaimana pendapat"
    ).exists()
