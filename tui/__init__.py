"""Textual front end: screens, widgets and styles. Thin: everything it shows comes from models/."""
