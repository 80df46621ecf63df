#!/usr/bin/env python
"""Django's command-line utility; `kinerja` (kinerja/cli.py) is the same with a shorter name."""

from kinerja.cli import main

if __name__ == "__main__":
    main()
