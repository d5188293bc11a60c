#!/usr/bin/env bash
# Regenerate the committed recordings of the embedded model (SmolLM2-135M via llama.cpp).
#
#   evals/record.sh                  # both runs: prompts/ and evals/prompts-worse/
#   evals/record.sh embedded         # only prompts/ (e.g. after retuning the prompts)
#
# For each run: extract every article with a fresh, private cache, export that
# cache as JSONL (evals/runs/NAME.recording.jsonl), save the run itself
# (evals/runs/NAME.run.jsonl), then replay the recording in a second fresh cache
# to prove it covers the whole run. Files in evals/runs/ are replaced only when
# every step succeeded, so an interrupted run leaves the committed files intact.
# The worse run first copies prompts/ into evals/prompts-worse/ (all but the
# deliberately broken templates) and starts from the first run's recording.
# Environment: SUMMARIZE (default `summarize`), PYTHON (default python3), ARTICLES (default: the seeds and
# the dev set, space-separated), SCHEMA (default participants, what the CI gate replays; `stance` grounded nothing with the 135M model),
# TIMEOUT (seconds per model call, default 3600).
set -euo pipefail
cd "$(dirname "$0")/.."

SUMMARIZE=${SUMMARIZE:-summarize}
PYTHON=${PYTHON:-python3}
WORSE_KEEP="participants.j2 stance.j2"  # the templates of evals/prompts-worse/ that differ from prompts/ on purpose
TIMEOUT=${TIMEOUT:-3600}  # seconds per model call: generous, a loaded machine is slow, not broken
ARTICLES=${ARTICLES:-seeds evals/dev/articles}
SCHEMA=${SCHEMA:-participants}
export SUMMARIZER_THREADS=${SUMMARIZER_THREADS:-1}  # llama.cpp threads spin-wait: one is fastest on a shared machine
read -r -a ARTICLE_ARGS <<<"$ARTICLES"
OUT=evals/runs
WORK=$(mktemp -d "${TMPDIR:-/tmp}/summarize-record.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

record() {
  local name=$1 prompts=$2 seed=${3:-} status=0
  if [ -n "$seed" ]; then  # responses to unchanged prompts are reused, so shared requests agree exactly
    "$SUMMARIZE" cache import "$seed" --cache-dir "$WORK/$name.cache" >&2
  fi
  echo "== $name: extracting $ARTICLES with $prompts (this takes minutes)" >&2
  "$SUMMARIZE" --schema "$SCHEMA" --format jsonl --provider embedded --prompts-dir "$prompts" --timeout "$TIMEOUT" \
    --cache-dir "$WORK/$name.cache" --output "$WORK/$name.run.jsonl" "${ARTICLE_ARGS[@]}" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then  # 1 = some article failed: a real outcome, recorded
    echo "== $name: summarize failed with status $status; nothing replaced" >&2
    return "$status"
  fi
  # an answer the model gave (even an invalid one) is worth recording; a server that did not answer is not
  "$PYTHON" - "$WORK/$name.run.jsonl" <<'PY' || { echo "== $name: nothing replaced; run again" >&2; return 3; }
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    if not row["ok"] and "endpoint" in (row["error"] or ""):
        sys.exit(f"{row['article']['source']}: the model server failed ({row['error'].splitlines()[0]})")
PY
  "$SUMMARIZE" cache export "$WORK/$name.recording.jsonl" --cache-dir "$WORK/$name.cache" >&2

  echo "== $name: checking that the recording replays the whole run" >&2
  "$SUMMARIZE" cache import "$WORK/$name.recording.jsonl" --cache-dir "$WORK/$name.replay" >&2
  status=0
  "$SUMMARIZE" --schema "$SCHEMA" --format jsonl --provider embedded --prompts-dir "$prompts" --replay \
    --cache-dir "$WORK/$name.replay" --output "$WORK/$name.replayed.jsonl" "${ARTICLE_ARGS[@]}" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "== $name: replay failed with status $status; nothing replaced" >&2
    return "$status"
  fi
  "$PYTHON" - "$WORK/$name.run.jsonl" "$WORK/$name.replayed.jsonl" <<'PY' || { echo "== $name: nothing replaced" >&2; return 3; }
import json, sys
def load(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    return {r["article"]["sha256"]: (r["ok"], r["result"], r["error"]) for r in rows}
recorded, replayed = load(sys.argv[1]), load(sys.argv[2])
if recorded != replayed:
    sys.exit("the replayed run differs from the recorded one (a replay miss or a non-deterministic step)")
PY
  mv "$WORK/$name.recording.jsonl" "$OUT/$name.recording.jsonl"
  mv "$WORK/$name.run.jsonl" "$OUT/$name.run.jsonl"
  echo "== $name: wrote $OUT/$name.recording.jsonl and $OUT/$name.run.jsonl" >&2
}

# evals/prompts-worse/ = prompts/ with the deliberately broken template(s) kept as they are
refresh_worse() {
  local f
  for f in prompts/*.j2; do
    case " $WORSE_KEEP " in *" $(basename "$f") "*) continue ;; esac
    cp "$f" evals/prompts-worse/
  done
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(embedded embedded-worse)
for target in "${targets[@]}"; do
  case "$target" in
    embedded) record embedded prompts ;;
    embedded-worse) refresh_worse; record embedded-worse evals/prompts-worse "$OUT/embedded.recording.jsonl" ;;
    *) echo "unknown run '$target' (use embedded or embedded-worse)" >&2; exit 2 ;;
  esac
done
