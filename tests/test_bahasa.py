"""Indonesian first: Indonesian whatever the browser says, English only when the user chooses it."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_pages_are_indonesian_even_for_an_english_browser(client):
    res = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert res["Content-Language"] == "id"
    assert "Nama pengguna" in res.content.decode()


@pytest.mark.django_db
def test_choosing_english_switches_the_admin(client):
    res = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert res.status_code == 302
    res = client.get(reverse("admin:login"))
    assert res["Content-Language"] == "en"
    assert "Username" in res.content.decode()
