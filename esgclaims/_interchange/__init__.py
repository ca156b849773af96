"""Interchange formats: claims out of Python and back (xBRL-JSON, Arrow and Parquet)."""
