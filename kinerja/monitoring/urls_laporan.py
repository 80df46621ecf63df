"""Reports of monitoring: the triwulan report and the LKjIP (page, PDF, DOCX, XLSX)."""

from django.urls import path

from kinerja.monitoring import views_laporan

urlpatterns = [
    path("pantau/pk/<int:pk>/laporan/tw/<int:tw>/", views_laporan.laporan_triwulan, name="laporan_triwulan"),
    path("pantau/pk/<int:pk>/lkjip/", views_laporan.lkjip, name="lkjip"),
]
