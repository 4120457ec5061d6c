"""The ground floor: errors, configuration, the clock, text handling, the one vocabulary of codes and labels, and
private files (0600 in 0700 folders).

Imports nothing else from models and nothing that touches a database, so every room may lean on it.
"""
