"""Greedy entity decoding for spaCy's transition-based NER, in numpy.

spaCy's NER (`TransitionBasedParser`, the bundled model's architecture) reads a sentence
left to right and picks one move per token: Begin, In, Last or Unit of an entity label, or
Out. Its compiled decoding loop takes and releases Python's global lock for every hidden
unit of every step (an exception check the Cython 3 build adds), which made it about 40 %
of the NER model's time on our machines. This module runs the same computation with the
model's own weights, all sentences of an article at once, one numpy step per token
position:

- the token vectors come from the `tok2vec` component's encoder run on numpy
  (`chronik.nlp.tok2vec_numpy`, the same numbers without thinc's layer bookkeeping), their
  projection and the precomputed feature table from the model's own layers (`tok2vec` and
  `lower` references), sentences ordered by length as spaCy orders them;
- a state's features are the next token, the first token of the open entity and the
  token before the next one (the model's three features; the padding row where absent),
  summed in spaCy's order, plus the bias, max-pooled over the pieces, then the output
  layer (`upper`); classes the model never saw score the step's minimum, as in spaCy;
- the moves allowed in a state follow spaCy's rules for text without preset entities:
  no entity across a sentence start or starting on a space, In and Last only inside an
  entity of their label, Out and Begin and Unit only outside one, Begin and In not on the
  last token.

Only pipelines of that shape use it (`NumpyNer.of` returns None otherwise: beam search,
other features, GPU); everything else runs through spaCy. Same entities as spaCy's loop:
`benchmarks/ner_decoder.py` compares the two on real articles.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from chronik.nlp.tok2vec_numpy import NumpyTok2Vec

__all__ = ["NumpyNer", "numpy_decoder"]

_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_MOVE_TYPES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}
_NO_LABEL = -1
_LAYERS = ["tok2vec-listener>>list2array>>linear", "precomputable_affine", "linear"]
_PROJECTION = ["tok2vec-listener", "list2array", "linear"]

Entity = tuple[str, int, int]  # (label, first token, end token), per sentence


@dataclass(frozen=True)
class NumpyNer:
    """The NER component of a spaCy pipeline, decoded in numpy (see the module docstring)."""

    tok2vec: Any  # the pipeline's tok2vec component
    encoder: NumpyTok2Vec | None  # the same in numpy, where its shape allows (chronik.nlp.tok2vec_numpy)
    project: Any  # listener >> list2array >> linear: token vectors to the hidden width
    lower: Any  # precomputable affine: per token and feature, the hidden layer's input
    bias: np.ndarray  # (hidden × pieces,) the lower layer's bias
    weights: np.ndarray  # (classes, hidden) output layer
    output_bias: np.ndarray  # (classes,)
    unseen: np.ndarray  # (classes,) True for classes the model never saw
    move_types: np.ndarray  # (classes,) _BEGIN … _OUT
    move_labels: np.ndarray  # (classes,) index into `labels`, _NO_LABEL for none
    labels: tuple[str, ...]
    pieces: int
    penalties: np.ndarray  # (situation, classes): 0 where a move is allowed, -inf elsewhere

    @classmethod
    def of(cls, nlp: Any) -> NumpyNer | None:
        """The decoder for `nlp` when its NER has the supported shape, else None."""
        from thinc.api import NumpyOps

        if "ner" not in nlp.pipe_names or "tok2vec" not in nlp.pipe_names:
            return None
        ner = nlp.get_pipe("ner")
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or [layer.name for layer in model.layers] != _LAYERS:
            return None
        if [layer.name for layer in model.get_ref("tok2vec").layers] != _PROJECTION:
            return None
        if not all(isinstance(node.ops, NumpyOps) for node in model.walk()):
            return None
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        if lower.get_dim("nF") != 3 or not model.attrs.get("has_upper", False):
            return None
        names = [ner.moves.get_class_name(index) for index in range(ner.moves.n_moves)]
        if len(names) != upper.get_dim("nO") or any(name[:1] not in _MOVE_TYPES for name in names):
            return None
        labels = tuple(sorted({name[2:] for name in names if name[2:]}))
        move_types = np.array([_MOVE_TYPES[name[0]] for name in names])
        move_labels = np.array([labels.index(name[2:]) if name[2:] else _NO_LABEL for name in names])
        unseen = np.zeros(len(names), dtype=bool)
        unseen[list(model.attrs.get("unseen_classes", ()))] = True
        return cls(
            tok2vec=nlp.get_pipe("tok2vec"),
            encoder=NumpyTok2Vec.of(nlp.get_pipe("tok2vec")),
            project=model.get_ref("tok2vec"),
            lower=lower,
            bias=lower.get_param("b").reshape(-1),
            weights=upper.get_param("W"),
            output_bias=upper.get_param("b"),
            unseen=unseen,
            move_types=move_types,
            move_labels=move_labels,
            labels=labels,
            pieces=lower.get_dim("nP"),
            penalties=cls._penalties(move_types, move_labels, len(labels)),
        )

    def entities(self, docs: Sequence[Any]) -> list[list[Entity]]:
        """(label, first token, end token) of each entity, per doc (one sentence each)."""
        from spacy.attrs import IS_SPACE, SENT_START

        if not any(len(doc) for doc in docs):
            return [[] for _ in docs]
        flags = [doc.to_array([IS_SPACE, SENT_START]).reshape(-1, 2) for doc in docs]
        if self.encoder is not None:
            vectors = self.encoder(docs)
        else:
            self.tok2vec.set_annotations(docs, self.tok2vec.predict(docs))
            vectors = [doc.tensor for doc in docs]  # what the model's listener reads
        return self._entities(vectors, flags)

    def entities_in(self, doc: Any, ranges: Sequence[tuple[int, int]]) -> list[list[Entity]] | None:
        """The same for the sentences (first, end token) of one doc; entity tokens count from each
        sentence's start. One doc per article saves building one per sentence. None without
        the numpy encoder (spaCy's tok2vec needs a doc per sentence)."""
        from spacy.attrs import IS_SPACE, SENT_START

        if self.encoder is None:
            return None
        if not ranges or all(first == end for first, end in ranges):
            return [[] for _ in ranges]
        width = len(self.encoder.columns)
        values = doc.to_array([*self.encoder.columns, IS_SPACE, SENT_START]).reshape(len(doc), width + 2)
        values = np.concatenate([values[first:end] for first, end in ranges])  # sentences may skip tokens
        vectors = self.encoder.encode(values[:, :width], [end - first for first, end in ranges])
        flags, start = [], 0
        for first, end in ranges:
            flags.append(values[start : start + end - first, width:])
            start += end - first
        return self._entities(vectors, flags)

    def _entities(self, vectors: list[np.ndarray], flags: list[np.ndarray]) -> list[list[Entity]]:
        """Decode sentences from their token vectors and (is space, sentence start) flags."""
        result: list[list[Entity]] = [[] for _ in vectors]
        order = sorted(range(len(vectors)), key=lambda index: len(vectors[index]))  # as spaCy's parser batches
        # listener >> list2array >> linear: the token vectors, concatenated in that order, projected
        projected = self.project.layers[-1].predict(np.concatenate([vectors[index] for index in order]))
        table = self.lower.predict(projected)  # (tokens + 1, 3, hidden, pieces); row 0 pads
        table = table.reshape(table.shape[0], 3, -1)
        lengths = np.array([len(vectors[index]) for index in order])
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        ordered = np.concatenate([flags[index] for index in order])
        found = self._decode(table, lengths, offsets, ordered[:, 0] != 0, ordered[:, 1] == 1)
        for slot, entities in zip(order, found, strict=True):
            result[slot] = entities
        return result

    def _decode(
        self, table: np.ndarray, lengths: np.ndarray, offsets: np.ndarray, space: np.ndarray, starts: np.ndarray
    ) -> list[list[Entity]]:
        """Decode all sentences in step: at step p every unfinished sentence is at its token p.

        The sentences come sorted by length, so the unfinished ones are always the last ones.
        """
        count = len(lengths)
        found: list[list[Entity]] = [[] for _ in range(count)]
        first = np.full(count, -1, dtype=np.int64)  # first token of the open entity, -1: none open
        label = np.zeros(count, dtype=np.int64)  # label of the open entity
        rows = table.reshape(-1, table.shape[2])  # row 3 × (token + 1) + feature; row 0–2: padding
        # whether an entity may go on past each token: not a sentence's last, next not a sentence start
        go_on = np.append(~starts[1:], False)
        go_on[offsets + lengths - 1] = False
        go_on = go_on.astype(np.int64)
        on_space = 2 * space.astype(np.int64)
        has_unseen = bool(self.unseen.any())
        for step in range(int(lengths.max())):
            done = int(np.searchsorted(lengths, step, side="right"))  # sentences of ≤ step tokens
            here = offsets[done:] + step
            opened = first[done:] >= 0
            # features: the next token, the open entity's first token, the token before the next (else padding)
            ids = np.empty((count - done, 3), dtype=np.int64)
            ids[:, 0] = 3 * here + 3
            ids[:, 1] = np.where(opened, 3 * (offsets[done:] + first[done:]) + 4, 1)
            ids[:, 2] = np.where(opened, 3 * here + 2, 2)
            features = rows[ids]
            summed = features[:, 0] + features[:, 1]  # spaCy's order: ((f0 + f1) + f2) + bias
            summed += features[:, 2]
            summed += self.bias
            hidden = summed[:, 0 :: self.pieces]  # maxout over the pieces (innermost); a reduction
            for piece in range(1, self.pieces):  # over an axis of 2 would cost 20× more
                hidden = np.maximum(hidden, summed[:, piece :: self.pieces])
            output = hidden @ self.weights.T
            output += self.output_bias
            if has_unseen:
                output[:, self.unseen] = output.min()
            situation = np.where(opened, 4 + 2 * label[done:], on_space[here]) + go_on[here]
            output += self.penalties[situation]
            self._apply(done, step, output.argmax(axis=1), first, label, found)
        return found

    @staticmethod
    def _penalties(move_types: np.ndarray, move_labels: np.ndarray, label_count: int) -> np.ndarray:
        """0 for the moves allowed in each situation, -inf for the others (spaCy's rules, no presets).

        Situations: outside an entity 2 × on a space + may go on; inside one 4 + 2 × label + may
        go on ("may go on": not the last token and the next token does not start a sentence).
        """
        types, labels = move_types, move_labels
        labelled = labels != _NO_LABEL
        allowed = []
        for on_space in (False, True):
            for go_on in (False, True):
                free = not on_space
                allowed.append(
                    ((types == _BEGIN) & labelled & free & go_on)
                    | ((types == _UNIT) & labelled & free)
                    | (types == _OUT)
                )
        for label in range(label_count):
            for go_on in (False, True):
                allowed.append(((types == _IN) & go_on | (types == _LAST)) & (labels == label))
        return np.where(np.array(allowed), np.float32(0.0), np.float32(-np.inf)).astype(np.float32)

    def _apply(
        self, done: int, step: int, moves: np.ndarray, first: np.ndarray, label: np.ndarray, found: list[list[Entity]]
    ) -> None:
        """Carry out the moves of sentences `done`… at token `step` (only entity moves change state)."""
        types = self.move_types[moves]
        for slot in np.flatnonzero(types != _OUT).tolist():
            state, move = done + slot, int(types[slot])
            if move == _BEGIN:
                first[state], label[state] = step, self.move_labels[moves[slot]]
            elif move == _LAST:
                found[state].append((self.labels[label[state]], int(first[state]), step + 1))
                first[state] = -1
            elif move == _UNIT:
                found[state].append((self.labels[self.move_labels[moves[slot]]], step, step + 1))


_DECODERS: weakref.WeakKeyDictionary[Any, NumpyNer | None] = weakref.WeakKeyDictionary()


def numpy_decoder(nlp: Any) -> NumpyNer | None:
    """The decoder for `nlp` (built once per pipeline object), None where its shape is not supported."""
    if nlp not in _DECODERS:
        _DECODERS[nlp] = NumpyNer.of(nlp)
    return _DECODERS[nlp]
