"""Pipeline composition: sources → pages → readings, one document at a time."""

from .pipeline import read_inputs

__all__ = ["read_inputs"]
