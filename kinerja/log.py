"""Log records as one JSON object per line (production, settings.LOGGING): what journald or any log
collector reads without a parser of its own."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed with `extra=` and is written as a field.
_BAWAAN = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class FormatJSON(logging.Formatter):
    """{"waktu", "tingkat", "logger", "pesan", …extra fields, "galat" with the traceback}; a request's
    method, path and status when Django attached the request."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "waktu": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "tingkat": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            data["metode"] = getattr(request, "method", None)
            data["jalur"] = request.path
            user = getattr(request, "user", None)
            data["pengguna"] = (
                getattr(user, "username", None) if getattr(user, "is_authenticated", False) else None
            )
        if hasattr(record, "status_code"):
            data["status"] = record.status_code
        for kunci, nilai in vars(record).items():
            if kunci not in _BAWAAN and kunci not in ("request", "status_code") and not kunci.startswith("_"):
                data[kunci] = nilai if isinstance(nilai, (str, int, float, bool, type(None))) else str(nilai)
        if record.exc_info:
            data["galat"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)
