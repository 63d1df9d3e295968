"""Benchmarks: run with `make bench`, never as tests (timings are not assertions)."""
