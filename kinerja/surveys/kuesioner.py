"""The questionnaire of a period as the form shows and checks it: its questions, the unit's jenis layanan
and profile options; `periksa` validates a sent form, `isian` gives the template what to show.

The public form is the hot path (hundreds of submissions a second), so the questionnaire of a token is
kept in each process for a few seconds (KINERJA_SKM_CACHE_DETIK, default 5) and dropped at once when the
period, its questions or the unit's lists change in this process (signals below); other processes see a
change after at most those seconds. Closing is safe regardless: the aggregate rows refuse a response to a
closed period (services._naikkan_agregat).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from kinerja.surveys.models import JenisLayanan, OpsiProfil, PeriodeSurvei, UnsurPeriode

PROFIL = ("jenis_kelamin", "umur", "pendidikan", "pekerjaan")
MAKS_SARAN = 2000
MAKS_KODE_TIKET = 20
CACHE_DETIK = 5.0
_MAKS_CACHE = 2000


@dataclass(frozen=True)
class Soal:
    """One question: an unsur by code, its number on the page, wording and answer labels 1–4."""

    nomor: int
    kode: str
    nama: str
    pertanyaan: str
    label: tuple[str, str, str, str]

    @property
    def nama_tampil(self) -> str:
        return _("Pertanyaan %(no)d (%(nama)s)") % {"no": self.nomor, "nama": self.nama}


@dataclass(frozen=True)
class Kuesioner:
    """What the form of one period asks, with the unit's active option lists."""

    periode: PeriodeSurvei
    soal: tuple[Soal, ...]
    layanan: Mapping[str, JenisLayanan]  # by id as text, in display order
    profil: Mapping[str, tuple[str, ...]]  # question -> option labels (only questions with options)
    dibaca: float = field(default_factory=time.monotonic)

    def periksa(
        self, data: Mapping[str, Any], *, publik: bool = True
    ) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """Check a sent form: (clean data for services.kirim_respons, errors per field in page order).

        Public: every question must be answered and a jenis layanan chosen (if the unit lists any); the
        ticket code when the period asks for it. Paper entry: questions may stay empty as on the sheet,
        but not all of them.
        """
        bersih: dict[str, Any] = {}
        galat: dict[str, list[str]] = {}

        def teks(nama: str) -> str:
            nilai = data.get(nama, "")
            return nilai.strip() if isinstance(nilai, str) else ""

        if publik and self.periode.wajib_kode_tiket:
            kode = teks("kode_tiket")
            if not kode:
                galat["kode_tiket"] = [_("Kode tiket wajib diisi: lihat kode pada tiket layanan Anda.")]
            elif len(kode) > MAKS_KODE_TIKET:
                galat["kode_tiket"] = [_("Kode tiket terlalu panjang: tulis delapan huruf/angka pada tiket.")]
            bersih["kode_tiket"] = kode
        if self.layanan:
            nilai = teks("jenis_layanan")
            if not nilai:
                if publik:
                    galat["jenis_layanan"] = [_("Jenis layanan belum dipilih.")]
            elif nilai not in self.layanan:
                galat["jenis_layanan"] = [_("Jenis layanan: pilih salah satu dari daftar.")]
            bersih["jenis_layanan"] = self.layanan.get(nilai)
        for s in self.soal:
            nilai = teks(s.kode)
            if not nilai:
                bersih[s.kode] = None
                if publik:
                    galat[s.kode] = [
                        _("%(nama)s belum dijawab: pilih salah satu jawaban.") % {"nama": s.nama_tampil}
                    ]
            elif nilai in ("1", "2", "3", "4"):
                bersih[s.kode] = int(nilai)
            else:
                galat[s.kode] = [
                    _("%(nama)s: pilih salah satu dari empat jawaban.") % {"nama": s.nama_tampil}
                ]
        for p in PROFIL:
            nilai = teks(p)
            if nilai and nilai not in self.profil.get(p, ()):
                nama = OpsiProfil.Pertanyaan(p).label
                galat[p] = [_("%(nama)s: pilih salah satu dari daftar.") % {"nama": nama}]
            bersih[p] = nilai
        saran = teks("saran")
        if len(saran) > MAKS_SARAN:
            galat["saran"] = [
                _("Saran dan masukan terlalu panjang: paling banyak %(n)d huruf (tertulis %(m)d).")
                % {"n": MAKS_SARAN, "m": len(saran)}
            ]
        bersih["saran"] = saran
        if not publik and not galat and all(bersih[s.kode] is None for s in self.soal):
            galat["__all__"] = [_("Kuesioner kosong: isi sedikitnya satu jawaban.")]
        return bersih, galat

    def isian(
        self,
        data: Mapping[str, Any] | None = None,
        galat: Mapping[str, list[str]] | None = None,
        *,
        publik: bool = True,
    ) -> dict[str, Any]:
        """The template's view of the form: every field with what was typed and its errors."""
        data = data or {}
        galat = galat or {}

        def nilai(nama: str) -> str:
            v = data.get(nama, "")
            return v if isinstance(v, str) else str(v)

        hasil: dict[str, Any] = {
            "tiket": None,
            "layanan": None,
            "butir": [],
            "profil": [],
            "saran": {"nilai": nilai("saran"), "galat": galat.get("saran", []), "maks": MAKS_SARAN},
            "umum": galat.get("__all__", []),
        }
        if publik and self.periode.wajib_kode_tiket:
            hasil["tiket"] = {"nilai": nilai("kode_tiket"), "galat": galat.get("kode_tiket", [])}
        if self.layanan:
            dipilih = nilai("jenis_layanan")
            hasil["layanan"] = {
                "pilihan": [(k, x.nama, k == dipilih) for k, x in self.layanan.items()],
                "galat": galat.get("jenis_layanan", []),
                "wajib": publik,
            }
        for s in self.soal:
            dipilih = nilai(s.kode)
            hasil["butir"].append(
                {
                    "no": s.nomor,
                    "kode": s.kode,
                    "nama": s.nama,
                    "pertanyaan": s.pertanyaan,
                    "pilihan": [(i, label, dipilih == str(i)) for i, label in enumerate(s.label, start=1)],
                    "galat": galat.get(s.kode, []),
                    "wajib": publik,
                }
            )
        for p in PROFIL:
            if p in self.profil:
                dipilih = nilai(p)
                hasil["profil"].append(
                    {
                        "nama": p,
                        "label": OpsiProfil.Pertanyaan(p).label,
                        "radio": p == "jenis_kelamin",
                        "pilihan": [(x, x == dipilih) for x in self.profil[p]],
                        "galat": galat.get(p, []),
                    }
                )
        hasil["ringkasan"] = self._ringkasan(galat)
        return hasil

    def _ringkasan(self, galat: Mapping[str, list[str]]) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary at the top, in page order."""
        urutan = ["__all__", "kode_tiket", "jenis_layanan", *(s.kode for s in self.soal), *PROFIL, "saran"]
        anchor = {"__all__": "", "jenis_kelamin": "id_jenis_kelamin_0"}
        anchor.update({s.kode: f"id_{s.kode}_0" for s in self.soal})
        return [(anchor.get(k, f"id_{k}"), pesan) for k in urutan for pesan in galat.get(k, [])]


def muat(periode: PeriodeSurvei) -> Kuesioner:
    """The questionnaire of a period, read now (three queries)."""
    soal = tuple(
        Soal(i, u.kode, u.nama, u.pertanyaan, u.label)
        for i, u in enumerate(
            UnsurPeriode.objects.filter(periode=periode).order_by("urutan", "kode"), start=1
        )
    )
    layanan = {
        str(x.pk): x
        for x in JenisLayanan.objects.filter(unit_id=periode.unit_id, aktif=True).order_by("urutan", "nama")
    }
    profil: dict[str, list[str]] = {}
    for pertanyaan, label in (
        OpsiProfil.objects.filter(unit_id=periode.unit_id, aktif=True)
        .order_by("pertanyaan", "urutan", "pk")
        .values_list("pertanyaan", "label")
    ):
        profil.setdefault(pertanyaan, []).append(label)
    return Kuesioner(periode, soal, layanan, {k: tuple(v) for k, v in profil.items()})


_cache: dict[str, Kuesioner] = {}


def untuk_token(token: str) -> Kuesioner | None:
    """The public questionnaire of a token, from this process's cache when fresh; None if no such period."""
    batas = float(getattr(settings, "KINERJA_SKM_CACHE_DETIK", CACHE_DETIK))
    k = _cache.get(token)
    if k is not None and time.monotonic() - k.dibaca < batas:
        return k
    periode = PeriodeSurvei.objects.select_related("unit").filter(token=token).first()
    if periode is None:
        return None
    k = muat(periode)
    if batas > 0:
        if len(_cache) >= _MAKS_CACHE:
            _cache.clear()
        _cache[token] = k
    return k


def lupakan(token: str | None = None) -> None:
    """Drop a token's cached questionnaire (or all of them)."""
    if token is None:
        _cache.clear()
    else:
        _cache.pop(token, None)


@receiver([post_save, post_delete], sender=PeriodeSurvei)
def _periode_berubah(sender, instance: PeriodeSurvei, **kwargs) -> None:
    lupakan(instance.token)


@receiver([post_save, post_delete], sender=UnsurPeriode)
@receiver([post_save, post_delete], sender=JenisLayanan)
@receiver([post_save, post_delete], sender=OpsiProfil)
def _isi_berubah(sender, **kwargs) -> None:
    lupakan()
