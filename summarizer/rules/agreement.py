"""Agreement of "he" and "she" with the persons an article names (codebook §2: a pronoun is the last
*compatible* named speaker).

English shows a person's grammatical gender in three ways the parse can read without guessing from a
name: an honorific before the name ("Mr", "Ms", "Mrs"), a gendered noun said of the person ("the
spokeswoman", "the king", "a mother of two") and a pronoun in the same sentence when that person is the
only one the sentence names outside quotation marks ("Lind said her government ...", "Berg said he ...").
What the text does not show stays unknown, and an unknown person agrees with either pronoun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from summarizer.rules.actors import Mention

Gender = str  # "m" or "f"

# Closed classes: honorifics, gendered nouns of kinship, rank and office, and the personal pronouns.
_MALE = frozenset("""
mr mr. sir lord he him his himself king prince emir sultan sheikh man gentleman husband father son brother
uncle nephew spokesman chairman congressman businessman statesman grandfather boyfriend widower
""".split())
_FEMALE = frozenset("""
ms ms. mrs mrs. miss madam dame lady she her hers herself queen princess sheikha woman wife mother daughter
sister aunt niece spokeswoman chairwoman congresswoman businesswoman stateswoman grandmother girlfriend widow
""".split())
_PRONOUNS = frozenset("he him his himself she her hers herself".split())


def gender_of(word: str) -> Gender | None:
    """The grammatical gender a word shows, if any ("Mrs" -> f, "he" -> m, "minister" -> None)."""
    low = word.lower()
    return "m" if low in _MALE else "f" if low in _FEMALE else None


class Genders:
    """The gender each person of one article has been shown with, learnt sentence by sentence."""

    def __init__(self) -> None:
        self.known: dict[str, Gender] = {}

    def agrees(self, name: str, pronoun: str) -> bool:
        """Whether a person may be what `pronoun` stands for: an unknown gender agrees with either."""
        shown, wanted = self.known.get(name), gender_of(pronoun)
        return shown is None or wanted is None or shown == wanted

    def shown(self, name: str, word: str) -> None:
        """Record the gender `word` shows of a person, unless the text showed one before."""
        if (gender := gender_of(word)) is not None:
            self.known.setdefault(name, gender)

    def learn(self, doc: "Doc", mentions: list["Mention"], quoted: set[int]) -> None:
        """Read the genders this sentence shows; `quoted` holds the token indices inside quotation marks."""
        persons = [m for m in mentions if m.actor.kind == "person"]
        for m in persons:  # "Mr Berg", "Ms. Lind", "the spokeswoman, Ann Lind"
            words = [doc[m.first - 1].text] if m.first > 0 else []
            words += [t.text for t in doc[m.first:m.last + 1]] + (m.role or "").split()
            words += [t.text for i in range(m.first, m.last + 1) for t in doc[i].children
                      if t.dep_ == "appos" and not m.first <= t.i <= m.last]
            shown = {g for w in words if w.lower() not in _PRONOUNS and (g := gender_of(w.strip(",()")))}
            if len(shown) == 1:
                self.known[m.actor.name] = shown.pop()  # an honorific or noun outweighs a pronoun read before
        names = {m.actor.name for m in persons}
        if len(names) != 1:
            return  # with two persons named, a pronoun may stand for either
        name, first = names.pop(), min(m.first for m in persons)
        shown = {g for t in doc if t.i > first and t.i not in quoted and t.lower_ in _PRONOUNS
                 and (g := gender_of(t.text))}
        if len(shown) == 1:
            self.shown(name, "he" if shown.pop() == "m" else "she")


def head_noun(name: str) -> str:
    """The head of a body's name, which a definite description repeats: "International Court of Justice" ->
    "court", "European Commission" -> "commission"."""
    words = name.split(" of ")[0].split()
    return words[-1].lower() if words else ""


def described(lemma: str, bodies: list[tuple[Any, str]]) -> tuple[Any, str] | None:
    """"The court said ...": the last body named whose name has that head noun (English definite anaphora)."""
    return next((b for b in reversed(bodies) if head_noun(b[0].name) == lemma), None)
