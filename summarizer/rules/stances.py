"""Stances: one per statement and named holder, polarity and topic read from the parse.

Codebook §3: a stance is a participant's attitude to a topic (support, rejection, a demand,
an assessment); polarity is towards the topic as worded (negation applied), the topic a noun
phrase; attribution from the statement's form. §2: one item per named holder of a joint
statement; a participant's words about another are the speaker's own stance, for or against as
they praise or blame (`rules.polarity`), not a neutral assessment. An event stated as fact with no
attitude (`polarity.reported_event`) is no stance. `weak` marks a stance no attitude word, demand or
judgement decided: the item cap (`extractor._most_telling`) drops those first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from summarizer.extract.grounding import NEGATIONS, content_stems
from summarizer.rules.polarity import act_polarity, reported_event, stance_reading
from summarizer.rules.requirements import requirement_statements
from summarizer.rules.speakers import Holder, Speech, holder_name
from summarizer.rules.speech import SOURCE
from summarizer.rules.coordination import coordinated_acts
from summarizer.rules import lexicon as lex
from summarizer.rules.clauses import noun_phrase
from summarizer.rules.topics import stance_topic

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

Item = dict[str, Any]
Resolver = Callable[["Token"], list[Holder]]
# Plain verbs of saying (no attitude of their own): English reports the content in their clausal
# complement, so "told reporters after the meeting that there would be no X" is read on that clause.
_SAYING = frozenset({"say", "tell", "state", "add", "note", "write", "explain", "stress", "emphasize", "emphasise",
                     "declare", "assert", "reiterate", "repeat", "remark", "observe", "post", "tweet", "reply",
                     "answer", "inform", "brief", "comment", "indicate", "underscore", "highlight"})
_NEGATION_WORDS = re.compile(r"\b(?:not|no|never|cannot|can't|won't|nor|neither|n't)\b", re.I)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary."""
    text = " ".join(text.split()).strip(" ,;:“”\"")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _negated(text: str) -> bool:
    return bool(_NEGATION_WORDS.search(text)) or bool(content_stems(text) & NEGATIONS)


def _negated_report(speech: Speech) -> bool:
    """"did not say that X": a negation on the reporting verb outside the content would be lost from a
    position built on the content alone, so the position keeps the sentence. A negation in another
    clause of the sentence ("…, and that a refusal would …") is another statement's, not this one's."""
    verb = speech.verb
    return verb is not None and not speech.start <= verb.idx < speech.end and any(
        c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def _reported_actor(root: "Token", speech: Speech, resolve: Resolver | None) -> list[Holder]:
    """§2 (1.2) reporting versus assessing: when the speaker reports what another participant said, agreed,
    refused or urged ("Roe said the president urged Lind to sign"), the item is the reported actor's."""
    if resolve is None or speech.verb is None or root.i == speech.verb.i or root.pos_ != "VERB" or \
            root.lemma_.lower() not in _SAYING | lex.DEMAND_VERBS | lex.ASSENT_VERBS:
        return speech.holders
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN":
        return speech.holders  # a pronoun is most often the speaker again ("Lind said she had agreed")
    found = [h for h in resolve(subj) if h[0].kind == "person"]
    return found or speech.holders


def stances(doc: "Doc", sentence_id: int, speeches: list[Speech], article: str,
            resolve: Resolver | None = None) -> list[Item]:
    items: list[Item] = []
    text = doc.text  # built from the tokens on every access: read it once
    required = {cue.i for cue, _, _ in requirement_statements(doc)} if speeches else set()
    if _framing(doc):
        return items  # §0: the outlet's note on the document that follows states no one's attitude
    for speech in [*speeches, *coordinated_acts(doc, speeches)]:
        if speech.root is None:
            continue
        root = _content_root(speech)
        polarity, word, how = stance_reading(root, speech.tokens, speech.verb)
        if root.i in required and how in ("plain", "demand", "mention"):
            continue  # §3: a requirement worded on the step itself ("talks must be based on X") is a condition only
        if how == "plain" and polarity == "favor" and (
                reported_event(root) or _stated_act(root) or _event(root)):
            continue  # §3: an event or action reported without an attitude is no stance
        if how in ("plain", "judged") and _counted(root):
            continue  # §3: a count of what happened ("at least 40 people were killed") is a fact reported
        if _narrated_conduct(speech, root) or _put_to(speech):
            continue  # §0, §3: an act the outlet narrates; §2: a question put to the holder is not their words
        if speech.attribution == "author_claim" and word is not None and _obliged(word):
            continue  # §0, §3: what the outlet says an actor would have to accept is the outlet's opinion
        topic = stance_topic(doc, root, word, how, speech.tokens, speech.verb)
        if not topic:
            continue
        if how == "attitude" and word is not None and word.pos_ == "VERB" and topic.lower().startswith(word.lower_):
            # the topic came out as the attitude verb's own act: "never walked away from the table" is about
            # the table (favor it); with no object to be about, the act itself (against it under "never")
            obj = _object(word)
            if obj is not None:
                topic = noun_phrase(doc, obj)
            else:
                polarity = act_polarity(word, root)
        content = " ".join(text[speech.start:speech.end].split())
        whole = _negated_report(speech)  # the position must not drop a negation its sentence states
        content = " ".join(text.split()) if whole else content
        reported = _reported_actor(root, speech, resolve)
        for actor, surface in reported:
            if (actor, surface) == SOURCE:
                continue  # §1: a medium cited as a source is never a holder
            holder = holder_name(actor, surface, article)
            said = content if whole or reported is not speech.holders else position(
                short_name(actor, holder), speech, content)
            items.append({"holder": holder, "topic": shorten(topic, 80), "polarity": polarity,
                          "position": shorten(said, 200),
                          "attribution": speech.attribution, "sentences": [sentence_id],
                          "weak": _weakness(how, topic, speech)})
    return items


# Determiners and pronouns that point back to a topic named elsewhere ("its closure", "that process").
_POINTING = frozenset("that this these those its their it they them his her our my your".split())


def _weakness(how: str, topic: str, speech: Speech) -> int:
    """How far down the item cap puts a stance: 0 when an attitude word, demand or judgement decided it; for a
    plain statement of an act 1, plus 1 when its topic only points back ("its closure", "that process"), which
    names no topic of its own (codebook §3: the topic is the object of the attitude, in a few words), plus 1
    when no verb of saying or attitude marks it as a position (a transcript answer's or a bare quotation's
    next sentence, where speakers also narrate what happened)."""
    if how not in ("plain", "mention"):
        return 0
    return 1 + (topic.split(" ", 1)[0].lower() in _POINTING) + (speech.verb is None)


def _object(verb: "Token") -> "Token | None":
    """The thing a (phrasal) verb acts on: its object, or the object of its first preposition."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    prep = next((c for c in verb.children if c.dep_ == "prep"), None) or next(  # "walked away from X"
        (g for c in verb.children if c.dep_ in ("advmod", "prt") for g in c.children if g.dep_ == "prep"), None)
    return obj or (next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None)


def _stated_act(root: "Token") -> bool:
    """A heading in capitals, or the speaker's own narration of what they did ("we met first separately"):
    a simple past with a first-person subject and no attitude is an event, not a position (§3)."""
    if root.doc.text.isupper():
        return True
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return root.tag_ == "VBD" and subj is not None and subj.lower_ in ("we", "i") and not any(
        c.dep_ in ("aux", "neg") for c in root.children)


_DOCUMENTS = frozenset("transcript text excerpt excerpts".split())


def _framing(doc: "Doc") -> bool:
    """An editor's note on what follows: "The following is the statement ...", "Transcript of the press
    conference ...", "Transcript: ..." (a document noun opening the line, then "of" or a colon)."""
    words = [t for t in doc if not t.is_space]
    if len(words) < 2:
        return False
    opens = words[0].lower_ in _DOCUMENTS and words[1].lower_ in ("of", ":")
    return opens or any(t.lemma_.lower() == "following" and t.dep_ in ("nsubj", "nsubjpass") for t in doc)


def _narrated_conduct(speech: Speech, root: "Token") -> bool:
    """"China suspended its export curbs", "France withdrew its troops": a verb of conduct told in the outlet's
    own voice (no reporting verb, the act itself the statement) is an event, not an attitude (§3, §0)."""
    return speech.attribution == "author_claim" and speech.verb is not None and root.i == speech.verb.i \
        and root.dep_ in ("ROOT", "conj") and root.lemma_.lower() in lex.CONDUCT_VERBS


def _put_to(speech: Speech) -> bool:
    """"Asked about X, Lind said ...": the participle of asking, with no subject of its own, reports the question
    a journalist put to the holder; X, a noun phrase, is the question's premise, not the holder's words (§2 1.2).
    "Asked whether P, Lind declined" is left: the answer takes up P."""
    verb = speech.verb
    return verb is not None and verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "ccomp") for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)


def _obliged(word: "Token") -> bool:
    """An attitude under a necessity: "X would have to accept Y", "X needs to accept Y" (the semi-modals
    "have to", "need to"; "X should accept Y" is left to be the demand of whoever says it)."""
    return word.pos_ == "VERB" and word.dep_ == "xcomp" and word.head.lemma_.lower() in ("have", "need")


def _counted(root: "Token") -> bool:
    """A passive with no agent whose subject is counted ("at least 40 people were killed", "200 homes have
    been destroyed"): a tally of what happened, which states no one's attitude."""
    subj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    return root.tag_ == "VBN" and subj is not None and not any(c.dep_ == "agent" for c in root.children) and any(
        c.dep_ == "nummod" and c.like_num for c in subj.children)


def _event(root: "Token") -> bool:
    """A verb of motion, meeting or perception heading the statement, with no clause of its own, no modal of
    obligation and no cooperative step as its goal ("the envoy returned to the capital", not "will return to
    the talks", nor "after the ministers met, they said X"): codebook §3's events, no stance."""
    if root.pos_ != "VERB" or root.lemma_.lower() not in lex.EVENT_VERBS or root.dep_ in ("advcl", "relcl", "acl"):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "aux" and c.lower_ in lex.OBLIGATION)
                   for c in root.children) and not any(
        t.lemma_.lower() in lex.COOPERATIVE for c in root.children if c.dep_ == "prep" for t in c.children)


_FIRST_PERSON = frozenset("i we our my us me".split())


def short_name(actor: Any, holder: str) -> str:
    """How a summary sentence names a participant already introduced: a person by surname, an
    organisation by its acronym ("Lind says", "the AU says"), a state by its name."""
    if actor.kind == "person" and holder == actor.name and len(holder.split()) > 1:
        return holder.split()[-1]
    acronym = getattr(actor, "acronym", None)
    return acronym if actor.kind != "state" and acronym and holder == actor.name else holder


def position(holder: str, speech: Speech, content: str) -> str:
    """A sentence a reader can take as it is: "X said C" (the reporting verb as the article has it, "said"
    after a copula of certainty), "X said: C" when C speaks in the first person, else "X C" for an
    attitude verb's own predicate ("X rejected the plan")."""
    verb = speech.verb
    content = _without_reporting_clause(speech, content)
    if verb is not None and speech.root is not None and speech.root.i == verb.i:
        return f"{holder} {content}"
    said = "said" if verb is None or verb.lemma_ in ("be", "tell") or verb.tag_ not in ("VBD", "VBZ", "VBP") \
        else verb.text
    first = content.split(" ", 1)[0].strip("“”\"'").lower()
    return f"{holder} {said}: {content}" if first in _FIRST_PERSON else f"{holder} {said} {content}"


def _without_reporting_clause(speech: Speech, content: str) -> str:
    """The content without the reporting clause its span holds ("He said Washington hoped …", "In his
    address, X called …", "… in order," he said."): the position names the holder once, then says what
    they said (codebook §3: one plain sentence)."""
    verb, root = speech.verb, speech.root
    if verb is None or root is None or not speech.start <= verb.idx < speech.end:
        return content
    text = verb.doc.text
    if root.i == verb.i:  # an attitude verb: "X" + "called the proposal a step"
        rest = text[verb.idx:speech.end]
    elif verb.i < root.i:  # "he said (that) C": what follows the verb
        after = next((t for t in verb.doc[verb.i + 1:root.i + 1] if not (t.is_punct or t.dep_ == "mark")), root)
        rest = text[after.idx:speech.end]
    else:  # "C, he said": what precedes the reporting clause
        first = min((t for t in verb.subtree if t.i not in speech.tokens or t.i == verb.i), key=lambda t: t.i)
        rest = text[speech.start:first.idx]
    rest = " ".join(rest.split()).strip(" ,;:“”\"'")
    return rest if rest and _negated(rest) == _negated(content) else content


def _content_root(speech: Speech) -> "Token":
    """The statement's head: a plain verb of saying taken as the root gives way to its clausal complement,
    also when the parser hangs the that-clause on the noun of an adverbial before it."""
    root = speech.root
    if speech.verb is None or root.i != speech.verb.i or root.lemma_.lower() not in _SAYING:
        return root
    comp = next((c for c in root.children if c.dep_ == "ccomp"), None) or next(  # or a that-clause the
        (t for t in root.subtree if t.dep_ == "acl" and t.pos_ in ("VERB", "AUX") and t.head.dep_ == "pobj"  # parser
         and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)), None)  # hung on "after the meeting"
    return comp if comp is not None and (speech.tokens is None or comp.i in speech.tokens) else root
