"""Exports of a plan for other systems: HL7 FHIR R4 (the EHR) and iCalendar (the phone)."""
