"""The optional model tie-break of actor resolution: only for mentions the rules find ambiguous.

The model sees the sentences where the mention occurs and the candidates, and
answers with a number under constrained decoding (0 = none). The call goes
through the provider, so its answer is recorded in the response cache and a
re-run asks nothing. Any failure means "no answer": the mention stays apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, create_model

from summarizer.errors import SummarizerError
from summarizer.llm.prompts import load_prompt
from summarizer.text.segment import split_sentences

PROMPT = "tie-break"
MAX_SENTENCES = 4


class LlmTieBreak:
    """A `resolve.TieBreak` backed by a provider with `complete` (any model endpoint, or the embedded one)."""

    def __init__(self, provider: Any, texts: dict[str, str], prompts_dir: Path | None = None,
                 max_tokens: int = 32) -> None:
        self.provider, self.texts, self.max_tokens = provider, texts, max_tokens
        self.prompt = load_prompt(PROMPT, prompts_dir)
        self.asked = 0

    def __call__(self, mention: str, article: str, options: list[str]) -> int | None:
        text = self.texts.get(article, "")
        sentences = [s for s in split_sentences(text) if mention.lower() in s.text.lower()][:MAX_SENTENCES]
        if not sentences or not options:
            return None
        model = _answer_model(len(options))
        messages = self.prompt.render(sentences, model.model_json_schema(), title=None, mention=mention,
                                      options=options)
        self.asked += 1
        try:
            answer = self.provider.complete(messages, model, max_tokens=self.max_tokens)
        except SummarizerError:
            return None
        choice = int(getattr(answer, "choice", 0))
        return choice - 1 if 1 <= choice <= len(options) else None


def _answer_model(n: int) -> type[BaseModel]:
    return create_model("TieBreakAnswer", __doc__="Which candidate the name refers to.",
                        choice=(int, Field(ge=0, le=n, description="The candidate's number; 0 for none.")))
