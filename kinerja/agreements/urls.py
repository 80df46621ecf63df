from django.urls import path

from kinerja.agreements import views, views_alur, views_impor, views_pohon, views_sunting

app_name = "agreements"

urlpatterns = [
    path("", views.pk_list, name="pk_list"),
    path("pk/<int:pk_id>/", views.pk_detail, name="pk_detail"),
    path("pohon/", views_pohon.pohon, name="pohon"),
    path("pk/<int:pk_id>/aksi/<str:aksi>/", views_alur.pk_aksi, name="pk_aksi"),
    path("pk/<int:pk_id>/perubahan/", views_alur.pk_perubahan, name="pk_perubahan"),
    path("pk/<int:pk_id>/riwayat/", views_alur.pk_riwayat, name="pk_riwayat"),
    path("pk/<int:pk_id>/beda/<int:lain_id>/", views_alur.pk_beda, name="pk_beda"),
    path("pk/<int:pk_id>/pindaian/<int:pindaian_id>/", views_alur.pk_pindaian, name="pk_pindaian"),
    path("pk/<int:pk_id>/json/", views_alur.pk_json, name="pk_json"),
    path("pk/baru/", views_sunting.pk_baru, name="pk_baru"),
    path("pk/<int:pk_id>/ubah/", views_sunting.pk_sunting, name="pk_sunting"),
    path("pk/<int:pk_id>/ubah/kepala/", views_sunting.pk_sunting_kepala, name="pk_sunting_kepala"),
    path("pk/<int:pk_id>/ubah/pihak/<str:ke>/", views_sunting.pk_sunting_pihak, name="pk_sunting_pihak"),
    path(
        "pk/<int:pk_id>/ubah/tanda-tangan/",
        views_sunting.pk_sunting_tanda_tangan,
        name="pk_sunting_tanda_tangan",
    ),
    path("pk/<int:pk_id>/ubah/atasan/", views_sunting.pk_sunting_atasan, name="pk_sunting_atasan"),
    path("pk/<int:pk_id>/ubah/turunkan/", views_sunting.pk_sunting_turunkan, name="pk_sunting_turunkan"),
    path(
        "pk/<int:pk_id>/ubah/sasaran/tambah/",
        views_sunting.pk_sunting_sasaran_tambah,
        name="pk_sunting_sasaran_tambah",
    ),
    path(
        "pk/<int:pk_id>/ubah/sasaran/<int:sasaran_id>/indikator/tambah/",
        views_sunting.pk_sunting_indikator_tambah,
        name="pk_sunting_indikator_tambah",
    ),
    path(
        "pk/<int:pk_id>/ubah/program/tambah/",
        views_sunting.pk_sunting_program_tambah,
        name="pk_sunting_program_tambah",
    ),
    path(
        "pk/<int:pk_id>/ubah/indikator/<int:baris_id>/penjelasan/",
        views_sunting.pk_sunting_penjelasan,
        name="pk_sunting_penjelasan",
    ),
    path(
        "pk/<int:pk_id>/ubah/<str:bagian>/<int:baris_id>/",
        views_sunting.pk_sunting_baris,
        name="pk_sunting_baris",
    ),
    path(
        "pk/<int:pk_id>/ubah/<str:bagian>/<int:baris_id>/hapus/",
        views_sunting.pk_sunting_hapus,
        name="pk_sunting_hapus",
    ),
    path(
        "pk/<int:pk_id>/ubah/<str:bagian>/<int:baris_id>/<str:arah>/",
        views_sunting.pk_sunting_pindah,
        name="pk_sunting_pindah",
    ),
    path("pk/impor/", views_impor.pk_impor, name="pk_impor"),
    path("pk/impor/<int:unggahan_id>/", views_impor.pk_impor_pratinjau, name="pk_impor_pratinjau"),
]
