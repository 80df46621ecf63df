"""PK pages: the list and the document. Thin: read the request, ask the models, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kinerja.agreements import alur, versi
from kinerja.agreements.domain_pk import to_domain_banyak
from kinerja.agreements.jenjang import temuan_pk
from kinerja.agreements.models import PerjanjianKinerja
from kinerja.agreements.otomatis import IndikatorPK, nilai_otomatis
from kinerja.agreements.riwayat_tampil import baris_riwayat
from kinerja.documents.contexts import dokumen_pk
from kinerja.documents.terbit import rupiah_spasi
from kinerja.riwayat.models import Riwayat
from kinerja.units.permissions import can

PER_HALAMAN = 50
RIWAYAT_DI_HALAMAN = 10  # the newest entries beside the document; the trail page has them all


def _tahun(teks: str | None) -> int | None:
    return int(teks) if teks and teks.isdigit() and len(teks) == 4 else None


def pk_list(request: HttpRequest) -> HttpResponse:
    """Published PKs for everyone, plus the PKs the user may view; filtered by ?tahun=."""
    terlihat = PerjanjianKinerja.objects.visible_to(request.user)
    daftar_tahun = list(terlihat.order_by("-tahun").values_list("tahun", flat=True).distinct())
    tahun = _tahun(request.GET.get("tahun"))
    daftar = terlihat.filter(tahun=tahun) if tahun else terlihat
    daftar = daftar.with_ringkasan().select_related("unit").order_by("-tahun", "unit__nama", "jenis", "pk")
    halaman = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "agreements/pk_list.html",
        {"halaman": halaman, "daftar_tahun": daftar_tahun, "tahun": tahun},
    )


def pk_detail(request: HttpRequest, pk_id: int) -> HttpResponse:
    """The PK as the document reads; 404 (not 403) for a PK the user may not see.

    The page reads the same document context as the PDF, DOCX and XLSX (numbers formatted once,
    docs/adr/0002-documents.md), with the signature blocks as the source printed them: the page is
    the record a reviewer compares with the paper. Users of the unit (and those above it) also see
    the review's findings beside the document, each linked to the row it concerns; the public reads
    the published document only.
    """
    perjanjian = get_object_or_404(
        PerjanjianKinerja.objects.visible_to(request.user).untuk_halaman(), pk=pk_id
    )
    [data] = to_domain_banyak([perjanjian])  # as to_domain(perjanjian), from plain rows: a third faster
    dok = dokumen_pk(
        data, rupiah_spasi=rupiah_spasi(), tanda_tangan="tercetak", tanda_air=perjanjian.tanda_air
    )
    indikator = [
        IndikatorPK(jalur=f"sasaran[{k}].indikator[{j}]", uraian=i.uraian, target_teks=i.target.teks)
        for k, s in enumerate(data.sasaran)
        for j, i in enumerate(s.indikator)
    ]
    anggota = can(request.user, "view", perjanjian.unit)  # the unit's users and those above: not the public
    temuan = temuan_pk(perjanjian, data) if anggota else None
    return render(
        request,
        "agreements/pk_detail.html",
        {
            "dok": dok,
            "perjanjian": perjanjian,
            "temuan": temuan,
            "jumlah_temuan": _jumlah(temuan or []),
            "otomatis": nilai_otomatis(perjanjian, indikator),
            **_hidup(request, perjanjian, anggota),
        },
    )


def _hidup(request: HttpRequest, perjanjian: PerjanjianKinerja, anggota: bool) -> dict:
    """The PK's life beside the document: status, versions, what the user may do, trail, signed scan."""
    # The chain costs a query; the public sees only published versions, so a first version never
    # replaced has none to show them.
    rantai = (
        versi.rantai(perjanjian) if anggota or perjanjian.versi > 1 or perjanjian.status == "diganti" else []
    )
    indeks = next((n for n, v in enumerate(rantai) if v.ini), 0)
    riwayat = list(Riwayat.objects.untuk(perjanjian).reverse()[:RIWAYAT_DI_HALAMAN]) if anggota else []
    return {
        "rantai": rantai if len(rantai) > 1 else [],
        "versi_sebelum": rantai[indeks - 1] if indeks > 0 else None,
        "versi_sesudah": rantai[indeks + 1] if indeks + 1 < len(rantai) else None,
        "aksi": alur.aksi_tersedia(request.user, perjanjian),
        "boleh_perubahan": alur.boleh_buat_perubahan(request.user, perjanjian),
        "boleh_ubah": perjanjian.dapat_diubah and can(request.user, "edit", perjanjian.unit),
        "riwayat": baris_riwayat(riwayat),
        "pindaian": list(perjanjian.pindaian.defer("isi").order_by("-diunggah_pada")) if anggota else [],
        "anggota": anggota,
    }


def _jumlah(temuan) -> dict[str, int]:
    return {t: sum(1 for x in temuan if x.tingkat == t) for t in ("galat", "peringatan", "info")}
