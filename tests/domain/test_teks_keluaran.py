"""Text written into XLSX and PDF: what the formats cannot hold is removed, overlong words break."""

import pytest

from kinerja.domain.teks_keluaran import AWAL_RUMUS, bersih, satu_baris, string_typst, teks_pdf


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        (None, ""),
        ("Saran\x00 baik\x0b", "Saran baik"),
        ("baris\tsatu\nbaris dua\r", "baris\tsatu\nbaris dua\r"),  # tab, LF and CR stay
        ("a\ud800b\ufffe\uffffc", "abc"),
        (12, "12"),
    ],
)
def test_bersih(masuk, keluar):
    assert bersih(masuk) == keluar


def test_satu_baris_dan_teks_pdf():
    assert satu_baris(" Meningkatnya\n  kualitas\x07 pelayanan ") == "Meningkatnya kualitas pelayanan"
    assert teks_pdf("kata biasa") == "kata biasa"
    url = "https://" + "x" * 70
    pecah = teks_pdf(f"lihat {url} ya")
    assert pecah.replace("\u200b", "") == f"lihat {url} ya"
    assert [len(k) for k in pecah.split()[1].split("\u200b")] == [30, 30, 18]


def test_awal_rumus_dan_string_typst():
    assert all(s.startswith(AWAL_RUMUS) for s in ("=1+1", "+62", "-5", "@SUM", "\tx", "\rx"))
    assert not "Rp1.000".startswith(AWAL_RUMUS)
    assert string_typst('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
