from django.urls import path

from kinerja.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("evaluasi/", views.daftar, name="daftar"),
    path("evaluasi/<int:ev_id>/", views.lembar, name="lembar"),
    path("evaluasi/<int:ev_id>/lhe.<str:format>", views.lhe, name="lhe"),
    path("evaluasi/bukti/<int:bukti_id>/", views.bukti, name="bukti"),
    path("evaluasi/rekomendasi/<int:rek_id>/", views.rekomendasi, name="rekomendasi"),
]
