# kinerja — two commands: `make run` (demo server) and `make test` (the whole suite).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The first Python >= 3.11 on PATH.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: screenshots run test install install-test browser ocr lint check clean mutasi

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then echo "kinerja butuh Python >= 3.11 (python3 --version)"; exit 1; fi
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
		echo "Memasang paket python3-venv (Debian/Ubuntu) ..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e ".[test]"
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Browser tests drive Debian's chromium through Playwright (`playwright install` cannot download here).
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "Memasang chromium (Debian) untuk uji peramban ..."; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@command -v pdftoppm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq poppler-utils >/dev/null; }

# Scanned PDFs and photos of a PK are read by Tesseract OCR with its Indonesian data (Debian packages).
ocr:
	@tesseract --list-langs 2>/dev/null | grep -qx ind || { echo "Memasang Tesseract OCR (Debian) untuk PK hasil pindaian ..."; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq tesseract-ocr tesseract-ocr-ind >/dev/null; }

run: install
	@$(MAKE) -s ocr || echo "  Peringatan: Tesseract tidak dapat dipasang; PK hasil pindaian tidak dapat diimpor."
	DEBUG=1 $(BIN)/kinerja migrate --noinput -v0
	DEBUG=1 $(BIN)/kinerja demo
	DEBUG=1 $(BIN)/kinerja demo_skm
	DEBUG=1 $(BIN)/kinerja demo_pantau
	DEBUG=1 $(BIN)/kinerja demo_evaluasi
	@echo ""
	@echo "  kinerja berjalan di http://$(HOST):$(PORT)/"
	@echo "  Login demo: http://$(HOST):$(PORT)/masuk/  pengguna: admin  sandi: kinerja-demo  (admin Django: /admin/)"
	@echo ""
	DEBUG=1 $(BIN)/kinerja runserver $(HOST):$(PORT)

# KINERJA_OCR_WAJIB=1: the OCR tests fail, not skip, if Tesseract is missing after `make ocr`.
test: install-test browser ocr
	KINERJA_OCR_WAJIB=1 $(BIN)/pytest

# The README's screenshots (docs/img/), taken by the browser tests that walk those pages.
screenshots: install-test browser
	KINERJA_SCREENSHOTS=docs/img $(BIN)/pytest -q tests/e2e/test_pk_cascading.py tests/e2e/test_ponsel.py tests/e2e/test_pantau.py
	@echo "Tangkapan layar diperbarui di docs/img/"

lint: install-test
	$(BIN)/ruff check kinerja tests bench manage.py
	$(BIN)/ruff format --check kinerja tests bench manage.py
	$(BIN)/mypy
	$(BIN)/kinerja makemigrations --check --dry-run -v0

# Mutation testing of the formula modules (issue #15, docs/testing.md): `make mutasi` (every module below) or
# `make mutasi MODUL=nip`. Minutes, not for every CI run; mutmut is installed into .venv on first use.
# Results are kept in mutants/ (delete it to measure again from scratch).
MODUL_MUTASI := ikm numbers nip predikat sakip capaian
MODUL ?= $(MODUL_MUTASI)
mutasi: install-test
	@for m in $(MODUL); do case " $(MODUL_MUTASI) " in *" $$m "*) ;; \
		*) echo "MODUL=$$m tidak dikenal; pilih dari: $(MODUL_MUTASI)"; exit 2;; esac; done
	@$(BIN)/python -c 'import mutmut' 2>/dev/null || $(BIN)/pip install -q "mutmut>=3.8,<4"
	nice -n 10 $(BIN)/mutmut run --max-children 1 $(foreach m,$(MODUL),"kinerja.domain.$(m).*")
	@for m in $(MODUL); do $(BIN)/python -c 'import collections, json, sys; \
		from mutmut.stats import status_by_exit_code as status; m = sys.argv[1]; \
		kode = json.load(open("mutants/kinerja/domain/" + m + ".py.meta"))["exit_code_by_key"]; \
		c = collections.Counter(status[k].replace(" ", "_") for k in kode.values()); n = len(kode); \
		lain = n - c["killed"] - c["survived"] - c["timeout"] - c["no_tests"]; \
		print("{}: {} mutan, killed {killed}, survived {survived}, timeout {timeout}, no tests {no_tests}, " \
		"lainnya {}, skor {:.1f} %".format(m, n, lain, 100 * (c["killed"] + c["timeout"]) / max(n, 1), \
		**{s: c[s] for s in ("killed", "survived", "timeout", "no_tests")}))' $$m; done
	@echo "Mutan yang selamat: $(BIN)/mutmut results; satu mutan: $(BIN)/mutmut show <nama> (docs/testing.md)"

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache .mypy_cache
