"""Word lists for the baseline rules: speech cues, titles, topics, polarity, condition and red-line cues.

General English news vocabulary only; every entry must make sense for any
diplomacy article, not for one in particular.
"""

from __future__ import annotations

import re

# Verbs that introduce what someone said (finite forms only: "reports" and "states" are too often nouns).
SPEECH_VERBS = (
    "said says say stated stresses stressed warns warned adds added noted emphasized emphasised emphasizes emphasises "
    "told tells argued argues explained explains reaffirmed reaffirms announced announces confirmed confirms "
    "insisted insists urged urges wrote writes reported maintains maintained declared declares asserted asserts "
    "underscored underscores reiterated reiterates acknowledged acknowledges admitted claimed tweeted posted "
    "remarked observed highlighted highlights indicated signalled signaled suggested cautioned replied responded "
    "pointed_out believes"
).split()
# Verbs that state a position by themselves: the article (not a quote) attributes it.
STANCE_VERBS = (
    "rejected rejects welcomed welcomes supported supports opposed opposes condemned condemns ruled_out rules_out "
    "refused refuses pledged pledges vowed vows threatened threatens demanded called_for calls_for agreed agrees "
    "denied denies criticized criticised criticizes criticises praised praises sought seeks directed instructed "
    "ordered proposed proposes offered offers accused accuses endorsed endorses backed"
).split()
# "-ing" forms continue the sentence's main speaker ("..., stressing that ...").
PARTICIPLES = frozenset(
    "saying stressing adding noting warning insisting arguing emphasizing emphasising underscoring reaffirming "
    "explaining urging reiterating signalling signaling".split()
)

_VERB_ALTERNATION = "|".join(sorted((v.replace("_", r"\s+") for v in SPEECH_VERBS + STANCE_VERBS),
                                    key=len, reverse=True))
CUE_RE = re.compile(r"(?<![\w-])(" + _VERB_ALTERNATION + r")\b")  # not "Israeli-backed"
SPEECH_SET = frozenset(v.replace("_", " ") for v in SPEECH_VERBS)
# Verbs that name a source rather than a speaker: "Press TV reported that X ruled out ..." is X's position.
SOURCE_VERBS = frozenset({"reported"})
ACCORDING_RE = re.compile(r"\baccording to\b")

# Words of office: they precede or describe a person but are not part of the name.
TITLE_WORDS = frozenset("""
President Vice Prime Minister Ministers Deputy Foreign Secretary General Ambassador Envoy Special Spokesman
Spokeswoman Spokesperson Chancellor King Queen Prince Princess Crown Sheikh Shaikh Emir Sultan Ayatollah Supreme
Leader Chief Senator Sen Rep Representative Governor Mayor Commander Gen Admiral Adm Colonel Col Lt Director
Chairman Chairwoman Chair Head Pope Premier Speaker Mr Mrs Ms Dr Prof Sir Lord Dame Justice Judge Defence
Defense Interior Finance Trade Economy Affairs State National Security High Commissioner Top Senior Former
Acting Secretary-General Director-General Foreign Minister Mufti Imam Cardinal Marshal Field Lieutenant Major
Captain Sergeant Army Navy Air Force Attorney Deputy-Director Undersecretary Under-Secretary Assistant Minister
""".split())
# Lower-case nouns of office ("the envoy said", "spokesman Esmail Baghaei").
ROLE_NOUNS = frozenset("""
president minister ministers spokesman spokeswoman spokesperson ambassador envoy diplomat representative
secretary chief head leader leaders commander official officials negotiator negotiators adviser advisor
chancellor premier senator governor mayor director chairman chair general delegate delegation emissary
broadcaster correspondent lawmaker lawmakers legislator mediator mediators
""".split())
# Heads of organisation names ("Foreign Ministry", "Press TV", "Supreme National Security Council").
ORG_HEADS = frozenset("""
Ministry Council Agency Committee Parliament Congress Senate Commission Court Bank Fund Organization Organisation
Union Party Corps Guard Guards Army Navy Forces Office Department Section Embassy Consulate Institute University
Group Movement Front Assembly Cabinet Government TV Television Radio News Press Times Post Journal Tribune
Herald Gazette Agency Broadcasting Network Channel Service Services Mission Authority Foundation Association
Company Corporation
""".split())
# Capitalised function words: never a name, and they end a title ("He", "Despite", "Monday").
FUNCTION_CAPS = frozenset("""
The A An This That These Those It Its He She His Her They Their We Our I You Your In On At For From To Of By
With As But And Or If When While After Before Since During Despite Following Regarding According Amid Amidst
Meanwhile However Although Though Separately Earlier Later Last Next Today Yesterday Tomorrow Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
November December Why What Who How Where Go Read More Also Both Neither Such Some Many Most Several No Not Any
All Every Each Speaking Asked Responding Under Over Between Within Without Against Because Once Until Unless
Whether Yet Still Even Only Just Now Then There Here Days Weeks Months Years
""".split())
# Capitalised words that are not personal names but may be part of a title or an institution.
COMMON_CAPS = FUNCTION_CAPS | frozenset("""
Officials Sources Analysts Diplomats Experts Critics Observers Witnesses Residents Authorities Lawmakers Protesters
Reports Media Police Troops Tensions Talks Negotiations Mister Madam Islamic Republic Western Eastern Northern
Southern Middle East West Asia Europe Africa Gulf Persian Arab Asian European African Latin Central Region
Regional International Global World Update Breaking Exclusive Analysis Opinion Editorial Photo Video Watch Live
Statement
""".split())
# Suffixes of abstract nouns: a word ending so is not a person's name ("Revolution", "Security").
NON_NAME_SUFFIX = re.compile(r"(tion|sion|ment|ity|ism|ship|ness|ance|ence|ics|ology)$")
NAME_PARTICLES = frozenset("al bin ibn bint de da di del dos das du van von der den la le el abu".split())

# (pattern, topic label), most specific first; "{with}" is filled with "with X" when the article says so.
TOPICS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.I), label) for p, label in [
    (r"\benrich(?:ment|ed|ing)?\b", "uranium enrichment"),
    (r"\bnuclear (?:deal|agreement|accord|talks)\b|\bJCPOA\b", "the nuclear agreement"),
    (r"\bnuclear\b", "the nuclear programme"),
    (r"\bmissiles?\b|\bballistic\b", "missile programme"),
    (r"\bsanctions?\b|\bembargo\b", "sanctions"),
    (r"\bcease-?fire\b|\btruce\b|\barmistice\b", "a ceasefire"),
    (r"\bpeace (?:deal|agreement|plan|process|talks|accord)\b", "the peace process"),
    (r"\bnegotiat\w*|\btalks\b|\bdialogue\b|\bdiplomacy\b|\bdiplomatic\b|\bmeeting\b|\bsummit\b", "negotiations"),
    (r"\battacks?\b|\bstrikes?\b|\bmilitary action\b|\baggression\b|\binvasion\b|\bwar\b|\bconfrontation\b"
     r"|\bescalat\w*|\bdeployment\b|\btroops\b", "military action"),
    (r"\btrade\b|\btariffs?\b|\bexports?\b|\bimports?\b|\bcustoms\b", "trade"),
    (r"\boil\b|\bgas\b|\benergy\b|\bpipeline\b", "energy"),
    (r"\baid\b|\bhumanitarian\b|\brefugees?\b|\bmigra\w+", "humanitarian issues"),
    (r"\bdefen[cs]e spending\b|\bdefen[cs]e budget\b|\bmilitary spending\b", "defence spending"),
    (r"\bhuman rights\b|\bprotest\w*|\bunrest\b|\bcrackdown\b", "human rights and protests"),
    (r"\bterror\w*", "terrorism"),
    (r"\belections?\b|\bvote\b|\breferendum\b", "elections"),
    (r"\bclimate\b|\bemissions\b", "climate"),
    (r"\bmessages?\b|\bcontacts?\b|\bcommunication\b|\bchannels?\b|\brelations\b|\bties\b", "bilateral contacts"),
]]
# topics that name a counterpart when the article does ("negotiations with the United States")
WITH_TOPICS = frozenset({"negotiations", "trade", "bilateral contacts", "a ceasefire", "the peace process"})

FAVOR_RE = re.compile(
    r"(?<![\w-])(ready|readiness|willing|willingness|open to|openness|support(?:s|ed|ing)?|welcom(?:e|es|ed|ing)"
    r"|favou?r(?:s|ed|ing)?|in favou?r of|committed to|commitment to|agree(?:s|d)?|endorse(?:s|d)?|prepared to"
    r"|keen|eager|seek(?:s|ing)? (?:a|an|to)|call(?:s|ed)? for|hope(?:s|d)?|pursue|praise(?:s|d)?|positive"
    r"|constructive|backs|backed)\b", re.I)
AGAINST_RE = re.compile(
    r"\b(reject(?:s|ed|ing|ion)?|refus(?:e|es|ed|ing|al)|never|not|no intention|oppos(?:e|es|ed|ing)"
    r"|condemn(?:s|ed|ing)?|rul(?:ed|es|e) out|den(?:y|ies|ied)|critici[sz]\w*|denounc\w*|cannot|unacceptable"
    r"|no longer)\b|n't\b", re.I)

# Condition cues: (pattern, whether the clause after it is the requirement)
CONDITION_RE = re.compile(
    r"(?:,\s*|\b)(provided that|providing that|provided(?=\s+(?:it|they|he|she|we|there|the|that|negotiations"
    r"|talks)\b)|on (?:the )?condition(?: that)?|only if|unless|as long as|so long as|if the other side"
    r"|must be based on|conditional on|in exchange for|in return for|the main requirement|precondition"
    r"|requires?|required)\b", re.I)
ENGAGEMENT_RE = re.compile(r"\b(negotiat\w*|talks|dialogue|deal|agreement|cooperation|engagement|discussion)\b",
                           re.I)
BASED_ON_RE = re.compile(r"\bbased on\b|\bgrounded in\b", re.I)
IF_RE = re.compile(r"\bif\b", re.I)

# Red lines
RED_LINE_RE = re.compile(r"\bred[- ]lines?\b", re.I)
# strong refusals first: a modal "will not" or "no intention" outranks "rejects"
REFUSAL_RES = [re.compile(p, re.I) for p in (
    r"\b((?:will|would|shall|can|could)\s+(?:not|never)|won't|wouldn't|can't|never\s+will)\b",
    r"\b(no intention of|rul(?:ed|es|e) out|refus(?:e|es|ed) to|will not tolerate|(?:is|are) unacceptable)\b",
    r"\b(rejects?|rejected)\b",
)]
ATTACK_WORDS = (r"(?:attacks?|aggression|strikes?|invasion|incursion|military action|assault|confrontation|war"
                r"|use of force|bombing|annexation)")
ANY_ATTACK_RE = re.compile(r"\bany\s+(?:[\w.’'-]+\s+){0,3}?" + ATTACK_WORDS + r"\b", re.I)
RESPONSE_RE = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:response|retaliation|reaction|reprisal)\b"
    r"|\b(?:will|would|shall)\s+(?:\w+\s+){0,1}?(?:respond|retaliate|react|hit back|ignite|trigger|face|pay)"
    r"[^,;.:“”\"]*", re.I)
RESPONSE_TO_RE = re.compile(r"\b(?:response|respond|retaliat\w*)\s+to\s+([^,;.:]*" + ATTACK_WORDS + r"[^,;.:]*)",
                            re.I)
EVENT_RE = re.compile(r"\bin the event of\s+([^,;.:]+)", re.I)
