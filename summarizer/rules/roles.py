"""A person's role and country from the noun phrase around their name (codebook §1 `role`, `country`).

"Foreign Minister X", "X, the country's foreign minister,", "Ruritania's envoy, X,": the titles and
premodifiers before the name, the role noun the name stands in apposition to, or the apposition after it.
The role keeps the country possessive or adjective the phrase has ("Ruritanian President"), never a
dateline or timestamp before it, and a bare honorific or military rank is no role. The country comes
only from that phrase (a state, its demonym, its seat of government: "Kremlin aide"), never from a state
named nearby: a person named next to another state's name is not that state's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.entities.gazetteer import find_places, is_city
from summarizer.rules import lexicon as lex
from summarizer.rules.lines import dateline_end

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def role_of(doc: "Doc", first: int, last: int) -> tuple[str | None, str | None]:
    """(role, ISO3) from the noun phrase around a name: the role noun it is in apposition to, titles
    before it, or an apposition after it; the first of these that is more than honorifics."""
    for find in (_apposed_to, _title_before, _apposition):
        role = _cleaned(find(doc, first, last))
        if role:
            return role[:100], country_in(role)
    return None, None


def country_in(phrase: str) -> str | None:
    """The one state a role phrase names (by name, demonym, capital or seat), or None for none or several."""
    states = {h.actor.country for h in find_places(phrase) if h.actor.kind == "state"}
    return states.pop() if len(states) == 1 else None


# §1 (1.2): honorifics and military ranks are not a role on their own ("Sheikh", "Lt. Gen."), and stay out
# of the end of one ("Foreign Minister Sheikh X" -> Foreign Minister, "army commander General X").
_HONORIFICS = frozenset("sheikh sheikha sayyid ayatollah hojatoleslam rev. dr. mr. mrs. ms. sir dame".split())
RANKS = frozenset("gen. general brig. brigadier lt. lieutenant col. colonel maj. major adm. admiral capt. "
                   "captain sgt. sergeant cmdr. marshal field".split())
# Offices named with "general" after them ("secretary general", "attorney general"): no rank there.
_GENERAL_OFFICES = frozenset("secretary attorney director inspector governor consul solicitor".split())
# Words that link the parts of a title ("Minister of State for X", "Prime Minister and Foreign Minister",
# "Ambassador to the UN in Geneva").
_LINKS = frozenset("of to for the 's ’s - and in at".split())
_ROLE_WORDS = lex.TITLE_WORDS | lex.PERSON_ROLES | lex.ROLE_NOUNS
_OFFICE_NOUNS = lex.PERSON_ROLES | lex.ROLE_NOUNS  # the head of a title, not its modifiers ("high", "senior")


def _cleaned(role: str | None) -> str | None:
    """Without honorifics and ranks closing it; None when nothing but them is left."""
    if not role:
        return None
    words = role.split()
    while words and (words[0].lower() in ("the", "a", "an") or any(c.isdigit() for c in words[0])):
        words.pop(0)  # §1: "without a leading article"; a live blog's "10:52" opens the line, not the role
    while words and (words[-1].lower() in _HONORIFICS or words[-1].lower() in RANKS and (
            len(words) == 1 or words[-2].lower() in RANKS | _HONORIFICS or words[-1][0].isupper()
            and words[-2].islower() and words[-2] in _ROLE_WORDS and words[-2] not in _GENERAL_OFFICES)):
        words.pop()  # a capitalised rank after a lowercase description is the rank, not part of the office
    if all(w.lower() in _HONORIFICS | RANKS for w in words):
        return None
    return " ".join(words)


def _premodifier(tok: "Token", first: int, last: int) -> bool:
    """A noun or adjective modifying the words up to the name ("Kremlin foreign policy aide X")."""
    head = tok.head
    return tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.i < head.i <= last and \
        tok.pos_ in ("NOUN", "PROPN", "ADJ") and not tok.like_num


def _title_before(doc: "Doc", first: int, last: int) -> str | None:
    """The run of title words, states and premodifiers, linked by 'of/to/for the/and', right before the name."""
    skip = dateline_end(doc.text)
    i = first - 1
    while i >= 0 and doc[i].idx >= skip and doc[i].ent_type_ not in ("TIME", "DATE", "CARDINAL") \
            and not any(c.isdigit() for c in doc[i].text):  # a live blog's "10:52" opens the line, no title
        tok, word = doc[i], doc[i].lower_
        inner = 0 < i < first - 1
        if word in _ROLE_WORDS or word in lex.PORTFOLIOS or word in lex.STATE_OFFICES or find_places(tok.text) \
                or tok.ent_type_ in ("GPE", "NORP", "ORG") or _premodifier(tok, first, last) \
                or (word in _LINKS and inner and (word != "and" or doc[i - 1].lower_ in _ROLE_WORDS | lex.PORTFOLIOS
                                                      or doc[i - 1].dep_ in ("compound", "nmod")
                                                      and not doc[i - 1].ent_type_)):
            i -= 1
            continue
        break
    start = i + 1
    while start < first and (doc[start].lower_ in _LINKS or is_city(doc[start].text)) or start + 1 < first and doc[start + 1].lower_ == "of" \
            and doc[start].lower_ in lex.STATE_OFFICES:
        start += 1  # "the office of Ruritanian President X": the office is the president's, the role "President"
    words = [t.lower_ for t in doc[start:first]]
    if not any(w in _ROLE_WORDS for w in words):
        return None
    return doc[start:first].text.strip()


def _noun_phrase(doc: "Doc", head: "Token", stop: int) -> str:
    """The role noun's phrase before `stop`, without a leading article or possessive pronoun and without
    the clauses and conjuncts that follow it ("RSF commander widely known as X" -> RSF commander)."""
    left = head.left_edge.i
    while left < head.i and (doc[left].dep_ in ("det", "punct") and doc[left].head.i == head.i
                             or doc[left].tag_ == "PRP$"):
        left += 1
    stop = next((t.i for t in doc[head.i + 1:stop] if t.text in ",;(" and t.head.i != head.i), stop)
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "conj", "cc", "appos") for t in c.subtree}
    right = max((t.i for t in head.subtree if t.i < stop and t.i not in cut and t.dep_ != "punct"), default=head.i)
    return doc[left:right + 1].text


def _apposed_to(doc: "Doc", first: int, last: int) -> str | None:
    """"Ruritania's envoy, X, said", "the army's spokesman, Brig. Gen. X,": the name (with its ranks and titles)
    is an apposition to a role noun right before it."""
    j = first - 1
    while j > 0 and (doc[j].lower_ in RANKS | _HONORIFICS | lex.TITLE_WORDS or doc[j].lower_ + "." in RANKS
                     or doc[j].text == "."):
        j -= 1
    appos = next((t for t in doc[j + 1:last + 1] if t.dep_ == "appos" and t.head.i < j), None)
    target = appos.head if appos is not None else None
    if target is not None and target.dep_ == "pobj" and target.head.dep_ == "prep":
        target = target.head.head if target.head.head.lemma_.lower() in _ROLE_WORDS else target  # "a lawmaker from X"
    if target is not None and doc[j].text == "," and target.lemma_.lower() in _ROLE_WORDS:
        return _noun_phrase(doc, target, j)
    return None


def _apposition(doc: "Doc", first: int, last: int) -> str | None:
    """"X, the country's foreign minister, said": the appositive noun phrase when it names an office."""
    for child in doc[last].children:
        if child.dep_ == "appos" and child.i > last and (child.lemma_.lower() in _ROLE_WORDS or _one_of_roles(child)):
            return _noun_phrase(doc, child, len(doc))
    return None


def _one_of_roles(tok: "Token") -> bool:
    """"X, one of the community's leaders,": a partitive whose noun is a role noun."""
    return tok.lower_ == "one" and any(p.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in _ROLE_WORDS
                                                                 for o in p.children) for p in tok.children)


def apposed_names(doc: "Doc") -> list[tuple[int, int]]:
    """"Ruritania's Minister of Information, Ann Lind, said": two or three proper nouns set off by commas in
    apposition to a role noun name a person, whatever the tagger calls them (token spans [first, last])."""
    found: list[tuple[int, int]] = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.i > tok.i or tok.head.lemma_.lower() not in _ROLE_WORDS:
            continue
        first = tok.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
            first -= 1
        closed = tok.i + 1 == len(doc) or doc[tok.i + 1].text in (",", ".", ";")
        if 2 <= tok.i - first + 1 <= 3 and doc[first - 1].text == "," and closed \
                and not find_places(doc[first:tok.i + 1].text):
            found.append((first, tok.i))
    for tok in doc:  # "Ann Lind, the ministry's spokeswoman, said": the name before its apposed role noun
        role = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i + 1 and doc[tok.i + 1].text == ","
                     and c.lemma_.lower() in _ROLE_WORDS), None)
        if tok.pos_ != "PROPN" or role is None:
            continue
        first = tok.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound" \
                and doc[first - 1].ent_type_ == tok.ent_type_:
            first -= 1
        if 2 <= tok.i - first + 1 <= 3 and tok.ent_type_ != "PERSON" and _plain_name(doc, first, tok.i):
            found.append((first, tok.i))
    return found


def titled_names(doc: "Doc") -> list[tuple[int, int]]:
    """"Deputy Minister for Energy Ann Lind said": the two proper nouns closing a run of words that opens with
    a title of office name a person, whatever the tagger says (token spans [first, last])."""
    found: list[tuple[int, int]] = []
    for tok in doc:
        last = tok.i
        if tok.pos_ != "PROPN" or last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" or last < 2:
            continue
        first = last - 1
        title = _title_before(doc, first, last) if doc[first].pos_ == "PROPN" else None
        if title and set(title.lower().split()) & _OFFICE_NOUNS and _plain_name(doc, first, last) \
                and not doc[first].ent_type_ and not doc[last].ent_type_:  # the tagger missed it
            found.append((first, last))
    return found


def _plain_name(doc: "Doc", first: int, last: int) -> bool:
    """Capitalised words that are no office, portfolio or place, and untagged or mistyped as a body or place."""
    words = doc[first:last + 1]
    return all(t.text[:1].isupper() and t.ent_type_ in ("", "ORG", "GPE", "NORP") and t.lower_ not in _ROLE_WORDS
               | lex.PORTFOLIOS | lex.STATE_OFFICES | _HONORIFICS for t in words) and not find_places(words.text)


def joint_roles(doc: "Doc") -> list[tuple[int, int, str, str | None, tuple[int, int]]]:
    """"the Foreign Ministers of A, B and C, X, Y and Z": a plural office of a list of states, then as many
    names, pairs them in order (codebook §2 joint statements by named ministers). Each pair is (first, last,
    role "Foreign Minister of A", ISO3 of A, the state's char span, which is part of the role)."""
    found: list[tuple[int, int, str, str | None, tuple[int, int]]] = []
    for tok in doc:
        if tok.tag_ not in ("NNS", "NNPS", "NNP") or not tok.lower_.endswith("s") or tok.lower_[:-1] not in _OFFICE_NOUNS \
                or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "of":
            continue
        items = _listed(doc, tok.i + 2)
        states = [(i, find_places(doc[i[0]:i[-1] + 1].text)) for i in items]
        n = next((k for k, (_, hits) in enumerate(states) if not any(h.actor.kind == "state" for h in hits)), len(items))
        names = items[n:]
        if n < 2 or len(names) != n or not all(doc[i[-1]].ent_type_ == "PERSON" or all(
                _plain_name(doc, k, k) for k in i if doc[k].text != "-") for i in names):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].lower_ in _ROLE_WORDS | lex.PORTFOLIOS:
            start -= 1
        title = doc[start:tok.i].text + (" " if start < tok.i else "") + tok.text[:-1]
        for (state, hits), name in zip(states[:n], names):
            span = (doc[state[0]].idx, doc[state[-1]].idx + len(doc[state[-1]]))
            code = next(h.actor.country for h in hits if h.actor.kind == "state")
            found.append((name[0], name[-1], f"{title} of {doc[state[0]:state[-1] + 1].text}", code, span))
    return found


def _listed(doc: "Doc", i: int) -> list[list[int]]:
    """The items of "A, B and the C, D" from token i: runs of proper nouns (with 'the' and hyphens) split at
    commas and 'and', up to the first other word."""
    items: list[list[int]] = [[]]
    while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].lower_ in (",", "and", "the", "-")):
        if doc[i].lower_ in (",", "and"):
            items.append([])
        else:
            items[-1].append(i)
        i += 1
    return [item for item in items if item and doc[item[-1]].pos_ == "PROPN"]
