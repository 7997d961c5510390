"""A guard against a reference-counting defect in PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 returns ``None`` from void methods (``setEnabled``, ``setTabOrder``,
``setObjectName``...) and from null pointers (``parent()``) without taking a reference to it.
Python 3.12 made ``None`` immortal, so nothing happens there; on Python 3.11 every such call
lowers ``None``'s reference count by one, and after enough calls (a few busy visits) the
interpreter aborts with "Fatal Python error: none_dealloc". Measured on this machine: 200 calls
of ``setObjectName`` lower ``sys.getrefcount(None)`` by 200 with 6.12.0 and by 0 with 6.9 to
6.11.3; booleans, small integers and strings are not affected.

Where the defect is found, ``None`` is made immortal the way Python 3.12 does it: its count is
raised so far that no run of the app can bring it to zero. ``None`` is a static singleton that is
never freed, so the count has no other meaning. The check is one probe at import; with a
PySide6 without the defect, or on Python 3.12+, nothing is changed.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to None's reference count when the defect is present (Python 3.12 uses about 2**32).
HEADROOM = 1 << 50
PROBE_CALLS = 64


def pyside_loses_none_references() -> bool:
    """True when a void PySide6 call takes a reference from ``None``."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - PROBE_CALLS // 2


def guard_none() -> bool:
    """Make ``None`` immortal if this PySide6 needs it; True when it did."""
    if sys.version_info >= (3, 12) or not pyside_loses_none_references():
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += HEADROOM
    return True


GUARDED = guard_none()
