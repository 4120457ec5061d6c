"""Matching a request to catalog items and departments.

engine, history_index, fusion and calibration know no database (an import-linter contract keeps the first two so):
they take items and examples as plain values. loader, index_file and examples read the database and the cache file
and feed the engine; preselect keeps a site's pre-select setting (audited, an administrator's). May import
models.core, models.store, models.people and models.access.
"""
