"""Monitoring pages (placeholder until the views land)."""

from django.http import HttpResponse


def _belum(request, **kwargs):
    return HttpResponse(status=501)


dasbor = pk = triwulan = rencana = bukti = koreksi = _belum
