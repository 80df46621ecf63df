"""Text coming in: control characters and bidirectional overrides out (kinerja.domain.teks_masuk)."""

import pytest

from kinerja.domain import pk_text
from kinerja.domain.teks_masuk import bersihkan


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ("Camat Bajeng", "Camat Bajeng"),
        ("baris\tdan\r\nbaris", "baris\tdan\r\nbaris"),  # tab and line breaks are text
        ("NUL\x00di tengah", "NULdi tengah"),
        ("tab\x0bvertikal\x0chalaman", "tab vertikal halaman"),
        ("abc\u202egpj.exe", "abcgpj.exe"),  # right-to-left override
        ("\u2066isolat\u2069", "isolat"),
        ("DEL\x7f", "DEL"),
    ],
)
def test_control_characters_out(masuk, keluar):
    assert bersihkan(masuk) == keluar


def test_the_parser_cleans_what_a_file_carries():
    teks = (
        "PERJANJIAN KINERJA TAHUN 2024\nNama\t: ANDI\x0bMAKKASAU\nJabatan\t: CAMAT BAJENG\n"
        "Selanjutnya disebut PIHAK PERTAMA\nNo\tSasaran\tIndikator Kinerja\tTarget\n"
        "1\tMeningkatnya pelayanan\u202e\tIndeks Kepuasan Masyarakat\t82,5\n"
    )
    [pk] = pk_text.parse(teks)
    assert pk.pihak_pertama.nama == "ANDI MAKKASAU"
    assert pk.sasaran[0].uraian == "Meningkatnya pelayanan"
