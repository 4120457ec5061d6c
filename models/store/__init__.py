"""Persistence: the tables, the engine and sessions, migrations, failure classification, consistency checks and
the working-day calendar table, and the PostgreSQL roles' rights (roles).

May import models.core only. Everything above reaches the database through the sessions opened here.
"""
