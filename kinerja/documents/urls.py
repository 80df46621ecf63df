from django.urls import path

from kinerja.documents import views

app_name = "documents"

urlpatterns = [
    path("pk/<int:pk_id>/unduh/<str:format>/", views.pk_unduh, name="pk_unduh"),
    path("unduh/", views.unduhan, name="unduhan"),
    path("unduh/pk-<int:tahun>.zip", views.pk_zip, name="pk_zip"),
    path("verifikasi/<str:token>/", views.verifikasi, name="verifikasi"),
    path("verifikasi/<str:token>/pdf/", views.verifikasi_pdf, name="verifikasi_pdf"),
]
