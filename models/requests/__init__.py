"""The request aggregate and its life: intake, the workflow, deadlines, escalation, duplicates, the audited
phone reveal and the read side of queues and details.

Every change to a request goes through the row builders and transition here. May import models.core, models.store,
models.people, models.catalog and models.matching.
"""
