"""The log file: owner-only, rotating, and opened only when something is logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdm_app import logs


@pytest.fixture
def app_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("sdm_app")
    before = list(logger.handlers), logger.level
    yield logger
    for handler in logger.handlers:
        if handler not in before[0]:
            handler.close()
    logger.handlers[:] = before[0]
    logger.setLevel(before[1])


def test_the_file_is_opened_with_the_first_record(
    app_logger: logging.Logger, tmp_path: Path
) -> None:
    path = logs.configure_logging(logging.INFO, tmp_path / "logs")
    assert not path.exists()  # a visit without warnings writes nothing
    assert (tmp_path / "logs").stat().st_mode & 0o777 == 0o700
    logging.getLogger("sdm_app.test").warning("the aid %s could not be read", "statin")
    assert "WARNING sdm_app.test: the aid statin could not be read" in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600


def test_configuring_again_replaces_the_handler(app_logger: logging.Logger, tmp_path: Path) -> None:
    logs.configure_logging(logging.INFO, tmp_path / "first")
    path = logs.configure_logging(logging.INFO, tmp_path / "second")
    logging.getLogger("sdm_app.test").warning("once")
    assert path.read_text().count("once") == 1
    assert not (tmp_path / "first" / logs.LOG_NAME).exists()


def test_the_file_rotates_and_every_file_is_private(
    app_logger: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.configure_logging(logging.INFO, tmp_path / "logs")
    for n in range(400):
        logging.getLogger("sdm_app.test").info("record %d", n)
    files = sorted((tmp_path / "logs").iterdir())
    assert len(files) == 1 + logs.BACKUPS
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    assert "record 399" in path.read_text()
