"""Who is at the keyboard, proven: accounts and their credentials, signing in, locks, two-factor codes, the
command line's sessions and the audit of security events.

Sits above models.people (roles and reach) and below every room that acts for someone: they take an `Actor` that
only this room hands out after a proof, and record what they did with `access.audit.record`.
May import models.core, models.store and models.people.
"""
