"""The admission door (准入): work that departments push down to the street, checked against the catalog as it
arrives, and the procedure through which off-list work may still be admitted (docs/admission.md).

- door: what the catalog says about a task, as a decision with the rule cited;
- register: the one write path of a task and its trail (taskevent);
- procedure: application, review, decision, revocation, expiry and the escalation of late reviews;
- rules: the street's time limits for the procedure (working days);
- queries: tasks as the screens and the command line list them, within the operator's reach.
"""
