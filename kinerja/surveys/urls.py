"""URLs of the SKM: operator screens under /skm/kelola/, the public questionnaire at /skm/<token>/."""

from django.urls import path

from kinerja.surveys import views, views_hasil, views_kelola, views_operasi, views_saran

app_name = "surveys"

urlpatterns = [
    path("skm/kelola/", views_kelola.daftar, name="daftar"),
    path("skm/kelola/baru/", views_kelola.baru, name="baru"),
    path("skm/kelola/unit/<int:unit_id>/", views_kelola.pengaturan_unit, name="pengaturan_unit"),
    path("skm/kelola/<int:periode_id>/", views_kelola.periode, name="periode"),
    path("skm/kelola/<int:periode_id>/ubah/", views_kelola.ubah, name="ubah"),
    path("skm/kelola/<int:periode_id>/kertas/", views_kelola.kertas, name="kertas"),
    path("skm/kelola/<int:periode_id>/tutup/", views_kelola.tutup, name="tutup"),
    path("skm/kelola/<int:periode_id>/kode/", views_kelola.kode_tiket, name="kode_tiket"),
    path("skm/kelola/<int:periode_id>/impor/", views_operasi.impor, name="impor"),
    path("skm/kelola/<int:periode_id>/templat.<str:format>", views_operasi.templat, name="templat"),
    path("skm/kelola/<int:periode_id>/tindak-lanjut/", views_operasi.tindak_lanjut, name="tindak_lanjut"),
    path(
        "skm/kelola/<int:periode_id>/tindak-lanjut/<int:tl_id>/",
        views_operasi.tindak_lanjut_ubah,
        name="tindak_lanjut_ubah",
    ),
    path(
        "skm/kelola/<int:periode_id>/tindak-lanjut/<int:tl_id>/hapus/",
        views_operasi.tindak_lanjut_hapus,
        name="tindak_lanjut_hapus",
    ),
    path("skm/kelola/<int:periode_id>/saran/", views_saran.saran, name="saran"),
    path("skm/kelola/<int:periode_id>/saran.xlsx", views_saran.saran_xlsx, name="saran_xlsx"),
    path("skm/kelola/<int:periode_id>/laporan/", views_operasi.laporan, name="laporan"),
    path("skm/kelola/<int:periode_id>/poster/", views_operasi.poster, name="poster"),
    path("skm/kelola/<int:periode_id>/poster.pdf", views_operasi.poster_pdf, name="poster_pdf"),
    # Results: a unit's year (public: closed periods only).
    path("skm/hasil/", views_hasil.daftar_hasil, name="daftar_hasil"),
    path("skm/hasil/unit/<int:unit_id>/<int:tahun>/", views_hasil.tahunan, name="tahunan"),
    # Public: the token is the period's unguessable address (96 random bits).
    path("skm/<str:token>/", views.formulir, name="formulir"),
    path("skm/<str:token>/terima-kasih/", views.terima_kasih, name="terima_kasih"),
    # Results: public once closed; interim for the unit's users while open.
    path("skm/<str:token>/hasil/", views_hasil.hasil, name="hasil"),
    path("skm/<str:token>/hasil/laporan.pdf", views_hasil.laporan_pdf, name="laporan_pdf"),
    path("skm/<str:token>/hasil/laporan.docx", views_hasil.laporan_docx, name="laporan_docx"),
]
