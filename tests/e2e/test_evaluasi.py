"""Issue #14 in a real browser: the evaluator's side-by-side review of the SAKIP evaluation of Kecamatan
Bajeng 2024 (the seed PK). The unit's self-assessment is prepared through the services (BB everywhere, Y
where the scale is Ya/Tidak, two criteria rated A with a justification) and submitted by the camat; the
evaluator then reviews it page by page: both sides of a criterion, agreement chosen criterion by
criterion, an adjustment without a note refused with everything typed kept, the note added, the
adjusted criterion marked and the score summary recomputed; sent to the pengendali teknis, who makes it
final with the Inspektur's signature and downloads the LHE. On a phone the two sides stack. Every page
visited is checked with axe-core and at 390 px."""

from __future__ import annotations

import pytest

from kinerja.agreements.models import PerjanjianKinerja
from kinerja.domain import sakip
from kinerja.domain.numbers import format_angka
from kinerja.evaluation import layanan
from kinerja.evaluation.models import Evaluasi, StatusEvaluasi
from kinerja.units.models import Unit
from tests.conftest import _user, muat_demo
from tests.e2e.conftest import LEBAR_PONSEL, kirim, periksa_halaman
from tests.e2e.test_pk_alur import _masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NIP_INSPEKTUR = "196905121990031005"
# The criteria the unit rates A (one grade above the rest), with why; the evaluator adjusts the first.
DINILAI_A = {
    "1.b.1": "Target kinerja Renstra menantang dan selaras dengan RPJMD.",
    "3.b.2": "Efisiensi anggaran dianalisis untuk setiap program.",
}
DISESUAIKAN = "1.b.1"
CATATAN_SESUAI = "Target Renstra belum selaras dengan RPJMD: dua indikator turun dari tahun lalu."
CATATAN_KOMPONEN = "Renstra perlu direviu agar targetnya selaras dengan RPJMD."
CATATAN_SETUJU = "Analisis efisiensi sudah per program; dapat diterima."


def _siapkan() -> tuple[Evaluasi, dict[str, str]]:
    """The seed, the people, and the unit's self-assessment submitted; returns it with its answers."""
    muat_demo("demo")
    unit = (
        PerjanjianKinerja.objects.select_related("unit").get(tahun=2024, unit__nama="Kecamatan Bajeng").unit
    )
    pemda = Unit.objects.get(pk=unit.akar_id)
    operator = _user("op.bajeng", unit, "operator")
    pimpinan = _user("camat.bajeng", unit, "pimpinan")
    _user("evaluator", pemda, "inspektorat")
    _user("pengendali", pemda, "inspektorat")

    ev = layanan.buka(operator, unit, 2024)
    ins = ev.instrumen.domain
    jawaban = {k.kode: "BB" if "BB" in ins.pilihan(k) else "Y" for k in ins.kriteria} | dict.fromkeys(
        DINILAI_A, "A"
    )
    layanan.simpan_jawaban(
        operator,
        ev,
        {
            kode: layanan.IsianJawaban(j, DINILAI_A.get(kode, f"Dokumen {kode} tersedia."))
            for kode, j in jawaban.items()
        },
    )
    layanan.ajukan(pimpinan, ev)
    return ev, jawaban


def _kriteria(page, kode: str):
    return page.locator(f'[id="k-{kode}"]')  # the codes hold dots: no #k-1.b.1


def _status(page) -> str:
    return page.locator("dl.ringkas .lencana-status").inner_text()


def _ringkasan(page, istilah: str) -> str:
    """The <dd> of the score summary after the <dt> `istilah`."""
    return (
        page.locator("dl.ringkas dt", has_text=istilah).locator("xpath=following-sibling::dd[1]").inner_text()
    )


def _teks_nilai(n: sakip.NilaiSAKIP) -> str:
    return f"{format_angka(n.nilai)} — {n.predikat.kode} ({n.predikat.label})"


def _bertumpuk(page, kode: str) -> None:
    """At 1200 px the two sides stand side by side; at 390 px the evaluator's is below the unit's."""
    unit, evaluator = (_kriteria(page, kode).locator(s) for s in (".sisi-unit", ".sisi-evaluator"))
    page.set_viewport_size({"width": 1200, "height": 900})
    u, e = unit.bounding_box(), evaluator.bounding_box()
    assert u and e and e["x"] >= u["x"] + u["width"] and abs(e["y"] - u["y"]) < 2, (u, e)
    page.set_viewport_size({"width": LEBAR_PONSEL, "height": 844})
    try:
        u, e = unit.bounding_box(), evaluator.bounding_box()
        assert u and e and e["y"] >= u["y"] + u["height"] - 1 and abs(e["x"] - u["x"]) < 2, (u, e)
        assert e["x"] + e["width"] <= LEBAR_PONSEL and u["x"] + u["width"] <= LEBAR_PONSEL
        periksa_halaman(page)
    finally:
        page.set_viewport_size({"width": 1200, "height": 900})


def test_evaluator_reviews_side_by_side_and_pengendali_finalises(live_server, browser):
    ev, jawaban_unit = _siapkan()
    ins = ev.instrumen.domain
    base = live_server.url
    url_ev = f"{base}/evaluasi/{ev.pk}/"

    # The evaluator finds the evaluation in the pemda's list of 2024.
    evl = _masuk(browser, base, "evaluator")
    evl.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Evaluasi SAKIP").click()
    evl.wait_for_load_state()
    periksa_halaman(evl)
    evl.get_by_label("Tahun dievaluasi", exact=True).select_option("2024")
    evl.get_by_role("button", name="Tampilkan").click()
    evl.wait_for_load_state()
    periksa_halaman(evl)
    baris = evl.locator("table tbody tr", has_text="Kecamatan Bajeng")
    assert "Diajukan ke Inspektorat" in baris.inner_text()
    baris.get_by_role("link", name="Kecamatan Bajeng").click()
    evl.wait_for_load_state()
    assert evl.url == url_ev
    assert _status(evl) == "Diajukan ke Inspektorat"
    periksa_halaman(evl)

    # Side by side: the unit's answer with its justification, and the evaluator's decision to take.
    k = _kriteria(evl, DISESUAIKAN)
    unit_sisi, evaluator_sisi = k.locator(".sisi-unit"), k.locator(".sisi-evaluator")
    assert unit_sisi.is_visible() and evaluator_sisi.is_visible()
    assert unit_sisi.locator(".jawaban strong").inner_text() == "A"
    assert DINILAI_A[DISESUAIKAN] in unit_sisi.inner_text()
    # Each field is named with its criterion (80 of them on the page): "Keputusan 1.b.1".
    keputusan = evl.get_by_label(f"Keputusan {DISESUAIKAN}", exact=True)
    assert keputusan.get_attribute("id") == f"e-{DISESUAIKAN}"
    assert evaluator_sisi.locator("select").get_attribute("id") == f"e-{DISESUAIKAN}"
    assert keputusan.is_visible() and keputusan.input_value() == ""  # not reviewed yet
    _bertumpuk(evl, DISESUAIKAN)

    # Agreement on every criterion but one, adjusted to B without saying why; notes typed elsewhere.
    pilihan = evl.locator("select[name^=e-]")
    assert pilihan.count() == len(ins.kriteria) == 80
    for sel in pilihan.all():
        sel.select_option(label="Setuju dengan unit")
    keputusan.select_option(label="Sesuaikan: B")
    evl.get_by_label(
        "Catatan evaluator untuk komponen ini (dimuat dalam LHE) 1. Perencanaan Kinerja", exact=True
    ).fill(CATATAN_KOMPONEN)
    evl.get_by_label("Catatan (wajib bila disesuaikan) 3.b.2", exact=True).fill(CATATAN_SETUJU)
    kirim(evl, evl.get_by_role("button", name="Simpan reviu").first)
    galat = evl.get_by_role("alert")
    assert f"Kriteria {DISESUAIKAN}: tulis catatan mengapa jawaban unit disesuaikan." in galat.inner_text()
    periksa_halaman(evl)
    # Nothing typed is lost: the adjustment, the agreements, the notes.
    assert evl.locator(f'[id="e-{DISESUAIKAN}"]').input_value() == "B"
    for kode in ("1.a.1", "1.a.2", "2.a.1", "3.b.2", ins.kriteria[-1].kode):
        assert evl.locator(f'[id="e-{kode}"]').input_value() == "setuju", kode
    assert evl.locator('[id="catatan-1"]').input_value() == CATATAN_KOMPONEN
    assert evl.locator('[id="c-3.b.2"]').input_value() == CATATAN_SETUJU
    assert not Evaluasi.objects.get(pk=ev.pk).jawaban.filter(direviu=True).exists()  # nothing saved

    # With the note it is saved; the adjusted criterion is marked and shows both answers.
    evl.get_by_label(f"Catatan (wajib bila disesuaikan) {DISESUAIKAN}", exact=True).fill(CATATAN_SESUAI)
    kirim(evl, evl.get_by_role("button", name="Simpan reviu").first)
    assert evl.get_by_role("status").inner_text() == f"{len(ins.kriteria)} keputusan reviu disimpan."
    assert not evl.get_by_role("alert").count()
    periksa_halaman(evl)
    k = _kriteria(evl, DISESUAIKAN)
    assert "beda" in (k.get_attribute("class") or "").split()
    assert evl.locator("article.kriteria-lke.beda").count() == 1
    assert k.locator(".sisi-unit .jawaban strong").inner_text() == "A"
    keputusan = k.locator(".sisi-evaluator select")
    assert keputusan.input_value() == "B"
    assert keputusan.locator("option:checked").inner_text() == "Sesuaikan: B"
    assert k.locator(".sisi-evaluator textarea").input_value() == CATATAN_SESUAI

    # The score summary: the answers that count against the unit's own, both recomputed here.
    nilai_unit = sakip.hitung(ins, jawaban_unit)
    nilai = sakip.hitung(ins, jawaban_unit | {DISESUAIKAN: "B"})
    assert nilai.nilai < nilai_unit.nilai
    assert _ringkasan(evl, "Nilai sementara") == _teks_nilai(nilai)
    assert (
        _ringkasan(evl, "Penilaian mandiri unit")
        == f"{format_angka(nilai_unit.nilai)} ({nilai_unit.predikat.kode})"
    )
    assert (
        _ringkasan(evl, "Kemajuan") == "80 dari 80 kriteria dijawab unit; 80 direviu, 1 disesuaikan evaluator"
    )
    perencanaan = evl.locator("table.daftar tbody tr").first
    sel = perencanaan.locator("td")
    assert sel.nth(1).inner_text() == format_angka(nilai_unit.komponen[0].nilai_bulat)  # Unit
    assert sel.nth(2).inner_text() == format_angka(nilai.komponen[0].nilai_bulat)  # Hasil
    assert sel.nth(1).inner_text() != sel.nth(2).inner_text()

    # To the pengendali teknis.
    kirim(evl, evl.get_by_role("button", name="Kirim ke pengendali teknis"))
    assert _status(evl) == "Diperiksa pengendali teknis"
    assert evl.get_by_role("status").inner_text() == "Dikirim ke pengendali teknis."
    assert not evl.get_by_role("button", name="Simpan reviu").count()
    periksa_halaman(evl)

    # The pengendali teknis (another Inspektorat user) makes it final, signed by the Inspektur.
    pt = _masuk(browser, base, "pengendali")
    pt.goto(url_ev)
    assert _status(pt) == "Diperiksa pengendali teknis"
    periksa_halaman(pt)
    pt.get_by_label("Nama Inspektur (penanda tangan)").fill("Andi Rahmat, S.STP., M.Si.")
    pt.get_by_label("NIP", exact=True).fill(NIP_INSPEKTUR)
    pt.get_by_label("Jabatan", exact=True).fill("Inspektur Daerah Kabupaten Gowa")
    pt.get_by_label("Nomor surat").fill("700/24/Itda/2025")
    pt.get_by_label("Tempat", exact=True).fill("Sungguminasa")
    pt.get_by_label("Tanggal (mis. 14 Februari 2025)").fill("14 Februari 2025")
    kirim(pt, pt.get_by_role("button", name="Tetapkan: nilai final dan terkunci"))
    assert _status(pt) == "Final"
    periksa_halaman(pt)
    ev.refresh_from_db()
    assert (ev.status, ev.nilai, ev.predikat) == (StatusEvaluasi.FINAL, nilai.nilai, nilai.predikat.kode)
    assert (ev.penandatangan_nip, str(ev.tanggal_lhe)) == (NIP_INSPEKTUR, "2025-02-14")
    assert _ringkasan(pt, "Nilai SAKIP") == _teks_nilai(nilai)
    assert "Evaluasi final: nilai" in pt.get_by_role("status").inner_text()
    # Locked: the evaluator's side is text now, with the adjustment and its note.
    assert not pt.locator("select[name^=e-], textarea[name^=c-], select[name^=j-]").count()
    k = _kriteria(pt, DISESUAIKAN)
    assert k.locator(".sisi-unit .jawaban strong").inner_text() == "A"
    evaluator_teks = k.locator(".sisi-evaluator .jawaban").inner_text()
    assert evaluator_teks.startswith("B disesuaikan") and CATATAN_SESUAI in evaluator_teks
    assert _kriteria(pt, "1.a.1").locator(".sisi-evaluator .jawaban").inner_text().startswith("Setuju (BB)")
    _bertumpuk(pt, DISESUAIKAN)

    # The LHE, as PDF.
    href = pt.get_by_role("link", name="LHE (PDF)").get_attribute("href")
    r = pt.request.get(base + href)
    assert r.status == 200 and r.headers["content-type"] == "application/pdf"
    assert r.body().startswith(b"%PDF")
    for p in (evl, pt):
        p.context.close()
