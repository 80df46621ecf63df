"""The Word templates of the monitoring reports (laporan_triwulan.docx, lkjip.docx) and the script that
writes them (make_template.py). A package, so that the templates ship with kinerja (package data "*.docx")."""
