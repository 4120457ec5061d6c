"""What supervisors read: the three rates and the rest of the figures in SQL, the freed-time ledger, the monthly
report as data, the dashboard and the metric weights a street sets.

May import every room below models.files; never writes a request.
"""
