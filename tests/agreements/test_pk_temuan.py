"""The PK page shows the review's findings beside the document, each linked to the row it concerns."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from kinerja.domain import pk_text
from tests.conftest import terbitkan_pk

SEED = Path(__file__).resolve().parents[2] / "kinerja" / "demo" / "pk-kecamatan-bajeng-2024.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_pk(unit_a):
    """The seed as the signed, published paper it is."""
    [data] = pk_text.parse(SEED.read_text(encoding="utf-8"))
    return terbitkan_pk(data)


def _html(client, pk) -> str:
    res = client.get(reverse("agreements:pk_detail", args=[pk.pk]))
    assert res.status_code == 200
    return res.content.decode()


def test_unit_users_see_findings_linked_to_rows_that_exist(client_as, operator_a, seed_pk):
    html = _html(client_as(operator_a), seed_pk)
    assert "Hasil pemeriksaan" in html
    assert "4 galat, 7 peringatan, 4 info." in html
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    links = re.findall(r'<a href="#([^"]+)">', html)
    finding_links = [link for link in links if link not in {"isi"}]
    assert finding_links, "findings should link to their places"
    missing = sorted({link for link in finding_links if link not in ids})
    assert not missing, f"links without a target on the page: {missing}"
    # the pihak pertama's name mismatch points at the Lampiran 1 signature block as printed
    assert 'id="tanda-tangan-3"' in html and "ST. HAKRAN, S.Sos" in html
    assert 'href="#sasaran-1-indikator-0"' in html  # 80,00 vs 74,50 (Nilai SAKIP)


def test_the_public_reads_the_published_document_without_findings(client, seed_pk):
    html = _html(client, seed_pk)
    assert "Hasil pemeriksaan" not in html
    assert "Rp5.204.765.371,00" in html


def test_someone_of_another_unit_sees_no_findings_of_a_published_pk(client_as, operator_b, seed_pk):
    assert "Hasil pemeriksaan" not in _html(client_as(operator_b), seed_pk)
