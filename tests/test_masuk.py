"""Operators log in on kinerja's own page (the admin login only admits staff)."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_operator_without_staff_flag_logs_in_and_reaches_the_import_page(client, operator_a):
    url = reverse("agreements:pk_impor")
    res = client.get(url)
    assert res.status_code == 302 and res["Location"].startswith(reverse("masuk"))
    res = client.post(
        reverse("masuk"), {"username": "operator_a", "password": "rahasia-uji-123", "next": url}
    )
    assert res.status_code == 302 and res["Location"] == url
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_wrong_password_says_so_in_indonesian_and_keeps_the_name(client, operator_a):
    res = client.post(reverse("masuk"), {"username": "operator_a", "password": "salah"})
    html = res.content.decode()
    assert res.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in html
    assert 'value="operator_a"' in html


@pytest.mark.django_db
def test_logout_is_a_post_and_returns_home(client, operator_a):
    client.force_login(operator_a)
    res = client.post(reverse("keluar"))
    assert res.status_code == 302
    assert "_auth_user_id" not in client.session
