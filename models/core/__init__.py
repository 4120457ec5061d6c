"""The ground floor: errors, configuration, the clock, text handling and the one vocabulary of codes and labels.

Imports nothing else from models and nothing that touches a database, so every room may lean on it.
"""
