"""On-demand benchmarks (`python -m benchmarks.<name>`); figures go to benchmarks/README.md, not into tests."""
