"""Files in and out: tabular readers for what street offices produce, catalog and request imports, exports and the
monthly report as XLSX/HTML/Markdown, and the rule that an output is complete or absent.

May import every room below models.demo.
"""
