"""Matching a resident's request to catalog items and departments (docs/domain.md, “Matching”).

Two kinds of evidence are fused:
- the catalog itself (item name, keywords, category, department, description): a BM25 inverted index of character
  n-grams finds candidate items (Chinese has no spaces; n-grams tolerate typos and word order), rapidfuzz and keyword
  hits rerank the few candidates, and a (complement) naive Bayes reading of the whole catalog votes for departments;
- confirmed routings learned from history (MatchExample), in history_index: nearest neighbours and linear
  department models over sparse TF-IDF rows. New confirmations count from the very next match, with no rebuild.
History earns its weight by similarity: with nothing alike confirmed before, the catalog decides.
"""

from __future__ import annotations

import math
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from models.core.text import char_ngrams, normalize, strip_filler
from models.core.vocabulary import Duty
from models.matching.fusion import Evidence, confidence, department_order, features, fuse
from models.matching.history_index import SHARPNESS, HistoryIndex
from models.matching.history_index import posterior as posterior_of

NGRAMS = (1, 2, 3)
CATALOG_CANDIDATES = 40
EXAMPLE_NEIGHBOURS = 30
# share of the catalog evidence given to the catalog-wide department model (the rest: the best item's score)
CATALOG_MODEL_SHARE = 0.5
HISTORY_WEIGHT = 0.8


@dataclass(frozen=True)
class ItemInfo:
    code: str
    name: str
    category: str
    department: str
    duty: str
    keywords: tuple[str, ...] = ()
    description: str = ""
    merged_into: str | None = None
    id: int | None = None
    active: bool = True  # False: nobody takes this work any more (its department is disabled); never suggested
    certificate: bool = False  # a 证明事项: issued by the community only while its duty is the street's own
    apply_at: str = ""  # where a resident applies for it instead


Labels = list[tuple[str | None, str | None]]
CatalogModelSource = Callable[[list[str], Labels], HistoryIndex]


def build_catalog_model(texts: list[str], labels: Labels) -> HistoryIndex:
    """The catalog read as a department model: complement naive Bayes over one document per item."""
    return HistoryIndex.build(texts, labels, model="nb")


@dataclass(frozen=True)
class Suggestion:
    code: str
    name: str
    category: str
    department: str
    duty: str
    score: float
    reason: str
    highlights: tuple[str, ...] = ()
    merged_from: str | None = None  # the merged item whose words matched, suggested as its successor (this one)
    certificate: bool = False
    apply_at: str = ""

    @property
    def certificate_elsewhere(self) -> bool:
        """A certificate the community does not (or no longer) issue: the resident is told where to apply."""
        return self.certificate and self.duty != Duty.OWN

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "department": self.department,
            "duty": self.duty,
            "score": self.score,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class MatchResult:
    text: str
    normalized: str
    department: str | None
    department_score: float
    department_reason: str
    suggestions: list[Suggestion] = field(default_factory=list)
    departments: list[tuple[str, float]] = field(default_factory=list)  # every candidate department, best first
    # P(department is right), calibrated on the site's own history (models.matching.calibration)
    confidence: float = 0.0
    body: str = ""  # the message body the match read beside the title

    @property
    def empty(self) -> bool:
        return not self.normalized

    def department_list(self, at_least: int = 5) -> list[dict[str, object]]:
        """The candidate departments, best first, each once, as `match --json` gives them."""
        return [{"name": name, "score": score} for name, score in self.departments[:at_least]]


class Bm25Index:
    """Okapi BM25 over n-gram lists, as an inverted index; documents can be added at any time.

    Per query n-gram: idf · tf·(k1 + 1) / (tf + k1·(1 − b + b·dl/avgdl)), k1 = 1.2, b = 0.75, with Lucene's idf
    log(1 + (N − df + 0.5)/(df + 0.5)), which is never negative. That term is bm25s's method="lucene" times the
    constant k1 + 1, and rank_bm25.BM25Okapi's but for the idf: BM25Okapi takes log((N − df + 0.5)/(df + 0.5)),
    negative for n-grams in over half the documents and then replaced by 0.25 × the mean idf (in the TipDM
    catalog none is: the commonest, 政, is in 178 of 517), and its k1 defaults to 1.5. Ours adds two things:
    - a query n-gram counts once per occurrence, as in BM25Okapi, times √n: sharing a 3-gram says more than sharing
      a character;
    - search() reads a score relative to 1.2 × the query's ceiling (what a document of average length holding each
      query n-gram once would score, n-grams no document has included) and caps it at 1, so the reranker can mix it
      with fuzzy and keyword evidence on a 0..1 scale.
    tests/test_matching_parity.py checks every score against the formula written out in numpy (within 1e-9).

    Hand-written because neither library is a dependency and the job is small: the catalog is indexed anew in every
    process (the 517-item TipDM catalog in about 30 ms) and a query takes about 0.15 ms over a dict of postings.
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        self.total_length = 0

    def __len__(self) -> int:
        return len(self.lengths)

    def add(self, grams: Sequence[str]) -> int:
        doc = len(self.lengths)
        counts: dict[str, int] = defaultdict(int)
        for gram in grams:
            counts[gram] += 1
        for gram, tf in counts.items():
            self.postings[gram].append((doc, tf))
        self.lengths.append(len(grams))
        self.total_length += len(grams)
        return doc

    def _idf(self, df: int) -> float:
        n = len(self.lengths)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def search(self, grams: Sequence[str], limit: int) -> list[tuple[int, float]]:
        """Best `limit` documents with their score relative to the query's own best possible score (0..1)."""
        if not self.lengths or not grams:
            return []
        query: dict[str, int] = defaultdict(int)
        for gram in grams:
            query[gram] += 1
        avg = self.total_length / len(self.lengths)
        k1, b = self.k1, self.b
        scores: dict[int, float] = defaultdict(float)
        ceiling = 0.0
        for gram, qtf in query.items():
            posting = self.postings.get(gram)
            weight = qtf * (len(gram) ** 0.5)
            if not posting:
                ceiling += weight * self._idf(0)
                continue
            idf = self._idf(len(posting)) * weight
            ceiling += idf
            lengths = self.lengths
            for doc, tf in posting:
                norm = k1 * (1.0 - b + b * lengths[doc] / avg)
                scores[doc] += idf * tf * (k1 + 1.0) / (tf + norm)
        if not scores or ceiling <= 0:
            return []
        best = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:limit]
        return [(doc, min(1.0, s / (ceiling * 1.2))) for doc, s in best]


NAME_CHARS = 64  # of an item's name, for fuzzy scoring
SPAN_TERM_CHARS = 200  # of each name or keyword, for highlighting: catalog names are far shorter
SPAN_MAX_CHARS = 32  # no highlight needs more; unbounded, a pasted 50,000-character request against a long
# catalog name searched for minutes (found by the property tests)


_DIGITS = re.compile(r"\d")
_LONG_NUMBER = re.compile(r"\d{7,}")  # phones (7–8 digits local, 11 mobile), ID numbers: never a duty's words


@lru_cache(maxsize=4096)
def _number_pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d){re.escape(keyword)}(?!\d)")


def _contains(text: str, keyword: str) -> bool:
    """Whether a keyword occurs in the text. A keyword with digits (12345, 110) must not be part of a longer
    number: a phone such as 138 1234 5678 is not a request about the 12345 hotline."""
    if keyword not in text:
        return False
    return not _DIGITS.search(keyword) or _number_pattern(keyword).search(text) is not None


def _matched_spans(query: str, terms: Iterable[str], min_len: int = 2) -> list[str]:
    """Maximal substrings (≥ min_len characters) of the terms that occur in the query, longest first."""
    spans: set[str] = set()
    for term in terms:
        term = term[:SPAN_TERM_CHARS]
        i = 0
        while i < len(term):
            best = ""
            for j in range(min(len(term), i + SPAN_MAX_CHARS), i + min_len - 1, -1):
                piece = term[i:j]
                if piece in query:
                    best = piece
                    break
            if best:
                spans.add(best)
                i += len(best)
            else:
                i += 1
    return sorted(spans, key=len, reverse=True)


class Matcher:
    """Catalog + history matcher; build once per process (or per TUI session) and feed it new examples."""

    def __init__(
        self,
        items: Sequence[ItemInfo],
        examples: Iterable[tuple[str, str | None, str | None]] = (),
        *,
        catalog_model: CatalogModelSource | None = None,
    ):
        """`catalog_model` makes the catalog's department model from its documents (models.matching.index_file
        keeps it on disk, so a new process need not import scipy to build it); by default it is built here."""
        self.items = list(items)
        self.by_code = {item.code: item for item in self.items}
        self._item_index = Bm25Index()
        self._names = [normalize(item.name) for item in self.items]
        self._keywords = [tuple(k for k in (normalize(w) for w in item.keywords) if k) for item in self.items]
        for item, name, keywords in zip(self.items, self._names, self._keywords, strict=True):
            grams: list[str] = []
            for part, repeat in (
                (name, 2),
                ("".join(keywords), 1),
                (normalize(item.category), 1),
                (normalize(item.department), 1),
                (normalize(item.description), 1),
            ):
                grams.extend(char_ngrams(part, NGRAMS) * repeat)
            # keywords are separate words: index each one whole so no n-gram spans two of them
            for kw in keywords:
                grams.extend(char_ngrams(kw, NGRAMS))
            self._item_index.add(grams)
        # what each item is suggested as: a merged item as the item it was folded into (a worker accepting the old
        # name would log work under a duty that no longer exists), an inactive one not at all
        self._index_of = {item.code: i for i, item in enumerate(self.items)}
        self._suggest_as = [self._successor(i) for i in range(len(self.items))]
        # the catalog read as a department model: every item that still takes work is one labelled document of its
        # owner (a merged item's words are its successor's owner's)
        live = [(i, target) for i, target in enumerate(self._suggest_as) if target is not None]
        self._catalog_model = (catalog_model or build_catalog_model)(
            [
                "\x01".join(
                    (
                        self._names[i],
                        *self._keywords[i],
                        normalize(self.items[i].description),
                    )
                )
                for i, _ in live
            ],
            [(self.items[i].code, self.items[target].department) for i, target in live],
        )
        # the TUI matches in one worker thread while another records a confirmed routing
        self._lock = threading.RLock()
        self.history = self.build_history(examples)

    def prepare_examples(
        self, examples: Iterable[tuple[str, str | None, str | None]]
    ) -> tuple[list[str], list[tuple[str | None, str | None]]]:
        texts: list[str] = []
        labels: list[tuple[str | None, str | None]] = []
        for text, code, department in examples:
            prepared = self._prepare_example(text, code, department)
            if prepared is not None:
                texts.append(prepared[0])
                labels.append(prepared[1])
        return texts, labels

    def build_history(self, examples: Iterable[tuple[str, str | None, str | None]]) -> HistoryIndex:
        """A history index over (text, item code, department) examples, normalized and labelled as add_example,
        with the fusion its own cross-validation chooses (models.matching.calibration)."""
        from models.matching.calibration import calibrate

        texts, labels = self.prepare_examples(examples)
        if not texts:  # nothing confirmed yet: an empty index, without the sparse-matrix machinery
            return HistoryIndex()
        index = HistoryIndex.build(texts, labels)
        index.fusion = calibrate(self, texts, labels)
        return index

    @property
    def example_count(self) -> int:
        return len(self.history)

    def _prepare_example(
        self, text: str, item_code: str | None, department: str | None
    ) -> tuple[str, tuple[str | None, str | None]] | None:
        # whole, as the catalog is: reading it phrase by phrase (no n-gram across punctuation) was measured and
        # lost 0.3 points of top-1 (standard error 0.3, 10 of 15 folds) on the development data (issue 17)
        norm = normalize(text)
        if not norm or (item_code is None and department is None):
            return None
        if department is None and item_code in self.by_code:
            department = self.route_department(self.by_code[item_code])
        return norm, (item_code, department)

    def add_example(self, text: str, item_code: str | None, department: str | None) -> None:
        """Learn one confirmed routing; the very next match sees it."""
        prepared = self._prepare_example(text, item_code, department)
        if prepared is not None:
            with self._lock:
                self.history.add(prepared[0], *prepared[1])

    def learn_many(self, examples: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Learn many confirmed routings at once (an import): one retraining instead of one per few hundred."""
        texts, labels = self.prepare_examples(examples)
        if texts:
            with self._lock:
                self.history.extend(texts, labels)

    def forget_example(self, text: str, item_code: str | None, department: str | None) -> bool:
        """Withdraw a confirmed routing (it was corrected); the very next match no longer follows it."""
        prepared = self._prepare_example(text, item_code, department)
        if prepared is None:
            return False
        with self._lock:
            return self.history.forget(prepared[0], *prepared[1])

    def route_department(self, item: ItemInfo) -> str:
        """Who really owns the work: a merged item follows the item it was folded into."""
        if item.duty == Duty.MERGED and item.merged_into and item.merged_into in self.by_code:
            return self.by_code[item.merged_into].department
        return item.department

    def _successor(self, idx: int) -> int | None:
        """The item whose work this one's is now: itself, the end of its merge chain, or None when that is inactive
        or unknown (a merge into an item missing from the catalog leaves nowhere to send the work)."""
        seen: set[int] = set()
        current: int | None = idx
        while current is not None and current not in seen:
            seen.add(current)
            item = self.items[current]
            if not item.active:
                return None
            if item.duty != Duty.MERGED:
                return current
            current = self._index_of.get(item.merged_into) if item.merged_into else None
        return None  # a merge ring or a dangling merge

    def evidence(self, text: str, history: HistoryIndex, body: str = "") -> Evidence | None:
        """Everything the catalog and a history say about a text, before they are weighed against each other: the
        matcher's own answer weighs them by the history's fusion; calibration weighs them many ways."""
        query = normalize(text)
        if not query:
            return None
        # the catalog is read without the hotline's own words; history learns for itself what they are worth.
        # It reads the body too: a title such as "咨询一个问题" names no duty at all
        full = normalize(f"{text}{body}") if body else query
        # a phone or ID number says nothing about whose duty it is, yet its digits hold a keyword (12345) or an
        # item's number: the catalog reads the text without them
        full = _LONG_NUMBER.sub("", full) or full
        catalog_query = strip_filler(full) or full
        grams = char_ngrams(catalog_query, NGRAMS)

        item_scores: dict[int, float] = {}
        keyword_hits: dict[int, list[str]] = {}
        candidates = self._item_index.search(grams, CATALOG_CANDIDATES)
        for idx, rel in candidates:
            name, keywords = self._names[idx], self._keywords[idx]
            hits = [kw for kw in keywords if _contains(full, kw)]
            # a name is a short phrase; capped, so an odd catalog row cannot make one match take minutes
            fuzzy = fuzz.partial_ratio(name[:NAME_CHARS], catalog_query) / 100.0 if name else 0.0
            fuzzy = max(0.0, (fuzzy - 0.3) / 0.7)  # one shared character already scores ~30: not evidence
            keyword_part = 1.0 - 0.5 ** len(hits)
            # noisy-OR: any one strong signal (a keyword, the name, the n-gram profile) can carry the match
            item_scores[idx] = 1.0 - (1.0 - 0.7 * keyword_part) * (1.0 - 0.6 * fuzzy) * (1.0 - 0.8 * rel)
            keyword_hits[idx] = hits

        details = normalize(body)
        neighbours = history.neighbours(query, EXAMPLE_NEIGHBOURS, details)
        history_strength = neighbours[0].similarity if neighbours else 0.0
        item_votes: dict[str, float] = defaultdict(float)
        dept_votes: dict[str, float] = defaultdict(float)
        dept_counts: dict[str, int] = defaultdict(int)
        for neighbour in neighbours:
            code, department = history.label(neighbour.row)
            if code:
                item_votes[code] += neighbour.similarity
            if department:
                dept_votes[department] += neighbour.similarity
                dept_counts[department] += 1
        margins = history.department_margins(query, details)
        posterior = posterior_of(margins, SHARPNESS[history.model])

        index_of = self._index_of
        item_vote_total = sum(item_votes.values()) or 1.0
        for code, votes in item_votes.items():
            voted = index_of.get(code)
            if voted is None:
                continue
            boost = 0.4 * history_strength * votes / item_vote_total
            item_scores[voted] = min(1.0, item_scores.get(voted, 0.0) + boost)

        # a merged item's evidence counts for its successor; an inactive item's for nothing
        folded: dict[int, float] = {}
        came_from: dict[int, int] = {}  # successor → the merged item whose words matched best
        for idx, score in item_scores.items():
            target = self._suggest_as[idx]
            if target is not None and score > folded.get(target, -1.0):
                folded[target], came_from[target] = score, idx
        ranked = sorted(folded.items(), key=lambda kv: kv[1], reverse=True)

        dept_catalog: dict[str, float] = {}
        for idx, score in ranked:
            department = self.route_department(self.items[idx])
            # noisy-OR over the department's items: several items that fit are more telling than one
            dept_catalog[department] = 1.0 - (1.0 - dept_catalog.get(department, 0.0)) * (1.0 - score)
        # the best item's department and the catalog-wide department model share the catalog's say
        catalog_model = self._catalog_model.department_posterior(catalog_query)
        for department in set(dept_catalog) | set(catalog_model):
            item_evidence = dept_catalog.get(department, 0.0)
            model_evidence = catalog_model.get(department, 0.0)
            dept_catalog[department] = (1 - CATALOG_MODEL_SHARE) * item_evidence + CATALOG_MODEL_SHARE * model_evidence
        return Evidence(
            query, ranked, came_from, keyword_hits, dept_catalog, dict(dept_votes), dict(dept_counts), posterior,
            history_strength, tuple(sorted(margins, key=margins.__getitem__, reverse=True)),
        )  # fmt: skip

    def _explain(self, query: str, idx: int, hits: list[str] | None) -> tuple[str, tuple[str, ...]]:
        """Reason and highlighted characters of one suggestion: only the few shown ever need them."""
        if hits is None:  # not a catalog candidate: it came from similar confirmed requests alone
            return "相似的已确认诉求", ()
        # an item without a name (an article of a draft: models.legislation) is explained by its text instead
        said = self._names[idx] or normalize(self.items[idx].description)
        spans = _matched_spans(query, (said, *hits))
        if hits:
            reason = "关键词：" + "、".join(hits[:4])
        elif spans:
            reason = "字面相同：" + "、".join(spans[:4])
        else:
            reason = "字符相近"
        return reason, tuple(dict.fromkeys([*hits, *spans]))

    def match(self, text: str, top: int = 3, *, body: str = "", catalog_only: bool = False) -> MatchResult:
        """Suggestions for a request's title (`text`); its message `body`, where there is one, counts for less.
        With no title yet, the body is read as one. `catalog_only` reads the catalog alone: the admission door
        matches tasks pushed down by departments, which residents' confirmed requests say nothing about."""
        if body and not normalize(text):
            text, body = body, ""
        with self._lock:
            return self._match(text, top, body, HistoryIndex() if catalog_only else self.history)

    def _match(self, text: str, top: int, body: str, history: HistoryIndex) -> MatchResult:
        evidence = self.evidence(text, history, body)
        if evidence is None:
            return MatchResult(text, "", None, 0.0, "", body=body)
        query = evidence.query
        suggestions = []
        for idx, score in evidence.ranked[:top]:
            item = self.items[idx]
            origin = evidence.came_from[idx]
            reason, highlights = self._explain(query, origin, evidence.keyword_hits.get(origin))
            if origin != idx:
                reason = f"已合并事项“{self.items[origin].name}”并入此项；{reason}"
            suggestions.append(
                Suggestion(
                    code=item.code,
                    name=item.name,
                    category=item.category,
                    department=self.route_department(item),
                    duty=item.duty,
                    score=round(100.0 * score, 1),
                    reason=reason,
                    highlights=highlights,
                    merged_from=self.items[origin].code if origin != idx else None,
                    certificate=item.certificate,
                    apply_at=item.apply_at,
                )
            )
        fusion = history.fusion
        combined, history_weight = fuse(evidence, fusion, history.known_departments())
        dept_counts = evidence.dept_counts
        if not combined:
            return MatchResult(text, query, None, 0.0, "", suggestions, body=body)
        best_department, best_score = max(combined.items(), key=lambda kv: kv[1])
        by_history = bool(dept_counts.get(best_department)) and history_weight >= 0.2
        if by_history:
            reason = f"{dept_counts[best_department]} 条相似的已确认诉求 → {best_department}"
        elif suggestions and suggestions[0].department == best_department:
            reason = f"事项“{suggestions[0].name}”的牵头部门"
        elif suggestions:
            reason = f"清单中相近的多个事项合起来更偏向{best_department}"
        else:
            reason = ""
        if suggestions and suggestions[0].department != best_department:
            # the hint and the first suggestion disagree: a worker about to press F5 must see why
            top_item = suggestions[0]
            why = "建议部门依据以往的派单，事项依据清单用词" if by_history else "建议部门看全部相近事项，不只首选一项"
            reason += f"；与首选事项“{top_item.name}”（归{top_item.department}）不同，因为{why}，请核对"
        ranking = [(department, combined[department]) for department in department_order(combined, evidence.model_rank)]
        sure = confidence(fusion, *features(combined, evidence.posterior))
        return MatchResult(
            text,
            query,
            best_department,
            round(100.0 * best_score, 1),
            reason,
            suggestions,
            [(d, round(100.0 * s, 1)) for d, s in ranking],
            round(sure, 3),
            body,
        )
