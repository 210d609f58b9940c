"""The ``assistant`` command: index, ask, eval, documents. Errors become a message and exit code 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import TextIO

from assistant.core import Assistant
from assistant.errors import KallaError
from assistant.formatting import cli_text
from assistant.generation import GENERATORS
from assistant.settings import Settings
from index import LoadProblem


def _progress(label: str) -> Callable[[int, int, str], None] | None:
    """Progress bars with rate and ETA on a terminal: documents read, then chunks embedded."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def update(done: int, total: int, what: str) -> None:
        if what.startswith("pages:"):  # the pages of one PDF as it is read (OCR can take a while)
            bar = bars.get(what)
            if bar is None:
                bar = bars[what] = tqdm(total=total, desc=f"{label}: {what.removeprefix('pages:')[:30]}",
                                        file=sys.stderr, unit="page", dynamic_ncols=True, leave=False)
            bar.update(done - bar.n)
            if done >= total:
                bar.close()
            return
        phase = "vectors" if what == "vectors" else "text"
        bar = bars.get(phase)
        if bar is None:
            if phase == "vectors" and "text" in bars:
                bars["text"].close()
            bar = bars[phase] = tqdm(total=total or None, desc=f"{label}: {phase}", file=sys.stderr,
                                     unit="chunk" if phase == "vectors" else "doc", dynamic_ncols=True)
        if phase == "text":
            bar.set_postfix_str(what.removeprefix("text:")[:30], refresh=False)
        bar.update(done - bar.n)
        if total and done >= total:
            bar.close()

    return update


def _report(problem: LoadProblem) -> None:
    print(str(problem), file=sys.stderr)


def open_assistant(args: argparse.Namespace) -> Assistant:
    """The assistant from settings (environment), overridden by the command's flags."""
    updates = {"data_dir": Path(args.data_dir) if args.data_dir else None,
               "chroma_url": getattr(args, "chroma_url", None),
               "llm": getattr(args, "llm", None), "llm_url": getattr(args, "llm_url", None),
               "llm_model": getattr(args, "llm_model", None)}
    settings = Settings().model_copy(update={k: v for k, v in updates.items() if v is not None})
    assistant = Assistant.open(settings=settings)
    assistant.store.on_wait = lambda message: print(message, file=sys.stderr, flush=True)
    return assistant


def add_llm_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--llm", choices=["none", *GENERATORS], default=None,
                        help="write answers with a language model (default: extractive; KALLA_LLM)")
    parser.add_argument("--llm-url", default=None, help="the model server's URL (KALLA_LLM_URL)")
    parser.add_argument("--llm-model", default=None, help="model name, or a .gguf path for llamacpp (KALLA_LLM_MODEL)")


def seed_if_empty(assistant: Assistant) -> None:
    if assistant.store.is_empty():
        print(f"No index in {assistant.settings.data_dir}; indexing the bundled seeds from "
              f"{assistant.settings.seeds_dir} first.", file=sys.stderr)
        assistant.ensure_seeded(progress=_progress("seeds"))


def cmd_index(args: argparse.Namespace) -> int:
    assistant = open_assistant(args)
    report = assistant.index(args.paths, progress=_progress("indexing"), report=_report)
    print(f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
          f"skipped {sum(p.skipped for p in report.problems)}")
    return 0


def _ask_one(assistant: Assistant, question: str, as_json: bool, out: TextIO) -> None:
    answer = assistant.ask(question)
    out.write((json.dumps(answer.to_dict(), ensure_ascii=False) if as_json else cli_text(answer)) + "\n")
    out.flush()


def _error_line(question: str, error: Exception) -> str:
    return json.dumps({"question": question, "error": str(error)}, ensure_ascii=False,
                      default=str).encode("utf-8", "replace").decode("utf-8") + "\n"


def cmd_ask(args: argparse.Namespace) -> int:
    assistant = open_assistant(args)
    seed_if_empty(assistant)
    if args.question is not None:
        try:
            _ask_one(assistant, args.question, args.json, sys.stdout)
        except KallaError as error:
            if not args.json:
                raise
            sys.stdout.write(_error_line(args.question.encode("utf-8", "replace").decode("utf-8"), error))
            return 2
        return 0
    interactive = sys.stdin.isatty() and not args.json
    # Bytes that are not UTF-8 reach the question's validation (a clear error), not a crash.
    sys.stdin.reconfigure(errors="surrogateescape")
    status = 0
    while True:
        if interactive:
            print("Fråga (tom rad avslutar): ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line or (interactive and not line.strip()):
            return status
        question = line.rstrip("\n")
        try:
            _ask_one(assistant, question, args.json or not interactive, sys.stdout)
        except KallaError as error:
            status = 2
            if args.json or not interactive:
                # One JSON object per input line, errors (an empty line too) included.
                shown = question.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                sys.stdout.write(_error_line(shown, error))
                sys.stdout.flush()
            else:
                print(f"error: {error}", file=sys.stderr)


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant.evaluation import evaluate, load_questions

    assistant = open_assistant(args)
    seed_if_empty(assistant)
    result = evaluate(assistant, load_questions(args.file))
    name = Path(args.file).name
    role = "held out" if "heldout" in name else "calibration" if "calibration" in name else "question file"
    print(f"{name} ({role})")
    print(result.table())
    if args.verbose:
        for failure in result.failures:
            print(f"\n✗ {failure['id']}: {failure['question']}\n  {failure['answer'][:300]}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    assistant = open_assistant(args)
    found = assistant.store.repair(progress=_progress("repair")) if args.repair else assistant.store.check()
    print(f"documents {found.documents}, pending {len(found.pending)}, done without vectors "
          f"{len(found.missing_vectors)}, stale vectors {found.stale_vectors}, "
          f"keyword index {'stale' if found.keyword_index_stale else 'ok'}")
    for doc_id in found.pending + found.missing_vectors:
        print(f"  {doc_id}")
    if found.clean:
        print("clean")
        return 0
    if args.repair:
        after = assistant.store.check()
        print("repaired" if after.clean else "still not clean: run `assistant check --repair` again")
        return 0 if after.clean else 1
    print("run `assistant check --repair` to fix it")
    return 1


def cmd_documents(args: argparse.Namespace) -> int:
    assistant = open_assistant(args)
    for document in assistant.documents():
        meta = document.metadata
        print(json.dumps({
            "doc_id": document.doc_id, "title": document.title, "kind": meta.value("kind"),
            "date": meta.value("date"), "authors": meta.value("authors"), "parties": meta.value("parties"),
            "dnr": meta.value("dnr"), "committee": meta.value("committee"), "handler": meta.value("handler"),
            "pages": document.page_count or None, "ocr_pages": list(document.ocr_pages) or None,
            "source": document.source,
        }, ensure_ascii=False))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """The stored text of a document (what citation offsets point into), or of one page."""
    assistant = open_assistant(args)
    document = assistant.document(args.doc_id)
    if args.page is None:
        sys.stdout.write(document.text)
        return 0
    if not document.page_starts:
        raise KallaError(f"{args.doc_id} has no pages (only PDFs have pages); leave out --page.")
    try:
        start, end = document.page_span(args.page)
    except ValueError as error:
        raise KallaError(str(error)) from None
    print(f"# {document.doc_id} page {args.page} of {document.page_count}, offsets {start}:{end}"
          + (" (read by OCR)" if args.page in document.ocr_pages else ""), file=sys.stderr)
    sys.stdout.write(document.text[start:end])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Källa: cited answers from Swedish documents.")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text)
        command.add_argument("--data-dir", help="index folder (default: KALLA_DATA_DIR or the per-user data dir)")
        command.add_argument("--chroma-url", help="keep vectors in a Chroma server, http://host:port (KALLA_CHROMA_URL)")
        command.set_defaults(handler=handler)
        return command

    index = add("index", cmd_index, "index files and folders (.txt .md .pdf .docx .odt .html .jsonl .jsonl.gz)")
    index.add_argument("paths", nargs="+")
    ask = add("ask", cmd_ask, "answer a question (or one per line from stdin)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    add_llm_flags(ask)
    evaluate = add("eval", cmd_eval, "measure accuracy, recall@5, citations and abstention on a question file")
    evaluate.add_argument("file")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list the questions answered wrongly")
    add("documents", cmd_documents, "list indexed documents with their metadata")
    show = add("show", cmd_show, "print a document's stored text (citation offsets point into it)")
    show.add_argument("doc_id")
    show.add_argument("--page", type=int, help="only this page (1-based) of a PDF")
    check = add("check", cmd_check, "compare records, vectors and the keyword index (exit 1 when they differ)")
    check.add_argument("--repair", action="store_true", help="re-embed, remove stale vectors, rebuild the keyword index")
    # Shells built on the assistant (the Gradio app's `serve`) add their commands through the
    # "kalla.cli" entry point group, so this package never imports them.
    for entry_point in entry_points(group="kalla.cli"):
        entry_point.load()(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KallaError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `assistant documents | head`: the reader stopped, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
