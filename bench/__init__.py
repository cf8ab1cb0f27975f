"""Benchmarks that print figures and ratios (run them as `python -m bench.<name>`)."""
