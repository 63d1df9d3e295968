"""Helpers every room uses: repository paths, settings, clock, periods, file writes, text rules."""
