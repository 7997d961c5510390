"""PySide6 must not keep the source of every module imported after it (25 MB a visit)."""

from __future__ import annotations

import linecache
import sys
import types
from pathlib import Path

from sdm_app.ui import source_cache_guard


def test_the_guard_is_installed_and_modules_imported_later_are_not_cached(tmp_path: Path) -> None:
    assert source_cache_guard.INSTALLED
    module_file = tmp_path / "sdm_probe_module.py"
    module_file.write_text("import PySide6\nVALUE = 1\n")
    sys.path.insert(0, str(tmp_path))
    try:
        import sdm_probe_module  # type: ignore[import-not-found]

        assert sdm_probe_module.VALUE == 1
        assert str(module_file) not in linecache.cache
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("sdm_probe_module", None)


def test_the_check_keeps_pysides_rule() -> None:
    assert source_cache_guard.uses_pyside(sys.modules["sdm_app.ui.main_window"])
    assert not source_cache_guard.uses_pyside(sys.modules["sdm_app.domain.flow"])
    assert not source_cache_guard.uses_pyside(types.ModuleType("no_source"))
