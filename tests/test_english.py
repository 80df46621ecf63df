"""English on request: the catalogue kinerja/locale/en is complete, compiled, and used once the user chooses English.

Indonesian is the source language of every msgid; English comes from kinerja/locale/en/LC_MESSAGES/django.po
(compiled to django.mo, which is committed so machines without gettext still show English).
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

LC_MESSAGES = Path(settings.BASE_DIR) / "kinerja" / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"


def _english(client):
    res = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert res.status_code == 302
    return client


def _html(res) -> str:
    assert res.status_code == 200
    return res.content.decode()


def _assert_bahasa(html: str, english: list[str], indonesian: list[str]) -> None:
    for teks in english:
        assert teks in html, teks
    for teks in indonesian:
        assert teks not in html, teks


# --- the pages ---------------------------------------------------------------------------------

PK_LIST_EN = ["All years", "Show", "There is no Perjanjian Kinerja to show yet.", "Language", "Change"]
PK_LIST_ID = [
    "Semua tahun",
    "Tampilkan",
    "Belum ada Perjanjian Kinerja yang dapat ditampilkan.",
    "Bahasa</label>",
    "Ganti",
]

PK_TABLE_EN = ["First party", "Budget total", "Indicators", "1 document"]
PK_TABLE_ID = ["Pihak pertama", "Total anggaran", "Jumlah indikator", "1 dokumen"]

MASUK_EN = ["Log in to kinerja", "Username", "Password", "Forgot your password?"]
MASUK_ID = ["Masuk ke kinerja", "Nama pengguna", "Kata sandi", "Lupa kata sandi?"]

IMPOR_EN = [
    "Import a Perjanjian Kinerja",
    "Read and review",
    "Perjanjian Kinerja file",
    "nothing is saved until you approve it",
    "Log out",
]
IMPOR_ID = [
    "Impor Perjanjian Kinerja",
    "Baca dan periksa",
    "Berkas Perjanjian Kinerja",
    "tidak ada yang disimpan",
    "Keluar",
]


@pytest.mark.django_db
def test_pk_list_in_english(client):
    res = _english(client).get(reverse("agreements:pk_list"))
    assert res["Content-Language"] == "en"
    _assert_bahasa(_html(res), PK_LIST_EN, PK_LIST_ID)


@pytest.mark.django_db
def test_pk_list_in_indonesian_without_the_cookie(client):
    res = client.get(reverse("agreements:pk_list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert res["Content-Language"] == "id"
    _assert_bahasa(_html(res), PK_LIST_ID, ["All years", "Show</button>", "There is no Perjanjian Kinerja"])


@pytest.mark.django_db
def test_pk_list_table_in_english_and_indonesian(client, unit_a, pk_factory):
    pk_factory(unit_a)
    _assert_bahasa(_html(client.get(reverse("agreements:pk_list"))), PK_TABLE_ID, PK_TABLE_EN)
    _assert_bahasa(_html(_english(client).get(reverse("agreements:pk_list"))), PK_TABLE_EN, PK_TABLE_ID)


@pytest.mark.django_db
def test_login_page_in_english(client):
    _assert_bahasa(_html(_english(client).get(reverse("masuk"))), MASUK_EN, MASUK_ID)


@pytest.mark.django_db
def test_login_page_in_indonesian_without_the_cookie(client):
    _assert_bahasa(_html(client.get(reverse("masuk"))), MASUK_ID, MASUK_EN)


@pytest.mark.django_db
def test_import_page_in_english(client, operator_a):
    client.force_login(operator_a)
    _assert_bahasa(_html(_english(client).get(reverse("agreements:pk_impor"))), IMPOR_EN, IMPOR_ID)


@pytest.mark.django_db
def test_import_page_in_indonesian_without_the_cookie(client, operator_a):
    client.force_login(operator_a)
    _assert_bahasa(_html(client.get(reverse("agreements:pk_impor"))), IMPOR_ID, IMPOR_EN)


# --- the catalogue -----------------------------------------------------------------------------


def _po_entries() -> list[dict]:
    """The entries of the .po: flags, msgid and every msgstr (joined across continuation lines)."""
    entries = []
    for block in re.split(r"\n\s*\n", PO.read_text(encoding="utf-8")):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines or all(line.startswith("#~") or line.startswith("#") for line in lines):
            continue
        if any(line.startswith("#~") for line in lines):
            continue  # obsolete entry
        entry: dict = {"flags": [], "msgid": None, "msgstr": []}
        field = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] += [f.strip() for f in line[2:].split(",")]
            elif line.startswith("#"):
                continue
            else:
                m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
                if m:
                    field, text = m.groups()
                    if field.startswith("msgstr"):
                        entry["msgstr"].append(text)
                    else:
                        entry[field] = text
                elif line.startswith('"') and field is not None:
                    text = line[1:-1]
                    if field.startswith("msgstr"):
                        entry["msgstr"][-1] += text
                    else:
                        entry[field] += text
        entries.append(entry)
    return entries


def test_the_catalogue_is_complete():
    entries = _po_entries()
    header = [e for e in entries if e["msgid"] == ""]
    messages = [e for e in entries if e["msgid"]]
    assert len(header) == 1 and "Plural-Forms: nplurals=2" in header[0]["msgstr"][0]
    assert len(messages) > 400
    untranslated = [e["msgid"] for e in messages if not e["msgstr"] or not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_are_kept():
    for e in _po_entries():
        if not e["msgid"]:
            continue
        ids = sorted(re.findall(r"%(?:\(\w+\))?[-.\d]*[sdf]", e["msgid"]))
        for msgstr in e["msgstr"]:
            assert sorted(re.findall(r"%(?:\(\w+\))?[-.\d]*[sdf]", msgstr)) == ids, e["msgid"]


def test_the_mo_is_compiled_from_the_current_po():
    assert MO.exists(), "run: kinerja compilemessages"
    # Not by file times (a checkout writes them in any order): every .po entry must be in the .mo as is.
    with MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    for e in _po_entries():
        if e["msgid"] and "msgid_plural" not in e:
            expected = _unescape(e["msgstr"][0])
            if "msgctxt" in e:
                got = mo.pgettext(_unescape(e["msgctxt"]), _unescape(e["msgid"]))
            else:
                got = mo.gettext(_unescape(e["msgid"]))
            assert got == expected, "django.mo is stale: run compilemessages"


def _unescape(text: str) -> str:
    """A .po string literal's escapes (\\n, \\t, \\", \\\\) as the characters they stand for."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def test_skm_results_in_english_while_its_report_stays_indonesian(client, unit_a, admin_pemda):
    """The results page's labels follow the reader's language; the SKM report is an official
    document and stays Indonesian whatever the reader chose."""
    import io
    import zipfile
    from datetime import date

    from kinerja.surveys import services

    p = services.buat_periode(
        unit_a, judul="Semester I", tanggal_mulai=date(2024, 1, 1), tanggal_selesai=date(2024, 6, 30)
    )
    for i in range(3):
        data = {f"U{k}": 3 + i % 2 for k in range(1, 10)}
        data["pendidikan"] = "SMA" if i else ""
        services.kirim_respons(p, data)
    services.tutup_periode(p, admin_pemda)
    _english(client)
    html = _html(client.get(reverse("surveys:hasil", args=[p.token])))
    _assert_bahasa(html, ["Not answered", "respondents wrote a suggestion"], ["Tidak mengisi"])
    r = client.get(reverse("surveys:laporan_docx", args=[p.token]))
    xml = zipfile.ZipFile(io.BytesIO(r.content)).read("word/document.xml").decode()
    assert "Tidak mengisi" in xml and "Pendidikan terakhir" in xml and "Not answered" not in xml


@pytest.mark.django_db
def test_the_pk_life_speaks_english_on_request(client_as, admin_pemda, pk_factory, unit_a):
    terbit = pk_factory(unit_a)
    client = _english(client_as(admin_pemda))
    html = _html(client.get(reverse("agreements:pk_detail", args=[terbit.pk])))
    _assert_bahasa(
        html, ["Published", "Withdraw", "Recent history"], ["Diterbitkan</span>", "Riwayat terbaru"]
    )
    html = _html(client.get(reverse("agreements:pk_riwayat", args=[terbit.pk])))
    assert "Perjanjian Kinerja history" in html
