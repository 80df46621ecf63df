"""The PK's columns, derived from their one description on the domain dataclasses (kinerja.domain.pk).

`pasang(Model, kelas)` adds to a model the stored columns of a dataclass (label, kind, length from the
field's `kolom(...)` metadata); a column the model declares itself (one with choices, say) is left as
declared. `ke_model(kelas, obj)` gives a dataclass instance's values by column name, for writing a row;
`dari_model(kelas, baris)` the dataclass fields back from a row's values. Both are used by the import
and by `domain_pk`, so a new field of a PK part is one line in kinerja/domain/pk.py and a migration.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext

from kinerja.domain import pk as d

# The label's translation is looked up when shown (the msgid comes from kinerja/domain/pk.py).
_label = lazy(gettext, str)


def bidang_django(k: d.Kolom) -> models.Field:
    """The Django field of one described column."""
    label = _label(k.label)
    if k.jenis == "teks":
        return models.TextField(label, blank=not k.wajib)
    if k.jenis == "pendek":
        return models.CharField(label, max_length=k.maks or 255, blank=not k.wajib)
    if k.jenis == "desimal":
        return models.DecimalField(label, max_digits=20, decimal_places=4, null=True, blank=True)
    if k.jenis == "uang":
        return models.DecimalField(label, max_digits=20, decimal_places=2, null=True, blank=True)
    if k.jenis == "bilangan":
        return models.PositiveIntegerField(label, null=True, blank=True)
    raise ValueError(f"jenis kolom tidak dikenal: {k.jenis}")


def pasang(model: type[models.Model], kelas: type) -> None:
    """Add `kelas`'s stored columns to `model`, except those the model declares itself."""
    ada = {f.name for f in model._meta.local_fields}
    for k in d.kolom_tersimpan(kelas):
        if k.nama not in ada:
            model.add_to_class(k.nama, bidang_django(k))


def _ke_kolom(k: d.Kolom, nilai: Any) -> Any:
    if k.jenis in ("teks", "pendek"):
        teks = (nilai or "").strip() if isinstance(nilai, str) or nilai is None else str(nilai)
        return teks[: k.maks] if k.maks else teks
    return nilai


def ke_model(kelas: type, obj: Any) -> dict[str, Any]:
    """`obj`'s stored columns by name (text stripped and cut to its length; None text as "")."""
    return {k.nama: _ke_kolom(k, d.ambil(obj, k.jalur)) for k in d.kolom_tersimpan(kelas)}


def dari_model(kelas: type, nilai_kolom: Mapping[str, Any], /, **lain: Any) -> Any:
    """An instance of `kelas` from a row's column values; "" becomes None where the field may be None.

    `lain` gives the fields that are not columns (nested lists, keys). A "bagian" whose columns are all
    empty is None (a PK without pihak kedua). The plan of each class is made once: the PK page reads
    hundreds of rows through here.
    """
    kw = _bangun(_rencana(kelas), nilai_kolom)
    kw.update(lain)
    return kelas(**kw)


# A plan step: (field name, column name or None, whether the field may be None (then "" becomes None,
# and a nested part with nothing in it is None), the nested plan and class or None).
_Langkah = tuple[str, str | None, bool, tuple[Any, type] | None]


@functools.cache
def _rencana(kelas: type) -> tuple[_Langkah, ...]:
    kolom = {k.jalur: k for k in d.kolom_tersimpan(kelas)}
    return _rencana_di(kelas, (), kolom)


def _rencana_di(kelas: type, jalur: tuple[str, ...], kolom: Mapping[tuple[str, ...], d.Kolom]) -> tuple:
    bagian = d._jenis_field(kelas)
    petunjuk = typing.get_type_hints(kelas)
    langkah: list[_Langkah] = []
    for f in dataclasses.fields(kelas):
        boleh_none = type(None) in typing.get_args(petunjuk[f.name])
        if f.name in bagian:
            sub = _rencana_di(bagian[f.name], (*jalur, f.name), kolom)
            langkah.append((f.name, None, boleh_none, (sub, bagian[f.name])))
        elif (k := kolom.get((*jalur, f.name))) is not None:
            langkah.append((f.name, k.nama, boleh_none and k.jenis in ("teks", "pendek"), None))
    return tuple(langkah)


def _bangun(rencana: tuple[_Langkah, ...], baris: Mapping[str, Any]) -> dict[str, Any]:
    kw: dict[str, Any] = {}
    for nama, kolom, boleh_none, sub in rencana:
        if sub is None:
            v = baris[kolom]  # type: ignore[index]
            kw[nama] = (v or None) if boleh_none else v
        else:
            isi = _bangun(sub[0], baris)
            kw[nama] = None if boleh_none and not any(isi.values()) else sub[1](**isi)
    return kw
