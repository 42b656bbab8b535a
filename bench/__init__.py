"""Benchmark harness (make bench) and the protocol data sets of BENCHMARK.md."""
