"""Typer command-line front end: argument parsing, output formatting and exit codes only."""
