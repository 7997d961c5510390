"""The clinic a plan comes from: kept in the settings, printed on every plan."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Contact(BaseModel):
    """Someone the patient can call."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    label: str
    phone: str = ""
    hours: str = ""


class Clinic(BaseModel):
    """The clinic the plan comes from (from settings)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = ""
    address: str = ""
    phone: str = ""
    url: str = Field(default="", description="Printed as a QR code on the plan when set.")
    logo: str = Field(default="", description="Path to a PNG or JPEG logo for the plan header.")
    contacts: list[Contact] = Field(default_factory=list)
