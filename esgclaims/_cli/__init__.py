"""The ``esgclaims`` command line: one module per group of commands, :mod:`.main` wires them."""

from .main import main

__all__ = ["main"]
