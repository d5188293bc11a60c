"""Word lists of the rules, by lemma: general English grammar and the codebook's own cue lists.

Every list names the construction it serves; none is drawn from an article. Lemmas are
spaCy's (`token.lemma_`, lower case), so one entry covers every inflected form.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Reporting verbs of English (verbs of saying, writing and communicating that take a clausal
# complement: "X said that ...", "..., X warned"). Codebook §3: reported speech and direct quotes.
REPORTING = _words("""
say tell state stress warn add note emphasize emphasise explain argue reaffirm announce confirm insist urge
write maintain declare assert underscore reiterate acknowledge admit claim tweet post remark observe highlight
indicate signal suggest caution reply answer predict promise pledge vow threaten demand accuse deny allege
complain describe tell inform brief recall contend concede reveal disclose mention point agree charge comment
assure hint repeat respond counter protest propose recommend call ask
""")
# Verbs whose subject names a source, not a holder ("the agency reported that X ruled out ...").
# Codebook §1: media cited only as sources are never participants or holders.
SOURCE_VERBS = _words("report quote cite publish broadcast carry")
# Transcript labels of the asking side ("QUESTION:", "Q:", "Reporter:"): they give the floor to no one.
QUESTION_LABELS = _words("question q reporter journalist moderator interviewer audience")
# Verbs that state an attitude without reporting words (codebook §3 author_claim: "wants, rejects,
# demands, insists, is ready, opposes"), with the polarity they give towards their object.
FAVOR_VERBS = _words("""
support welcome back endorse favor favour praise thank hail applaud accept approve embrace seek want
pursue propose offer commit pledge promise sign agree back urge demand request push advocate
defend hope wish invite encourage champion ratify join resume restore reaffirm value appreciate
""")
AGAINST_VERBS = _words("""
reject oppose condemn deny criticize criticise denounce refuse dismiss accuse blame veto boycott
resist block protest decry object slam warn suspend halt freeze abandon quit violate breach threaten
condemn downplay question doubt dispute challenge fear regret lament undermine attack withdraw cancel
contradict belie refute rebut disprove discredit debunk
""")
# Phrasal verbs (lemma + particle) with their polarity: "rule out", "walk away", "play down", "pull out".
PHRASAL_AGAINST = frozenset({("rule", "out"), ("walk", "away"), ("play", "down"), ("pull", "out"),
                             ("back", "out"), ("break", "off"), ("turn", "down"), ("call", "off"),
                             ("walk", "out")})
PHRASAL_FAVOR = frozenset({("sign", "up"), ("call", "for"), ("push", "for"), ("work", "for"), ("open", "up")})
# Predicative adjectives and nouns of attitude ("is ready to", "remains open to", "is unacceptable").
FAVOR_WORDS = _words("""
ready willing open prepared eager keen committed determined supportive positive constructive hopeful
grateful satisfied happy confident entitled right important necessary essential welcome support
""")
AGAINST_WORDS = _words("""
unacceptable illegal illegitimate unlawful opposed reluctant unwilling impossible wrong dangerous
provocative hostile aggressive violation aggression sham farce null void invalid unjustified war
reckless irresponsible disrespectful unilateral unfounded baseless groundless absurd unfair unjust
""")
# Stance polarity of a content clause with no attitude word (rules.polarity, codebook §3: blame is
# against, praise is favor). Hostile conduct an actor is said to commit ("X destabilises the region").
HOSTILE_CONDUCT = _words("""
attack strike bomb shell kill invade occupy annex violate breach betray destabilise destabilize
pressure coerce intimidate harass provoke escalate sabotage obstruct undermine exploit manipulate
deceive mislead lie meddle interfere weaponise weaponize blackmail seize detain expel terrorise
terrorize aggression provocation violation occupation interference propaganda threat target
damage harm hurt jeopardise jeopardize endanger derail wreck squander crime pretext
""")
# Judgements against what they are said of ("a road to nowhere", "the situation is tense").
NEGATIVE_JUDGEMENT = _words("""
tense harsh harshly nowhere futile pointless useless unrealistic counterproductive irresponsible
reckless destructive baseless groundless false absurd hypocritical unfair unjust biased
one-sided dangerous dangerously provocative hostile aggressive crisis failure mistake threat
illegitimate illegal unlawful deadlock impasse stalemate setback obstacle bad wrong meaningless
inconsistent unjustified unacceptable separatist terrorist criminal puppet stubborn ill-intentioned
""")
# Judgements in favour of what they are said of ("the plan is historic", "the offer remains valid").
POSITIVE_JUDGEMENT = _words("""
historic important possible valid constructive productive useful fruitful successful success
progress breakthrough milestone achievement realistic fair balanced good positive great
significant essential vital crucial helpful encouraging promising welcome necessary legitimacy
legitimate lawful legal
""")
# Copulas and verbs of characterisation: their predicate judges the subject or object (rules.polarity).
COPULAS = _words("be remain become seem appear look sound stay")
CHARACTERISE = _words("call describe consider regard deem label brand term dub find characterise characterize")
# Verbs that judge an actor for an act ("accused X of Y", "praised X for Y"): the act is the topic.
ACT_JUDGING = _words("accuse blame criticize criticise condemn praise thank commend credit fault charge")
# Light nouns whose complement is what a stance is about ("no right to X", "the intention of X");
# with PLACE_NOUNS the subject is ("X has no place in Y", "X has no chance of succeeding").
LIGHT_NOUNS = _words("right authority intention chance interest need way reason plan room place option desire "
                     "willingness readiness ability mandate")
PLACE_NOUNS = _words("place chance room")
# Verbs of hostile response: with a conditional clause they threaten ("will retaliate if X", §5).
RETALIATION = _words("respond retaliate react punish hit strike crush destroy")
# Verbs of demand whose complement is the demanded act (§3 "demands on others" are favor).
DEMAND_VERBS = _words("urge call demand ask press insist expect require need")
# Verbs of assent, refusal and other speech acts: what a participant reports another did with one of these
# is the other's item ("Roe said the president urged Lind to sign" -> the president; §2 1.2 reporting).
ASSENT_VERBS = _words("agree refuse accept reject welcome thank promise pledge vow assure warn offer propose encourage")
# Verbs of mere mention: "X was not discussed", "Y never came up" are assessments (§3 neutral).
MENTION_VERBS = _words("discuss mention raise figure address")
PHRASAL_MENTION = frozenset({("come", "up")})
# Modal and future auxiliaries: with them a verb of mention announces a step ("will discuss X").
PROSPECTIVE = _words("will would shall could can may might to 'll")
# Words of negation a parse marks with dep "neg", plus the negative determiners and adverbs.
NEGATIONS = _words("not n't never no neither nor without")

# Cooperative steps and settlements (codebook §4: "talks, a deal, dialogue, a ceasefire, ending a
# war, normalisation"): the thing a condition is attached to.
COOPERATIVE = _words("""
talk negotiation negotiate dialogue deal agreement accord treaty ceasefire truce armistice peace
settlement normalisation normalization cooperation cooperate engage engagement meeting meet summit
resume sign ratify diplomacy diplomatic discussion discuss relation tie process plan proposal
framework pact compromise reconciliation de-escalation withdraw withdrawal lift reopen restore
return release exchange recognition recognise recognize accession membership mediation mediate
""")
# Subordinators of condition (English grammar: conditional adverbial clauses), codebook §4 signals.
CONDITIONAL_MARKS = _words("if unless provided providing once")
BOUNDING_MARKS = _words("until till while before")  # bound a refusal or suspension: also a condition (§4)
# Subordinators that state a condition whatever the main clause is (§4 "only if", "unless", "provided",
# "as long as"); plain "if"/"once" also introduce assessments, so they need a cooperative step (1.2).
STRONG_MARKS = _words("unless provided providing")
# Inverted conditionals without "if" ("Should X happen, ...", "Were X to ...", "Had X ...").
INVERSION_AUX = _words("should were had")
# Prepositional phrases of exchange ("in exchange for X", "in return for X", "on condition that").
EXCHANGE_NOUNS = _words("exchange return")
# Steps of a settlement beyond COOPERATIVE that a condition can govern ("any pause must lead to X",
# "any arrangement has to end with X", "the lifting of measures would follow only once X").
SETTLEMENT_STEPS = _words("pause arrangement link signing signature lifting resumption extension outcome solution")
# Nouns of "on condition that X", "on the understanding that X", "on the basis that X".
CONDITION_NOUNS = _words("condition conditions understanding proviso basis")
# Nouns of requirement ("the precondition for talks is X", "a prerequisite", "the main requirement").
REQUIREMENT_NOUNS = _words("precondition prerequisite requirement condition demand basis")
# Verbs of dependence ("a deal depends on X", "talks hinge on X", "is contingent on X").
DEPENDENCE = _words("depend hinge rest rely conditional contingent subject tied tie require need")
# Adjectives of dependence used as adjuncts ("a summit, contingent on progress, ...", "subject to X").
DEPENDENT_ADJS = _words("contingent conditional dependent subject conditioned")
# Modals and semi-modals of obligation ("must", "should", "has to", "needs to"): a requirement.
OBLIGATION = _words("must should shall ought")
# Participles of a scope limit on a step ("engagement will be limited to trade", §4 1.2).
LIMITS = _words("limit confine restrict")
# Predicates of form a requirement sets on a cooperative step: "talks must be based on X".
FORM_PREDICATES = _words("base ground conduct hold build found respect include guarantee take")
# Verbs that settle a dispute: "the border will be settled through X" names the step itself (§4 scope limits).
SETTLING = _words("settle resolve solve decide")
# Prepositions of means or framework that limit how a step is taken ("through bilateral bodies", "within X").
FRAME_PREPS = _words("through within under via")

# Hostile responses (codebook §5 trigger consequences): "we will respond", "would be met with force".
RESPONSE = _words("""
respond retaliate react answer strike hit punish meet face pay trigger ignite provoke spark lead
result cause mean defend destroy target crush treat escalate fight quit
""")
RESPONSE_NOUNS = _words("""
response retaliation reaction reprisal force war consequence consequences price punishment attack
strike action measure countermeasure answer bombing
""")
# Hostile acts a trigger names ("any attack", "any attempt to", "any incursion").
HOSTILE_ACTS = _words("""
attack aggression strike invasion incursion assault attempt violation breach provocation escalation
bombing annexation blockade interference intervention repetition move step action deployment test
""")
# Volition and permission verbs whose negation is a refusal or, with another actor's act, a trigger
# (codebook §5 "will not allow / tolerate / permit X").
PERMISSION = _words("allow tolerate permit let")
REFUSAL_VERBS = _words("refuse decline")  # "refuses to X": a refusal of X
REFUSAL_NOUNS = _words("intention plan question room")  # "has no intention of X", "no question of"
# Places of a negotiation in the idioms "on / off the table", "on the agenda" (§5 "X is off the table").
TABLE_NOUNS = _words("table agenda")
# Verbs of pledging whose negated complement is a refusal (§5 1.2: "pledged not to use force").
PLEDGE = _words("pledge vow promise undertake swear commit guarantee")
# Verbs of concession whose plain negation is categorical ("does not accept", "do not bow to", §5).
CONCESSION = _words("accept bow yield cede surrender concede bargain capitulate submit")
# Nouns of giving ground: "there can be no concessions" is the holder's own refusal (§5 1.2).
CONCESSION_NOUNS = _words("concession compromise bargain deal talk negotiation mediation")
# Predicates that bar a general or future act (§5 1.2 "would be unacceptable", "cannot be tolerated").
UNACCEPTABLE = _words("unacceptable intolerable inadmissible impermissible")
# "X will not go unanswered / unpunished": a threat with the response left implicit.
IMPUNITY = _words("unanswered unpunished")
# Light verbs that carry a response noun as their object ("face consequences", "pay a price", "take
# measures", "would mean war"): with these, the object makes the threat (not with "end the war").
RESPONSE_CARRIERS = _words("face pay take use get meet bear receive launch wage mean bring expect suffer see")
# Free-relative and universal subjects of a generic threat ("whoever attacks us will pay").
ANYONE = _words("whoever anyone anybody whatever")

# Nouns of office and of official voices (codebook §1: role nouns, unnamed spokespersons, ministries).
PERSON_ROLES = _words("""
president minister spokesman spokeswoman spokesperson ambassador envoy diplomat representative secretary
chief head leader commander negotiator adviser advisor chancellor premier senator governor mayor director
chairman chairwoman chair general delegate emissary king queen prince emir sultan ayatollah official
prosecutor judge speaker lawmaker legislator deputy counterpart coordinator commissioner
""")
STATE_VOICES = _words("""
government ministry embassy presidency army military office administration cabinet officials official
authorities authority leadership spokesperson spokesman spokeswoman delegation mission forces navy
council committee capital regime side
""")
# Titles that precede a name ("Foreign Minister X", "Gen. X").
TITLE_WORDS = _words("""
president vice prime minister deputy foreign secretary general ambassador envoy special spokesman
spokeswoman spokesperson chancellor king queen prince crown sheikh emir sultan ayatollah supreme leader
chief senator sen. rep. representative governor mayor commander gen. admiral colonel director chairman
chairwoman head premier speaker mr. mrs. ms. dr. prof. defence defense interior finance trade economy
affairs state national security high commissioner top senior former acting official external
secretary-general director-general undersecretary assistant lieutenant major captain
""")
# Heads of names of news organisations (codebook §1: "the publishing outlet, bylines, and media cited
# only as sources" are never participants).
MEDIA_HEADS = _words("""
tv television radio news press times post journal tribune herald gazette broadcasting network
channel wire daily agency newspaper outlet media magazine reuters afp ap xinhua tass kcna yonhap irna isna
tasnim fars mehr wafa sana ani pti ria interfax bernama antara kyodo nhk bbc cnn bloomberg axios politico
""")
MEDIA_NOUNS = _words("""
media newspaper broadcaster outlet agency channel television radio report reports daily tabloid
""")
# Heads of the generic names of a state's executive bodies (codebook §1 1.2: ministries, departments,
# the presidency, cabinets, embassies, the command of the armed forces speak for the state).
STATE_OFFICES = _words("ministry department presidency cabinet embassy office administration government staff "
                       "chancellery secretariat")
# Portfolios of ministries and titles: cut out of "Ministry of Defence" or "Trade Secretary", no body.
PORTFOLIOS = _words("""
defence defense energy commerce trade state government parliament association finance interior treasury
justice health economy agriculture foreign affairs security intelligence education transport labour labor
environment culture immigration homeland development industry information
""")
# Prefixes of ships' names ("BRP X", "USS X", "HMS X"): vessels are no actors.
VESSEL_PREFIXES = frozenset("BRP USS HMS INS HMAS HMCS MV MT RFS CNS ROKS JS FS TCG KRI".split())
# Nouns that say a following name is an organisation ("the state company X", "the militia X").
ORGANISATION_NOUNS = _words("company firm corporation operator group party militia movement agency giant "
                            "producer supplier carrier bank fund broadcaster")
# Acronyms of treaties: documents, never actors (§1).
TREATY_ACRONYMS = _words("npt jcpoa ctbt start tpnw unclos inf cfe")
# Backing of armed actors (§0/§3: "X backs the militias" is conduct, not an attitude): verbs and objects.
BACKING = _words("support back arm fund finance sponsor train equip supply")
ARMED_GROUPS = _words("group militia rebel insurgent terrorist fighter proxy faction gang mercenary jihadist")
# Adjectives of certainty that state a position with a that-clause ("we are clear that", "is convinced that").
CERTAINTY = _words("clear convinced confident certain sure adamant firm determined persuaded")
# Nouns of a person's own voice: "X's campaign / team / camp said" is X speaking (§2), an office is not.
OWN_VOICES = _words("campaign team camp aide aides lawyer lawyers")

# --- actors and their facts (codebook §1 `role`): role nouns beyond the titles of office ---
ROLE_NOUNS = _words("aide chairperson minister secretary-general commander-in-chief")

# ---- Holders: reporting cues beyond verbs of saying (codebook §2 "according to X", "for X", "in X's view";
# §3 attitudes ascribed without reported words)
# Verbs of cognition whose clausal complement states the subject's own position ("X believes C").
COGNITION = _words("believe think expect feel reckon suspect assume")
# Nouns of what a speaker said or wrote: "X's statement that C", "a statement from X says C" are X's words.
SPEECH_NOUNS = _words("""
statement remark comment claim assertion assurance declaration announcement warning message letter post
communique communiqué readout note pledge promise insistence argument
""")
# Nouns of a point of view in the cue "in X's view / opinion / words / assessment".
VIEW_NOUNS = _words("view opinion words assessment estimation judgement judgment mind eyes")

# --- stance precision (issue 19): events the codebook names as no stance (§3) ---
# Verbs of motion, meeting, perception and duration: "the two envoys are expected to meet", "a naval group
# is heading to the gulf" (§3: events and actions without an attitude); what they report happened or will.
# With them the verbs of an announcement or an event held, with a noun object ("announced new port fees",
# "held elections"): §3 1.2, an announcement without an attitude is no stance.
EVENT_VERBS = _words("meet arrive return travel fly head depart land visit witness hear cover last follow "
                     "announce hold")

# --- stance polarity (issue 19 step 1): attitude words the polarity readers add (rules.polarity, rules.judgement) ---
# Predicative adjectives of emotion towards a state of affairs ("is concerned about X", "was pleased with X"):
# codebook §3, fear and alarm are against what they are about, satisfaction is favor it.
CONCERN_WORDS = _words("""
concerned worried alarmed troubled disturbed dismayed disappointed outraged appalled shocked frustrated
anxious uneasy wary sceptical skeptical suspicious
""")
PLEASED_WORDS = _words("pleased glad delighted encouraged heartened relieved optimistic")
# Reporting verbs of denial: their content is what the holder says is not so ("denied hosting X").
DENIAL_VERBS = _words("deny dispute refute rebut contest")
# Verbs whose subject is what their object judges ("X poses a danger", "constitutes a threat").
POSING = _words("pose constitute represent")
# Nouns of harm an actor's conduct is said to pose ("poses a danger / a risk to X").
DANGER_NOUNS = _words("danger risk menace hazard threat")
# Keeping an obligation: their "non-" form names a breach ("non-compliance with X", §3 accusation).
OBSERVANCE = _words("compliance performance observance fulfilment fulfillment implementation adherence cooperation")
# Verbs of giving up what one holds: "X is not something we will change" keeps X (favor it).
RELINQUISH = _words("change alter abandon drop surrender cede relinquish renounce sacrifice reverse trade")
# Adverbs of careless manner: negated, they are the negation's focus ("not taken lightly"), the act stands.
CARELESS = _words("lightly hastily rashly casually")
# Verbs of evidence whose clausal complement is what the holder asserts ("X shows that Y", "proves that Y").
EVIDENTIAL = _words("show prove demonstrate reveal confirm")
# Verbs of prohibition: against the act they bar ("the law forbids ceding land", "bans the exports").
PROHIBITION = _words("forbid prohibit ban outlaw preclude")
# Verbs of warning: an act the holder says will follow a condition is a threat against the condition (§5).
WARNING = _words("warn threaten")
# Nouns of a diplomatic process under way: a copula saying where it stands is an assessment (§3 neutral).
PROCESS_NOUNS = _words("talk negotiation exchange contact dialogue discussion process round session meeting "
                       "consultation")
# Predicates of a process declared ended ("the talks are over"): against the process (§3).
ENDED = _words("over finished dead")

# --- stance finding (issue 19 step 4): acts the outlet narrates (§0, §3) ---
# Verbs of conduct among the verbs against: what an actor did to a thing ("China suspended its export curbs",
# "the rebels attacked the convoy"), an act told in the outlet's voice, not an attitude it holds (§3 events).
CONDUCT_VERBS = _words("attack suspend halt freeze withdraw cancel violate breach")
