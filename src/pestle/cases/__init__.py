"""Embedded cases, each a folder of plain files."""
