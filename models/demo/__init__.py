"""The training database: one invented street, built through the same imports and workflow a real street uses.

The top floor of models: may import any room, and nothing imports it but the front ends and tests.
"""
