from django.urls import path

from kinerja.units import views

app_name = "units"

urlpatterns = [
    path("pejabat/periksa-nip/", views.periksa_nip, name="periksa_nip"),
]
