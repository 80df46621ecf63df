"""URLs of the SKM: operator screens under /skm/kelola/, the public questionnaire at /skm/<token>/."""

from django.urls import path

from kinerja.surveys import views, views_kelola

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
    # Public: the token is the period's unguessable address (96 random bits).
    path("skm/<str:token>/", views.formulir, name="formulir"),
    path("skm/<str:token>/terima-kasih/", views.terima_kasih, name="terima_kasih"),
    # Reserved for the full results page (charts, report); today a plain table of the snapshot.
    path("skm/<str:token>/hasil/", views.hasil, name="hasil"),
]
