from django.urls import path

from kinerja.agreements import views, views_impor

app_name = "agreements"

urlpatterns = [
    path("", views.pk_list, name="pk_list"),
    path("pk/<int:pk_id>/", views.pk_detail, name="pk_detail"),
    path("pk/impor/", views_impor.pk_impor, name="pk_impor"),
    path("pk/impor/<int:unggahan_id>/", views_impor.pk_impor_pratinjau, name="pk_impor_pratinjau"),
]
