from django.urls import path

from kinerja.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.pk_list, name="pk_list"),
    path("pk/<int:pk_id>/", views.pk_detail, name="pk_detail"),
]
