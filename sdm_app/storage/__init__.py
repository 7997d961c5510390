"""Keeping visits safe on disk: encrypted autosave, recovery, retention, the audit trail."""
