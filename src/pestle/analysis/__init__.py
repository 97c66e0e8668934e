"""Analyses: pure functions of a case, deterministic given a seed."""
