"""Matrix products through onnxruntime's own kernels (MLAS), for the passage encoder.

numpy's products go through OpenBLAS, whose speed depends on the environment: some machines
pin ``OPENBLAS_CORETYPE`` to an older core type, which makes fp32 products several times
slower. onnxruntime (installed with chromadb) picks its kernels for the CPU it runs on. This
module builds, in memory, an ONNX model holding one ``MatMul`` node (inputs of any rank, batched
like numpy's ``@``) and runs products through it. The model is a few dozen bytes of protobuf,
written here by hand so that the ``onnx`` package is not needed.
"""

from __future__ import annotations

import numpy as np

_FLOAT = 1  # onnx TensorProto.FLOAT
_OPSET = 17
_IR_VERSION = 8


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, payload: bytes | int) -> bytes:
    """One protobuf field: a varint (wire type 0) for ints, length-delimited (2) for bytes."""
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _float_tensor(name: str) -> bytes:
    """ValueInfoProto: ``name``, a float tensor of unspecified shape."""
    tensor_type = _field(1, _FLOAT)
    return _field(1, name.encode()) + _field(2, _field(1, tensor_type))


def matmul_model() -> bytes:
    """A serialized ONNX ModelProto computing C = MatMul(A, B)."""
    node = _field(1, b"A") + _field(1, b"B") + _field(2, b"C") + _field(4, b"MatMul")
    graph = (_field(1, node) + _field(2, b"matmul")
             + _field(11, _float_tensor("A")) + _field(11, _float_tensor("B"))
             + _field(12, _float_tensor("C")))
    opset = _field(1, b"") + _field(2, _OPSET)
    return _field(1, _IR_VERSION) + _field(8, opset) + _field(7, graph)


class OrtMatmul:
    """``matmul(a, b)`` equals ``a @ b`` for float32 arrays (2-D, or batched with equal batch
    dimensions)."""

    def __init__(self, threads: int | None = None):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(matmul_model(), options,
                                                     providers=["CPUExecutionProvider"])

    def __call__(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return self._session.run(None, {"A": np.ascontiguousarray(a), "B": np.ascontiguousarray(b)})[0]
