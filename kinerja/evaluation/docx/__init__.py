"""The Word template of the Laporan Hasil Evaluasi (lhe.docx) and the script that writes it
(make_template.py). A package, so that the template ships with kinerja (package data "*.docx")."""
