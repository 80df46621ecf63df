"""Issue #14's scenario on the seed PK (Kecamatan Bajeng 2024), through the web pages as each person
uses them: the unit's self-assessment with evidence, the pimpinan's submission, the evaluator's
adjustments, the pengendali teknis's finalisation, the LHE, the recommendations followed up, and the
Nilai SAKIP standing as the automatic realisasi of the PK's "Nilai SAKIP" indicator. SQLite and
PostgreSQL alike (`make test` runs both)."""

from __future__ import annotations

import io
from decimal import Decimal

import pdfplumber
import pytest
from docx import Document

from kinerja.agreements.models import Indikator, PerjanjianKinerja
from kinerja.evaluation.models import Evaluasi, Rekomendasi, StatusEvaluasi
from kinerja.monitoring.models import Realisasi
from kinerja.riwayat.models import Riwayat
from kinerja.units.models import Unit
from tests.conftest import _user, muat_demo

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NIP_INSPEKTUR = "196905121990031005"


@pytest.fixture
def bajeng():
    muat_demo("demo")
    return PerjanjianKinerja.objects.select_related("unit").get(tahun=2024, unit__nama="Kecamatan Bajeng")


@pytest.fixture
def orang(bajeng):
    unit = bajeng.unit
    pemda = Unit.objects.get(pk=unit.akar_id)
    return {
        "operator": _user("op.bajeng", unit, "operator"),
        "pimpinan": _user("camat.bajeng", unit, "pimpinan"),
        "evaluator": _user("evaluator", pemda, "inspektorat"),
        "pengendali": _user("pengendali", pemda, "inspektorat"),
        "operator_lain": _user(
            "op.lain",
            Unit.objects.create(nama="Kecamatan Pallangga", jenis="kecamatan", induk=pemda),
            "operator",
        ),
    }


def _sebagai(client, user):
    client.force_login(user)
    return client


def _isian_semua(ev, jawaban="BB"):
    ins = ev.instrumen.domain
    data = {"aksi": "simpan"}
    for k in ins.kriteria:
        data[f"j-{k.kode}"] = jawaban if jawaban in ins.pilihan(k) else "Y"
        data[f"p-{k.kode}"] = f"Dokumen {k.kode} tersedia."
    return data


def test_evaluasi_dari_penilaian_mandiri_sampai_nilai_sakip_di_pk(client, bajeng, orang):
    unit = bajeng.unit
    op = _sebagai(client, orang["operator"])
    r = op.post("/evaluasi/", {"unit": unit.pk, "tahun": "2024"})
    assert r.status_code == 302
    ev = Evaluasi.objects.get(unit=unit, tahun=2024)
    ins = ev.instrumen.domain
    assert (ins.kode, len(ins.kriteria)) == ("88/2021", 80)
    # Two criteria are answered Ya/Tidak; the rest on the AA–E scale.
    assert [k.kode for k in ins.kriteria if k.skala == "Y/T"] == ["1.a.2", "1.a.3"]

    # A rejected save keeps what was typed and says where.
    salah = _isian_semua(ev) | {"j-2.a.1": "ZZ", "p-1.a.1": "Ketikan yang tidak boleh hilang"}
    r = op.post(f"/evaluasi/{ev.pk}/", salah)
    assert r.status_code == 400
    teks = r.content.decode()
    assert "Jawaban “ZZ” untuk kriteria 2.a.1 tidak dikenal" in teks
    assert "Ketikan yang tidak boleh hilang" in teks
    assert not ev.jawaban.exclude(jawaban_unit="").exists()  # nothing saved

    # The unit rates everything BB (Ya where Ya/Tidak), one criterion A.
    r = op.post(f"/evaluasi/{ev.pk}/", _isian_semua(ev) | {"j-1.b.1": "A"})
    assert r.status_code == 302
    # Evidence: a file, and the records kinerja proposes (the published PK of the year).
    r = op.post(
        f"/evaluasi/{ev.pk}/",
        {"aksi": "bukti", "kriteria": "1.b.1", "judul": "Renstra 2021-2026", "berkas": io.BytesIO(PDF)},
        format="multipart",
    )
    assert r.status_code == 302
    assert op.post(f"/evaluasi/{ev.pk}/", {"aksi": "usulan"}).status_code == 302
    pk_bukti = ev.jawaban.get(kriteria="1.a.4").bukti.get()
    assert (pk_bukti.rekaman, pk_bukti.tautan) == ("pk", f"/pk/{bajeng.pk}/")
    halaman = op.get(f"/evaluasi/{ev.pk}/").content.decode()
    assert "LKE-003" in halaman  # BB without evidence on most criteria: warned, not refused
    assert "Nilai sementara" in halaman

    # The operator may not submit (the head does), nor review.
    assert op.post(f"/evaluasi/{ev.pk}/", {"aksi": "ajukan"}).status_code == 403
    assert (
        _sebagai(client, orang["pimpinan"]).post(f"/evaluasi/{ev.pk}/", {"aksi": "ajukan"}).status_code == 302
    )
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.DIAJUKAN
    # Submitted: the unit's answers are locked.
    assert (
        _sebagai(client, orang["operator"]).post(f"/evaluasi/{ev.pk}/", _isian_semua(ev, "A")).status_code
        == 409
    )

    # The evaluator agrees with everything but 1.b.1 (A → B); an adjustment without a note is refused.
    evl = _sebagai(client, orang["evaluator"])
    reviu = {"aksi": "reviu"} | {f"e-{k.kode}": "setuju" for k in ins.kriteria}
    r = evl.post(f"/evaluasi/{ev.pk}/", reviu | {"e-1.b.1": "B"})
    assert r.status_code == 400
    assert "Kriteria 1.b.1: tulis catatan" in r.content.decode()
    r = evl.post(
        f"/evaluasi/{ev.pk}/",
        reviu
        | {
            "e-1.b.1": "B",
            "c-1.b.1": "Target Renstra belum selaras dengan RPJMD.",
            "catatan-1": "Renstra perlu direviu.",
        },
    )
    assert r.status_code == 302
    ev.refresh_from_db()
    assert (ev.status, ev.evaluator, ev.catatan_komponen) == (
        StatusEvaluasi.DIREVIU,
        orang["evaluator"],
        {"1": "Renstra perlu direviu."},
    )
    # Side by side: both answers of the adjusted criterion are on the page.
    halaman = evl.get(f"/evaluasi/{ev.pk}/").content.decode()
    assert 'id="k-1.b.1"' in halaman and "kriteria-lke beda" in halaman
    for teks, komponen in (
        ("Menyelaraskan target Renstra dengan RPJMD.", "1"),
        ("Mempublikasikan LKjIP tepat waktu.", "3"),
    ):
        assert (
            evl.post(
                f"/evaluasi/{ev.pk}/", {"aksi": "rekomendasi", "teks": teks, "komponen": komponen}
            ).status_code
            == 302
        )
    assert evl.post(f"/evaluasi/{ev.pk}/", {"aksi": "kirim"}).status_code == 302

    # The evaluator may not finalise his own review; the pengendali teknis does.
    tetapkan = {
        "aksi": "tetapkan",
        "nama": "Andi Rahmat, S.STP., M.Si.",
        "nip": NIP_INSPEKTUR,
        "jabatan": "Inspektur Daerah Kabupaten Gowa",
        "nomor": "700/24/Itda/2025",
        "tempat": "Sungguminasa",
        "tanggal": "14 Februari 2025",
    }
    assert evl.post(f"/evaluasi/{ev.pk}/", tetapkan).status_code == 403
    pt = _sebagai(client, orang["pengendali"])
    r = pt.post(f"/evaluasi/{ev.pk}/", tetapkan | {"nip": "19690512 1990"})
    assert r.status_code == 400 and "NIP penanda tangan" in r.content.decode()
    assert pt.post(f"/evaluasi/{ev.pk}/", tetapkan).status_code == 302
    ev.refresh_from_db()
    # PermenPANRB 88/2021 by hand: Perencanaan = 6 × (5 × 0,8 + 2 × 1)/7 + 9 × (9 × 0,8 + 0,7)/10 + 15 × 0,8
    # = 5,142857 + 7,11 + 12 = 24,252857; the other three components 0,8 × 70 = 56 → 80,25 (A, Memuaskan).
    assert (ev.status, ev.nilai, ev.predikat, ev.pengendali) == (
        StatusEvaluasi.FINAL,
        Decimal("80.25"),
        "A",
        orang["pengendali"],
    )
    assert ev.rincian["komponen"][0] == {
        "komponen": "Perencanaan Kinerja",
        "bobot": "30",
        "nilai": "24.25",
        "persen": "80.84",
        "predikat": "A",
    }

    # The LHE, as PDF and DOCX, signed by the Inspektur with his NIP.
    r = pt.get(f"/evaluasi/{ev.pk}/lhe.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        teks = "\n".join(p.extract_text() or "" for p in pdf.pages)
    for harus in (
        "Kecamatan Bajeng",
        "80,25",
        "Memuaskan",
        "Andi Rahmat",
        "19690512 199003 1 005",
        "Menyelaraskan target Renstra",
    ):
        assert harus in teks, harus
    assert "DRAF" not in teks
    r = pt.get(f"/evaluasi/{ev.pk}/lhe.docx")
    isi = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "Renstra perlu direviu." in isi and "Mempublikasikan LKjIP tepat waktu." in isi

    # The Nilai SAKIP is the automatic realisasi (TW IV) of the PK's "Nilai SAKIP" indicator, and shown
    # beside it on the PK's page with its capaian against the target 80,00.
    ind = Indikator.objects.get(sasaran__perjanjian=bajeng, uraian="Nilai SAKIP")
    real = Realisasi.objects.get(indikator=ind)
    assert (real.triwulan, real.nilai, real.otomatis) == (4, Decimal("80.25"), True)
    halaman = pt.get(f"/pk/{bajeng.pk}/").content.decode()
    assert "Nilai SAKIP 2024" in halaman and "80,25 (A, Memuaskan)" in halaman and "100,31%" in halaman

    # Locked: nothing of the evaluation changes any more.
    assert (
        _sebagai(client, orang["operator"]).post(f"/evaluasi/{ev.pk}/", _isian_semua(ev, "A")).status_code
        == 409
    )
    assert _sebagai(client, orang["pengendali"]).post(f"/evaluasi/{ev.pk}/", reviu).status_code == 409

    # The recommendations are followed up by the unit until the Inspektorat marks them done.
    rek = Rekomendasi.objects.get(evaluasi=ev, nomor=1)
    op = _sebagai(client, orang["operator"])
    r = op.post(
        f"/evaluasi/rekomendasi/{rek.pk}/", {"aksi": "jawab", "tindak_lanjut": "Renstra direviu, SK 12/2025."}
    )
    assert r.status_code == 302
    assert op.post(f"/evaluasi/rekomendasi/{rek.pk}/", {"aksi": "selesai"}).status_code == 403
    pt = _sebagai(client, orang["pengendali"])
    r = pt.post(f"/evaluasi/rekomendasi/{rek.pk}/", {"aksi": "buka"})
    assert r.status_code == 400  # asking for more needs a note
    assert pt.post(f"/evaluasi/rekomendasi/{rek.pk}/", {"aksi": "selesai"}).status_code == 302
    rek.refresh_from_db()
    assert (rek.status, rek.tindak_lanjut) == ("selesai", "Renstra direviu, SK 12/2025.")

    # Everything is in the trail, with who did it.
    aksi = list(Riwayat.objects.untuk(ev).values_list("aksi", "oleh__username"))
    assert aksi[0] == ("evaluasi.buka", "op.bajeng")
    for a, siapa in (
        ("evaluasi.ajukan", "camat.bajeng"),
        ("evaluasi.reviu", "evaluator"),
        ("evaluasi.kirim", "evaluator"),
        ("evaluasi.tetapkan", "pengendali"),
    ):
        assert (a, siapa) in aksi
    assert list(Riwayat.objects.untuk(rek).values_list("aksi", flat=True)) == [
        "rekomendasi.jawab",
        "rekomendasi.selesai",
    ]

    # Another unit's operator does not see it at all; the pemda's list shows score and predikat.
    assert _sebagai(client, orang["operator_lain"]).get(f"/evaluasi/{ev.pk}/").status_code == 404
    daftar = _sebagai(client, orang["evaluator"]).get("/evaluasi/?tahun=2024").content.decode()
    assert "Kecamatan Bajeng" in daftar and "80,25" in daftar
