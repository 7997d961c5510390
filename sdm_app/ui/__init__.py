"""The Qt views over the domain: thin, holding no visit state of their own.

Importing this package first guards against a PySide6 defect that would otherwise crash the app
after a long session (see :mod:`sdm_app.ui.none_guard`), and keeps PySide6 from caching the
source of every module imported after it (see :mod:`sdm_app.ui.source_cache_guard`).
"""

from sdm_app.ui import none_guard as _none_guard  # noqa: F401 - imported for its guard
from sdm_app.ui import source_cache_guard as _source_cache_guard  # noqa: F401 - the same
