"""A general gazetteer of states and international organisations, for rule-based actor finding.

General knowledge only (names, common short forms, capitals, demonyms, a few
well-known metonyms such as 'Kremlin'); nothing here is drawn from any article.
Ambiguous surface forms (e.g. 'Brussels', 'Korean', 'Chad') are left out on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.text.normalize import normalise

# ISO3 | name | other names | capitals and metonyms | demonyms
_STATES = """
AFG|Afghanistan||Kabul|Afghan
ALB|Albania||Tirana|Albanian
DZA|Algeria||Algiers|Algerian
AGO|Angola||Luanda|Angolan
ARG|Argentina||Buenos Aires;Casa Rosada|Argentine;Argentinian
ARM|Armenia||Yerevan|Armenian
AUS|Australia||Canberra|Australian
AUT|Austria||Vienna|Austrian
AZE|Azerbaijan||Baku|Azerbaijani
BHR|Bahrain||Manama|Bahraini
BGD|Bangladesh||Dhaka|Bangladeshi
BLR|Belarus||Minsk|Belarusian
BEL|Belgium|||Belgian
BOL|Bolivia||La Paz;Sucre|Bolivian
BIH|Bosnia and Herzegovina|Bosnia|Sarajevo|Bosnian
BRA|Brazil||Brasilia;Brasília;Planalto|Brazilian
BGR|Bulgaria||Sofia|Bulgarian
CAN|Canada||Ottawa|Canadian
CHL|Chile||Santiago|Chilean
CHN|China|People's Republic of China;PRC|Beijing|Chinese
COL|Colombia||Bogota;Bogotá|Colombian
CUB|Cuba||Havana|Cuban
CYP|Cyprus||Nicosia|Cypriot
CZE|Czech Republic|Czechia|Prague|Czech
COD|Democratic Republic of the Congo|DR Congo;DRC|Kinshasa|
DNK|Denmark||Copenhagen|Danish
EGY|Egypt||Cairo|Egyptian
ERI|Eritrea||Asmara|Eritrean
EST|Estonia||Tallinn|Estonian
ETH|Ethiopia||Addis Ababa|Ethiopian
FIN|Finland||Helsinki|Finnish
FRA|France||Paris;Elysee;Élysée|French
GEO|Georgia||Tbilisi|Georgian
DEU|Germany||Berlin|German
GHA|Ghana||Accra|Ghanaian
GRC|Greece||Athens|Greek
HUN|Hungary||Budapest|Hungarian
IND|India||New Delhi|Indian
IDN|Indonesia||Jakarta|Indonesian
IRN|Iran|Islamic Republic of Iran|Tehran|Iranian
IRQ|Iraq||Baghdad|Iraqi
IRL|Ireland||Dublin|Irish
ISR|Israel||Jerusalem|Israeli
ITA|Italy||Rome|Italian
JPN|Japan||Tokyo|Japanese
JOR|Jordan||Amman|Jordanian
KAZ|Kazakhstan||Astana|Kazakh
KEN|Kenya||Nairobi|Kenyan
KWT|Kuwait||Kuwait City|Kuwaiti
KGZ|Kyrgyzstan||Bishkek|Kyrgyz
LVA|Latvia||Riga|Latvian
LBN|Lebanon||Beirut|Lebanese
LBY|Libya||Tripoli|Libyan
LTU|Lithuania||Vilnius|Lithuanian
MYS|Malaysia||Kuala Lumpur|Malaysian
MLI|Mali||Bamako|Malian
MEX|Mexico||Mexico City|Mexican
MDA|Moldova||Chisinau|Moldovan
MAR|Morocco||Rabat|Moroccan
MMR|Myanmar|Burma|Naypyidaw|Burmese
NLD|Netherlands|Holland|Amsterdam;The Hague|Dutch
NZL|New Zealand||Wellington|
NGA|Nigeria||Abuja|Nigerian
PRK|North Korea|DPRK;Democratic People's Republic of Korea|Pyongyang|North Korean
NOR|Norway||Oslo|Norwegian
OMN|Oman||Muscat|Omani
PAK|Pakistan||Islamabad|Pakistani
PSE|Palestine|Palestinian Territories;State of Palestine|Ramallah|Palestinian
PAN|Panama||Panama City|Panamanian
PER|Peru||Lima|Peruvian
PHL|Philippines||Manila|Filipino;Philippine
POL|Poland||Warsaw|Polish
PRT|Portugal||Lisbon|Portuguese
QAT|Qatar||Doha|Qatari
ROU|Romania||Bucharest|Romanian
RUS|Russia|Russian Federation|Moscow;Kremlin|Russian
SAU|Saudi Arabia|Kingdom of Saudi Arabia|Riyadh|Saudi
SEN|Senegal||Dakar|Senegalese
SRB|Serbia||Belgrade|Serbian
SGP|Singapore|||Singaporean
SVK|Slovakia||Bratislava|Slovak
SVN|Slovenia||Ljubljana|Slovenian
SOM|Somalia||Mogadishu|Somali
ZAF|South Africa||Pretoria|South African
KOR|South Korea|Republic of Korea|Seoul|South Korean
SSD|South Sudan||Juba|South Sudanese
ESP|Spain||Madrid|Spanish
LKA|Sri Lanka||Colombo|Sri Lankan
SDN|Sudan||Khartoum|Sudanese
SWE|Sweden||Stockholm|Swedish
CHE|Switzerland||Bern|Swiss
SYR|Syria||Damascus|Syrian
TWN|Taiwan||Taipei|Taiwanese
TJK|Tajikistan||Dushanbe|Tajik
THA|Thailand||Bangkok|Thai
TUN|Tunisia||Tunis|Tunisian
TUR|Turkey|Türkiye;Turkiye|Ankara|Turkish
TKM|Turkmenistan||Ashgabat|Turkmen
UKR|Ukraine||Kyiv;Kiev|Ukrainian
ARE|United Arab Emirates|UAE;U.A.E.;Emirates|Abu Dhabi|Emirati
GBR|United Kingdom|UK;U.K.;Britain;Great Britain|London;Downing Street|British
USA|United States|United States of America;US;U.S.;USA;U.S.A.;America|Washington;White House|American
URY|Uruguay||Montevideo|Uruguayan
UZB|Uzbekistan||Tashkent|Uzbek
VEN|Venezuela||Caracas|Venezuelan
VNM|Vietnam|Viet Nam|Hanoi|Vietnamese
YEM|Yemen||Sanaa;Sana'a|Yemeni
ZWE|Zimbabwe||Harare|Zimbabwean
"""

# name | other names (acronyms first)
_ORGANISATIONS = """
United Nations|UN;U.N.
UN Security Council|UNSC;U.N. Security Council;United Nations Security Council;Security Council
UN General Assembly|UNGA;United Nations General Assembly;General Assembly
European Union|EU;E.U.
European Commission|
European Parliament|
Council of Europe|
NATO|North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Nato
International Atomic Energy Agency|IAEA
Organization of the Petroleum Exporting Countries|OPEC;OPEC+
African Union|AU
Association of Southeast Asian Nations|ASEAN
Arab League|League of Arab States
Gulf Cooperation Council|GCC
World Health Organization|WHO
World Trade Organization|WTO
International Monetary Fund|IMF
World Bank|
Organization for Security and Co-operation in Europe|OSCE
Group of Seven|G7;G-7
Group of Twenty|G20;G-20
BRICS|
Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization
International Criminal Court|ICC
International Court of Justice|ICJ
Mercosur|Mercosul
Organization of American States|OAS
International Committee of the Red Cross|ICRC;Red Cross
UN Refugee Agency|UNHCR
UNICEF|
World Food Programme|WFP
Organisation of Islamic Cooperation|OIC;Organization of Islamic Cooperation
Economic Community of West African States|ECOWAS
Collective Security Treaty Organization|CSTO
Organisation for the Prohibition of Chemical Weapons|OPCW
Financial Action Task Force|FATF
Interpol|
"""

# Well-known cities that are not capitals: places, never actors (they end person-name runs).
_CITY_LIST = """New York;Dubai;Davos;Munich;Brussels;Strasbourg;Sochi;Saint Petersburg;St. Petersburg;
Shanghai;Hong Kong;Mumbai;Karachi;Lahore;Jeddah;Mecca;Medina;Basra;Mosul;Aleppo;Gaza;Rafah;Haifa;Tel Aviv;
Isfahan;Mashhad;Tabriz;Shiraz;Bandar Abbas;Odesa;Odessa;Kharkiv;Donetsk;Luhansk;Crimea;Sevastopol;Frankfurt;
Hamburg;Milan;Barcelona;Marseille;Lyon;Lausanne;Zurich;Rotterdam;Antwerp;Sydney;Melbourne;Toronto;Montreal;
Vancouver;Chicago;Los Angeles;San Francisco;Houston;Miami;Boston;Camp David;Mar-a-Lago;Sao Paulo;São Paulo;
Rio de Janeiro;Cordoba;Lagos;Alexandria;Benghazi;Aden;Hodeidah;Kandahar;Herat;Vladivostok;Sharm el-Sheikh;
Taif;Salalah"""


CITIES = tuple(c.strip() for c in _CITY_LIST.split(";") if c.strip())
_CITY_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(CITIES, key=len, reverse=True))
                      + r")(?![\w-])")


@dataclass(frozen=True)
class Actor:
    """A participant as the rules see it; `name` is canonical, `country` an ISO alpha-3 code."""

    name: str
    kind: str  # person | state | international_organization | organization
    country: str | None = None
    acronym: str | None = None

    @property
    def code(self) -> str:
        """ISO3 for a state, the acronym (or slug) for an organisation."""
        return self.country if self.kind == "state" and self.country else (
            self.acronym or normalise(self.name).replace(" ", "-"))


@dataclass(frozen=True)
class GazetteerHit:
    start: int
    end: int
    surface: str
    actor: Actor
    demonym: bool


def _entries() -> list[tuple[str, Actor, bool]]:
    """(surface form, actor, is a demonym) for every entry."""
    entries: list[tuple[str, Actor, bool]] = []
    for line in _STATES.strip().splitlines():
        iso, name, others, capitals, demonyms = (part.strip() for part in line.split("|"))
        actor = Actor(name, "state", iso)
        for form in [name, *others.split(";"), *capitals.split(";")]:
            if form:
                entries.append((form, actor, False))
        entries += [(form, actor, True) for form in demonyms.split(";") if form]
    for line in _ORGANISATIONS.strip().splitlines():
        name, others = (part.strip() for part in line.split("|"))
        forms = [name, *others.split(";")]
        acronym = next((f for f in forms if f and f.isupper() and f.isalpha()), None)
        actor = Actor(name, "international_organization", None, acronym)
        entries += [(form, actor, False) for form in forms if form]
    return entries


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, tuple[Actor, bool]]]:
    table: dict[str, tuple[Actor, bool]] = {}
    for form, actor, demonym in _entries():
        table.setdefault(form, (actor, demonym))
        if len(form) >= 4 and form.upper() != form:
            table.setdefault(form.upper(), (actor, demonym))  # datelines: "TEHRAN, Iran"
    forms = sorted(table, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    # demonyms may be plural ("Iranians"); "U.S." must not be followed by a word character
    pattern = re.compile(r"(?<![\w.])(" + alternation + r")(s?)(?![\w])")
    return pattern, table


def find_places(text: str) -> list[GazetteerHit]:
    """States and international organisations named in `text`, longest form first, no overlaps."""
    pattern, table = _index()
    hits: list[GazetteerHit] = []
    for match in pattern.finditer(text):
        form, plural = match.group(1), match.group(2)
        actor, demonym = table[form]
        if plural and not demonym or _inside_longer_name(text, match.start(), form, actor):
            continue
        hits.append(GazetteerHit(match.start(), match.end(), match.group(0), actor, demonym))
    return hits


@lru_cache(maxsize=1)
def _normalised() -> dict[str, Actor]:
    table: dict[str, Actor] = {}
    for form, actor, _ in _entries():
        table.setdefault(normalise(form), actor)
    return table


def _inside_longer_name(text: str, start: int, form: str, actor: Actor) -> bool:
    """Part of a longer capitalised name: 'Security Council' in 'Regional Security Council' is not the UN's."""
    if actor.kind == "state" or " " not in form:
        return False
    before = re.search(r"([A-Z][\w’'-]*)\s+$", text[:start])
    return before is not None and before.group(1) not in ("The", "A", "An") and not before.group(1).isupper()


def lookup(surface: str) -> Actor | None:
    """The actor a whole surface form names ('Tehran', 'tehran', 'Iranians' -> Iran), or None."""
    _, table = _index()
    found = table.get(surface)
    if found:
        return found[0]
    key = normalise(surface)
    normalised = _normalised()
    return normalised.get(key) or (normalised.get(key[:-1]) if key.endswith("s") else None)


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Normalised state names, capitals and demonyms -> ISO3 ('tehran' -> 'IRN')."""
    return {normalise(form): actor.country for form, actor, _ in _entries()
            if actor.kind == "state" and actor.country}


def is_city(token: str) -> bool:
    return token in CITIES


def find_cities(text: str) -> list[tuple[int, int]]:
    """Spans of well-known non-capital cities: places, not actors."""
    return [(m.start(), m.end()) for m in _CITY_RE.finditer(text)]
