"""Monitoring pages under /pantau/ (docs/adr/0005-monitoring.md)."""

from django.urls import include, path

from kinerja.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("pantau/", views.dasbor, name="dasbor"),
    path("pantau/pk/<int:pk>/", views.pk, name="pk"),
    path("pantau/pk/<int:pk>/tw/<int:tw>/", views.triwulan, name="triwulan"),
    path("pantau/pk/<int:pk>/rencana/", views.rencana, name="rencana"),
    path("pantau/bukti/<int:pk>/", views.bukti, name="bukti"),
    path("pantau/koreksi/<int:pk>/", views.koreksi, name="koreksi"),
    path("", include("kinerja.monitoring.urls_laporan")),
    path("", include("kinerja.monitoring.urls_lembar")),
]
