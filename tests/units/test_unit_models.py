"""Units (tree with a materialised path), officials (name key, NIP) and roles."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from kinerja.domain.nama import kunci_teks, kunci_teks_tanpa_kurung, normalise_nama, normalise_unit
from kinerja.units.models import Pejabat, Unit, UnitRole


@pytest.mark.parametrize(
    ("nama", "kunci"),
    [
        ("SITI HAERANI, S.SOS", "SITI HAERANI"),
        ("Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", "ADNAN PURICHTA ICHSAN YL"),
        ("Dr. ADNAN PURICHTA ICHSAN, S.H., M.H.", "ADNAN PURICHTA ICHSAN"),
        ("ST. HAKRAN, S.Sos", "ST HAKRAN"),  # "St." stays: it is not merged with "Siti" here
        ("Siti Hakran", "SITI HAKRAN"),
        ("H. Abdul Rahman, S.E., M.Si.", "ABDUL RAHMAN"),
        ("Drs. H. M. Yusuf", "M YUSUF"),  # "M." is an initial, not a gelar
        ("Prof. Dr. Ir. Andi Baso S.H. M.H.", "ANDI BASO"),
        ("  andi   baso  ", "ANDI BASO"),
        ("Hj. Nurhayati", "NURHAYATI"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_nama(nama, kunci):
    assert normalise_nama(nama) == kunci


def test_st_is_not_siti():
    assert normalise_nama("ST. HAKRAN, S.Sos") != normalise_nama("SITI HAKRAN, S.Sos")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kab. Gowa", "KABUPATEN GOWA"),
        ("Kecamatan  Bajeng", "kecamatan bajeng"),
        ("Kec. Bajeng", "Kecamatan Bajeng"),
    ],
)
def test_normalise_unit_matches_spellings(a, b):
    assert normalise_unit(a) == normalise_unit(b)


def test_kunci_teks_ignores_case_space_and_punctuation():
    assert kunci_teks("Indeks kepuasan  Masyarakat (IKM).") == kunci_teks("INDEKS KEPUASAN MASYARAKAT IKM")
    assert kunci_teks_tanpa_kurung("Indeks Kepuasan Masyarakat (IKM)") == kunci_teks(
        "Indeks Kepuasan Masyarakat"
    )


@pytest.mark.django_db
def test_unit_tree_paths_and_subtree():
    pemda = Unit.objects.create(nama="Kabupaten Gowa", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    kec = Unit.objects.create(nama="Kecamatan Bajeng", jenis=Unit.Jenis.KECAMATAN, induk=pemda)
    kel = Unit.objects.create(nama="Kelurahan Limbung", jenis=Unit.Jenis.SUB_UNIT, induk=kec)
    lain = Unit.objects.create(nama="Kabupaten Takalar", jenis=Unit.Jenis.PEMERINTAH_DAERAH)

    assert pemda.jalur == f"/{pemda.pk}/"
    assert kel.jalur == f"/{pemda.pk}/{kec.pk}/{kel.pk}/"
    assert kel.leluhur_ids == [pemda.pk, kec.pk, kel.pk]
    assert kel.akar_id == pemda.pk
    assert kel.is_below(pemda) and kec.is_below(kec) and not kec.is_below(kec, inclusive=False)
    assert not kel.is_below(lain)
    assert set(Unit.objects.subtree(kec)) == {kec, kel}
    assert kec.nama_normal == "KECAMATAN BAJENG"
    assert list(Unit.objects.pemerintah_daerah().order_by("pk")) == [pemda, lain]


@pytest.mark.django_db
def test_moving_a_unit_moves_its_subtree():
    pemda = Unit.objects.create(nama="Kabupaten Gowa", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    dinas = Unit.objects.create(nama="Dinas Kesehatan", jenis=Unit.Jenis.PERANGKAT_DAERAH, induk=pemda)
    bidang = Unit.objects.create(nama="Bidang P2P", jenis=Unit.Jenis.SUB_UNIT, induk=dinas)
    seksi = Unit.objects.create(nama="Seksi Imunisasi", jenis=Unit.Jenis.SUB_UNIT, induk=bidang)
    lain = Unit.objects.create(nama="Dinas Sosial", jenis=Unit.Jenis.PERANGKAT_DAERAH, induk=pemda)

    bidang.induk = lain
    bidang.save()

    seksi.refresh_from_db()
    assert bidang.jalur == f"/{pemda.pk}/{lain.pk}/{bidang.pk}/"
    assert seksi.jalur == f"/{pemda.pk}/{lain.pk}/{bidang.pk}/{seksi.pk}/"
    assert set(Unit.objects.subtree(dinas)) == {dinas}


@pytest.mark.django_db
def test_unit_cannot_be_its_own_ancestor():
    pemda = Unit.objects.create(nama="Kabupaten Gowa", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    kec = Unit.objects.create(nama="Kecamatan Bajeng", jenis=Unit.Jenis.KECAMATAN, induk=pemda)
    pemda.induk = kec
    with pytest.raises(ValidationError):
        pemda.full_clean()


@pytest.mark.django_db
def test_pejabat_name_key_and_nip_normalised():
    p = Pejabat.objects.create(nama="SITI HAERANI, S.SOS", nip="NIP. 19711010 199312 2 003", jabatan="Camat")
    assert p.nama_normal == "SITI HAERANI"
    assert p.nip == "197110101993122003"
    assert str(p) == "SITI HAERANI, S.SOS (Camat)"


@pytest.mark.django_db
def test_pejabat_without_nip_are_many_but_a_nip_is_unique():
    Pejabat.objects.create(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", nip="")
    Pejabat.objects.create(nama="Andi Baso", nip=None)
    assert Pejabat.objects.filter(nip__isnull=True).count() == 2
    Pejabat.objects.create(nama="Siti", nip="197110101993122003")
    with pytest.raises(IntegrityError):
        Pejabat.objects.create(nama="Siti lagi", nip="19711010 199312 2 003")


@pytest.mark.django_db
def test_pejabat_clean_rejects_an_invalid_nip():
    with pytest.raises(ValidationError) as err:
        Pejabat(nama="Siti", nip="197113101993122003").full_clean()  # month 13 in the birth date
    assert "nip" in err.value.message_dict


@pytest.mark.django_db
def test_pejabat_dengan_nama_is_per_unit(unit_a, unit_b):
    Pejabat.objects.create(nama="ANDI BASO, S.STP", unit=unit_a)
    assert Pejabat.objects.dengan_nama("Andi Baso", unit_a).count() == 1
    assert Pejabat.objects.dengan_nama("Andi Baso", unit_b).count() == 0


@pytest.mark.django_db
def test_unit_role_is_unique_per_user_unit_and_role(operator_a, unit_a):
    role = UnitRole.objects.get(user=operator_a)
    assert str(role) == "operator_a — Operator Kecamatan Bajeng"
    UnitRole.objects.create(user=operator_a, unit=unit_a, peran=UnitRole.Peran.PIMPINAN)
    with pytest.raises(IntegrityError):
        UnitRole.objects.create(user=operator_a, unit=unit_a, peran=UnitRole.Peran.OPERATOR)


@pytest.mark.django_db
def test_str(unit_a):
    assert str(unit_a) == "Kecamatan Bajeng"
    assert str(Pejabat(nama="Andi")) == "Andi"
