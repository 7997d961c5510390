"""Rendering and writing plans off the UI thread, so the window never freezes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from sdm_app.content.visit_file import save_visit
from sdm_app.domain.plan import CarePlan
from sdm_app.domain.visit import Visit
from sdm_app.files import chart_copy_path, write_private

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(int, object)  # job id, result (bytes or Path)
    failed = Signal(int, str)  # job id, message safe to show (no patient data)


class _Job(QRunnable):
    def __init__(
        self,
        job_id: int,
        signals: _Signals,
        plan: CarePlan,
        large_print: bool,
        paper: str | None,
        target: Path | None,
        visit: Visit | None,
        chart: CarePlan | None = None,
    ) -> None:
        super().__init__()
        self.job_id = job_id
        self.signals = signals
        self.plan = plan
        self.large_print = large_print
        self.paper = paper
        self.target = target
        self.visit = visit
        self.chart = chart

    @Slot()
    def run(self) -> None:
        from sdm_app.pdf.render import RenderOptions, render_plan  # heavy: only when needed

        try:
            pdf = render_plan(
                self.plan, RenderOptions(large_print=self.large_print, paper=self.paper)
            )
            chart_pdf = (
                render_plan(self.chart, RenderOptions(paper=self.paper)) if self.chart else None
            )
        except Exception as exc:  # the message may quote patient text: never show or log it
            log.error("rendering the plan failed (%s)", type(exc).__name__)
            self.signals.failed.emit(self.job_id, f"render:{type(exc).__name__}")
            return
        if self.target is None:
            self.signals.done.emit(self.job_id, pdf)
            return
        try:
            write_private(self.target, pdf)
            if self.chart is not None and chart_pdf is not None:
                write_private(chart_copy_path(self.target, self.chart.language), chart_pdf)
            if self.visit is not None:
                save_visit(self.visit, visit_path_for(self.target))
        except OSError as exc:
            log.error("writing the plan failed (%s)", exc.strerror)
            self.signals.failed.emit(self.job_id, f"write:{exc.strerror or type(exc).__name__}")
            return
        self.signals.done.emit(self.job_id, self.target)


def visit_path_for(pdf: Path) -> Path:
    """Where the visit file is saved beside an exported plan."""
    return pdf.with_name(pdf.stem + ".visit.yaml")


class PlanWorker(QObject):
    """Renders plans (for preview) and exports them (PDF + visit file) in a worker thread."""

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

    def render(self, plan: CarePlan, large_print: bool, paper: str | None) -> None:
        """Render for preview; only the newest request's result is announced."""
        self._start("render", plan, large_print, paper, None, None)

    def export(
        self,
        plan: CarePlan,
        large_print: bool,
        paper: str | None,
        target: Path,
        visit: Visit,
        chart: CarePlan | None = None,
    ) -> None:
        """Write the plan PDF (and a chart copy), and the visit file beside it, atomically
        and owner-only."""
        self._start("export", plan, large_print, paper, target, visit.model_copy(deep=True), chart)

    def _start(
        self,
        kind: str,
        plan: CarePlan,
        large_print: bool,
        paper: str | None,
        target: Path | None,
        visit: Visit | None,
        chart: CarePlan | None = None,
    ) -> None:
        self._latest += 1
        self._kinds[self._latest] = kind
        job = _Job(self._latest, self._signals, plan, large_print, paper, target, visit, chart)
        self.pool.start(job)

    def wait(self) -> None:
        """Block until every job has finished (tests, shutdown)."""
        self.pool.waitForDone()

    def _done(self, job_id: int, result: object) -> None:
        kind = self._kinds.pop(job_id, "")
        if kind == "export":
            self.exported.emit(result)
        elif job_id == self._latest:
            self.rendered.emit(result)

    def _failed(self, job_id: int, message: str) -> None:
        kind = self._kinds.pop(job_id, "")
        if kind == "export" or job_id == self._latest:
            self.failed.emit(message)
