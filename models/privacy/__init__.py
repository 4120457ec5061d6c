"""A resident's rights over the personal data the street keeps (Personal Information Protection Law, Articles 19,
45 and 47): a copy of their requests and of their opinions on draft laws, erasure on request, and erasure once the
retention period has passed.

Erasure anonymizes, it never deletes: the request stays, with its status, dates, department and outcome, so every
count and rate is exactly what it was; only the resident's name and phone go, from the request's fields and from
the texts they were written into. The request's timeline records that an erasure happened and why, never what was
erased. All of it is an administrator's, and audited (docs/security.md).

- residents: finding one resident's requests and opinions (by phone in any writing, or by name), the erasure.
- copies: the resident's copy of all of it, as JSON or CSV.
- retention: the retention period and the purge of finished requests and opinions past it.

May import every room below it (files and down); beside models.demo, which it does not import.
"""
