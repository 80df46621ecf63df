"""The Word template of the PK (pk.docx) and the script that writes it (make_template.py)."""
