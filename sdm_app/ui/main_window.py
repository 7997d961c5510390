"""The main window: steps on the left, the current step in the middle, Back/Next below."""

from __future__ import annotations

import contextlib
import importlib
import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sdm_app.domain.steps import STEPS, Step
from sdm_app.i18n import LANGUAGES, Translator, is_rtl, language_name, translator
from sdm_app.settings_file import Display
from sdm_app.ui.patient_view import show_clinician_only
from sdm_app.ui.widgets.step_indicator import StepIndicator
from sdm_app.ui.widgets.text_label import TextLabel

if TYPE_CHECKING:  # the frame is drawn before these (and pydantic with them) are imported
    from sdm_app.ui.autosave_controller import AutosaveController
    from sdm_app.ui.session import VisitSession
    from sdm_app.ui.steps.base import StepPage
    from sdm_app.ui.steps.review_step import ReviewStep

#: Where each step's page class lives; a page's module is imported when the page is first built.
PAGE_CLASSES: dict[Step, str] = {
    Step.start: "start_step.StartStep",
    Step.choose: "choose_step.ChooseStep",
    Step.options: "options_step.OptionsStep",
    Step.compare: "compare_step.CompareStep",
    Step.values: "values_step.ValuesStep",
    Step.costs: "costs_step.CostsStep",
    Step.decide: "decide_step.DecideStep",
    Step.plan: "plan_step.PlanStep",
    Step.review: "review_step.ReviewStep",
}


class StepPages(Mapping[Step, "StepPage"]):
    """The window's step pages, each built the first time it is asked for.

    Only the first step is built before the window is painted; the rest are built in the
    idle moments after (see :meth:`MainWindow.build_remaining_pages`) or when first shown.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[Step, StepPage] = {}

    def __getitem__(self, step: Step) -> StepPage:
        page = self._built.get(step)
        if page is None:
            page = self._built[step] = self._window.build_page(step)
        return page

    def __iter__(self) -> Iterator[Step]:
        return iter(STEPS)

    def __len__(self) -> int:
        return len(STEPS)

    def built(self, step: Step) -> StepPage | None:
        """The page of ``step`` if it has been built, else None (never builds it)."""
        return self._built.get(step)


class MainWindow(QMainWindow):
    """One visit at a time, in the order shared decision-making works.

    Built with a session, it is complete at once. Built without one (``display`` only), it
    is the window's frame (toolbar, steps, Back and Next, in the screen's language, size and
    contrast) that can be painted before the visit models are imported; :meth:`bind` then
    gives it the session, and input works from then on (see ``startup.launch``).
    """

    #: the window has its session (at once when built with one); see ``startup.launch``
    bound = Signal()
    #: the window finished starting (autosave open, every step built); see ``startup.launch``
    started = Signal()

    session: VisitSession

    def __init__(
        self,
        session: VisitSession | None = None,
        autosave: AutosaveController | None = None,
        *,
        display: Display | None = None,
    ) -> None:
        super().__init__()
        self.autosave = autosave
        self.pages = StepPages(self)
        self.patient_view = False
        self.frame: Display | None = None  # what the frame was drawn with, until bound
        self._language_on_frame: str | None = None

        self.toolbars: tuple[QToolBar, ...] = ()
        self.toolbar = self._add_toolbar()
        self.new_visit_action = QAction(self)
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.language = QComboBox()
        # As wide as about 12 characters (the longest name, "Kreyòl Ayisyen", needs ~10),
        # rather than measuring every name: that would set up the Arabic, Chinese and Korean
        # fonts before the first paint (~7 ms) for names shown only when the list opens.
        self.language.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.language.setMinimumContentsLength(12)
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.smaller_action = QAction(self)
        self.smaller_action.setShortcut(QKeySequence("Ctrl+-"))
        self.larger_action = QAction(self)
        self.larger_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.contrast_action = QAction(self)
        self.contrast_action.setCheckable(True)
        self.patient_view_action = QAction(self)
        self.patient_view_action.setCheckable(True)
        self.patient_view_action.setShortcut(QKeySequence("F2"))
        self.text_size = QLabel()
        self.toolbar.addAction(self.new_visit_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.language)
        # The patient view and the screen's tools have toolbars of their own, which go on
        # a row of their own when the window is too narrow for them (:meth:`_fit_toolbars`).
        self.view_toolbar = self._add_toolbar()
        self.view_toolbar.addAction(self.patient_view_action)
        self.display_toolbar = self._add_toolbar()
        self.display_toolbar.addAction(self.smaller_action)
        self.display_toolbar.addWidget(self.text_size)
        self.display_toolbar.addAction(self.larger_action)
        self.display_toolbar.addAction(self.contrast_action)
        self.display_toolbar.addSeparator()
        self.display_toolbar.addAction(self.settings_action)

        self.indicator = StepIndicator()
        self.stack = QStackedWidget()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setProperty("primary", True)
        self.next_page_action = QAction(self)
        self.next_page_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Ctrl+PgDown")])
        self.prev_page_action = QAction(self)
        self.prev_page_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Ctrl+PgUp")])
        self.addActions([self.next_page_action, self.prev_page_action])
        nav = QHBoxLayout()
        nav.setContentsMargins(32, 8, 32, 16)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        self.banner = TextLabel()
        self.banner.setProperty("role", "warning")
        self.banner.setVisible(False)
        right.insertWidget(0, self.banner)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(12, 12, 0, 0)
        layout.addWidget(self.indicator)
        layout.addLayout(right, 1)
        self.lock_page = QWidget()
        lock_layout = QVBoxLayout(self.lock_page)
        lock_layout.addStretch(1)
        self.lock_text = TextLabel()
        self.lock_text.setProperty("role", "title")
        self.lock_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton()
        self.unlock_button.setProperty("primary", True)
        self.discard_button = QPushButton()
        lock_buttons = QHBoxLayout()
        lock_buttons.addStretch(1)
        lock_buttons.addWidget(self.unlock_button)
        lock_buttons.addWidget(self.discard_button)
        lock_buttons.addStretch(1)
        lock_layout.addWidget(self.lock_text)
        lock_layout.addLayout(lock_buttons)
        lock_layout.addStretch(1)
        self.root = QStackedWidget()
        self.root.addWidget(central)
        self.root.addWidget(self.lock_page)
        self.setCentralWidget(self.root)
        if autosave is not None:
            self.attach_autosave(autosave)
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)
        if session is not None:
            self.bind(session)
        else:
            self._draw_frame(display or Display())

    def _draw_frame(self, display: Display) -> None:
        """The window as it will look once bound, with no step on it yet: nothing here needs
        the visit models. Until :meth:`bind`, nothing is connected, so input does nothing."""
        self.frame = display
        self.contrast_action.setChecked(display.high_contrast)
        if display.text_scale != 100 or display.high_contrast:  # before the texts are measured
            self._apply_look(display.text_scale, display.high_contrast)
        tr = translator(display.language)
        self._set_texts(tr, display.language, display.text_scale)
        self._language_on_frame = self.language.currentData()
        self.indicator.show_step(Step.start)
        self.back_button.setEnabled(False)
        self._apply_direction(display.language)

    def bind(self, session: VisitSession) -> None:
        """Give the window its session: it shows and edits that visit from now on. A window
        drawn as a frame is redrawn only where the session's settings differ from it."""
        if hasattr(self, "session"):
            raise RuntimeError("a window is bound to one session; new visits go through it")
        frame, self.frame = self.frame, None
        picked = self.language.currentData()  # a language chosen on the frame is kept
        shown = self._language_on_frame
        self.session = session
        settings = session.settings
        self.contrast_action.setChecked(settings.high_contrast)  # before it is connected
        self.new_visit_action.triggered.connect(self.confirm_new_visit)
        self.settings_action.triggered.connect(self.open_settings)
        self.language.currentIndexChanged.connect(
            lambda index: session.set_language(self.language.itemData(index))
        )
        self.smaller_action.triggered.connect(lambda: self.change_text_size(-1))
        self.larger_action.triggered.connect(lambda: self.change_text_size(+1))
        self.contrast_action.toggled.connect(self.set_high_contrast)
        self.patient_view_action.toggled.connect(self.set_patient_view)
        self.next_page_action.triggered.connect(self.go_next)
        self.prev_page_action.triggered.connect(self.go_back)
        self.unlock_button.clicked.connect(self.unlock)
        self.discard_button.clicked.connect(self.discard_and_unlock)
        self.indicator.step_chosen.connect(self.go_to)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        session.language_changed.connect(self._language_changed)
        session.visit_changed.connect(lambda *_args: QTimer.singleShot(0, self.fix_tab_order))
        session.visit_replaced.connect(self._visit_replaced)
        session.register(self)
        self._apply_direction()
        self._apply_qt_translations()
        drawn = frame or Display()  # a window built with its session starts from the defaults
        if (settings.text_scale, settings.high_contrast) != (drawn.text_scale, drawn.high_contrast):
            self._restyle()
        if frame is not None and picked != shown:
            session.set_language(picked)
        self.go_to(Step.start)
        self.bound.emit()

    # -- pages --------------------------------------------------------------------------

    def build_page(self, step: Step) -> StepPage:
        """Build the page of ``step`` (through :attr:`pages`, which keeps it)."""
        module_name, class_name = PAGE_CLASSES[step].rsplit(".", 1)
        module = importlib.import_module(f"sdm_app.ui.steps.{module_name}")
        page: StepPage = getattr(module, class_name)(self.session)
        self.stack.addWidget(page)
        if step is Step.review:
            page.go_to.connect(self.go_to)  # type: ignore[attr-defined]
            page.exported_plan.connect(self._plan_exported)  # type: ignore[attr-defined]
        if self.patient_view:
            show_clinician_only(page, False)
        return page

    @property
    def review(self) -> ReviewStep:
        """The review step (built if it was not yet)."""
        return self.pages[Step.review]  # type: ignore[return-value]

    def build_remaining_pages(self, then: Callable[[], None] | None = None) -> None:
        """Build the pages not built yet, one per turn of the event loop, so each later step
        opens at once and the window answers input in between; then call ``then``."""
        for step in STEPS:
            if self.pages.built(step) is None:
                self.pages[step]
                QTimer.singleShot(0, lambda: self.build_remaining_pages(then))
                return
        if then is not None:
            then()

    def attach_autosave(self, autosave: AutosaveController) -> None:
        """Save the visit through ``autosave`` from now on (at start, once it is ready)."""
        self.autosave = autosave
        autosave.failed.connect(self.autosave_failed)
        autosave.saved.connect(lambda: self.banner.setVisible(False))

    # -- navigation -----------------------------------------------------------------------

    @property
    def current_step(self) -> Step:
        """The step on screen."""
        page = cast("StepPage", self.stack.currentWidget())
        return page.step

    def go_to(self, step: Step) -> None:
        """Show ``step``; nothing entered is lost by moving."""
        page = self.pages[step]
        self.stack.setCurrentWidget(page)
        self.indicator.show_step(step)
        index = STEPS.index(step)
        self.back_button.setEnabled(index > 0)
        # The last step has no next one: its way on is saving the plan, and a greyed-out
        # Next there looked like something was still missing.
        self.next_button.setVisible(index < len(STEPS) - 1)
        page.entered()
        page.scroll.verticalScrollBar().setValue(0)
        self.fix_tab_order()
        QTimer.singleShot(0, lambda: self._focus_into(page))

    def _focus_into(self, page: StepPage) -> None:
        """Keyboard users land in the new step (once its new widgets are on screen)."""
        focused = QApplication.focusWidget()
        outside = focused is None or not page.isAncestorOf(focused)
        if page.isVisible() and outside and focused is not self.indicator:
            first = next(page.focusable(), None)  # only the first is needed: stop there
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def fix_tab_order(self) -> None:
        """Tab moves through the step list, the page in reading order, then Back and Next."""
        page = cast("StepPage", self.stack.currentWidget())
        chain = [self.indicator, *page.focus_chain(), self.back_button, self.next_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def go_next(self) -> None:
        """The next step."""
        index = STEPS.index(self.current_step)
        if index < len(STEPS) - 1:
            self.go_to(STEPS[index + 1])

    def go_back(self) -> None:
        """The previous step."""
        index = STEPS.index(self.current_step)
        if index > 0:
            self.go_to(STEPS[index - 1])

    # -- language -------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        self._set_texts(self.session.tr, self.session.language, self.session.settings.text_scale)

    def _set_texts(self, tr: Translator, language: str, text_scale: int) -> None:
        """Every text of the window (the frame's too) in ``language``, through ``tr``."""
        _ = tr.gettext
        self.indicator.retranslate(tr)
        self.setWindowTitle(_("Shared decisions"))
        self.new_visit_action.setText(_("New visit"))
        self.new_visit_action.setToolTip(_("Start a new visit (Ctrl+Shift+N)"))
        self.settings_action.setText(_("Settings"))
        self.smaller_action.setText(_("A−"))
        self.smaller_action.setToolTip(_("Smaller text (Ctrl+−)"))
        self.larger_action.setText(_("A+"))
        self.larger_action.setToolTip(_("Larger text (Ctrl++)"))
        self.contrast_action.setText(_("High contrast"))
        self.patient_view_action.setText(
            _("Back to the clinician view") if self.patient_view else _("Patient view")
        )
        self.patient_view_action.setToolTip(
            _("Large type for the patient; hides clinician-only details (F2)")
        )
        self.text_size.setText(f"{text_scale}%")
        self.text_size.setAccessibleName(_("Text size {percent}%").format(percent=text_scale))
        self.language.setAccessibleName(_("Patient's language"))
        self.language.setToolTip(_("Patient's language"))
        self.back_button.setText(_("Back"))
        self.back_button.setToolTip(_("Previous step (Alt+Left)"))
        self.next_button.setText(_("Next"))
        self.next_button.setToolTip(_("Next step (Alt+Right)"))
        self.lock_text.setText(_("The screen is hidden to protect the patient's privacy."))
        self.unlock_button.setText(_("Continue the visit"))
        self.discard_button.setText(_("Discard this visit"))
        index = self.language.findData(language)
        if index >= 0 and index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)
        self._fit_toolbars()

    def _add_toolbar(self) -> QToolBar:
        """A fixed toolbar at the top, after the others (:attr:`toolbars`)."""
        toolbar = QToolBar()
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbars = (*self.toolbars, toolbar)
        return toolbar

    def _fit_toolbars(self) -> None:
        """The toolbars on one row while they fit the window; a toolbar that would not fit
        starts a new row. Large text in a narrow window once pushed Settings into the
        toolbar's overflow button, a sliver too small to see or touch."""
        row = 0
        for index, toolbar in enumerate(self.toolbars):
            width = toolbar.sizeHint().width()  # fixed toolbars: no handle, no gap
            wrap = index > 0 and row + width > self.width()
            row = width if wrap else row + width
            if wrap != self.toolBarBreak(toolbar):
                if wrap:
                    self.insertToolBarBreak(toolbar)
                else:
                    self.removeToolBarBreak(toolbar)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """The toolbars follow the window's width (:meth:`_fit_toolbars`)."""
        super().resizeEvent(event)
        self._fit_toolbars()

    def _apply_direction(self, language: str | None = None) -> None:
        direction = (
            Qt.LayoutDirection.RightToLeft
            if is_rtl(language or self.session.language)
            else Qt.LayoutDirection.LeftToRight
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setLayoutDirection(direction)
        self.setLayoutDirection(direction)

    def _language_changed(self, _language: str) -> None:
        self._apply_direction()
        self._apply_qt_translations()

    def _apply_qt_translations(self) -> None:
        """Qt's own texts (context menus, the file dialog) in the screen language."""
        from sdm_app.ui.qt_translations import use_qt_translations

        use_qt_translations(self.session.language)

    # -- visits ---------------------------------------------------------------------------

    def ask_new_visit(self) -> bool:
        """Ask before clearing the screen (tests replace this)."""
        _ = self.session.tr.gettext
        exported = self.autosave is None or self.autosave.was_exported()
        text = (
            _("Start a new visit? Everything about this patient will be cleared from the screen.")
            if exported
            else _(
                "The plan of this visit has not been saved. Start a new visit anyway? What was entered will be deleted."
            )
        )
        from PySide6.QtWidgets import QMessageBox

        from sdm_app.ui.dialogs import messages

        answer = messages.ask(
            self,
            _("New visit"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
            self.session.tr,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_new_visit(self) -> None:
        """Clear every trace of the previous patient, after a confirmation."""
        if self.ask_new_visit():
            self.start_new_visit()

    def start_new_visit(self) -> None:
        """Forget the visit: screen, memory and its autosave."""
        if self.autosave is not None:
            self.autosave.discard(self.session.visit.id)
        self.session.new_visit()

    # -- text size, contrast, patient view --------------------------------------------------

    def _restyle(self) -> None:
        from sdm_app.ui.style import scale_sheet

        chosen = self.session.settings.text_scale
        scale = max(chosen, 175) if self.patient_view else chosen
        # The toolbars are the clinician's: in the patient view they keep the chosen size
        # (a widget's own sheet outranks the window's), leaving the room to what the patient
        # reads; at 175 % they took two rows of a 1366 x 768 screen.
        tools = scale_sheet(chosen) if scale != chosen else ""
        for toolbar in self.toolbars:
            if toolbar.styleSheet() != tools:
                toolbar.setStyleSheet(tools)
        self._apply_look(scale, self.session.settings.high_contrast)
        self.retranslate_ui()

    def _apply_look(self, scale: int, contrast: bool) -> None:
        from sdm_app.ui.style import BASE_POINT_SIZE, applied_contrast, apply_style, scale_sheet

        app = QApplication.instance()
        if isinstance(app, QApplication):
            if applied_contrast(app) is not contrast:  # the colours: the whole sheet again
                apply_style(app, scale, contrast)
            else:  # only the size: this window's sheet (windows made later take the font)
                font = QFont(app.font())
                font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
                app.setFont(font)
        sheet = scale_sheet(scale)
        if self.styleSheet() != sheet:  # setting the same sheet again re-styles every widget
            self.setStyleSheet(sheet)

    def change_text_size(self, step: int) -> None:
        """One step smaller or larger, 100 % to 200 %; remembered."""
        from sdm_app.ui.style import SCALES

        current = self.session.settings.text_scale
        index = min(range(len(SCALES)), key=lambda i: abs(SCALES[i] - current))
        index = max(0, min(len(SCALES) - 1, index + step))
        self._save_setting(text_scale=SCALES[index])

    def set_high_contrast(self, on: bool) -> None:
        """The high-contrast theme on or off; remembered."""
        self._save_setting(high_contrast=on)

    def _save_setting(self, **changes: object) -> None:
        from sdm_app.settings import save_settings

        self.session.settings = self.session.settings.model_copy(update=changes)
        with contextlib.suppress(OSError):  # still applied for this session if not saved
            save_settings(self.session.settings)
        self._restyle()

    def set_patient_view(self, on: bool) -> None:
        """Turn the screen to the patient (large type, clinician-only details hidden), or back."""
        self.patient_view = on
        show_clinician_only(self, not on)
        self.settings_action.setVisible(not on)
        self._restyle()

    # -- privacy --------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Whether the privacy screen is up."""
        return self.root.currentWidget() is self.lock_page

    def lock(self) -> None:
        """Hide every patient detail behind the privacy screen (the visit stays in memory)."""
        if self.autosave is not None:
            self.autosave.save_now()
        self.root.setCurrentWidget(self.lock_page)
        for toolbar in self.toolbars:
            toolbar.setEnabled(False)
        self.unlock_button.setFocus()

    def unlock(self) -> None:
        """One action back to the visit."""
        self.root.setCurrentIndex(0)
        for toolbar in self.toolbars:
            toolbar.setEnabled(True)

    def discard_and_unlock(self) -> None:
        """Throw the visit away from the privacy screen (after a confirmation)."""
        if self.ask_new_visit():
            self.start_new_visit()
            self.unlock()

    def autosave_failed(self, reason: str) -> None:
        """Say, in the banner, that the visit is not being saved to disk and why."""
        _ = self.session.tr.gettext
        self.banner.setText(
            _(
                "The visit could not be saved to disk ({reason}). Nothing is lost while the app stays open; free some disk space or save the plan elsewhere."
            ).format(reason=reason)
        )
        self.banner.setVisible(True)

    def _plan_exported(self) -> None:
        if self.autosave is not None:
            self.autosave.mark_exported()

    def _visit_replaced(self) -> None:
        if self.pages.built(Step.review) is not None:
            self.review.document.close()
            self.review.worker.forget()
            self.review.result.clear()
            self.review.result.setVisible(False)
        self._apply_direction()
        self.retranslate_ui()
        self.go_to(Step.start)

    def open_settings(self) -> None:
        """Edit clinic details and defaults."""
        from sdm_app.settings import save_settings
        from sdm_app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.settings, self.session.tr, self)
        if dialog.exec():
            self.session.settings = dialog.result_settings()
            save_settings(self.session.settings)
            self.pages[Step.plan].refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Finish any writing before closing."""
        if self.pages.built(Step.review) is not None:
            self.review.worker.wait()
            self.review.handoff.wait_for_printing()
        if self.autosave is not None:
            self.autosave.save_now()
            self.autosave.flush()
        super().closeEvent(event)
