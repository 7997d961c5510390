"""Step 1, new visit: who the patient is, their language, and the clinician."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from sdm_app.domain.steps import Step
from sdm_app.i18n import LANGUAGES, language_name
from sdm_app.ui.patient_view import clinician_only
from sdm_app.ui.session import VisitSession
from sdm_app.ui.steps.base import StepPage, label, localize_date_edit

NO_DATE = QDate(1900, 1, 1)


class StartStep(StepPage):
    """Patient display name, optional birth date and record number, language, clinician."""

    step = Step.start

    def __init__(self, session: VisitSession) -> None:
        super().__init__(session)
        self.intro = label("muted")
        self.body.addWidget(self.intro)
        form_box = QWidget()
        self.form = QFormLayout(form_box)
        self.form.setVerticalSpacing(12)
        # at large text a field moves under its label rather than off the screen
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.patient_name = QLineEdit()
        self.patient_name.setMaxLength(200)
        self.birth_date = QDateEdit()
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setMinimumDate(NO_DATE)
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.record_number = QLineEdit()
        self.record_number.setMaxLength(200)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.clinician = QLineEdit()
        self.clinician.setMaxLength(200)
        self.chart_language = QComboBox()
        self.chart_language.addItem("", None)
        for code in LANGUAGES:
            self.chart_language.addItem(language_name(code), code)
        self.labels = [label(wrap=False) for _ in range(6)]
        for lab, field in zip(
            self.labels,
            (
                self.patient_name,
                self.language,
                self.birth_date,
                self.record_number,
                self.clinician,
                self.chart_language,
            ),
            strict=True,
        ):
            lab.setBuddy(field)
            self.form.addRow(lab, field)
        self.body.addWidget(form_box)
        clinician_only(self.labels[2], self.birth_date, self.labels[3], self.record_number)
        self.body.addStretch(1)

        self.patient_name.textEdited.connect(self._name_edited)
        self.record_number.textEdited.connect(self._record_edited)
        self.clinician.textEdited.connect(self._clinician_edited)
        self.birth_date.dateChanged.connect(self._birth_date_changed)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.chart_language.currentIndexChanged.connect(self._chart_language_chosen)
        session.register(self)
        self.refresh()

    def retranslate_ui(self) -> None:
        """Set every text in the screen language."""
        super().retranslate_ui()
        _ = self.session.tr.gettext
        self.intro.setText(
            _(
                "Only the patient's name is needed. Choose the patient's language: the screen and the plan will use it."
            )
        )
        texts = (
            _("Patient's name"),
            _("Patient's language"),
            _("Date of birth (optional)"),
            _("Record number (optional)"),
            _("Clinician"),
            _("Copy for the chart in (optional)"),
        )
        for lab, text in zip(self.labels, texts, strict=True):
            lab.setText(text)
        self._fit_labels()
        self.patient_name.setAccessibleName(texts[0])
        self.language.setAccessibleName(texts[1])
        self.birth_date.setAccessibleName(texts[2])
        self.record_number.setAccessibleName(texts[3])
        self.clinician.setAccessibleName(texts[4])
        self.chart_language.setAccessibleName(texts[5])
        self.chart_language.setItemText(0, _("No chart copy"))
        self.birth_date.setSpecialValueText(_("Not given"))
        localize_date_edit(self.birth_date, self.session.language)

    def _fit_labels(self) -> None:
        """A label wraps only when on one line it would take over half the page (long
        words at large text): short labels stay on one line, long ones never widen the page."""
        room = self.columns_width()
        for lab in self.labels:
            lab.setWordWrap(lab.fontMetrics().horizontalAdvance(lab.text()) > room // 2)

    def relayout(self) -> None:
        """Labels wrap or not by the width and the text size there are now."""
        super().relayout()
        self._fit_labels()

    def on_visit_changed(self, section: str) -> None:
        """The patient, the aid or the language changed elsewhere: show the visit's fields."""
        if section in ("aid", "patient", "language"):
            self.refresh()

    def refresh(self) -> None:
        """Show the visit's patient and clinician."""
        visit = self.session.visit
        for widget in self._fields():
            widget.blockSignals(True)
        self.patient_name.setText(visit.patient.display_name)
        self.record_number.setText(visit.patient.record_number or "")
        self.clinician.setText(visit.clinician.name)
        birth = visit.patient.birth_date
        self.birth_date.setDate(QDate(birth.year, birth.month, birth.day) if birth else NO_DATE)
        index = self.language.findData(visit.patient.language)
        self.language.setCurrentIndex(max(index, 0))
        self.chart_language.setCurrentIndex(
            max(self.chart_language.findData(visit.clinician.language), 0)
        )
        for widget in self._fields():
            widget.blockSignals(False)

    def _fields(self) -> tuple[QWidget, ...]:
        return (
            self.patient_name,
            self.record_number,
            self.clinician,
            self.birth_date,
            self.language,
            self.chart_language,
        )

    def _chart_language_chosen(self, index: int) -> None:
        self.session.visit.clinician.language = self.chart_language.itemData(index)
        self.changed("clinician")

    def _name_edited(self, text: str) -> None:
        self.session.visit.patient.display_name = text
        self.changed("patient")

    def _record_edited(self, text: str) -> None:
        self.session.visit.patient.record_number = text or None
        self.changed("patient")

    def _clinician_edited(self, text: str) -> None:
        self.session.visit.clinician.name = text
        self.changed("clinician")

    def _birth_date_changed(self, date: QDate) -> None:
        self.session.visit.patient.birth_date = (
            None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        )
        self.changed("patient")

    def _language_chosen(self, index: int) -> None:
        self.session.set_language(self.language.itemData(index))
