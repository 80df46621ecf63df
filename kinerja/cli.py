"""The `kinerja` command: Django's management commands under kinerja's settings, plus `kinerja pk ...`."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a kinerja or Django management command, e.g. `kinerja pk parse FILE` or `kinerja migrate`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    from django.core.management import execute_from_command_line

    from kinerja.produksi import periksa_perintah

    args = sys.argv[1:] if argv is None else argv
    periksa_perintah(args)  # production (DEBUG off) without a safe configuration: exit 2, unless read only
    execute_from_command_line(["kinerja", *args])


if __name__ == "__main__":
    main()
