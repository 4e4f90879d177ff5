"""Data files the code reads (measured by ``bench/``, never edited by hand)."""
