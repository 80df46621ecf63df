"""Spreadsheets of monitoring: the triwulan's realisasi and the rencana aksi as XLSX templates, filled
offline and uploaded (preview, then accept). Included in the `monitoring` namespace."""

from django.urls import path

from kinerja.monitoring import views_lembar as v

urlpatterns = [
    path("pantau/pk/<int:pk>/tw/<int:tw>/lembar.xlsx", v.lembar_unduh, name="lembar_unduh"),
    path("pantau/pk/<int:pk>/tw/<int:tw>/unggah/", v.lembar_unggah, name="lembar_unggah"),
    path("pantau/pk/<int:pk>/tw/<int:tw>/unggah/<str:token>/", v.lembar_pratinjau, name="lembar_pratinjau"),
    path("pantau/pk/<int:pk>/rencana/lembar.xlsx", v.rencana_unduh, name="rencana_unduh"),
    path("pantau/pk/<int:pk>/rencana/unggah/", v.rencana_unggah, name="rencana_unggah"),
    path("pantau/pk/<int:pk>/rencana/unggah/<str:token>/", v.rencana_pratinjau, name="rencana_pratinjau"),
]
