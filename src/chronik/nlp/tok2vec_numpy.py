"""spaCy's CNN token encoder (`spacy.Tok2Vec.v2` with `MultiHashEmbed` and
`MaxoutWindowEncoder`), run straight on numpy for prediction.

thinc builds the encoder from small layers (feature extraction, ragged and padded list
conversions, four hash embeddings, a maxout mixer, four residual window blocks, dropout),
each call creating its backpropagation closure and converting its input; for one article
of ~400 tokens that bookkeeping costs about as much as the arithmetic outside the matrix
products. `NumpyTok2Vec` performs the same operations in the same order with the model's
own weights and thinc's own kernels (hashing, gathering, windows, maxout), so the vectors
are the same numbers, without the layer machinery:

    embed each of NORM, PREFIX, SUFFIX, SHAPE (4 hashed rows summed) → concatenate →
    maxout → layer norm → per doc, padded by 4 zero rows → 4 × (window of 3 → maxout →
    layer norm, added to its input) → the doc's rows.

Only encoders of exactly that shape are handled (`NumpyTok2Vec.of` returns None otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["NumpyTok2Vec"]

_EMBED_LAYERS = ["extract_features", "list2ragged", "with_array", "with_array", "ragged2list"]
_MIXERS = ("with_array(maxout>>layernorm>>dropout)", "with_array(maxout>>layernorm)")
_BLOCKS = ("residual(expand_window>>maxout>>layernorm>>dropout)", "residual(expand_window>>maxout>>layernorm)")


@dataclass(frozen=True)
class _Maxout:
    """maxout → layer norm with thinc's arithmetic: Y = X·Wᵀ + b, max over pieces, normalised."""

    weights: np.ndarray  # (outputs × pieces, inputs)
    bias: np.ndarray  # (outputs × pieces,)
    pieces: int
    gain: np.ndarray  # layer norm G
    shift: np.ndarray  # layer norm b

    @classmethod
    def of(cls, maxout: Any, norm: Any) -> _Maxout:
        outputs, pieces, inputs = maxout.get_param("W").shape
        return cls(
            weights=maxout.get_param("W").reshape(outputs * pieces, inputs),
            bias=maxout.get_param("b").reshape(outputs * pieces),
            pieces=pieces,
            gain=norm.get_param("G"),
            shift=norm.get_param("b"),
        )

    def __call__(self, ops: Any, inputs: np.ndarray) -> np.ndarray:
        product = ops.gemm(inputs, self.weights, trans2=True)
        product += self.bias
        best = product[:, 0 :: self.pieces]  # max over the pieces (innermost), 2× faster than
        for piece in range(1, self.pieces):  # thinc's kernel, which also records the argmax
            best = np.maximum(best, product[:, piece :: self.pieces])
        mean = best.mean(axis=1, keepdims=True)
        variance = best.var(axis=1, keepdims=True) + 1e-08
        normed = (best - mean) * variance ** (-1.0 / 2.0)
        result: np.ndarray = normed * self.gain
        result += self.shift
        return result


@dataclass(frozen=True)
class NumpyTok2Vec:
    """The `tok2vec` component's encoder, in numpy (see the module docstring)."""

    ops: Any  # the model's thinc ops: its BLAS and its C kernels for hashing, gathering, windows
    columns: tuple[Any, ...]  # the token attributes embedded (NORM, PREFIX, SUFFIX, SHAPE)
    tables: tuple[tuple[np.ndarray, int], ...]  # (embedding table, hash seed) per column
    mixer: _Maxout
    blocks: tuple[_Maxout, ...]
    pad: int
    window: int

    @classmethod
    def of(cls, component: Any) -> NumpyTok2Vec | None:
        """The encoder of a spaCy `tok2vec` component when it has the supported shape, else None."""
        from thinc.api import NumpyOps

        model = getattr(component, "model", None)
        if model is None or len(model.layers) != 2 or not isinstance(model.ops, NumpyOps):
            return None
        embed, encode = model.layers
        if [layer.name.split("(")[0] for layer in embed.layers] != _EMBED_LAYERS:
            return None
        extract, _, embeddings, mixing, _ = embed.layers
        hashes = [node for node in embeddings.walk() if node.name == "hashembed"]
        blocks = encode.layers[0].layers if encode.name.startswith("with_array") else []
        # thinc names a chain after its layers in order: the names pin the order of operations
        if (
            len(hashes) != len(extract.attrs["columns"])
            or mixing.name not in _MIXERS
            or not blocks
            or any(block.name not in _BLOCKS for block in blocks)
        ):
            return None
        if [node.attrs["column"] for node in hashes] != list(range(len(hashes))):
            return None
        windows = {node.attrs["window_size"] for node in encode.walk() if node.name == "expand_window"}
        if len(windows) != 1:
            return None
        return cls(
            ops=model.ops,
            columns=tuple(extract.attrs["columns"]),
            tables=tuple((node.get_param("E"), node.attrs["seed"]) for node in hashes),
            mixer=_Maxout.of(*_maxout_and_norm(mixing)),
            blocks=tuple(_Maxout.of(*_maxout_and_norm(block)) for block in blocks),
            pad=encode.attrs["pad"],
            window=windows.pop(),
        )

    def __call__(self, docs: Sequence[Any]) -> list[np.ndarray]:
        """One (tokens, width) array of float32 vectors per doc."""
        features = [doc.to_array(self.columns).reshape(-1, len(self.columns)) for doc in docs]
        return self.encode(np.concatenate(features), [len(doc) for doc in docs])

    def encode(self, features: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """The vectors of consecutive token sequences of these `lengths`, from their `columns` values."""
        ops = self.ops
        if not any(lengths):
            return [np.zeros((0, self.blocks[-1].gain.shape[0]), dtype=np.float32) for _ in lengths]
        features = features.astype(np.uint64, copy=False)
        embedded = [
            ops.gather_add(table, ops.hash(np.ascontiguousarray(features[:, column]), seed) % table.shape[0])
            for column, (table, seed) in enumerate(self.tables)
        ]
        mixed = self.mixer(ops, np.hstack(embedded))
        width = mixed.shape[1]
        # every non-empty doc between `pad` zero rows, as thinc's with_array(pad=…) flattens a list
        filled = [length for length in lengths if length]
        padded = np.zeros((sum(filled) + self.pad * (len(filled) + 1), width), dtype=mixed.dtype)
        rows, source = self.pad, 0
        for length in filled:
            padded[rows : rows + length] = mixed[source : source + length]
            rows, source = rows + length + self.pad, source + length
        for block in self.blocks:
            padded = padded + block(ops, ops.seq2col(padded, self.window))
        vectors, rows = [], self.pad
        for length in lengths:
            vectors.append(padded[rows : rows + length])
            rows += length + self.pad if length else 0
        return vectors


def _maxout_and_norm(model: Any) -> tuple[Any, Any]:
    nodes = {node.name: node for node in model.walk() if not node.layers}
    return nodes["maxout"], nodes["layernorm"]
