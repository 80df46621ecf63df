"""The unsur a saran speaks of (kinerja.domain.saran_unsur), on the 2017 questionnaire's unsur."""

import pytest

from kinerja.domain.ikm import UNSUR_2017
from kinerja.domain.saran_unsur import unsur_dari_saran

UNSUR = [(u.kode, u.nama) for u in UNSUR_2017]


@pytest.mark.parametrize(
    ("saran", "kode"),
    [
        ("Kotak saran tidak pernah dibuka, keluhan kami tidak ditanggapi", "U9"),  # complaints
        ("Antrean terlalu lama, menunggu dua jam", "U3"),  # time
        ("Ada pungli di loket, katanya gratis tapi disuruh bayar", "U4"),  # cost
        ("Ruang tunggu panas dan kursinya kurang, toilet kotor", "U8"),  # facilities
        ("Petugasnya judes dan tidak ramah", "U7"),  # behaviour
        ("Syarat berkasnya berubah-ubah", "U1"),
        ("Alur pendaftaran online berbelit", "U2"),
        ("Petugas kurang paham aturan baru", "U6"),
        ("Nama di KTP hasilnya salah ketik", "U5"),
        ("Terima kasih, pertahankan", None),  # names none
        ("WC rusak", "U8"),  # a short word as a word of its own
        ("Lawcak", None),  # … not inside another
    ],
)
def test_the_unsur_a_saran_speaks_of(saran, kode):
    assert unsur_dari_saran(saran, UNSUR) == kode


def test_an_unsur_not_in_the_period_is_not_proposed():
    assert unsur_dari_saran("Toilet kotor", [(k, n) for k, n in UNSUR if k != "U8"]) is None
