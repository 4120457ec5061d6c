"""Who is who and who may do what: streets, communities and grids, operators, roles and reach.

May import models.core and models.store.
"""
