"""Rendering, signing and writing plans off the UI thread, so the window never freezes."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from sdm_app.content.visit_file import save_visit
from sdm_app.domain.plan import CarePlan
from sdm_app.domain.visit import Visit
from sdm_app.files import chart_copy_path, write_private
from sdm_app.ui.signing_service import SignRequest

if TYPE_CHECKING:
    from sdm_app.pdf.render import RenderResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportJob:
    """One plan to render: for preview (no target) or to write (target set)."""

    plan: CarePlan
    large_print: bool = False
    paper: str | None = None
    target: Path | None = None
    visit: Visit | None = None
    chart: CarePlan | None = None
    sign: SignRequest | None = None


class _Signals(QObject):
    # Only plain ints and strings cross threads; the result stays on the runnable, which
    # the worker owns, and is picked up on the GUI thread.
    done = Signal(int)  # job id
    failed = Signal(int, str)  # job id, "kind:detail" with no patient data


def visit_path_for(pdf: Path) -> Path:
    """Where the visit file is saved beside an exported plan."""
    return pdf.with_name(pdf.stem + ".visit.yaml")


class LastPreview:
    """The plan last rendered for the preview, and its PDF.

    Saving the plan the preview shows signs those very bytes (the signed file begins with
    them) instead of drawing the plan again: what the clinician and patient saw is exactly
    what is signed, and the wait after "Save" is the signature alone. Only the newest
    preview is kept; it is forgotten with the visit. Used from the worker thread and the
    GUI thread, hence the lock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: tuple[tuple[CarePlan, bool, str | None], RenderResult] | None = None

    def keep(self, key: tuple[CarePlan, bool, str | None], rendered: RenderResult) -> None:
        """Remember ``rendered`` as the preview of ``key`` (plan, large print, paper)."""
        with self._lock:
            self._kept = (key, rendered)

    def get(self, key: tuple[CarePlan, bool, str | None]) -> RenderResult | None:
        """The rendered preview, if it is of exactly this plan, large print and paper."""
        with self._lock:
            kept = self._kept
        return kept[1] if kept is not None and kept[0] == key else None

    def forget(self) -> None:
        """Drop the kept preview (a new visit, or the visit was replaced)."""
        with self._lock:
            self._kept = None


def _render(
    plan: CarePlan, job: ExportJob, large_print: bool, preview: LastPreview | None = None
) -> bytes:
    from sdm_app.pdf.render import RenderOptions, render_plan_checked  # heavy: only when needed

    key = (plan, large_print, job.paper)
    saving = job.target is not None
    rendered = preview.get(key) if preview is not None and saving else None
    if rendered is None:
        options = RenderOptions(large_print=large_print, paper=job.paper)
        rendered = render_plan_checked(plan, options)
        if preview is not None and not saving:
            preview.keep(key, rendered)
    if job.sign is None:
        return rendered.pdf
    from sdm_app.signing.sign import Stamp, sign_pdf

    stamp = Stamp(rendered.stamp.page, rendered.stamp.box) if rendered.stamp.page else None
    return sign_pdf(
        rendered.pdf,
        job.sign.certificate,
        job.sign.passphrase,
        stamp=stamp,
        timestamp_url=job.sign.timestamp_url,
        location=job.sign.location,
        document_id=plan.document_id,
    )


class _Job(QRunnable):
    def __init__(
        self, job_id: int, signals: _Signals, job: ExportJob, preview: LastPreview
    ) -> None:
        super().__init__()
        self.job_id = job_id
        self.signals = signals
        self.job = job
        self.preview = preview
        self.result: bytes | Path | None = None

    @Slot()
    def run(self) -> None:
        from sdm_app.signing.keystore import SigningError

        job = self.job
        try:
            pdf = _render(job.plan, job, job.large_print, self.preview)
            chart = _render(job.chart, job, False) if job.chart is not None else None
        except SigningError as exc:
            self.signals.failed.emit(self.job_id, f"sign:{exc}")
            return
        except Exception as exc:  # the message may quote patient text: never show or log it
            log.error("rendering the plan failed (%s)", type(exc).__name__)
            self.signals.failed.emit(self.job_id, f"render:{type(exc).__name__}")
            return
        if job.target is None:
            self.result = pdf
            self.signals.done.emit(self.job_id)
            return
        try:
            write_private(job.target, pdf)
            if job.chart is not None and chart is not None:
                write_private(chart_copy_path(job.target, job.chart.language), chart)
            if job.visit is not None:
                save_visit(job.visit, visit_path_for(job.target))
        except OSError as exc:
            log.error("writing the plan failed (%s)", exc.strerror)
            self.signals.failed.emit(self.job_id, f"write:{exc.strerror or type(exc).__name__}")
            return
        self.result = job.target
        self.signals.done.emit(self.job_id)


class PlanWorker(QObject):
    """Renders plans for preview, and exports them (signed PDF, chart copy, visit file)."""

    rendered = Signal(bytes)
    exported = Signal(object)  # Path of the PDF
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._latest = 0
        self._kinds: dict[int, str] = {}
        self._running: dict[int, _Job] = {}
        self.preview = LastPreview()

    def render(self, plan: CarePlan, large_print: bool, paper: str | None) -> None:
        """Render for preview; only the newest request's result is announced."""
        self._start("render", ExportJob(plan, large_print, paper))

    def export(self, job: ExportJob) -> None:
        """Write the plan (signed when asked), a chart copy, and the visit file beside it,
        atomically and owner-only."""
        if job.visit is not None:
            job = ExportJob(**{**job.__dict__, "visit": job.visit.model_copy(deep=True)})
        self._start("export", job)

    def _start(self, kind: str, job: ExportJob) -> None:
        self._latest += 1
        self._kinds[self._latest] = kind
        runnable = _Job(self._latest, self._signals, job, self.preview)
        runnable.setAutoDelete(False)  # Python owns it until it has reported back
        self._running[self._latest] = runnable
        self.pool.start(runnable)

    def forget(self) -> None:
        """Drop the kept preview (the visit it showed is gone from the screen)."""
        self.preview.forget()

    def wait(self) -> None:
        """Block until every job has finished (tests, shutdown)."""
        self.pool.waitForDone()

    def _done(self, job_id: int) -> None:
        runnable = self._running.pop(job_id, None)
        result = runnable.result if runnable is not None else None
        kind = self._kinds.pop(job_id, "")
        if kind == "export":
            self.exported.emit(result)
        elif job_id == self._latest:
            self.rendered.emit(result)

    def _failed(self, job_id: int, message: str) -> None:
        self._running.pop(job_id, None)
        kind = self._kinds.pop(job_id, "")
        if kind == "export" or job_id == self._latest:
            self.failed.emit(message)
