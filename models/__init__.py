"""Domain layer of xinsheng: tables, database access, matching, workflow, imports and metrics.

Nothing here imports textual, typer or rich; both front ends call these functions.
"""
