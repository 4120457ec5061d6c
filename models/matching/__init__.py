"""Matching a request to catalog items and departments.

engine, history_index and bm25-style scoring know no database (an import-linter contract keeps it so): they take
items and examples as plain values. loader, index_file and examples read the database and the cache file and feed
the engine. May import models.core and models.store.
"""
