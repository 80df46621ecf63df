#!/usr/bin/env python
"""Benchmark of the SAKIP evaluation (issue #14): the evaluation page of one unit, server time and queries.

The unit is the seed's Kecamatan Bajeng (`kinerja demo`, `demo_skm`, `demo_pantau`, loaded as `make run`
does), evaluated for 2024 with the 88/2021 instrument, everything through the services
(kinerja.evaluation.layanan): all 80 criteria answered with a justification, 2 pieces of evidence per
criterion (a small PDF checked by `periksa_bukti` and a link) besides the records kinerja proposes,
submitted by the camat, reviewed by an evaluator on every criterion (20 adjusted, with notes), notes per
component and 3 recommendations; its 2023 evaluation final (the page and the LHE compare with it).
Timed (server time = the time around `Client.get`, in-process, production settings: DEBUG off, static
files from a `collectstatic` manifest, the second factor verified in the session, HTTPS):

- /evaluasi/<id>/ for the unit's operator on the draft (the editable form: 80 selects and textareas,
  an evidence form per criterion), for the evaluator on the reviewed evaluation (the review form) and
  on the final one (read only); median and p95 of `--kali` requests after 3 warm-ups, the queries, the
  page size. Target: median <= 100 ms, a constant number of queries (asserted in
  tests/evaluation/test_layanan.py::test_halaman_evaluasi_kueri_tetap; here the operator's count on
  the just-opened evaluation is compared with the full draft's);
- where a page's time goes: the view without the middleware, `baca.lembar` alone, the rest (the
  template, mostly), and the time of Python's garbage collector in the timed requests;
- the LHE as PDF and DOCX (GET, first and median of `--kali-lhe`), `sakip.hitung` on 80 answers
  (median of `--kali-hitung`, µs), and the pemda's list /evaluasi/?tahun=2024 with `--unit` units'
  evaluations (the other units' made through the services too: answers, submission, review, two in
  three final; 2023 final for half of them).

Usage: .venv/bin/python bench/bench_evaluasi.py [--kali 30] [--unit 50] [--profil] [--kueri]
Uses a temporary SQLite database unless DATABASE_URL is set (then a throw-away test database next to it,
named test_<name>_bench_<pid>, dropped at the end); evidence files and static files go to a temporary
folder. `--profil` prints cProfile's view of the evaluator's page and the template's time per loop and
per node for both pages (the per-node timer adds its own cost: read the shares); `--kueri` the SQL of
the evaluator's page.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

# Production settings; evidence files and the collected static files go to a temporary folder.
import _lingkungan

TAHUN = 2024
JELAS = (
    "Sesuai dokumen dan bukti dukung terlampir: dokumen telah ditetapkan, dipublikasikan dan dipakai "
    "dalam rapat evaluasi triwulanan (kriteria {kode})."
)
CATATAN_SESUAI = "Bukti dukung belum menunjukkan seluruh kriteria terpenuhi untuk kriteria {kode}."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kali", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--kali-lhe", type=int, default=5, help="timed LHE renders (default 5)")
    parser.add_argument("--kali-hitung", type=int, default=1000, help="timed sakip.hitung (default 1000)")
    parser.add_argument("--unit", type=int, default=50, help="units' evaluations in the list (default 50)")
    parser.add_argument(
        "--profil", action="store_true", help="cProfile the evaluator's page, time its template"
    )
    parser.add_argument("--kueri", action="store_true", help="print the SQL of the evaluator's page")
    args = parser.parse_args()
    with _lingkungan.basis_data(statik=True) as connection:
        return _run(args, connection)


# ---------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------


def muat_seed() -> None:
    """The seed PK, its SKM and a year of monitoring, as `make run` loads them (DEBUG on for the demo
    commands: they refuse without it; tests.conftest.muat_demo)."""
    from django.core.management import call_command
    from django.test import override_settings

    with override_settings(DEBUG=True):
        for nama in ("demo", "demo_skm", "demo_pantau"):
            call_command(nama, stdout=io.StringIO())


def pengguna(username: str, unit, peran: str, nama: str = ""):
    """A user with a role (no password: the bench logs in with `force_login`, and hashing one would
    cost half a second each)."""
    from django.contrib.auth import get_user_model

    from kinerja.units.peran import beri_peran

    user = get_user_model().objects.create_user(
        username, f"{username}@kinerja.invalid", None, first_name=nama
    )
    beri_peran(user, unit, peran)
    return user


def jawaban_unit(ins) -> dict[str, str]:
    """A spread of grades (mostly BB and A, some lower), the same every run."""
    urut = ("A", "BB", "BB", "A", "B", "BB", "AA", "CC", "BB", "C")
    hasil = {}
    for i, k in enumerate(ins.kriteria):
        pilihan = ins.pilihan(k)
        hasil[k.kode] = urut[i % len(urut)] if urut[i % len(urut)] in pilihan else pilihan[0]
    return hasil


def sesuaikan(ins, jawaban: dict[str, str], n: int) -> dict[str, str]:
    """`n` criteria (every fourth on the AA–E scale) brought one grade down by the evaluator."""
    skala = [k for k in ins.kriteria if len(ins.pilihan(k)) > 2]
    hasil = {}
    for k in skala[::4][:n]:
        pilihan = ins.pilihan(k)
        hasil[k.kode] = pilihan[min(pilihan.index(jawaban[k.kode]) + 1, len(pilihan) - 1)]
    return hasil


def penetapan(tahun: int):
    from kinerja.evaluation import layanan

    return layanan.IsianPenetapan(
        penandatangan_nama="Andi Rahmat, S.STP., M.Si.",
        penandatangan_nip="196905121990031005",
        penandatangan_jabatan="Inspektur Daerah Kabupaten Gowa",
        nomor_surat=f"700/{tahun - 2000}/Itda/{tahun + 1}",
        tempat="Sungguminasa",
        tanggal=date(tahun + 1, 2, 14),
    )


def alur_ringkas(unit, tahun: int, orang: dict, *, final: bool, geser: int = 0) -> None:
    """Another unit's evaluation through the services (answers, submission, review; final when asked),
    without evidence: what the pemda's list reads. The unit's steps are a superuser's (one user for all
    the units instead of an operator and a camat each)."""
    from kinerja.evaluation import layanan

    ev = layanan.buka(orang["evaluator"], unit, tahun)
    ins = ev.instrumen.domain
    jawab = jawaban_unit(ins)
    if geser:  # units differ in their grades
        kode = [k.kode for k in ins.kriteria if len(ins.pilihan(k)) > 2]
        for k in kode[geser % 7 :: 7]:
            p = ins.pilihan(ins.cari(k))
            jawab[k] = p[max(0, p.index(jawab[k]) - 1)]
    layanan.simpan_jawaban(
        orang["sistem"], ev, {k: layanan.IsianJawaban(j, "Sesuai dokumen.") for k, j in jawab.items()}
    )
    layanan.ajukan(orang["sistem"], ev)
    ubah = sesuaikan(ins, jawab, 5)
    layanan.reviu_jawaban(
        orang["evaluator"],
        ev,
        {k: layanan.IsianReviu() for k in jawab}
        | {k: layanan.IsianReviu(j, CATATAN_SESUAI.format(kode=k)) for k, j in ubah.items()},
    )
    if final:
        layanan.kirim_ke_pengendali(orang["evaluator"], ev)
        layanan.tetapkan(orang["pengendali"], ev, penetapan(tahun))


# ---------------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------------


def p95(waktu: list[float]) -> float:
    w = sorted(waktu)
    return w[min(len(w) - 1, round(0.95 * (len(w) - 1)))]


def ukur(client, url: str, kali: int, connection, pemanasan: int = 3, cetak: bool = False) -> dict:
    """Server time (median, p95) of `kali` GETs after `pemanasan`, the queries of one, the size."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q:
        r = client.get(url, secure=True)
    n_query = len(q.captured_queries)  # read now: the next request empties the connection's log
    if cetak:
        print(f"--- {n_query} query, GET {url} ---")
        for i, x in enumerate(q.captured_queries, 1):
            print(f"{i:3d}. {x['sql'][:150]}")
    if r.status_code != 200:
        raise SystemExit(f"GAGAL: {url} -> HTTP {r.status_code} {r.get('Location', '')}")
    for _ in range(pemanasan):
        client.get(url, secure=True)
    waktu = []
    with WaktuGC() as gc_:
        for _ in range(kali):
            t = time.perf_counter()
            client.get(url, secure=True)
            waktu.append((time.perf_counter() - t) * 1000)
    return {
        "median": statistics.median(waktu),
        "p95": p95(waktu),
        "query": n_query,
        "kib": len(r.content) / 1024,
        "respons": r,
        "gc_ms": gc_.ms / kali,  # Python's garbage collector, per request
        "gc2": gc_.gen2,
        "gc2_ms": gc_.ms2,
    }


class WaktuGC:
    """The time Python's cyclic garbage collector runs inside the block, and its full (gen 2) passes."""

    def __enter__(self):
        import gc

        self.ms, self.gen2, self.ms2, self._t = 0.0, 0, 0.0, 0.0
        gc.callbacks.append(self._cb)
        return self

    def _cb(self, fase, info):
        if fase == "start":
            self._t = time.perf_counter()
        else:
            ms = (time.perf_counter() - self._t) * 1000
            self.ms += ms
            if info["generation"] == 2:
                self.gen2 += 1
                self.ms2 += ms

    def __exit__(self, *exc):
        import gc

        gc.callbacks.remove(self._cb)


def ukur_lhe(client, url: str, kali: int) -> tuple[float, float, int]:
    """The first GET (a fresh document) and the median of `kali` more, in ms; the size in bytes."""
    t = time.perf_counter()
    r = client.get(url, secure=True)
    pertama = (time.perf_counter() - t) * 1000
    if r.status_code != 200:
        raise SystemExit(f"GAGAL: {url} -> HTTP {r.status_code}")
    waktu = []
    for _ in range(kali):
        t = time.perf_counter()
        client.get(url, secure=True)
        waktu.append((time.perf_counter() - t) * 1000)
    return pertama, statistics.median(waktu), len(r.content)


def median_fn(fn, kali: int) -> float:
    """Median of `kali` calls of `fn`, in ms."""
    fn()
    waktu = []
    for _ in range(kali):
        t = time.perf_counter()
        fn()
        waktu.append((time.perf_counter() - t) * 1000)
    return statistics.median(waktu)


def rincian(ev_id: int, user, kali: int) -> dict[str, float]:
    """Where the evaluator's page time goes: the view without the middleware (`views._tampil`), the
    page's data alone (`baca.lembar`), and the rest (trail, last year, the template)."""
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from kinerja.evaluation import baca, views
    from kinerja.evaluation.models import Evaluasi

    def ev():
        return Evaluasi.objects.select_related("unit", "instrumen", "evaluator", "pengendali").get(pk=ev_id)

    def tampil():
        req = RequestFactory().get(f"/evaluasi/{ev_id}/", secure=True)
        req.user, req.session = user, {}
        req._messages = FallbackStorage(req)
        return views._tampil(req, ev(), "", 200)

    e = ev()
    return {
        "view": median_fn(tampil, kali),
        "lembar": median_fn(lambda: baca.lembar(ev()), kali),
        "lembar_ev": median_fn(lambda: baca.lembar(e), kali),  # instrument parsed once per process
    }


def profil(client, url: str, n: int = 20) -> None:
    import cProfile
    import pstats

    pr = cProfile.Profile()
    pr.enable()
    for _ in range(n):
        client.get(url, secure=True)
    pr.disable()
    s = io.StringIO()
    st = pstats.Stats(pr, stream=s).strip_dirs()
    st.sort_stats("cumulative").print_stats(45)
    st.sort_stats("tottime").print_stats(25)
    print(f"\n--- cProfile, {n} GET {url} (evaluator) ---")
    print(s.getvalue())


def rincian_templat(client, url: str, n: int = 10) -> None:
    """Template time by node over `n` GETs: every node's own time (its children's taken out), and the
    whole of each loop and block. Timing each of the page's thousands of nodes adds its own cost, so the
    shares matter more than the milliseconds."""
    from collections import Counter, defaultdict

    from django.template import base, defaulttags, library, loader_tags

    asli = base.Node.render_annotated
    sendiri: dict[str, float] = defaultdict(float)
    seluruh: dict[str, float] = defaultdict(float)
    jumlah: Counter[str] = Counter()
    per_jenis: dict[str, float] = defaultdict(float)
    n_jenis: Counter[str] = Counter()
    anak: list[float] = []

    def kunci(node) -> str:
        if isinstance(node, defaulttags.ForNode):
            return f"{{% for {', '.join(node.loopvars)} in {node.sequence.token} %}}"
        if isinstance(node, loader_tags.BlockNode):
            return f"{{% block {node.name} %}}"
        if isinstance(node, library.SimpleNode | library.InclusionNode):
            return f"{{% {node.func.__name__} %}}"
        if isinstance(node, base.VariableNode):
            return f"{{{{ {node.filter_expression.token} }}}}"
        return type(node).__name__

    def bungkus(self, context):
        t = time.perf_counter()
        anak.append(0.0)
        try:
            return asli(self, context)
        finally:
            dt = time.perf_counter() - t
            dalam = anak.pop()
            k = kunci(self)
            sendiri[k] += dt - dalam
            jumlah[k] += 1
            per_jenis[type(self).__name__] += dt - dalam
            n_jenis[type(self).__name__] += 1
            if isinstance(self, defaulttags.ForNode | loader_tags.BlockNode | loader_tags.ExtendsNode):
                seluruh[k] += dt
            if anak:
                anak[-1] += dt

    base.Node.render_annotated = bungkus
    try:
        t = time.perf_counter()
        for _ in range(n):
            client.get(url, secure=True)
        total = (time.perf_counter() - t) / n * 1000
    finally:
        base.Node.render_annotated = asli
    templat = seluruh.get("ExtendsNode", 0) / n * 1000
    print(f"\n--- templat {url}, per permintaan (rata-rata {n}, dengan pengukur per node) ---")
    print(f"permintaan {total:.1f} ms, templat {templat:.1f} ms")
    print("seluruh loop/blok (termasuk isinya):")
    for k, v in sorted(seluruh.items(), key=lambda x: -x[1]):
        print(f"  {v / n * 1000:7.1f} ms  {jumlah[k] // n:6d}×  {k}")
    print("waktu sendiri per jenis node:")
    for k, v in sorted(per_jenis.items(), key=lambda x: -x[1])[:10]:
        print(f"  {v / n * 1000:7.1f} ms  {n_jenis[k] // n:6d}×  {k}")
    print("waktu sendiri per node (variabel menurut ungkapannya):")
    for k, v in sorted(sendiri.items(), key=lambda x: -x[1])[:16]:
        print(f"  {v / n * 1000:7.1f} ms  {jumlah[k] // n:6d}×  {k}")


def mesin() -> str:
    cpu = "?"
    try:
        for baris in Path("/proc/cpuinfo").read_text().splitlines():
            if baris.startswith("model name"):
                cpu = baris.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {cpu}, {os.cpu_count()} CPU"


# ---------------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------------


def _run(args, connection) -> int:
    import django
    from django.contrib.auth import get_user_model
    from django.test.utils import CaptureQueriesContext

    from kinerja.domain import sakip
    from kinerja.evaluation import demo as ev_demo
    from kinerja.evaluation import layanan
    from kinerja.evaluation.models import BuktiJawaban
    from kinerja.monitoring.bukti import periksa_bukti
    from kinerja.monitoring.demo import PDF_BUKTI
    from kinerja.units.models import Unit, UnitRole

    P = UnitRole.Peran
    t0 = time.perf_counter()
    muat_seed()
    t_seed = time.perf_counter() - t0
    unit = Unit.objects.get(nama="Kecamatan Bajeng")
    pemda = Unit.objects.get(pk=unit.akar_id)
    orang = {
        "operator": pengguna("op.bajeng.bench", unit, P.OPERATOR, "Operator Bajeng"),
        "pimpinan": pengguna("camat.bajeng.bench", unit, P.PIMPINAN, "Camat Bajeng"),
        "evaluator": pengguna("evaluator.bench", pemda, P.INSPEKTORAT, "Evaluator Inspektorat"),
        "pengendali": pengguna("pengendali.bench", pemda, P.INSPEKTORAT, "Pengendali Teknis"),
        "sistem": get_user_model().objects.create_superuser("sistem.bench", "sistem@kinerja.invalid", None),
    }
    c_op, c_ev = _lingkungan.klien(orang["operator"]), _lingkungan.klien(orang["evaluator"])

    # 2023: final (the page shows last year's score, the LHE its column).
    t0 = time.perf_counter()
    alur_ringkas(unit, TAHUN - 1, orang, final=True)

    # 2024: the unit's self-assessment with evidence.
    ev = layanan.buka(orang["operator"], unit, TAHUN)
    url = f"/evaluasi/{ev.pk}/"
    with CaptureQueriesContext(connection) as q:
        assert c_op.get(url, secure=True).status_code == 200
    query_kosong = len(q.captured_queries)
    ins = ev.instrumen.domain
    jawab = jawaban_unit(ins)
    layanan.simpan_jawaban(
        orang["operator"], ev, {k: layanan.IsianJawaban(j, JELAS.format(kode=k)) for k, j in jawab.items()}
    )
    n_usulan = layanan.terima_usulan_bukti(orang["operator"], ev)
    berkas = periksa_bukti("bukti-dukung.pdf", PDF_BUKTI)
    for k in jawab:
        layanan.tambah_bukti(orang["operator"], ev, k, judul=f"Bukti dukung kriteria {k}", berkas=berkas)
        layanan.tambah_bukti(
            orang["operator"], ev, k, judul=f"Dokumen {k} di situs", tautan=f"https://gowakab.go.id/sakip/{k}"
        )
    t_isi = time.perf_counter() - t0
    n_bukti = BuktiJawaban.objects.filter(jawaban__evaluasi=ev).count()
    hasil = {"op": ukur(c_op, url, args.kali, connection)}
    if args.profil:
        rincian_templat(c_op, url)

    # Submitted, reviewed on every criterion (20 adjusted with notes), notes and 3 recommendations.
    layanan.ajukan(orang["pimpinan"], ev)
    ubah = sesuaikan(ins, jawab, 20)
    layanan.reviu_jawaban(
        orang["evaluator"],
        ev,
        {k: layanan.IsianReviu() for k in jawab}
        | {k: layanan.IsianReviu(j, CATATAN_SESUAI.format(kode=k)) for k, j in ubah.items()},
    )
    layanan.simpan_catatan(orang["evaluator"], ev, ev_demo.CATATAN)
    for komponen, teks in ev_demo.REKOMENDASI:
        layanan.tambah_rekomendasi(orang["evaluator"], ev, teks, komponen)
    hasil["ev"] = ukur(c_ev, url, args.kali, connection, cetak=args.kueri)
    pecah = rincian(ev.pk, orang["evaluator"], args.kali)
    if args.profil:
        profil(c_ev, url)
        rincian_templat(c_ev, url)

    # Final: read only for everyone; the LHE.
    layanan.kirim_ke_pengendali(orang["evaluator"], ev)
    nilai = layanan.tetapkan(orang["pengendali"], ev, penetapan(TAHUN))
    hasil["final"] = ukur(c_ev, url, args.kali, connection)
    lhe_pdf = ukur_lhe(c_ev, f"/evaluasi/{ev.pk}/lhe.pdf", args.kali_lhe)
    lhe_docx = ukur_lhe(c_ev, f"/evaluasi/{ev.pk}/lhe.docx", args.kali_lhe)

    # sakip.hitung on the 80 final answers.
    akhir = layanan.jawaban_akhir(ev)
    sakip.hitung(ins, akhir)
    w = []
    for _ in range(args.kali_hitung):
        t = time.perf_counter_ns()
        sakip.hitung(ins, akhir)
        w.append((time.perf_counter_ns() - t) / 1000)
    hitung_us, hitung_p95 = statistics.median(w), p95(w)

    # The pemda's list: `--unit` units' evaluations of 2024 (Bajeng's and the others').
    t0 = time.perf_counter()
    for i in range(args.unit - 1):
        u = Unit.objects.create(nama=f"Kecamatan Bench {i + 1:02d}", jenis="kecamatan", induk=pemda)
        if i % 2 == 0:
            alur_ringkas(u, TAHUN - 1, orang, final=True, geser=i + 3)
        alur_ringkas(u, TAHUN, orang, final=i % 3 != 2, geser=i)
    t_daftar = time.perf_counter() - t0
    url_daftar = f"/evaluasi/?tahun={TAHUN}"
    hasil["daftar"] = ukur(c_ev, url_daftar, args.kali, connection)
    n_baris = hasil["daftar"]["respons"].content.decode().count('<th scope="row"><a href="/evaluasi/')

    # The table.
    print(
        f"tanggal       : {date.today().isoformat()} {time.strftime('%H:%M %Z')}, loadavg {os.getloadavg()[0]:.2f}"
    )
    print(f"mesin         : {mesin()}")
    print(
        f"perangkat lunak: Python {platform.python_version()}, Django {django.get_version()}, "
        f"database {connection.vendor} ({connection.settings_dict['NAME']})"
    )
    print(
        f"data          : seed dimuat {t_seed:.1f} s; evaluasi {unit.nama} {TAHUN}: {len(ins.kriteria)} kriteria, "
        f"{n_bukti} bukti ({n_usulan} usulan rekaman kinerja), {len(ubah)} disesuaikan, 3 rekomendasi; "
        f"nilai final {nilai.nilai} ({nilai.predikat.kode}); dibuat dalam {t_isi:.1f} s"
    )
    print(f"daftar pemda  : {args.unit} evaluasi {TAHUN} lewat layanan, dibuat dalam {t_daftar:.1f} s")
    print()
    print(f"| {'apa':<62} | {'median':>9} | {'p95':>9} | {'query':>5} | {'ukuran':>8} |")
    print(f"|{'-' * 64}|{'-' * 11}|{'-' * 11}|{'-' * 7}|{'-' * 10}|")

    def baris(apa, median, p, query="", ukuran=""):
        p_teks = f"{p:6.1f} ms" if isinstance(p, float) else f"{p:>9}"
        print(f"| {apa:<62} | {median:6.1f} ms | {p_teks} | {query!s:>5} | {ukuran:>8} |")

    for kunci, apa in (
        ("op", "/evaluasi/<id>/ operator, draf (formulir isian)"),
        ("ev", "/evaluasi/<id>/ evaluator, direviu (formulir reviu)"),
        ("final", "/evaluasi/<id>/ evaluator, final (baca saja)"),
    ):
        h = hasil[kunci]
        baris(apa, h["median"], h["p95"], h["query"], f"{h['kib']:.0f} KiB")
    baris("  view tanpa middleware (views._tampil), evaluator direviu", pecah["view"], "", "", "")
    baris("  baca.lembar (data halaman), evaluasi dibaca ulang", pecah["lembar"], "", "", "")
    baris("  baca.lembar, instrumen sudah di objek", pecah["lembar_ev"], "", "", "")
    baris(
        "  sisanya: riwayat, tahun lalu, templat (view − lembar)", pecah["view"] - pecah["lembar"], "", "", ""
    )
    baris(
        f"LHE PDF (GET; median {args.kali_lhe}), pertama {lhe_pdf[0]:.0f} ms",
        lhe_pdf[1],
        "",
        "",
        f"{lhe_pdf[2] / 1024:.0f} KiB",
    )
    baris(
        f"LHE DOCX (GET; median {args.kali_lhe}), pertama {lhe_docx[0]:.0f} ms",
        lhe_docx[1],
        "",
        "",
        f"{lhe_docx[2] / 1024:.0f} KiB",
    )
    print(
        f"| {f'sakip.hitung, 80 jawaban (median {args.kali_hitung})':<62} | {hitung_us:6.1f} µs | {hitung_p95:6.1f} µs | {'':>5} | {'':>8} |"
    )
    h = hasil["daftar"]
    baris(
        f"/evaluasi/?tahun={TAHUN}, {args.unit} unit (evaluator)",
        h["median"],
        h["p95"],
        h["query"],
        f"{h['kib']:.0f} KiB",
    )
    print()
    sama = query_kosong == hasil["op"]["query"]
    print(
        f"query operator: evaluasi baru dibuka {query_kosong}, terisi penuh {hasil['op']['query']} -> "
        f"{'tetap' if sama else 'BERUBAH'}"
    )
    print(f"baris daftar  : {n_baris} evaluasi")
    print(
        "pengumpul sampah Python (gc), per permintaan: "
        + "; ".join(
            f"{k} {hasil[k]['gc_ms']:.1f} ms ({hasil[k]['gc2']} kali gen 2 dalam {args.kali}: "
            f"{hasil[k]['gc2_ms']:.0f} ms)"
            for k in ("op", "ev", "final", "daftar")
        )
    )
    ok = hasil["ev"]["median"] <= 100 and hasil["op"]["median"] <= 100
    print(f"target <= 100 ms (operator dan evaluator): {'ya' if ok else 'TIDAK'}")
    return 0 if sama else 1


if __name__ == "__main__":
    sys.exit(main())
