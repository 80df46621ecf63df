"""import_pk: a parsed PK (domain dataclasses built by hand) stored in one transaction."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from kinerja.agreements.models import (
    Baseline,
    CatatanImpor,
    DasarHukum,
    Indikator,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    TandaTangan,
)
from kinerja.agreements.services import ImporError, ImportResult, import_pk
from kinerja.domain import pk as d
from kinerja.units.models import Pejabat, Unit
from tests.conftest import NIP_CAMAT, build_pk_data

pytestmark = pytest.mark.django_db


def _hitung() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (
            Unit,
            Pejabat,
            PerjanjianKinerja,
            Sasaran,
            Indikator,
            Baseline,
            DasarHukum,
            Program,
            TandaTangan,
            RencanaAksi,
            CatatanImpor,
        )
    }


def test_import_creates_units_officials_and_the_whole_pk():
    hasil = import_pk(build_pk_data(n_indikator=3), sumber="pk-bajeng.txt", sha256="ab" * 32)

    assert isinstance(hasil, ImportResult) and hasil.dibuat
    pk = hasil.pk
    assert pk.unit.nama == "Kecamatan Bajeng" and pk.unit.jenis == Unit.Jenis.KECAMATAN
    assert pk.unit.induk.nama == "Kabupaten Gowa"
    assert pk.unit.induk.jenis == Unit.Jenis.PEMERINTAH_DAERAH
    # Parties: the camat found by NIP later; the bupati belongs to the pemerintah daerah.
    assert pk.pihak_pertama.nip == NIP_CAMAT and pk.pihak_pertama.unit == pk.unit
    assert pk.pihak_kedua.nama_normal == "ADNAN PURICHTA ICHSAN YL"
    assert pk.pihak_kedua.unit == pk.unit.induk
    # Snapshot as printed.
    assert pk.pihak_pertama_nama == "SITI HAERANI, S.SOS"
    assert pk.pihak_pertama_nip == NIP_CAMAT
    assert pk.pihak_kedua_jabatan == "Bupati Gowa"
    assert pk.pihak_kedua_nip == ""
    # Month-only date.
    assert (pk.tanggal_hari, pk.tanggal_bulan, pk.tanggal_tahun) == (None, 1, 2024)
    assert pk.tanggal_teks == "Januari 2024"
    assert pk.tempat == "Sungguminasa"
    # A draft: the import declares nobody's signature.
    assert pk.status == PerjanjianKinerja.Status.DRAF and not pk.publik
    assert (pk.sumber_berkas, pk.sumber_sha256) == ("pk-bajeng.txt", "ab" * 32)
    # Children.
    assert list(pk.sasaran.values_list("tingkat", flat=True)) == ["strategis", "program", "kegiatan"]
    assert Indikator.objects.filter(sasaran__perjanjian=pk).count() == 3
    assert pk.program.count() == 3
    assert pk.total_anggaran == Decimal("5204765371.00")
    assert pk.tanda_tangan.count() == 4
    assert pk.catatan_impor.count() == 0
    ikm = Indikator.objects.get(sasaran__perjanjian=pk, uraian__startswith="Indeks")
    assert ikm.target_nilai == Decimal("84.00") and ikm.target_desimal == 2
    assert (ikm.target_predikat, ikm.target_predikat_tercetak, ikm.target_teks) == (
        "Baik",
        "Balk",
        "84,00 (Balk)",
    )
    assert ikm.polaritas == Indikator.Polaritas.POSITIF
    # Penjelasan matched despite other case and spacing.
    assert ikm.berpenjelasan and ikm.sumber_data == "Kecamatan Bajeng"
    assert ikm.jumlah_indikator_tertulis == "Satu"
    assert list(ikm.dasar_hukum.values_list("urutan", flat=True)) == [1, 2]
    b = ikm.baseline.get()
    assert (b.tahun, b.target, b.realisasi, b.capaian) == (
        2023,
        Decimal("85"),
        Decimal("80.33"),
        Decimal("94.51"),
    )
    assert (
        hasil.pesan[0].startswith("Perjanjian Kinerja PK 2024 Kecamatan Bajeng")
        and "dibuat" in hasil.pesan[0]
    )


def test_reimport_updates_and_never_duplicates():
    pertama = import_pk(build_pk_data(n_indikator=5), sha256="ab" * 32)
    sebelum = _hitung()

    kedua = import_pk(build_pk_data(n_indikator=5), sha256="ab" * 32)

    assert not kedua.dibuat
    assert kedua.pk.pk == pertama.pk.pk
    assert _hitung() == sebelum
    assert "diperbarui" in kedua.pesan[0]
    assert any("SHA-256 sama" in p for p in kedua.pesan)


def test_reimport_replaces_the_children_with_the_new_content():
    import_pk(build_pk_data(n_indikator=8))
    hasil = import_pk(build_pk_data(n_indikator=2, anggaran=(Decimal("1000.00"),)))

    assert PerjanjianKinerja.objects.count() == 1
    assert Indikator.objects.count() == 2
    assert Baseline.objects.count() == 2 and DasarHukum.objects.count() == 4
    assert list(hasil.pk.program.values_list("anggaran", flat=True)) == [Decimal("1000.00")]


def test_another_year_or_jenis_is_another_pk():
    import_pk(build_pk_data())
    import_pk(build_pk_data(tahun=2025))
    import_pk(build_pk_data(jenis="perubahan"))
    assert PerjanjianKinerja.objects.count() == 3
    assert Unit.objects.count() == 2 and Pejabat.objects.count() == 2


def test_storing_as_signed_is_for_a_pimpinan_or_admin_and_is_traced(operator_a, pimpinan_a, unit_a):
    from kinerja.agreements.alur import IsianKurang, TidakBerhak

    with pytest.raises(TidakBerhak):
        import_pk(build_pk_data(), oleh=operator_a, ditandatangani=True, tanpa_pindaian=True)
    with pytest.raises(IsianKurang):
        import_pk(build_pk_data(), oleh=pimpinan_a, ditandatangani=True)
    assert not PerjanjianKinerja.objects.exists()

    pk = import_pk(build_pk_data(), oleh=pimpinan_a, ditandatangani=True, tanpa_pindaian=True).pk
    assert pk.status == PerjanjianKinerja.Status.DITANDATANGANI and pk.unit == unit_a


def test_an_admin_stores_last_years_paper_pk_as_signed_with_its_scan(admin_pemda, unit_a):
    from kinerja.agreements.pindaian import periksa_pindaian
    from kinerja.riwayat.models import Riwayat

    scan = periksa_pindaian("ttd.pdf", b"%PDF-1.4 tanda tangan")
    pk = import_pk(build_pk_data(), oleh=admin_pemda, ditandatangani=True, pindaian=scan).pk
    assert pk.status == PerjanjianKinerja.Status.DITANDATANGANI
    assert pk.pindaian.get().sha256 == scan.sha256
    jejak = list(Riwayat.objects.untuk(pk).values_list("aksi", "dari", "ke", "oleh"))
    assert jejak == [
        ("pk.impor", "", "draf", admin_pemda.pk),
        ("pk.tandatangani", "draf", "ditandatangani", admin_pemda.pk),
    ]
    assert Riwayat.objects.untuk(pk).last().data["langsung_dari_impor"] is True


def test_official_is_reused_by_nip_whatever_the_spelling():
    lama = Pejabat.objects.create(nama="Siti Haerani", nip="19711010 199312 2 003", jabatan="Sekcam")
    data = build_pk_data(
        pihak_pertama=d.Pihak(nama="SITI HAERANI, S.SOS", jabatan="Camat Bajeng", nip=NIP_CAMAT)
    )

    pk = import_pk(data).pk

    assert pk.pihak_pertama_id == lama.pk
    assert Pejabat.objects.filter(nip=NIP_CAMAT).count() == 1
    lama.refresh_from_db()
    assert lama.jabatan == "Camat Bajeng" and lama.nama == "SITI HAERANI, S.SOS"
    assert lama.unit == pk.unit


def test_official_without_nip_is_reused_by_name_in_the_unit():
    pemda = Unit.objects.create(nama="Kabupaten Gowa", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    bupati = Pejabat.objects.create(nama="ADNAN PURICHTA ICHSAN YL", unit=pemda)

    pk = import_pk(build_pk_data()).pk

    assert pk.pihak_kedua_id == bupati.pk
    assert Pejabat.objects.filter(nama_normal="ADNAN PURICHTA ICHSAN YL").count() == 1


def test_same_name_in_another_unit_is_another_official():
    lain = Unit.objects.create(nama="Kabupaten Takalar", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    Pejabat.objects.create(nama="ADNAN PURICHTA ICHSAN YL", unit=lain)

    import_pk(build_pk_data())

    assert Pejabat.objects.filter(nama_normal="ADNAN PURICHTA ICHSAN YL").count() == 2


def test_st_and_siti_are_not_merged():
    data = build_pk_data(pihak_pertama=d.Pihak(nama="ST. HAKRAN, S.Sos", jabatan="Camat Bajeng"))
    import_pk(data)
    data = build_pk_data(tahun=2025, pihak_pertama=d.Pihak(nama="SITI HAKRAN, S.Sos", jabatan="Camat Bajeng"))
    import_pk(data)
    assert set(Pejabat.objects.values_list("nama_normal", flat=True)) >= {"ST HAKRAN", "SITI HAKRAN"}


def test_nip_missing_on_the_statement_is_taken_from_the_same_persons_signature():
    # As in the Bajeng document: no NIP on the statement, "NIP. 197110101993122003" under the signature.
    data = build_pk_data(pihak_pertama=d.Pihak(nama="SITI HAERANI, S.SOS", jabatan="Camat Bajeng"))
    ttd = d.TandaTangan(
        bagian="pernyataan", pihak="pertama", nama="SITI HAERANI, S.SOS", nip=f"NIP. {NIP_CAMAT}"
    )
    pk = import_pk(replace(data, tanda_tangan=(ttd,))).pk
    assert pk.pihak_pertama.nip == NIP_CAMAT and pk.pihak_pertama_nip == NIP_CAMAT


def test_unmatched_penjelasan_is_kept_as_a_catatan():
    data = build_pk_data(n_indikator=2)
    lepas = d.Penjelasan(indikator="Nilai SAKIP", relevansi="Akuntabilitas", baris=77)
    hasil = import_pk(replace(data, penjelasan=(*data.penjelasan, lepas)))

    catatan = hasil.pk.catatan_impor.get()
    assert catatan.baris == 77
    assert "Nilai SAKIP" in catatan.pesan and "Relevansi: Akuntabilitas" in catatan.pesan
    assert any("1 penjelasan tidak cocok" in p for p in hasil.pesan)


def test_penjelasan_matches_without_the_parenthesised_abbreviation():
    data = build_pk_data(n_indikator=1, penjelasan=False)
    data = replace(data, penjelasan=(d.Penjelasan(indikator="Indeks kepuasan masyarakat", formulasi="F"),))
    pk = import_pk(data).pk
    assert Indikator.objects.get(sasaran__perjanjian=pk).formulasi == "F"
    assert pk.catatan_impor.count() == 0


def test_parser_notes_and_rencana_aksi_are_kept():
    data = replace(
        build_pk_data(n_indikator=1),
        catatan=(d.Catatan(baris=12, pesan="Baris tidak dikenal"),),
        rencana_aksi=(
            d.RencanaAksi(
                indikator="Indeks Kepuasan Masyarakat (IKM)",
                target_periode=(("TW I", "80"), ("TW IV", "84")),
                baris=300,
            ),
            d.RencanaAksi(indikator="Tidak ada di tabel", target_periode=(("TW I", "1"),)),
        ),
    )
    pk = import_pk(data).pk
    assert pk.catatan_impor.get().pesan == "Baris tidak dikenal"
    rencana = list(pk.rencana_aksi.order_by("urutan"))
    assert [(r.periode, r.target_teks) for r in rencana] == [("TW I", "80"), ("TW IV", "84"), ("TW I", "1")]
    assert rencana[0].indikator.uraian == "Indeks Kepuasan Masyarakat (IKM)"
    assert rencana[2].indikator is None


def test_printed_total_that_differs_is_reported():
    data = replace(build_pk_data(), total_anggaran_tercetak=Decimal("5204765370.00"))
    hasil = import_pk(data)
    assert hasil.pk.total_anggaran_tercetak == Decimal("5204765370.00")
    assert any("Rp5.204.765.370,00" in p and "Rp5.204.765.371,00" in p for p in hasil.pesan)


def test_perubahan_keeps_its_reason():
    data = replace(build_pk_data(), jenis="perubahan", alasan_perubahan="Pergantian pejabat (mutasi camat)")
    pk = import_pk(data).pk
    assert pk.alasan_perubahan == PerjanjianKinerja.AlasanPerubahan.PERGANTIAN_PEJABAT
    assert pk.alasan_perubahan_keterangan == "Pergantian pejabat (mutasi camat)"


def test_superior_pk_is_linked_both_ways():
    camat = import_pk(build_pk_data()).pk
    bupati_data = build_pk_data(
        unit="Kabupaten Gowa",
        pihak_pertama=d.Pihak(nama="Dr. ADNAN PURICHTA ICHSAN YL, S.H., M.H.", jabatan="Bupati Gowa"),
        pihak_kedua=None,
    )
    bupati_data = replace(bupati_data, pihak_kedua=None)
    bupati = import_pk(bupati_data).pk

    assert bupati.unit.jenis == Unit.Jenis.PEMERINTAH_DAERAH and bupati.pihak_kedua is None
    camat.refresh_from_db()
    assert camat.atasan_pk == bupati
    # A re-import of the camat's PK keeps (finds) the link.
    assert import_pk(build_pk_data()).pk.atasan_pk == bupati


def test_missing_essentials_are_refused_before_anything_is_stored():
    with pytest.raises(ImporError, match="tahun, unit"):
        import_pk(replace(build_pk_data(), tahun=None, unit=None))
    assert _hitung()["Unit"] == 0


def test_an_error_midway_rolls_everything_back(monkeypatch):
    def gagal(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(Program.objects, "bulk_create", gagal)
    with pytest.raises(RuntimeError):
        import_pk(build_pk_data(n_indikator=4))
    assert all(n == 0 for n in _hitung().values()), _hitung()


def test_an_error_in_a_reimport_keeps_the_previous_content(monkeypatch):
    import_pk(build_pk_data(n_indikator=4))
    sebelum = _hitung()

    def gagal(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(TandaTangan.objects, "bulk_create", gagal)
    with pytest.raises(RuntimeError):
        import_pk(build_pk_data(n_indikator=9))
    assert _hitung() == sebelum


def test_user_must_be_allowed_to_edit_the_unit(operator_a, operator_b, unit_a):
    sebelum = _hitung()
    with pytest.raises(PermissionDenied):
        import_pk(build_pk_data(), oleh=operator_b)
    assert _hitung() == sebelum

    pk = import_pk(build_pk_data(), oleh=operator_a).pk
    assert pk.unit == unit_a and pk.diimpor_oleh == operator_a


def test_an_operator_cannot_create_a_new_pemda_by_importing(operator_a):
    with pytest.raises(PermissionDenied):
        import_pk(build_pk_data(pemerintah="Kabupaten Takalar", unit="Kecamatan Galesong"), oleh=operator_a)
    assert not Unit.objects.filter(nama="Kabupaten Takalar").exists()


def test_a_200_indicator_pk_imports_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(60):
        hasil = import_pk(build_pk_data(n_indikator=200))
    assert Indikator.objects.filter(sasaran__perjanjian=hasil.pk).count() == 200
    assert Baseline.objects.count() == 200 and DasarHukum.objects.count() == 400
