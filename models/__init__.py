"""Domain layer of xinsheng: every table and every rule, shared by the TUI and the command line.

Rooms, lowest first (a room may import only the rooms below it; import-linter checks this in CI):
core → store → people → catalog | matching → requests → reporting → files → demo.
docs/architecture.md walks through them. Nothing here imports textual, typer or rich.
"""
