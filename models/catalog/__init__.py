"""The duty catalog (事项清单) and departments, and the catalog as a worker browses it.

May import models.core, models.store and models.people. Reading catalog files lives in models.files.
"""
