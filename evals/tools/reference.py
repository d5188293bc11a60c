"""Reference answers: a capable model's answers to the project's exact requests, kept as a Batch results file.

No capable model can be served on the machines this project is built on, so the LLM path is measured with
*reference answers*: every request `summarize batch export` writes is handed, alone, to a capable model
acting as the endpoint, and its JSON answer is stored as an OpenAI Batch API results line. `summarize
batch import` then grounds the answers like a live run, and `summarize eval` scores them. See
docs/evaluation.md ("Reference answers") for the whole procedure and what the answers are (and are not).

    # which requests of the current prompts have no answer yet; one file per request to hand out
    python evals/tools/reference.py pending --answers evals/runs/reference/prompts.answers.jsonl --out /tmp/refs
    # after the model wrote /tmp/refs/requests/NNNN.answer.json for each NNNN.request.json:
    python evals/tools/reference.py collect /tmp/refs --answers evals/runs/reference/prompts.answers.jsonl

A request file holds only what the endpoint would receive: the messages and the response schema.
The mapping back to `custom_id` stays outside the folder handed to the model (`/tmp/refs/index.json`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

import jsonschema

MODEL = "reference"  # the --model of every reference run: it is part of each request, hence of its key
ARTICLES = ["seeds", "evals/dev/articles"]


def _key(custom_id: str) -> str:
    return custom_id.rsplit(":", 1)[-1]


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def export(prompts_dir: Path, articles: list[str], schema: str) -> list[dict[str, Any]]:
    """The requests a run with these prompts sends, through the public `summarize batch export`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "requests.jsonl"
        cmd = [sys.executable, "-m", "summarizer", "batch", "export", "-s", schema, "-o", str(out), "--provider", "openai",
               "--base-url", "http://127.0.0.1:9/v1", "--model", MODEL, "--prompts-dir", str(prompts_dir), *articles]
        subprocess.run(cmd, check=True, env={**os.environ, "OPENAI_API_KEY": "unused"})
        return list(_lines(out))


def pending(args: argparse.Namespace) -> int:
    answered = {_key(row["custom_id"]) for path in args.answers for row in _lines(path)}
    todo = [r for r in export(args.prompts_dir, args.articles, args.schema) if _key(r["custom_id"]) not in answered]
    folder = args.out / "requests"
    folder.mkdir(parents=True, exist_ok=True)
    index = {}
    for number, request in enumerate(todo, 1):
        name = f"{number:04d}"
        body = request["body"]
        shown = {"messages": body["messages"], "response_schema": body["response_format"]["json_schema"]["schema"]}
        (folder / f"{name}.request.json").write_text(json.dumps(shown, ensure_ascii=False, indent=1), encoding="utf-8")
        index[name] = request["custom_id"]
    (args.out / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    print(f"{len(todo)} requests without an answer; written to {folder}", file=sys.stderr)
    return 0


def _result_line(custom_id: str, answer: Any) -> str:
    completion = {"id": f"reference-{_key(custom_id)}", "object": "chat.completion", "created": 0, "model": MODEL,
                  "choices": [{"index": 0, "finish_reason": "stop",
                               "message": {"role": "assistant", "content": json.dumps(answer, ensure_ascii=False)}}],
                  "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}
    row = {"id": f"batch-{_key(custom_id)}", "custom_id": custom_id,
           "response": {"status_code": 200, "request_id": _key(custom_id), "body": completion}, "error": None}
    return json.dumps(row, ensure_ascii=False) + "\n"


def collect(args: argparse.Namespace) -> int:
    """Validate each answer against its request's schema and append it to the results file."""
    index = json.loads((args.folder / "index.json").read_text(encoding="utf-8"))
    have = {_key(row["custom_id"]) for row in _lines(args.answers)}
    lines, problems = [], []
    for name, custom_id in sorted(index.items()):
        answer_path = args.folder / "requests" / f"{name}.answer.json"
        if not answer_path.exists():
            problems.append(f"{answer_path}: missing")
            continue
        request = json.loads((args.folder / "requests" / f"{name}.request.json").read_text(encoding="utf-8"))
        try:
            answer = json.loads(answer_path.read_text(encoding="utf-8"))
            jsonschema.validate(answer, request["response_schema"])
        except (ValueError, jsonschema.ValidationError) as exc:
            problems.append(f"{answer_path}: {str(exc).splitlines()[0]}")
            continue
        if _key(custom_id) not in have:
            lines.append(_result_line(custom_id, answer))
    args.answers.parent.mkdir(parents=True, exist_ok=True)
    with args.answers.open("a", encoding="utf-8") as out:
        out.writelines(lines)
    print(f"added {len(lines)} answers to {args.answers}", file=sys.stderr)
    for problem in problems:
        print(f"not added: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pending", help="write the requests that have no answer yet, one file each")
    p.add_argument("--answers", type=Path, action="append", default=[], help="results file(s) answered so far")
    p.add_argument("--prompts-dir", type=Path, default=Path("prompts"))
    p.add_argument("--schema", default="all")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("articles", nargs="*", default=ARTICLES)
    p.set_defaults(run=pending)
    c = sub.add_parser("collect", help="append the answers written in a pending folder to a results file")
    c.add_argument("folder", type=Path)
    c.add_argument("--answers", type=Path, required=True)
    c.set_defaults(run=collect)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
