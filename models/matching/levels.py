"""What a match's confidence means to the people reading it, kept apart from the numpy-backed matcher so the TUI
can import it on its start-up path."""

# below this a department is more likely wrong than right (the confidence is a calibrated probability): the
# intake says 匹配把握低 and asks for a person's choice (benchmarks/README.md, selective accuracy, says what share
# of answers that is on the development data)
LOW_CONFIDENCE = 0.5

# below this score (0–100) the best catalog item is too weak to act on without a person confirming it: intake does
# not route on it, and the admission door reads the task as off-list (清单外)
MIN_AUTO_SCORE = 35.0

# the admission door cites a rule of the list on the strength of its match, so it wants more than intake does: one
# keyword alone scores about 35–45 (a keyword is worth 35 points, the rest comes from shared characters), and
# generic words of official notices (报送, 上报, 登记, 注册) are keywords of some item. From 50 up a match rests on
# more than one word: two keywords, or a keyword and the item's name. Below it the door says 清单外 and shows the
# nearest items; a person may still take one (F5–F7)
DOOR_MIN_SCORE = 50.0
