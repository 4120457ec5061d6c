"""Alembic migrations shipped inside the package.

HEAD_REVISION lets start-up skip importing alembic when the database is already current; a test checks it
matches the newest script.
"""

HEAD_REVISION = "0015"
