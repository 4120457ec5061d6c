"""The legislative contact point (基层立法联系点): a draft law under consultation, split into its articles; residents'
opinions kept verbatim (原汁原味), attached to the articles they concern; the submission; and the outcome reported
back to each contributor (docs/legislation.md).

- drafts: reading a draft (.txt, .md, .docx) and splitting it into chapters, sections and articles;
- consultations: the one write path of a consultation and its articles, and reading them back;
- opinions: the one write path of an opinion, matching it to articles, and its outcome and callback;
- callbacks: the callback list as staff work through it, the contributors' contact masked.
"""
