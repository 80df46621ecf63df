"""Reading an uploaded scan by OCR in the background, so the web server goes on answering meanwhile.

OCR takes a few seconds a page. An upload that needs it is stored at once with `status_baca` "antre"
and read by a thread of the web process; the preview page shows how many pages are done and reloads
itself until the reading is over. One OCR runs at a time per process (`_GILIRAN`): Tesseract is given
one core (OMP_THREAD_LIMIT=1, kinerja.domain.ocr) and the other requests keep the rest. A reading that
stopped without an end (the server restarted in the middle) is reported as failed after `BATAS_DIAM`.

Nothing here changes a PK: the upload is the user's scratch space until he accepts the preview, which
goes through `import_pk` like any other import.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import OperationalError, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.agreements.models import UnggahanPK
from kinerja.domain import pk_text
from kinerja.domain.source import SourceError, read_bytes, rows_ke_json

BATAS_DIAM = timedelta(minutes=10)  # no progress for this long: the reading has died
_GILIRAN = threading.Semaphore(1)

Pelari = Callable[[int], object]


def mulai(unggahan: UnggahanPK) -> threading.Thread:
    """Start reading the upload in a background thread (returned, so a test can wait for it)."""
    thread = threading.Thread(target=baca, args=(unggahan.pk,), name=f"ocr-{unggahan.pk}", daemon=True)
    thread.start()
    return thread


def baca(unggahan_id: int) -> None:
    """Read the upload's file (OCR included), parse it, and store the rows or the reason it failed."""
    try:
        with _GILIRAN:
            _baca(unggahan_id)
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()


def _baca(unggahan_id: int) -> None:
    unggahan = UnggahanPK.objects.filter(pk=unggahan_id).first()
    if unggahan is None:
        return  # cancelled while waiting
    _tulis(unggahan_id, status_baca=UnggahanPK.Baca.BERJALAN)

    def kemajuan(selesai: int, jumlah: int) -> None:
        _tulis(unggahan_id, halaman_ocr_selesai=selesai, halaman_ocr=jumlah)

    try:
        rows = read_bytes(bytes(unggahan.isi), unggahan.nama_berkas, kemajuan=kemajuan)
        pk_text.parse_rows(rows)
    except SourceError as err:
        baris = _(" (baris %s)") % err.baris if err.baris else ""
        _tulis(unggahan_id, status_baca=UnggahanPK.Baca.GAGAL, pesan_baca=f"{err.pesan}{baris}")
        return
    except Exception as err:  # a bug must not leave the user waiting for ever
        pesan = _("galat tak terduga: %s") % type(err).__name__
        _tulis(unggahan_id, status_baca=UnggahanPK.Baca.GAGAL, pesan_baca=pesan)
        raise
    _tulis(unggahan_id, status_baca=UnggahanPK.Baca.SELESAI, baris=rows_ke_json(rows), pesan_baca="")


def _tulis(unggahan_id: int, **nilai: object) -> None:
    """Write the upload's reading state; a write that meets a lock (SQLite, while a page reads the
    same row) is tried again for up to two seconds."""
    for _coba in range(20):
        try:
            UnggahanPK.objects.filter(pk=unggahan_id).update(**nilai, diperbarui_pada=timezone.now())
            return
        except OperationalError:
            time.sleep(0.1)
    UnggahanPK.objects.filter(pk=unggahan_id).update(**nilai, diperbarui_pada=timezone.now())


def terhenti(unggahan: UnggahanPK) -> bool:
    """Whether a reading in progress has made no progress for too long (the process running it died)."""
    return unggahan.status_baca in (UnggahanPK.Baca.ANTRE, UnggahanPK.Baca.BERJALAN) and (
        timezone.now() - unggahan.diperbarui_pada > BATAS_DIAM
    )
