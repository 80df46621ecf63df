from django.urls import path

from kinerja.units import views, views_pemda

app_name = "units"

urlpatterns = [
    path("pejabat/periksa-nip/", views.periksa_nip, name="periksa_nip"),
    # The pemda's own admin screens (kinerja/units/views_pemda.py): admins of a unit, in their subtree.
    path("pemda/unit/", views_pemda.unit_daftar, name="pemda_unit"),
    path("pemda/unit/tambah/", views_pemda.unit_tambah, name="pemda_unit_tambah"),
    path("pemda/unit/<int:unit_id>/", views_pemda.unit_ubah, name="pemda_unit_ubah"),
    path("pemda/unit/<int:unit_id>/pindah/", views_pemda.unit_pindah, name="pemda_unit_pindah"),
    path("pemda/pejabat/", views_pemda.pejabat_daftar, name="pemda_pejabat"),
    path("pemda/pejabat/tambah/", views_pemda.pejabat_tambah, name="pemda_pejabat_tambah"),
    path("pemda/pejabat/<int:pejabat_id>/", views_pemda.pejabat_ubah, name="pemda_pejabat_ubah"),
    path("pemda/pejabat/<int:pejabat_id>/pindah/", views_pemda.pejabat_pindah, name="pemda_pejabat_pindah"),
    path("pemda/pengguna/", views_pemda.pengguna_daftar, name="pemda_pengguna"),
    path("pemda/pengguna/tambah/", views_pemda.pengguna_tambah, name="pemda_pengguna_tambah"),
    path(
        "pemda/pengguna/<int:pengguna_id>/tautan-sandi/",
        views_pemda.pengguna_tautan_sandi,
        name="pemda_pengguna_tautan_sandi",
    ),
    path("pemda/peran/beri/", views_pemda.peran_beri, name="pemda_peran_beri"),
    path("pemda/peran/<int:peran_id>/cabut/", views_pemda.peran_cabut, name="pemda_peran_cabut"),
]
