"""The learned half of matching: confirmed routings as character n-gram TF-IDF vectors in sparse matrices.

Two readings of the same matrix answer a query:
- nearest neighbours (cosine), which name the similar confirmed requests behind a suggestion, and vote for items;
- one-vs-rest linear SVMs over the departments (trained by dual coordinate descent, as liblinear), which say where
  requests like this one have gone.

N-grams (1–3 characters) are encoded exactly as integers (three code points fit in 63 bits), so a whole history is
tokenized with vectorized numpy instead of a Python loop per string. New confirmations go to a small delta that is
searched beside the base; the base is rebuilt from the stored counts (no re-tokenizing) once the delta grows large.

The TF-IDF weighting, the SVM trainer and the catalog's naive Bayes are scikit-learn's algorithms written out in
numpy; each docstring names its equivalent and where ours differs, and tests/test_matching_parity.py holds them to
it on the development data. scikit-learn is not a runtime dependency: 51 MB installed, and importing the module of
any one of them takes 0.8–1.1 s in a new process against 0.15 s for scipy.sparse (`python -m benchmarks.parity`),
while every process builds the catalog's model at start and `xinsheng match` takes about a second in all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse
# scipy is imported only where an index is built or extended: answering from a saved index needs numpy alone, and
# `xinsheng match` in a new process does not pay for importing scipy.sparse

# confirmations kept beside the base before it is rebuilt: the delta is scanned in Python, the base is not
REBUILD_DELTA = 500
STOP_FRACTION = 0.05  # n-grams in more than this share of examples carry no neighbour evidence
# how decisive a one-unit margin of the department model is. SVM: with SVM_ALPHA below, 5-fold CV repeated over
# three shuffles (not the benchmark's) is flat from 6 to 20 and falls off below 3. nb: flat from 10 to 200.
SHARPNESS = {"svm": 8.0, "nb": 10.0}
# L2 strength of the SVMs; the same repeated CV gives 0.841 for 3e-5 against 0.835 for 1e-4 and 0.827 for 1e-5
SVM_ALPHA = 3e-5
# when train_linear stops: no row's projected gradient above this in a pass (about liblinear's default, which bounds
# their range by 0.1), or UPDATE_BUDGET row updates (at least one pass: one at 100,000 rows, 10 on the calibration's
# histories of 5,000)
SVM_TOLERANCE = 0.05
UPDATE_BUDGET = 50_000
# a message body's n-grams against the title's in a query: the title says what the request is about, the body
# also tells the story around it (chosen by repeated cross-validation on the development data, benchmarks/README.md)
BODY_WEIGHT = 0.25
NB_ALPHA = 1.0  # Laplace smoothing of the naive Bayes department model (one document per item is sparse)


def gram_keys(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(document index, n-gram key) for every 1-, 2- and 3-gram of already normalized texts; none spans a \\x01
    (the catalog's model joins an item's name, keywords and description with it: separate phrases)."""
    if not texts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    joined = "\x00".join(texts) + "\x00"
    cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    doc = np.cumsum(cp == 0) - (cp == 0)  # document index of every position (separators belong to the left)
    live = cp > 1
    docs = [doc[live]]
    keys = [cp[live]]
    two = live[:-1] & live[1:]
    docs.append(doc[:-1][two])
    keys.append((cp[:-1] << 21 | cp[1:])[two])
    three = two[:-1] & live[2:]
    docs.append(doc[:-2][three])
    keys.append((cp[:-2] << 42 | cp[1:-1] << 21 | cp[2:])[three])
    return np.concatenate(docs), np.concatenate(keys)


def training_passes(rows: int) -> int:
    """The most passes train_linear makes over this many rows: UPDATE_BUDGET row updates, at least one pass."""
    return max(1, UPDATE_BUDGET // max(1, rows))


def svm_objective(
    features: sparse.csr_matrix, labels: np.ndarray, weights: np.ndarray, bias: np.ndarray, alpha: float = SVM_ALPHA
) -> float:
    """What train_linear minimises, one-vs-rest and averaged over the classes: mean hinge loss + alpha/2·(|w|² + b²).
    That is LinearSVC(loss="hinge", C=1/(alpha·n)) divided by C·n: liblinear regularises the bias as a feature of
    value 1 (intercept_scaling=1)."""
    targets = -np.ones((features.shape[0], weights.shape[1]))
    targets[np.arange(len(labels)), labels] = 1.0
    margins = targets * (np.asarray(features @ weights) + bias)
    penalty = (weights * weights).sum(axis=0) + bias * bias
    per_class = np.maximum(0.0, 1.0 - margins).mean(axis=0) + alpha / 2 * penalty
    return float(per_class.mean())


def train_linear(
    features: sparse.csr_matrix, labels: np.ndarray, classes: int, *, alpha: float = SVM_ALPHA, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest linear SVMs (hinge loss, L2) by dual coordinate descent.

    The objective is sklearn.svm.LinearSVC(loss="hinge", C=1/(alpha·n)), one binary problem per department: mean
    hinge loss + alpha/2·(|w|² + b²), the bias a feature of value 1 as liblinear has it. The solver is liblinear's for
    that loss (Hsieh et al. 2008, "A dual coordinate descent method for large-scale linear SVM"): each row has one dual
    variable per department in [0, C], and a visit moves it to the best value with the others fixed, w following.
    Where it differs:
    - all departments of a row are updated at once (they share the row's few non-zeros), one shuffle per pass;
    - no shrinking (with this weak L2 most rows stay support vectors, and it did not save time);
    - it stops when no visit in a pass moves its row's projected gradient by more than SVM_TOLERANCE, or after
      training_passes(n) passes (UPDATE_BUDGET row updates, at least one), where liblinear stops only on the
      tolerance: its range of projected gradients below 0.1;
    - float32 weights (what the cached index stores).
    On the development data (1,600 rows) it stops after about 13 passes, within 10% of LinearSVC's optimum
    (tests/system/test_matching_parity.py), where the mini-batch SGD it replaced stopped at 3× the optimum. At 100,000
    rows it makes one pass, in about the time the SGD took for its three (issue 17, benchmarks/README.md).

    Hand-written because scikit-learn is not a runtime dependency (module docstring). It loops over rows in Python:
    about 35 µs per row on this machine, LinearSVC does the same work in a tenth of that.
    """
    n, width = features.shape
    weights = np.zeros((width, classes), dtype=np.float64)
    bias = np.zeros(classes)
    if n == 0 or classes < 2:
        return weights.astype(np.float32), bias
    box = 1.0 / (alpha * n)  # C
    rows = features.tocsr()
    starts = rows.indptr.tolist()
    indices, data = rows.indices, rows.data.astype(np.float64)
    targets = -np.ones((n, classes))
    targets[np.arange(n), labels] = 1.0
    duals = np.zeros((n, classes))
    # the inverse of the dual Hessian's diagonal: |x|² + 1, the 1 being the bias feature
    lengths = np.bincount(np.repeat(np.arange(n), np.diff(rows.indptr)), weights=data * data, minlength=n)
    inverse = (1.0 / (lengths + 1.0)).tolist()
    rng = np.random.default_rng(seed)
    for _ in range(training_passes(n)):
        largest = 0.0
        for i in rng.permutation(n).tolist():
            cols, values = indices[starts[i] : starts[i + 1]], data[starts[i] : starts[i + 1]]
            block, wanted, dual = weights[cols], targets[i], duals[i]
            gradient = wanted * (values @ block + bias) - 1.0
            moved = np.minimum(np.maximum(dual - gradient * inverse[i], 0.0), box)
            step = moved - dual
            size = float(np.abs(step).max()) / inverse[i]
            if size > 1e-12:
                largest = max(largest, size)
                step *= wanted
                weights[cols] = block + np.outer(values, step)
                bias += step
                duals[i] = moved
        if largest < SVM_TOLERANCE:
            break
    return weights.astype(np.float32), bias


def _weighted(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear tf × idf, rows scaled to unit length (so a dot product is a cosine).

    sklearn.feature_extraction.text.TfidfTransformer(sublinear_tf=True, norm="l2", smooth_idf=True) on the same
    counts, with the idf _prepare computes; the counts are CountVectorizer(analyzer="char", ngram_range=(1, 3),
    lowercase=False) of the normalized texts. Differences: float32, to halve the memory-mapped cache (within 1e-7 of
    scikit-learn's float64); and the query side (_vectorize), where n-grams the index has never seen still lengthen
    the query for the neighbours, weighted with the idf of an n-gram in no document, where TfidfVectorizer.transform
    drops them: a request that is mostly new words must not look like its few familiar ones. The department model
    reads the query as transform does (department_posterior). Hand-written because the catalog's
    model is weighted this way in every process at start (module docstring); at 100,000 rows TfidfTransformer is
    faster (0.07 s against 0.4 s).
    """
    from scipy import sparse

    weighted = counts.astype(np.float32, copy=True)
    weighted.data = (1.0 + np.log(weighted.data)).astype(np.float32)
    weighted = weighted @ sparse.diags(idf.astype(np.float32))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms.astype(np.float32)) @ weighted)


@dataclass(frozen=True)
class Fusion:
    """How a matcher weighs this history against the catalog, and what its scores mean: chosen on the site's own
    history when the index is built (models.matching.calibration), kept with the index. The defaults stand for a
    history too small to judge itself by."""

    history_weight: float = 0.8  # the history's share at full similarity (the catalog keeps the rest)
    unseen: float = 1.0  # the catalog score kept by a department no confirmed routing ever went to
    # logistic map from (best combined score, its lead, the department model's logit) to P(department right);
    # None: models.matching.calibration.PRIOR
    platt: tuple[float, ...] | None = None
    calibrated_on: int = 0  # confirmed routings the choice was made on (0: the defaults)

    def to_json(self) -> str:
        return json.dumps([self.history_weight, self.unseen, self.platt, self.calibrated_on])

    @classmethod
    def from_json(cls, text: str) -> Fusion:
        weight, unseen, platt, size = json.loads(text)
        return cls(weight, unseen, tuple(platt) if platt else None, size)


@dataclass
class Neighbour:
    row: int
    similarity: float


@dataclass
class HistoryIndex:
    """Confirmed examples with their department and item labels."""

    vocab: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # sorted n-gram keys
    departments: list[str] = field(default_factory=list)  # label names, indexed by dept_of
    items: list[str] = field(default_factory=list)
    dept_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # -1: none
    item_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    model: str = "svm"
    fusion: Fusion = field(default_factory=Fusion)
    # n-gram counts per example (CSR), made from _count_parts on first use when the index was loaded from arrays
    _counts: Any = None
    _count_parts: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    _rows: int = 0  # examples in the base
    # derived state, rebuilt by _prepare
    _idf: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # the weighted matrix by columns (CSC data, row indices, column pointers): what a query reads
    _columns: tuple[np.ndarray, np.ndarray, np.ndarray] = field(
        default_factory=lambda: (np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int32))
    )
    _class_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    _class_bias: np.ndarray = field(default_factory=lambda: np.zeros(0))
    _stop: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    _present: np.ndarray | None = None  # departments with at least one labelled example; None: recompute
    _memo: tuple[tuple[str, str], np.ndarray, np.ndarray, float] | None = None  # the last query's vector
    _delta_texts: list[str] = field(default_factory=list)
    _delta_labels: list[tuple[str | None, str | None]] = field(default_factory=list)
    _delta_grams: list[frozenset[str]] = field(default_factory=list)

    @classmethod
    def build(
        cls, texts: Sequence[str], labels: Sequence[tuple[str | None, str | None]], model: str = "svm"
    ) -> HistoryIndex:
        """Index normalized texts with their (item code, department) labels in one vectorized pass.

        `model` is the department model: "svm" for confirmed history, "nb" for the catalog (one document per item).
        """
        index = cls(model=model)
        index._load_rows(texts, labels)
        return index

    def __len__(self) -> int:
        return self._rows + len(self._delta_texts)

    @property
    def counts(self) -> sparse.csr_matrix:
        from scipy import sparse

        if self._counts is None:
            if self._count_parts is None:
                self._counts = sparse.csr_matrix((self._rows, len(self.vocab)), dtype=np.float32)
            else:
                shape = (self._rows, len(self.vocab))
                self._counts = sparse.csr_matrix(self._count_parts, shape=shape)
                self._count_parts = None
        return self._counts

    def weighted_rows(self) -> sparse.csr_matrix:
        """The weighted matrix exactly as a query reads it (and the cache file stores it), by rows: for the parity
        test and benchmark, which hold it against scikit-learn's."""
        from scipy import sparse

        return sparse.csc_matrix(self._columns, shape=(len(self), len(self.vocab))).tocsr()

    def query_rows(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Query vectors as the index builds them at match time, one row per text."""
        from scipy import sparse

        parts = [self._vectorize(text) for text in texts]
        return sparse.csr_matrix(
            (
                np.concatenate([weights for _, weights, _ in parts]),
                np.concatenate([cols for cols, _, _ in parts]),
                np.cumsum([0] + [len(cols) for cols, _, _ in parts]),
            ),
            shape=(len(texts), len(self.vocab)),
        )

    def _label_ids(self, labels: Sequence[tuple[str | None, str | None]]) -> tuple[np.ndarray, np.ndarray]:
        dept_ids, item_ids = {d: i for i, d in enumerate(self.departments)}, {c: i for i, c in enumerate(self.items)}
        dept_of, item_of = [], []
        for code, department in labels:
            if department is not None and department not in dept_ids:
                dept_ids[department] = len(self.departments)
                self.departments.append(department)
            if code is not None and code not in item_ids:
                item_ids[code] = len(self.items)
                self.items.append(code)
            dept_of.append(dept_ids[department] if department is not None else -1)
            item_of.append(item_ids[code] if code is not None else -1)
        return np.asarray(dept_of, dtype=np.int32), np.asarray(item_of, dtype=np.int32)

    def _load_rows(self, texts: Sequence[str], labels: Sequence[tuple[str | None, str | None]]) -> None:
        from scipy import sparse

        docs, keys = gram_keys(texts)
        vocab, cols = np.unique(np.concatenate([self.vocab, keys]), return_inverse=True)
        old_cols, new_cols = cols[: len(self.vocab)], cols[len(self.vocab) :]
        base = self.counts.tocoo()
        rows = np.concatenate([base.row, docs + self._rows])
        columns = np.concatenate([old_cols[base.col], new_cols])
        data = np.concatenate([base.data, np.ones(len(keys), dtype=np.float32)])
        shape = (self._rows + len(texts), len(vocab))
        self._counts = sparse.csr_matrix((data, (rows, columns)), shape=shape, dtype=np.float32)
        self._counts.sum_duplicates()
        self._rows = shape[0]
        self.vocab = vocab
        dept_of, item_of = self._label_ids(labels)
        self.dept_of = np.concatenate([self.dept_of, dept_of])
        self.item_of = np.concatenate([self.item_of, item_of])
        self._prepare()

    def _prepare(self) -> None:
        """Everything derived from the counts: idf, the weighted columns, stop n-grams, the department model.

        The idf is log((1 + n)/(1 + df)) + 1, TfidfTransformer's smooth_idf=True: as if one more document held
        every n-gram, so none divides by zero and none weighs zero.

        The "nb" department model (the catalog: one document per item) is sklearn.naive_bayes.ComplementNB(
        alpha=NB_ALPHA, norm=False) fitted on the TF-IDF rows: a department scores by how little its n-grams are
        used by the other departments, whose pooled items estimate it better than its own few do, and there is no
        prior. Zero-shot on the 2,000 dev titles the catalog's model alone picks the right department for 0.525;
        MultinomialNB(alpha=NB_ALPHA) gets 0.301 on the same rows and 0.442 on raw counts. It differs from
        ComplementNB only in float32 weights (within 1e-7 relative) and in what reads the scores:
        department_posterior, not predict_proba. Hand-written: a few lines of numpy, built in every process.
        """
        from scipy import sparse

        self._present, self._memo = None, None
        n = self._rows
        df = np.bincount(self.counts.indices, minlength=len(self.vocab)).astype(np.float64)
        self._idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        weighted = _weighted(self.counts, self._idf)
        by_column = weighted.tocsc()
        self._columns = (by_column.data, by_column.indices, by_column.indptr)
        self._stop = df > max(20.0, STOP_FRACTION * n)
        labelled = self.dept_of >= 0
        if self.model == "svm":
            self._class_weights, self._class_bias = train_linear(
                weighted[labelled], self.dept_of[labelled], len(self.departments)
            )
        else:  # complement naive Bayes: steadier than an SVM when each department has only a few documents
            onehot = sparse.csr_matrix(
                (np.ones(int(labelled.sum()), dtype=np.float32), (self.dept_of[labelled], np.nonzero(labelled)[0])),
                shape=(len(self.departments), n),
            )
            per_class = np.asarray((onehot @ weighted).todense(), dtype=np.float64)
            complement = per_class.sum(axis=0, keepdims=True) - per_class + NB_ALPHA
            self._class_weights = (-np.log(complement / complement.sum(axis=1, keepdims=True))).T.astype(np.float32)
            self._class_bias = np.zeros(len(self.departments))

    def add(self, text: str, item_code: str | None, department: str | None) -> None:
        """A new confirmation, searchable at once; folded into the base when the delta is large."""
        self._delta_texts.append(text)
        self._delta_labels.append((item_code, department))
        self._delta_grams.append(frozenset(_ngrams(text)))
        if len(self._delta_texts) >= max(REBUILD_DELTA, self._rows // 5):
            self.fold_delta()

    def fold_delta(self) -> None:
        if self._delta_texts:
            texts, labels = self._delta_texts, self._delta_labels
            self._delta_texts, self._delta_labels, self._delta_grams = [], [], []
            self._load_rows(texts, labels)

    def _query_vector(self, text: str, body: str = "") -> tuple[np.ndarray, np.ndarray, float]:
        """(columns, weights, known share) of the query over the base vocabulary: unit length counting the n-grams
        the index has never seen, and the factor that makes it unit length over the known ones alone.

        The last one is kept: a match asks for it twice (neighbours, then the department model).
        """
        if self._memo is not None and self._memo[0] == (text, body):
            return self._memo[1], self._memo[2], self._memo[3]
        cols, weights, rescale = self._vectorize(text, body)
        self._memo = ((text, body), cols, weights, rescale)
        return cols, weights, rescale

    def _vectorize(self, text: str, body: str = "") -> tuple[np.ndarray, np.ndarray, float]:
        """The query's sublinear tf × idf; the message body's n-grams count BODY_WEIGHT of the title's."""
        uniq, tf = _term_weights(text, 1.0)
        if body:
            more, more_tf = _term_weights(body, BODY_WEIGHT)
            uniq, where = np.unique(np.concatenate([uniq, more]), return_inverse=True)
            tf = np.bincount(where, weights=np.concatenate([tf, more_tf]), minlength=len(uniq))
        if not len(uniq) or not len(self.vocab):
            return np.zeros(0, dtype=np.int64), np.zeros(0), 1.0
        pos = np.searchsorted(self.vocab, uniq)
        pos[pos >= len(self.vocab)] = 0
        known = self.vocab[pos] == uniq
        cols = pos[known]
        weights = tf[known] * self._idf[cols]
        # unknown grams still count towards the query's length, so a query that is mostly new is not "similar"
        unknown = tf[~known] * (np.log(1.0 + self._rows) + 1.0)
        known_norm = float(np.sqrt((weights**2).sum()))
        norm = np.sqrt(known_norm**2 + float((unknown**2).sum())) or 1.0
        return cols, weights / norm, (norm / known_norm if known_norm else 1.0)

    def _column_scores(self, cols: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Dot product of every base example with a sparse query: a gather over the query's columns only."""
        data, rows, indptr = self._columns
        starts, ends = indptr[cols].astype(np.int64), indptr[cols + 1].astype(np.int64)
        lengths = ends - starts
        positions = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        return np.bincount(rows[positions], weights=data[positions] * np.repeat(weights, lengths), minlength=self._rows)

    def neighbours(self, text: str, k: int, body: str = "") -> list[Neighbour]:
        """The k most similar examples (cosine over informative n-grams), the delta included."""
        found: list[Neighbour] = []
        cols, weights, _ = self._query_vector(text, body)
        if len(cols):
            keep = ~self._stop[cols]
            if keep.any():
                scores = self._column_scores(cols[keep], weights[keep])
                touched = np.flatnonzero(scores)  # usually a small share of the history: rank only those
                if len(touched) > k:
                    touched = touched[np.argpartition(-scores[touched], k)[:k]]
                found = [Neighbour(int(r), float(scores[r])) for r in touched]
        if self._delta_texts:
            found.extend(self._delta_neighbours(f"{text}\x01{body}" if body else text))
        found.sort(key=lambda n: n.similarity, reverse=True)
        return found[:k]

    def _delta_neighbours(self, text: str) -> list[Neighbour]:
        query = frozenset(_ngrams(text))
        out = []
        for offset, grams in enumerate(self._delta_grams):
            if query and grams:
                similarity = len(query & grams) / (len(query) * len(grams)) ** 0.5
                if similarity > 0:
                    out.append(Neighbour(self._rows + offset, similarity))
        return out

    def forget(self, text: str, item_code: str | None, department: str | None) -> bool:
        """Stop voting with a withdrawn confirmation (a corrected routing) at once.

        A delta row is dropped; a base row keeps its n-grams but loses its labels, so it names no item or department
        among the neighbours. What it taught the department model fades at the next fold or rebuild.
        """
        for offset, (delta_text, labels) in enumerate(zip(self._delta_texts, self._delta_labels, strict=True)):
            if delta_text == text and labels == (item_code, department):
                del self._delta_texts[offset], self._delta_labels[offset], self._delta_grams[offset]
                return True
        base = self._rows
        for neighbour in self.neighbours(text, 5):
            if (
                neighbour.row < base
                and neighbour.similarity > 0.999
                and self.label(neighbour.row)
                == (
                    item_code,
                    department,
                )
            ):
                self.dept_of, self.item_of = self.dept_of.copy(), self.item_of.copy()  # loaded arrays may be shared
                self.dept_of[neighbour.row] = self.item_of[neighbour.row] = -1
                self._present = None
                return True
        return False

    def label(self, row: int) -> tuple[str | None, str | None]:
        """(item code, department) of a neighbour row."""
        base = self._rows
        if row >= base:
            return self._delta_labels[row - base]
        item, dept = int(self.item_of[row]), int(self.dept_of[row])
        return (self.items[item] if item >= 0 else None, self.departments[dept] if dept >= 0 else None)

    def known_departments(self) -> frozenset[str]:
        """Departments at least one confirmed routing went to."""
        if self._present is None or len(self._present) != len(self.departments):
            labelled = self.dept_of[self.dept_of >= 0]
            self._present = np.bincount(labelled, minlength=len(self.departments)) > 0
        known = {self.departments[i] for i in np.flatnonzero(self._present)}
        return frozenset(known | {d for _, d in self._delta_labels if d})

    def department_margins(self, text: str, body: str = "") -> dict[str, float]:
        """The linear department model's margin for every department with a labelled example ({}: it cannot read
        the text)."""
        if not self.departments or not self._class_weights.size:
            return {}
        cols, weights, rescale = self._query_vector(text, body)
        if not len(cols):
            return {}
        # the model reads the query as TfidfVectorizer.transform would: unit length over the n-grams it knows.
        # Counting the unseen ones shrank every margin towards the bias, most where history is small (issue 17)
        scores = (weights * rescale) @ self._class_weights[cols] + self._class_bias
        if self._present is None or len(self._present) != len(self.departments):
            labelled = self.dept_of[self.dept_of >= 0]
            self._present = np.bincount(labelled, minlength=len(self.departments)) > 0
        return {self.departments[i]: float(scores[i]) for i in np.flatnonzero(self._present)}

    def department_posterior(self, text: str, body: str = "") -> dict[str, float]:
        """P(department | text) from the linear department model (softmax of its margins).

        Not ComplementNB.predict_proba or an SVM calibration: the scores are scaled by SHARPNESS, a constant
        chosen by cross-validation, so the matcher can weigh this reading against the neighbours and the catalog.
        """
        return posterior(self.department_margins(text, body), SHARPNESS[self.model])

    # -- persistence -----------------------------------------------------------------------------------------

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Everything needed to answer queries without re-tokenizing or re-weighting, as plain arrays."""
        self.fold_delta()
        return {
            "vocab": self.vocab,
            "data": self.counts.data,
            "indices": self.counts.indices,
            "indptr": self.counts.indptr,
            "shape": np.asarray((self._rows, len(self.vocab)), dtype=np.int64),
            "labels": np.asarray(json.dumps([self.departments, self.items], ensure_ascii=False)),
            "dept_of": self.dept_of,
            "item_of": self.item_of,
            "idf": self._idf,
            "w_data": self._columns[0],
            "w_indices": self._columns[1],
            "w_indptr": self._columns[2],
            "class_weights": self._class_weights,
            "class_bias": self._class_bias,
            "model": np.asarray(self.model),
            "stop": self._stop,
            "fusion": np.asarray(self.fusion.to_json()),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> HistoryIndex:
        index = cls(model=str(arrays["model"]))
        index.vocab = arrays["vocab"]
        index._rows = int(arrays["shape"][0])
        index._count_parts = (arrays["data"], arrays["indices"], arrays["indptr"])
        index.departments, index.items = json.loads(str(arrays["labels"]))
        index.dept_of = arrays["dept_of"]
        index.item_of = arrays["item_of"]
        index._idf = arrays["idf"]
        index._columns = (arrays["w_data"], arrays["w_indices"], arrays["w_indptr"])
        index._class_weights = arrays["class_weights"]
        index._class_bias = arrays["class_bias"]
        index._stop = arrays["stop"]
        if "fusion" in arrays:
            index.fusion = Fusion.from_json(str(arrays["fusion"]))
        return index

    def extend(self, texts: Sequence[str], labels: Sequence[tuple[str | None, str | None]]) -> None:
        """Add many examples at once (e.g. those confirmed since the index was saved)."""
        if texts:
            self._load_rows(texts, labels)


def posterior(margins: Mapping[str, float], sharpness: float) -> dict[str, float]:
    """Softmax of the margins × sharpness; departments below 1e-4 are left out."""
    if not margins:
        return {}
    scores = np.fromiter(margins.values(), dtype=np.float64, count=len(margins))
    probs = np.exp((scores - scores.max()) * sharpness)
    probs /= probs.sum()
    return {department: float(p) for department, p in zip(margins, probs, strict=True) if p > 1e-4}


def _term_weights(text: str, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """A text's distinct n-gram keys and their sublinear term frequencies, times `scale`."""
    _, keys = gram_keys([text]) if text else (None, np.zeros(0, dtype=np.int64))
    uniq, tf = np.unique(keys, return_counts=True)
    return uniq, scale * (1.0 + np.log(tf))


def _ngrams(text: str) -> list[str]:
    grams = (text[i : i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1))
    return [g for g in grams if "\x01" not in g]
