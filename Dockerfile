# kinerja as a container: gunicorn serving kinerja.wsgi, static files by WhiteNoise, Tesseract for scans.
# docs/deployment.md "Containers" (compose.yaml adds PostgreSQL). The image holds no secret: the
# environment gives SECRET_KEY, ALLOWED_HOSTS and the rest at run time.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    STATIC_ROOT=/srv/kinerja/static MEDIA_ROOT=/srv/kinerja/media

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-ind postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /srv/kinerja --create-home kinerja

WORKDIR /srv/kinerja/app
COPY pyproject.toml README.md ./
COPY kinerja ./kinerja
# collectstatic with DEBUG off (the production storage: compressed, hashed, with its manifest); a key for
# this step only, so that no key file is written into the image.
RUN pip install . \
    && SECRET_KEY=build-only-not-used-at-run-time kinerja collectstatic --noinput -v0 \
    && mkdir -p /srv/kinerja/media && chown -R kinerja:kinerja /srv/kinerja

USER kinerja
EXPOSE 8000
# Migrations run at start (idempotent); then gunicorn. HEALTHCHECK: the public home page answers.
CMD ["sh", "-c", "kinerja migrate --noinput -v0 && exec gunicorn kinerja.wsgi --bind 0.0.0.0:8000 --workers 3 --timeout 120"]
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/masuk/', timeout=4).status != 200)" || exit 1
