"""Spreadsheets of monitoring: the triwulan's realisasi template, filled offline and uploaded."""

urlpatterns: list = []
