"""Countries by ISO 3166-1 alpha-2 code: names, short forms and demonyms, as data.

One line a country: ``CODE|Name|other names and abbreviations;…|demonyms and adjectives;…``.
Used by entities.py to give entities a country ("Russian Defence Minister" → RU) and to merge
"U.S." with "United States". Add a spelling here, not in the code.
"""

from __future__ import annotations

_TABLE = """
AF|Afghanistan||Afghan;Afghans;Afghani
AL|Albania||Albanian;Albanians
DZ|Algeria||Algerian;Algerians
AO|Angola||Angolan;Angolans
AR|Argentina||Argentine;Argentinian;Argentines;Argentinians
AM|Armenia||Armenian;Armenians
AU|Australia||Australian;Australians
AT|Austria||Austrian;Austrians
AZ|Azerbaijan||Azerbaijani;Azeri;Azerbaijanis;Azeris
BH|Bahrain||Bahraini;Bahrainis
BD|Bangladesh||Bangladeshi;Bangladeshis
BY|Belarus||Belarusian;Belarusians
BE|Belgium||Belgian;Belgians
BJ|Benin||Beninese
BO|Bolivia||Bolivian;Bolivians
BA|Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians
BR|Brazil||Brazilian;Brazilians
BG|Bulgaria||Bulgarian;Bulgarians
BF|Burkina Faso||Burkinabe
BI|Burundi||Burundian;Burundians
KH|Cambodia||Cambodian;Cambodians
CM|Cameroon||Cameroonian;Cameroonians
CA|Canada||Canadian;Canadians
CF|Central African Republic||Central African
TD|Chad||Chadian;Chadians
CL|Chile||Chilean;Chileans
CN|China|People's Republic of China;PRC;Beijing|Chinese
CO|Colombia||Colombian;Colombians
CD|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|Congolese
CG|Republic of the Congo|Congo-Brazzaville|
CR|Costa Rica||Costa Rican;Costa Ricans
CI|Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Ivorian;Ivorians
HR|Croatia||Croatian;Croat;Croats;Croatians
CU|Cuba||Cuban;Cubans
CY|Cyprus||Cypriot;Cypriots
CZ|Czech Republic|Czechia|Czech;Czechs
DK|Denmark||Danish;Dane;Danes
DO|Dominican Republic||Dominican;Dominicans
EC|Ecuador||Ecuadorian;Ecuadorean;Ecuadorians
EG|Egypt||Egyptian;Egyptians
SV|El Salvador||Salvadoran;Salvadorans
ER|Eritrea||Eritrean;Eritreans
EE|Estonia||Estonian;Estonians
ET|Ethiopia||Ethiopian;Ethiopians
FI|Finland||Finnish;Finn;Finns
FR|France||French
GA|Gabon||Gabonese
GM|Gambia|The Gambia|Gambian;Gambians
GE|Georgia||Georgian;Georgians
DE|Germany||German;Germans
GH|Ghana||Ghanaian;Ghanaians
GR|Greece||Greek;Greeks
GT|Guatemala||Guatemalan;Guatemalans
GN|Guinea||Guinean;Guineans
HT|Haiti||Haitian;Haitians
HN|Honduras||Honduran;Hondurans
HU|Hungary||Hungarian;Hungarians
IS|Iceland||Icelandic;Icelanders
IN|India|New Delhi|Indian;Indians
ID|Indonesia||Indonesian;Indonesians
IR|Iran|Islamic Republic of Iran;Tehran|Iranian;Iranians
IQ|Iraq|Baghdad|Iraqi;Iraqis
IE|Ireland|Republic of Ireland|Irish
IL|Israel||Israeli;Israelis
IT|Italy||Italian;Italians
JM|Jamaica||Jamaican;Jamaicans
JP|Japan|Tokyo|Japanese
JO|Jordan||Jordanian;Jordanians
KZ|Kazakhstan||Kazakh;Kazakhs;Kazakhstani
KE|Kenya||Kenyan;Kenyans
KP|North Korea|Democratic People's Republic of Korea;DPRK;Pyongyang|North Korean;North Koreans
KR|South Korea|Republic of Korea;ROK;Seoul|South Korean;South Koreans
XK|Kosovo||Kosovar;Kosovars;Kosovan
KW|Kuwait||Kuwaiti;Kuwaitis
KG|Kyrgyzstan||Kyrgyz
LA|Laos||Laotian;Lao
LV|Latvia||Latvian;Latvians
LB|Lebanon||Lebanese
LR|Liberia||Liberian;Liberians
LY|Libya|Tripoli|Libyan;Libyans
LT|Lithuania||Lithuanian;Lithuanians
LU|Luxembourg||Luxembourgish;Luxembourger
MG|Madagascar||Malagasy
MW|Malawi||Malawian;Malawians
MY|Malaysia||Malaysian;Malaysians
ML|Mali||Malian;Malians
MT|Malta||Maltese
MR|Mauritania||Mauritanian;Mauritanians
MX|Mexico||Mexican;Mexicans
MD|Moldova||Moldovan;Moldovans
MN|Mongolia||Mongolian;Mongolians
ME|Montenegro||Montenegrin;Montenegrins
MA|Morocco||Moroccan;Moroccans
MZ|Mozambique||Mozambican;Mozambicans
MM|Myanmar|Burma|Burmese;Myanmarese
NA|Namibia||Namibian;Namibians
NP|Nepal||Nepali;Nepalese
NL|Netherlands|Holland;The Netherlands|Dutch
NZ|New Zealand||New Zealander;New Zealanders
NI|Nicaragua||Nicaraguan;Nicaraguans
NE|Niger||Nigerien;Nigeriens
NG|Nigeria||Nigerian;Nigerians
MK|North Macedonia|Macedonia|Macedonian;Macedonians
NO|Norway||Norwegian;Norwegians
OM|Oman||Omani;Omanis
PK|Pakistan|Islamabad|Pakistani;Pakistanis
PS|Palestine|Palestinian Territories;Gaza;West Bank|Palestinian;Palestinians
PA|Panama||Panamanian;Panamanians
PG|Papua New Guinea||Papua New Guinean
PY|Paraguay||Paraguayan;Paraguayans
PE|Peru||Peruvian;Peruvians
PH|Philippines|The Philippines;Manila|Philippine;Filipino;Filipinos
PL|Poland||Polish;Pole;Poles
PT|Portugal||Portuguese
QA|Qatar|Doha|Qatari;Qataris
RO|Romania||Romanian;Romanians
RU|Russia|Russian Federation;Moscow;Kremlin|Russian;Russians
RW|Rwanda||Rwandan;Rwandans
SA|Saudi Arabia|Riyadh;Saudi|Saudi;Saudis;Saudi Arabian
SN|Senegal||Senegalese
RS|Serbia|Belgrade|Serbian;Serb;Serbs;Serbians
SL|Sierra Leone||Sierra Leonean
SG|Singapore||Singaporean;Singaporeans
SK|Slovakia||Slovak;Slovaks;Slovakian
SI|Slovenia||Slovenian;Slovene;Slovenes
SO|Somalia|Mogadishu|Somali;Somalis
ZA|South Africa||South African;South Africans
SS|South Sudan||South Sudanese
ES|Spain||Spanish;Spaniard;Spaniards
LK|Sri Lanka||Sri Lankan;Sri Lankans
SD|Sudan|Khartoum|Sudanese
SE|Sweden||Swedish;Swede;Swedes
CH|Switzerland||Swiss
SY|Syria|Damascus|Syrian;Syrians
TW|Taiwan|Taipei|Taiwanese
TJ|Tajikistan||Tajik;Tajiks
TZ|Tanzania||Tanzanian;Tanzanians
TH|Thailand|Bangkok|Thai;Thais
TG|Togo||Togolese
TN|Tunisia||Tunisian;Tunisians
TR|Turkey|Türkiye;Turkiye;Ankara|Turkish;Turk;Turks
TM|Turkmenistan||Turkmen
UG|Uganda||Ugandan;Ugandans
UA|Ukraine|Kyiv;Kiev|Ukrainian;Ukrainians
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis
GB|United Kingdom|UK;U.K.;Britain;Great Britain;London|British;Briton;Britons
US|United States|U.S.;US;U.S.A.;USA;America;United States of America;Washington|American;Americans;U.S.
UY|Uruguay||Uruguayan;Uruguayans
UZ|Uzbekistan||Uzbek;Uzbeks
VE|Venezuela|Caracas|Venezuelan;Venezuelans
VN|Vietnam|Viet Nam;Hanoi|Vietnamese
YE|Yemen|Sanaa|Yemeni;Yemenis
ZM|Zambia||Zambian;Zambians
ZW|Zimbabwe||Zimbabwean;Zimbabweans
VA|Vatican City|Holy See;Vatican|Vatican
"""

#: names that stand for a country only as its government ("Washington said"); they give the
#: code but are never merged with the country's entity
CAPITALS = frozenset({"Beijing", "New Delhi", "Tehran", "Baghdad", "Tokyo", "Pyongyang", "Seoul",
                      "Tripoli", "Islamabad", "Manila", "Doha", "Moscow", "Kremlin", "Riyadh",
                      "Belgrade", "Mogadishu", "Khartoum", "Damascus", "Taipei", "Bangkok",
                      "Ankara", "Kyiv", "Kiev", "London", "Washington", "Caracas", "Hanoi",
                      "Sanaa", "Gaza", "West Bank"})


def _parse() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    by_name: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        code, name, others, demonyms = (line.split("|") + ["", "", ""])[:4]
        names[code] = name
        for n in [name, *filter(None, others.split(";"))]:
            by_name.setdefault(n.lower(), code)
        for d in filter(None, demonyms.split(";")):
            by_demonym.setdefault(d.lower(), code)
    return names, by_name, by_demonym


#: code → usual name; lower-cased name or alias → code; lower-cased demonym → code
NAMES, BY_NAME, BY_DEMONYM = _parse()
#: code → the spellings of the country itself (no capitals, no demonyms), longest first
FORMS: dict[str, list[str]] = {}
for _line in _TABLE.strip().splitlines():
    _code, _name, _others = _line.split("|")[:3]
    FORMS[_code] = sorted({_name, *(o for o in _others.split(";") if o and o not in CAPITALS)},
                          key=len, reverse=True)


def country_code(text: str) -> str | None:
    """The code of a country name, alias or demonym ("U.S.", "Russian", "North Korea's")."""
    t = text.strip().removesuffix("'s").removesuffix("’s").strip()
    low = t.lower()
    if low.startswith("the "):
        low = low[4:]
    return BY_NAME.get(low) or BY_DEMONYM.get(low)


def code_in(words: str) -> str | None:
    """The code of the first country word in a title ("North Korean leader" → KP)."""
    toks = words.replace("’", "'").split()
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            code = country_code(" ".join(toks[i:i + n]))
            if code:
                return code
    return None
