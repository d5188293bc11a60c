"""The world as the gazetteer knows it: states, international organisations, and places that are
only places (cities, regions, seas, shoals). General knowledge, nothing drawn from an article."""

# ISO3 | name | other names | capitals and metonyms | demonyms
STATES = """
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
COD|Democratic Republic of the Congo|DR Congo;DRC;Congo|Kinshasa|Congolese
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
BEN|Benin||Porto-Novo|Beninese
BTN|Bhutan||Thimphu|Bhutanese
BWA|Botswana||Gaborone|
BRN|Brunei||Bandar Seri Begawan|
BFA|Burkina Faso||Ouagadougou|Burkinabe
BDI|Burundi||Gitega|Burundian
KHM|Cambodia||Phnom Penh|Cambodian
CMR|Cameroon||Yaounde;Yaoundé|Cameroonian
CAF|Central African Republic||Bangui|
CRI|Costa Rica||San Jose|Costa Rican
HRV|Croatia||Zagreb|Croatian
DJI|Djibouti|||Djiboutian
DOM|Dominican Republic||Santo Domingo|Dominican
ECU|Ecuador||Quito|Ecuadorian
SLV|El Salvador||San Salvador|Salvadoran
GNQ|Equatorial Guinea||Malabo|
GAB|Gabon||Libreville|Gabonese
GMB|Gambia|The Gambia|Banjul|Gambian
GRL|Greenland||Nuuk|Greenlandic;Greenlander
GTM|Guatemala||Guatemala City|Guatemalan
GUY|Guyana||Georgetown|Guyanese
HTI|Haiti||Port-au-Prince|Haitian
HND|Honduras||Tegucigalpa|Honduran
ISL|Iceland||Reykjavik|Icelandic
CIV|Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Yamoussoukro;Abidjan|Ivorian
JAM|Jamaica||Kingston|Jamaican
XKX|Kosovo||Pristina|Kosovar
LAO|Laos||Vientiane|Lao;Laotian
LBR|Liberia||Monrovia|Liberian
LUX|Luxembourg|||Luxembourgish
MDG|Madagascar||Antananarivo|Malagasy
MWI|Malawi||Lilongwe|Malawian
MDV|Maldives|||Maldivian
MLT|Malta||Valletta|Maltese
MRT|Mauritania||Nouakchott|Mauritanian
MNG|Mongolia||Ulaanbaatar|Mongolian
MNE|Montenegro||Podgorica|Montenegrin
MOZ|Mozambique||Maputo|Mozambican
NAM|Namibia||Windhoek|Namibian
NPL|Nepal||Kathmandu|Nepalese;Nepali
NIC|Nicaragua||Managua|Nicaraguan
NER|Niger||Niamey|Nigerien
MKD|North Macedonia|Macedonia|Skopje|Macedonian
PNG|Papua New Guinea||Port Moresby|
PRY|Paraguay||Asuncion;Asunción|Paraguayan
COG|Republic of the Congo|Congo-Brazzaville|Brazzaville|
RWA|Rwanda||Kigali|Rwandan
SLE|Sierra Leone||Freetown|Sierra Leonean
SUR|Suriname||Paramaribo|Surinamese
TZA|Tanzania||Dodoma|Tanzanian
TLS|Timor-Leste|East Timor|Dili|Timorese
TGO|Togo||Lome;Lomé|Togolese
TTO|Trinidad and Tobago||Port of Spain|
UGA|Uganda||Kampala|Ugandan
ZMB|Zambia||Lusaka|Zambian
VCT|Saint Vincent and the Grenadines|St Vincent and the Grenadines;St. Vincent and the Grenadines|Kingstown|
"""

# name | other names (acronyms first)
ORGANISATIONS = """
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

# Well-known cities that are not capitals, regions, seas and shoals: places, never actors.
CITY_LIST = """New York;Dubai;Davos;Munich;Brussels;Strasbourg;Sochi;Saint Petersburg;St. Petersburg;
Shanghai;Hong Kong;Mumbai;Karachi;Lahore;Jeddah;Mecca;Medina;Basra;Mosul;Aleppo;Gaza;Rafah;Haifa;Tel Aviv;
Isfahan;Mashhad;Tabriz;Shiraz;Bandar Abbas;Odesa;Odessa;Kharkiv;Donetsk;Luhansk;Crimea;Sevastopol;Frankfurt;
Hamburg;Milan;Barcelona;Marseille;Lyon;Lausanne;Zurich;Rotterdam;Antwerp;Sydney;Melbourne;Toronto;Montreal;
Vancouver;Chicago;Los Angeles;San Francisco;Houston;Miami;Boston;Camp David;Mar-a-Lago;Sao Paulo;São Paulo;
Rio de Janeiro;Cordoba;Lagos;Alexandria;Benghazi;Aden;Hodeidah;Kandahar;Herat;Vladivostok;Sharm el-Sheikh;
Taif;Salalah;
Omdurman;El Fasher;Al-Fashir;Port Sudan;Wad Madani;Nyala;Darfur;Kordofan;Blue Nile;White Nile;Tigray;Amhara;Oromia;
Ogaden;Puntland;Somaliland;Goma;Bukavu;North Kivu;South Kivu;Kivu;Ituri;Lubumbashi;Kisangani;Mombasa;Timbuktu;
Gao;Kidal;Sahel;Lake Chad;Aswan;Luxor;Suez;Port Said;Sinai;Busan;Incheon;Panmunjom;Kaesong;Yeonpyeong;Osaka;
Okinawa;Kyoto;Siem Reap;Battambang;Preah Vihear;Oddar Meanchey;Surin;Sisaket;Ubon Ratchathani;Chiang Mai;Phuket;
Pattaya;Mandalay;Yangon;Rangoon;Ho Chi Minh City;Da Nang;Cebu;Davao;Scarborough Shoal;Second Thomas Shoal;
Spratly Islands;Paracel Islands;Huangyan Dao;Taiwan Strait;Kinmen;Matsu;Guangzhou;Shenzhen;Wuhan;Xinjiang;
Tibet;Kashmir;Jammu;Srinagar;Ladakh;Pahalgam;Punjab;Balochistan;Peshawar;Rawalpindi;Quetta;Kolkata;Chennai;
Bengaluru;Nagorno-Karabakh;Karabakh;Nakhchivan;Zangezur;Syunik;Abkhazia;South Ossetia;Transnistria;Gagauzia;
Donbas;Zaporizhzhia;Kherson;Mykolaiv;Dnipro;Lviv;Sumy;Kursk;Belgorod;Bryansk;Rostov;Krasnodar;Kaliningrad;
Murmansk;Novorossiysk;Kazan;Golan;Golan Heights;Quneitra;Daraa;Sweida;Suwayda;Homs;Hama;Idlib;Latakia;Tartus;
Deir ez-Zor;Raqqa;Hasakah;Kobani;Afrin;Sidon;Tyre;Litani;Nabatieh;Bekaa;West Bank;Gaza Strip;
Gaza City;Khan Younis;Jenin;Nablus;Hebron;Ashkelon;Eilat;Erbil;Kirkuk;Najaf;Karbala;Hormuz;Strait of Hormuz;
Bab el-Mandeb;Red Sea;Black Sea;Baltic Sea;South China Sea;East China Sea;Persian Gulf;Gulf of Aden;
Mediterranean;Arctic;Svalbard;Pituffik;Thule;Faroe Islands;Essequibo;Guayana Esequiba;Maracaibo;Caribbean;
Anchorage;Helsinki-Vantaa;Geneva;Istanbul;Alaska;Hawaii;Guam;Florida;Texas;California;Palm Beach;Balkans;
Caucasus;Horn of Africa;Middle East;Central Asia;Southeast Asia;Indo-Pacific;Latin America"""
