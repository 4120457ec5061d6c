"""What a match's confidence means to the people reading it, kept apart from the numpy-backed matcher so the TUI
can import it on its start-up path."""

# below this a department is more likely wrong than right (the confidence is a calibrated probability): the
# intake says 匹配把握低 and asks for a person's choice (benchmarks/README.md, selective accuracy, says what share
# of answers that is on the development data)
LOW_CONFIDENCE = 0.5

# below this score (0–100) the best catalog item is too weak to act on without a person confirming it: intake does
# not route on it, and the admission door reads the task as off-list (清单外)
MIN_AUTO_SCORE = 35.0
