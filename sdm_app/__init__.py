"""sdm-app: a desktop toolkit for shared decision-making in the clinic."""

__version__ = "0.1.0"
