#!/usr/bin/env python
"""Benchmark of the public SKM form under a production server: sustained submissions per second.

Usage: .venv/bin/python bench/bench_skm_form.py [--detik 20] [--putaran 4] [--koneksi 16] [--pekerja 3] [--thread 2]

What it does, all on this machine over loopback:
1. creates a throw-away PostgreSQL database (next to DATABASE_URL, default postgres@127.0.0.1:5432),
   migrates it and makes a unit with three jenis layanan and open survey periods;
2. starts gunicorn (gthread workers) on kinerja with DEBUG=0, behind a "trusted proxy" header so that
   every request carries its own client address (a pool of 20 000 addresses, as many respondents would);
3. loads the real public form's POST with wrk for --detik seconds: every body carries its own signed
   one-time number (made here with the server's key, as a GET of the form would give), and every 100th
   request resends the previous body (a double click), which must be recognised, not stored;
4. in the same run loads a bare Django view that only inserts a response and bumps its aggregate
   (the floor), and reports the ratio; form and floor alternate in --putaran rounds, so other load on
   the machine hits both alike;
5. checks: stored responses == submissions the server acknowledged (gunicorn post_request hook), no
   nonce twice, the aggregates == a full recompute; then stops the server and drops the database.
Needs wrk (`apt-get install wrk`) and gunicorn in the venv (`pip install gunicorn`, the "bench" extra).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECRET = "kinerja-bench-skm-only-" + "x" * 20 + "ABCDEFGHIJKLMNOP"  # strong enough for DEBUG=0
ALAMAT = 20_000  # distinct client addresses: at 1 500/s each sends about 4 a minute (limit 20)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_port(port: int, batas: float = 30) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn tidak mendengarkan di port {port} setelah {batas} s")


SETTINGS = """
import os

from kinerja.settings import *  # noqa: F403

# Behind a reverse proxy in production: the client address is the last X-Forwarded-For entry (wrk runs
# on this machine, as the proxy would: a trusted one).
KINERJA_HEADER_ALAMAT_KLIEN = "HTTP_X_FORWARDED_FOR"
# The load test posts hundreds of answers a second from one machine: no login lockout is involved.
ROOT_URLCONF = "bench_skm_urls"
LOGGING = {"version": 1, "disable_existing_loggers": False}
if os.environ.get("BENCH_SERVER_SIDE_BINDING") == "1":
    # psycopg server-side binding: repeated statements are prepared once per connection.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True  # noqa: F405
"""

URLS = '''
from django.db import transaction
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from kinerja.surveys.models import PeriodeSurvei, Respons
from kinerja.surveys.services import _naikkan_agregat

JAWABAN = {f"u{i}": 1 + i % 4 for i in range(1, 10)}
_PERIODE = {}


@csrf_exempt
def lantai(request, periode_id):
    """The floor: insert one response and bump its aggregate rows, nothing else."""
    periode = _PERIODE.get(periode_id) or _PERIODE.setdefault(periode_id, PeriodeSurvei.objects.get(pk=periode_id))
    with transaction.atomic():
        r = Respons.objects.create(periode_id=periode_id, jenis_layanan_id=None, **JAWABAN)
        _naikkan_agregat(periode, r, JAWABAN)
    return HttpResponse(status=204)


urlpatterns = [path("bench/lantai/<int:periode_id>/", lantai), path("", include("kinerja.urls"))]
'''

GUNICORN_CONF = """
import json, os, threading
from collections import Counter

_hitung = Counter()
_kunci = threading.Lock()
DIR = {dir!r}


def post_request(worker, req, environ, resp):
    if environ.get("REQUEST_METHOD") != "POST" or resp is None:
        return
    lokasi = next((v for k, v in resp.headers if k.lower() == "location"), "")
    hasil = f"{{resp.status_code}}{{'-ulang' if 'ulang=1' in lokasi else ''}}"
    with _kunci:
        _hitung[(environ.get("PATH_INFO", "") + " " + hasil)] += 1


def worker_exit(server, worker):
    with open(os.path.join(DIR, f"hitung-{{worker.pid}}.json"), "w") as f:
        json.dump(dict(_hitung), f)
"""

LUA_FORM = r"""
-- Public form POSTs: one pre-signed body per request (this thread's share of the file); every
-- `ulang`-th request resends the previous body, as a double click would.
local threads = {}
local nomor = 0
function setup(thread)
  thread:set("id", nomor)
  table.insert(threads, thread)
  nomor = nomor + 1
end

function init(args)
  nthreads = tonumber(args[1]); jalur = args[2]; berkas = args[3]; ulang_tiap = tonumber(args[4])
  badan = {}
  local i = 0
  for baris in io.lines(berkas) do
    if i % nthreads == id then badan[#badan + 1] = baris end
    i = i + 1
  end
  n = 0; idx = 0; sebelum = nil; alamat_sebelum = nil
  baru = 0; ulang = 0; lain = 0; habis = 0
end

function request()
  n = n + 1
  local body, alamat
  if ulang_tiap > 0 and sebelum ~= nil and n % ulang_tiap == 0 then
    body, alamat = sebelum, alamat_sebelum
  else
    idx = idx + 1
    body = badan[idx]
    if body == nil then habis = habis + 1; body = badan[#badan] end
    local k = (idx * 7919 + id * 104729) % 20000
    alamat = "10." .. (math.floor(k / 65536) + 1) .. "." .. (math.floor(k / 256) % 256) .. "." .. (k % 256)
    sebelum, alamat_sebelum = body, alamat
  end
  return wrk.format("POST", jalur, {["Content-Type"] = "application/x-www-form-urlencoded",
                                    ["X-Forwarded-For"] = alamat}, body)
end

function response(status, headers, body)
  if status == 303 then
    local lokasi = headers["Location"] or ""
    if string.find(lokasi, "ulang=1", 1, true) then ulang = ulang + 1 else baru = baru + 1 end
  else
    lain = lain + 1
  end
end

function done(summary, latency, requests)
  local b, u, l, h = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("baru"); u = u + t:get("ulang"); l = l + t:get("lain"); h = h + t:get("habis")
  end
  io.write(string.format("SKM baru=%d ulang=%d lain=%d habis=%d\n", b, u, l, h))
end
"""

LUA_LANTAI = r"""
wrk.method = "POST"
wrk.body = ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
"""


def _wrk(url: str, skrip: Path, detik: int, koneksi: int, thread: int, args: list[str]) -> dict:
    cmd = [
        "wrk",
        f"-t{thread}",
        f"-c{koneksi}",
        f"-d{detik}s",
        "--latency",
        "-s",
        str(skrip),
        url,
        "--",
        *args,
    ]
    keluar = subprocess.run(cmd, capture_output=True, text=True, timeout=detik + 60, check=True).stdout
    hasil: dict = {"teks": keluar}
    m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", keluar)
    if m:
        hasil["permintaan"] = int(m.group(1))
        hasil["detik"] = float(m.group(2)) * (60 if m.group(3) == "m" else 1)
    m = re.search(r"Requests/sec:\s+([\d.]+)", keluar)
    hasil["per_detik"] = float(m.group(1)) if m else 0.0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", keluar)
    hasil["gagal"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", keluar)
    hasil["socket"] = m.group(1).strip() if m else ""
    m = re.search(r"SKM baru=(\d+) ulang=(\d+) lain=(\d+) habis=(\d+)", keluar)
    if m:
        hasil.update(baru=int(m[1]), ulang=int(m[2]), lain=int(m[3]), habis=int(m[4]))
    lat = re.search(r"50%\s+(\S+)\s+75%\s+(\S+)\s+90%\s+(\S+)\s+99%\s+(\S+)", keluar.replace("\n", " "))
    if lat:
        hasil["latensi"] = f"p50 {lat[1]}, p90 {lat[3]}, p99 {lat[4]}"
    return hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detik", type=int, default=20, help="seconds of load per target (default 20)")
    parser.add_argument("--koneksi", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--pekerja", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--thread", type=int, default=2, help="threads per gunicorn worker (default 2)")
    parser.add_argument("--wrk-thread", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--ulang", type=int, default=100, help="resend every n-th body (0: never)")
    parser.add_argument(
        "--putaran", type=int, default=4, help="rounds alternating form and floor (default 4)"
    )
    parser.add_argument(
        "--server-side-binding", action="store_true", help="psycopg server-side binding (prepared statements)"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk tidak ada: apt-get install wrk", file=sys.stderr)
        return 2
    if not (BIN / "gunicorn").exists():
        print("gunicorn tidak ada di venv: .venv/bin/pip install gunicorn", file=sys.stderr)
        return 2

    tmp = Path(tempfile.mkdtemp(prefix="kinerja-bench-skm-"))
    dasar = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kinerja")
    if not dasar.startswith("postgres"):
        print("bench ini untuk PostgreSQL: setel DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    nama_db = f"kinerja_bench_skm_{os.getpid()}"
    url_db = dasar.rsplit("/", 1)[0] + "/" + nama_db
    env = {
        **os.environ,
        "DATABASE_URL": url_db,
        "DEBUG": "0",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(tmp / "static"),
        "DJANGO_SETTINGS_MODULE": "bench_skm_settings",
        "PYTHONPATH": f"{tmp}{os.pathsep}{ROOT}",
        "CONN_MAX_AGE": "600",
        "BENCH_SERVER_SIDE_BINDING": "1" if args.server_side_binding else "0",
    }
    (tmp / "bench_skm_settings.py").write_text(SETTINGS)
    (tmp / "bench_skm_urls.py").write_text(URLS)
    (tmp / "gunicorn.conf.py").write_text(GUNICORN_CONF.format(dir=str(tmp)))
    (tmp / "form.lua").write_text(LUA_FORM)
    (tmp / "lantai.lua").write_text(LUA_LANTAI)

    import psycopg

    admin = dasar.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{nama_db}"')
    server = None
    try:
        os.environ.update(
            {
                k: env[k]
                for k in (
                    "DATABASE_URL",
                    "DEBUG",
                    "SECRET_KEY",
                    "ALLOWED_HOSTS",
                    "STATIC_ROOT",
                    "DJANGO_SETTINGS_MODULE",
                )
            }
        )
        sys.path[:0] = [str(tmp), str(ROOT)]
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)  # the server refuses to start without
        siap = _siapkan(args, tmp)
        port = _port_bebas()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "kinerja.wsgi:application",
                "-c",
                str(tmp / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.pekerja),
                "--worker-class",
                "gthread" if args.thread > 1 else "sync",
                "--threads",
                str(args.thread),
                "--keep-alive",
                "30",
                "--error-logfile",
                str(tmp / "gunicorn.log"),
            ],
            env=env,
            cwd=tmp,
            start_new_session=True,
        )
        _tunggu_port(port)
        basis = f"http://127.0.0.1:{port}"
        return _jalankan(args, tmp, basis, siap, server)
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nama_db}" WITH (FORCE)')
        shutil.rmtree(tmp, ignore_errors=True)


def _siapkan(args, tmp: Path) -> dict:
    """Unit, jenis layanan, three periods (warm-up, measured, floor) and the pre-signed bodies."""
    from datetime import timedelta

    from django.utils import timezone

    from kinerja.surveys.forms import buat_nonce
    from kinerja.surveys.models import JenisLayanan
    from kinerja.surveys.services import buat_periode
    from kinerja.units.models import Unit

    pemda = Unit.objects.create(nama="Kabupaten Gowa", jenis=Unit.Jenis.PEMERINTAH_DAERAH)
    unit = Unit.objects.create(nama="Kecamatan Bajeng", jenis=Unit.Jenis.KECAMATAN, induk=pemda)
    layanan = [
        JenisLayanan.objects.create(unit=unit, nama=n, urutan=i) for i, n in enumerate(["KTP", "KK", "SKU"])
    ]
    hari = timezone.localdate()

    def periode(judul):
        return buat_periode(
            unit,
            judul=judul,
            tanggal_mulai=hari - timedelta(days=1),
            tanggal_selesai=hari + timedelta(days=1),
        )

    panas, ukur, lantai = periode("Pemanasan"), periode("Diukur"), periode("Lantai")
    lantai_panas = periode("Pemanasan lantai")
    # Enough one-time bodies for 4 000 submissions/s: a run never runs out (checked: "habis").
    jumlah = 4000 * args.detik
    profil = [("Laki-laki", "20–29 tahun", "SMA", "Swasta"), ("Perempuan", "30–39 tahun", "D4/S1", "PNS")]
    per_putaran = jumlah // args.putaran + 1
    berkas = [(panas, "panas.txt", 4000 * 3)] + [
        (ukur, f"ukur-{i}.txt", per_putaran) for i in range(args.putaran)
    ]
    for p, nama, n in berkas:
        with open(tmp / nama, "w") as f:
            for i in range(n):
                jk, umur, pend, kerja = profil[i % 2]
                data = {f"U{k}": 1 + (i + k) % 4 for k in range(1, 10)}
                data.update(
                    nonce=buat_nonce(p),
                    jenis_layanan=layanan[i % 3].pk,
                    jenis_kelamin=jk,
                    umur=umur,
                    pendidikan=pend,
                    pekerjaan=kerja,
                    saran="Pelayanan sudah baik" if i % 5 == 0 else "",
                )
                f.write(urlencode(data) + "\n")
    return {
        "panas": panas,
        "ukur": ukur,
        "lantai": lantai,
        "lantai_panas": lantai_panas,
        # Other work on the machine lowers the figures: printed with them.
        "beban": os.getloadavg()[0],
    }


def _jalankan(args, tmp: Path, basis: str, siap: dict, server) -> int:
    from django.db import connection

    from kinerja.surveys import services
    from kinerja.surveys.models import Respons

    panas, ukur, lantai = siap["panas"], siap["ukur"], siap["lantai"]
    w = args.wrk_thread
    form = tmp / "form.lua"
    # Warm-up (caches, connections, JIT of nothing: just CPython's import and template caches).
    _wrk(
        f"{basis}/skm/{panas.token}/",
        form,
        3,
        args.koneksi,
        w,
        [str(w), f"/skm/{panas.token}/", str(tmp / "panas.txt"), "0"],
    )
    _wrk(f"{basis}/bench/lantai/{siap['lantai_panas'].pk}/", tmp / "lantai.lua", 2, args.koneksi, w, [])

    # Form and floor alternate in rounds, so a change of the machine's other load (it is shared) hits
    # both alike and the ratio stays meaningful.
    detik = max(1, args.detik // args.putaran)
    hasil_form: dict = {
        "detik": 0.0,
        "per_detik": 0.0,
        "gagal": 0,
        "socket": "",
        "baru": 0,
        "ulang": 0,
        "habis": 0,
    }
    hasil_lantai: dict = {"detik": 0.0}
    latensi = []
    for i in range(args.putaran):
        h = _wrk(
            f"{basis}/skm/{ukur.token}/",
            form,
            detik,
            args.koneksi,
            w,
            [str(w), f"/skm/{ukur.token}/", str(tmp / f"ukur-{i}.txt"), str(args.ulang)],
        )
        for k in ("detik", "gagal", "baru", "ulang", "habis"):
            hasil_form[k] += h.get(k, 0)
        hasil_form["permintaan"] = hasil_form.get("permintaan", 0) + h.get("permintaan", 0)
        hasil_form["socket"] += h["socket"]
        latensi.append(h.get("latensi", "?"))
        hl = _wrk(f"{basis}/bench/lantai/{lantai.pk}/", tmp / "lantai.lua", detik, args.koneksi, w, [])
        hasil_lantai["detik"] += hl.get("detik", detik)
    hasil_form["per_detik"] = hasil_form["permintaan"] / hasil_form["detik"]
    hasil_form["latensi"] = " | ".join(latensi)

    # Stop the server so the workers write their acknowledgement counts (worker_exit hook).
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)
    diakui: dict[str, int] = {}
    for f in tmp.glob("hitung-*.json"):
        for k, v in json.loads(f.read_text()).items():
            diakui[k] = diakui.get(k, 0) + v
    jalur = f"/skm/{ukur.token}/"
    diakui_baru = diakui.get(f"{jalur} 303", 0)
    diakui_ulang = diakui.get(f"{jalur} 303-ulang", 0)
    diakui_lain = sum(
        v for k, v in diakui.items() if k.startswith(jalur) and not k.endswith(("303", "303-ulang"))
    )

    tersimpan = Respons.objects.filter(periode=ukur).count()
    with connection.cursor() as c:
        c.execute("SELECT count(DISTINCT nonce) FROM surveys_respons WHERE periode_id = %s", [ukur.pk])
        nonce_unik = c.fetchone()[0]
    t = time.perf_counter()
    cocok_form = services.rekap_agregat(ukur) == services.rekap_respons(ukur)
    cek_ms = (time.perf_counter() - t) * 1000
    lantai_tersimpan = Respons.objects.filter(periode=lantai).count()
    cocok_lantai = services.rekap_agregat(lantai) == services.rekap_respons(lantai)

    detik_form = hasil_form.get("detik") or args.detik
    detik_lantai = hasil_lantai.get("detik") or args.detik
    per_detik_form = tersimpan / detik_form
    per_detik_lantai = lantai_tersimpan / detik_lantai
    print(
        textwrap.dedent(
            f"""\
            mesin           : {os.cpu_count()} core, {_cpu()}, PostgreSQL {connection.pg_version // 10000}, Python {sys.version.split()[0]}; load average sebelum mulai {siap["beban"]:.2f}
            server          : gunicorn {args.pekerja} pekerja × {args.thread} thread (gthread), DEBUG=0; wrk {w} thread, {args.koneksi} koneksi, {args.putaran} putaran × {detik} s per sasaran
            formulir publik : {tersimpan} respons tersimpan dalam {detik_form:.1f} s = {per_detik_form:.0f} kiriman/s (wrk: {hasil_form["per_detik"]:.0f} permintaan/s termasuk kiriman ulang)
                              latensi {hasil_form.get("latensi", "?")}; non-3xx {hasil_form["gagal"]}; socket {hasil_form["socket"] or "-"}
            kiriman ulang   : {hasil_form.get("ulang", 0)} dikenali di wrk, {diakui_ulang} di server (tidak disimpan)
            diakui server   : {diakui_baru} baru, lainnya {diakui_lain}; wrk melihat {hasil_form.get("baru", 0)} (selisih = yang terpotong saat waktu habis)
            tersimpan       : {tersimpan} = diakui {diakui_baru}: {"ya" if tersimpan == diakui_baru else "TIDAK"}; nonce unik {nonce_unik}: {"ya" if nonce_unik == tersimpan else "TIDAK"}
            agregat         : sama dengan hitung ulang penuh: {"ya" if cocok_form else "TIDAK"} ({cek_ms:.0f} ms)
            lantai (insert + agregat saja): {lantai_tersimpan} dalam {detik_lantai:.1f} s = {per_detik_lantai:.0f}/s; agregat cocok: {"ya" if cocok_lantai else "TIDAK"}
            rasio formulir/lantai: {per_detik_form / per_detik_lantai:.2f}
            target >= 500/s : {"ya" if per_detik_form >= 500 else "TIDAK"}"""
        )
    )
    baik = (
        tersimpan == diakui_baru
        and nonce_unik == tersimpan
        and cocok_form
        and cocok_lantai
        and hasil_form.get("habis", 0) == 0
        and diakui_lain == 0
    )
    return 0 if baik else 1


def _cpu() -> str:
    try:
        for baris in Path("/proc/cpuinfo").read_text().splitlines():
            if baris.startswith("model name"):
                return baris.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


if __name__ == "__main__":
    sys.exit(main())
