from django.urls import path

from kinerja.agreements import views, views_alur, views_impor

app_name = "agreements"

urlpatterns = [
    path("", views.pk_list, name="pk_list"),
    path("pk/<int:pk_id>/", views.pk_detail, name="pk_detail"),
    path("pk/<int:pk_id>/aksi/<str:aksi>/", views_alur.pk_aksi, name="pk_aksi"),
    path("pk/<int:pk_id>/perubahan/", views_alur.pk_perubahan, name="pk_perubahan"),
    path("pk/<int:pk_id>/riwayat/", views_alur.pk_riwayat, name="pk_riwayat"),
    path("pk/<int:pk_id>/beda/<int:lain_id>/", views_alur.pk_beda, name="pk_beda"),
    path("pk/<int:pk_id>/pindaian/<int:pindaian_id>/", views_alur.pk_pindaian, name="pk_pindaian"),
    path("pk/<int:pk_id>/json/", views_alur.pk_json, name="pk_json"),
    path("pk/impor/", views_impor.pk_impor, name="pk_impor"),
    path("pk/impor/<int:unggahan_id>/", views_impor.pk_impor_pratinjau, name="pk_impor_pratinjau"),
]
