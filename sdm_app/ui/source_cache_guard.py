"""Keep PySide6 from holding the source text of every module the app imports.

After PySide6 is imported, it looks at each newly imported module for
``from __feature__ import ...`` by reading the module's whole source with
``inspect.getsource`` (PySide6.support.feature._mod_uses_pyside). That keeps every source
file in ``linecache`` for the life of the process: measured on this machine, 25 MB of a
visit's peak of 220 MB (pyHanko, aiohttp and cryptography alone are several MB of source).

sdm-app uses no ``__feature__``. The check is kept, with the same test (does the source
mention PySide6?), but the source is read through the module's loader, which does not
cache it. Where PySide6 has no such check, nothing is changed.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source mentions PySide6 (read without caching it)."""
    loader = getattr(getattr(module, "__spec__", None), "loader", None)
    try:
        source = loader.get_source(module.__name__)  # type: ignore[union-attr]
    except Exception:  # no loader, no source, or a loader that cannot give it
        return False
    return bool(source) and "PySide6" in source


def install() -> bool:
    """Replace PySide6's caching check; True when there was one to replace."""
    import PySide6.QtCore  # noqa: F401 - the feature module is set up with the first Qt module

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    linecache.clearcache()  # what was read before this module was imported
    return True


INSTALLED = install()
