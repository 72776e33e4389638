"""Word lists the figure extractor leans on: currencies, units of measure, bound words, stop words.

Kept apart from :mod:`tui.extract.figures.extractor` so that the rules read as rules and the vocabulary can
grow without touching them. All keys are lower case unless a comment says otherwise.
"""

from __future__ import annotations

#: Currency written before the amount, as it appears in text (matched case-sensitively) -> ISO code.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "US $": "USD", "$US": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "HK $": "HKD", "HKD": "HKD", "S$": "SGD",
    "SGD": "SGD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "JPY": "JPY",
    "Y=": "JPY", "CNY": "CNY", "RMB": "CNY", "₹": "INR", "INR": "INR", "Rs.": "INR", "Rs": "INR",
    "PKR": "PKR", "RM": "MYR", "MYR": "MYR", "CHF": "CHF", "R$": "BRL", "₩": "KRW", "KRW": "KRW",
    "₦": "NGN", "NGN": "NGN", "ZAR": "ZAR", "₱": "PHP", "₽": "RUB", "SEK": "SEK", "NOK": "NOK",
    "DKK": "DKK", "ILS": "ILS", "₪": "ILS", "AED": "AED", "SAR": "SAR", "TRY": "TRY",
    # "£" turned into ASCII by unidecode-style cleaning, as some news feeds do ("PS2.7m").
    "PS": "GBP",
}
#: Currency prefixes that need a digit straight after them (no space), because as words they are
#: ordinary text ("Rs" aside, "RM" and "PS" are common abbreviations).
TIGHT_PREFIXES: frozenset[str] = frozenset({"RM", "PS", "Rs", "Y=", "R$", "S$", "A$", "C$"})

#: Currency words written after the amount -> ISO code. Words that also name other things
#: ("pounds" of weight, "won" the verb) are left out and kept as their own head noun.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP",
}

#: The units spelled "percent" in output.
PERCENT_WORDS: tuple[str, ...] = ("per cent", "percent", "pct", "%", "percentage")

#: Units of measure written after a number (case-sensitive keys: abbreviations differ by case).
#: Value is the unit as output, None to output the unit as written.
MEASURE_ABBREVIATIONS: dict[str, str | None] = {
    "km": None, "kms": "km", "m": "m", "cm": None, "mm": None, "nm": None, "μm": None, "µm": "μm",
    "mi": None, "ft": None, "in": None, "yd": None, "yds": "yd",
    "kg": None, "kgs": "kg", "g": None, "mg": None, "lb": None, "lbs": "lb", "oz": None, "t": None,
    "mph": None, "kph": None, "km/h": None, "kmh": "km/h", "m/s": None, "mpg": None, "rpm": None,
    "hp": None, "bhp": None, "HP": "hp", "PS": None, "kW": None, "KW": "kW", "MW": None,
    "GW": None, "W": None, "kWh": None, "MWh": None, "GWh": None, "TWh": None, "V": None,
    "kV": None, "mA": None, "mAh": None, "A": None, "Hz": None, "HZ": "Hz", "kHz": None,
    "MHz": None, "GHz": None, "Ghz": "GHz", "GB": None, "MB": None, "TB": None, "KB": None,
    "Gbps": None, "Mbps": None, "Nm": None, "lb-ft": None, "psi": None, "ksi": None, "MPa": None,
    "kPa": None, "dB": None, "ppm": None, "ppb": None, "sq ft": None, "sq m": None, "sqm": None,
    "sq km": None, "ml": None, "mL": "ml", "l": None, "L": "l", "cc": None, "C": "°C",
    "°C": None, "°F": None, "F": "°F", "K": None, "mmBTU": None, "bpd": None, "GT": None,
    "p": "pence", "c": "cents", "x": "times", "mpge": None, "m.p.h.": "mph",
}
#: Abbreviations that may follow the number with a space; the rest must be attached ("5kW"),
#: since as separate words they are too often something else ("5 A-levels", "2 C-sections").
SPACED_ABBREVIATIONS: frozenset[str] = frozenset({
    "km", "cm", "mm", "nm", "μm", "µm", "mi", "ft", "kg", "kgs", "mg", "lb", "lbs", "oz", "mph",
    "kph", "km/h", "kmh", "m/s", "mpg", "rpm", "hp", "bhp", "HP", "PS", "kW", "KW", "MW", "GW",
    "W", "kWh", "MWh", "GWh", "TWh", "kV", "mAh", "Hz", "HZ", "kHz", "MHz", "GHz", "Ghz", "GB",
    "MB", "TB", "Gbps", "Mbps", "Nm", "lb-ft", "psi", "ksi", "MPa", "kPa", "dB", "ppm", "ppb",
    "sq ft", "sq m", "sqm", "sq km", "ml", "mL", "cc", "°C", "°F", "mmBTU", "bpd", "m.p.h.",
    "yds", "yd", "mpge", "F", "C",
})

#: Units of measure spelled out (singular or plural). A number followed by one of these counts
#: it even when another noun follows ("an 80 yard touchdown", "a 550 megawatt plant").
MEASURE_WORDS: frozenset[str] = frozenset("""
mile miles kilometre kilometres kilometer kilometers metre metres meter meters centimetre
centimetres centimeter centimeters millimetre millimetres millimeter millimeters nanometre
nanometres nanometer nanometers micron microns inch inches foot feet yard yards acre acres
hectare hectares gram grams kilogram kilograms kilo kilos milligram milligrams tonne tonnes ton
tons pound-feet ounce ounces litre litres liter liters gallon gallons barrel barrels gigawatt
gigawatts megawatt megawatts kilowatt kilowatts watt watts volt volts amp amps horsepower
degree degrees decibel decibels calorie calories hertz knot knots bushel bushels carat carats
second seconds minute minutes hour hours day days week weeks month months year years decade
decades century centuries point points cent cents sen pence penny
""".split())
#: Units of time; durations are always given in the plural ("30 year rate" -> "years") so that the
#: singular "year" stays reserved for calendar years.
TIME_UNITS: dict[str, str] = {
    "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
    "month": "months", "year": "years", "decade": "decades", "century": "centuries",
    "sec": "seconds", "secs": "seconds", "min": "minutes", "mins": "minutes", "hr": "hours",
    "hrs": "hours", "yr": "years", "yrs": "years",
}

MONTHS: frozenset[str] = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

#: Words after which a four-digit number is a calendar year ("in 1947", "since 1960").
YEAR_PREPOSITIONS: frozenset[str] = frozenset("""
in since by until till from to of during before after between through circa early late mid and
or the fiscal fy year season class vintage spring summer autumn fall winter
""".split())

#: Bound words written before the number, longest first when matched. "=" is never listed.
BOUNDS_BEFORE: dict[str, str] = {
    "more than": ">", "over": ">", "above": ">", "at least": ">", "exceeding": ">",
    "in excess of": ">", "upwards of": ">", "upward of": ">", "north of": ">",
    "greater than": ">", "higher than": ">", "no fewer than": ">", "no less than": ">",
    "well over": ">", "just over": ">", "more than a": ">", "better than": ">",
    "a minimum of": ">", "minimum of": ">", "at minimum": ">", "beyond": ">",
    "less than": "<", "under": "<", "fewer than": "<", "below": "<", "up to": "<",
    "at most": "<", "no more than": "<", "as many as": "<", "as much as": "<",
    "lower than": "<", "just under": "<", "a maximum of": "<", "maximum of": "<",
    "shy of": "<", "short of": "<", "not more than": "<", "sub": "<", "sub-": "<",
    "about": "~", "around": "~", "approximately": "~", "approx.": "~", "approx": "~",
    "roughly": "~", "nearly": "~", "almost": "~", "some": "~", "an estimated": "~",
    "estimated": "~", "close to": "~", "circa": "~", "c.": "~", "~": "~", "near": "~",
    "nearly a": "~", "almost a": "~", "around a": "~", "about a": "~", "an approximate": "~",
    "more or less": "~", "or so": "~", "in the region of": "~", "the best part of": "~",
}
#: Bound words written after the number (and its unit).
BOUNDS_AFTER: dict[str, str] = {
    "or more": ">", "or above": ">", "and above": ">", "plus": ">", "or higher": ">",
    "and up": ">", "or less": "<", "or fewer": "<", "or below": "<", "and below": "<",
    "or under": "<", "or so": "~",
}

#: Words that end the noun phrase after a number; they are never its head.
STOP_WORDS: frozenset[str] = frozenset("""
of in on at for from to with by into onto over under across since during after before between
among amongst through than as like about against within without toward towards including per via
upon off out up down around along behind beyond near past whereas whilst while because although
though if unless until till so
the a an this that these those his her their its our my your who which whom whose what where when
why how it they he she we i you them him us me there here
and or but nor yet
is are was were be been being have has had do does did will would can could may might must shall
should am get gets got
not no never also already still just only then now ago later earlier each respectively apiece
more less most least higher lower up down away alone altogether total overall worldwide nationwide
globally annually old long wide tall high deep thick heavy tall
available left remaining apart instead too very even again back yesterday today tomorrow tonight
last next this every all both either neither some any many much few several such other another
said says say told according reported one thanks
""".split())
#: Words ending in -ly or -ed or -ing that are nouns and may head a phrase.
NOUN_EXCEPTIONS: frozenset[str] = frozenset("""
family families ally allies supply supplies assembly assemblies rally rallies anomaly anomalies
belly bellies lily fly flies bully italy july daily weekly monthly yearly quarterly
building buildings meeting meetings earnings savings holdings listings findings offering
offerings filing filings killing killings shooting shootings bombing bombings housing ring rings
king kings wing wings string strings thing things wedding weddings ceiling ceilings morning
mornings evening evenings dwelling dwellings sibling siblings seedling seedlings spring springs
recording recordings painting paintings setting settings opening openings hearing hearings
warning warnings sighting sightings crossing crossings landing landings posting postings
bed beds seed seeds need needs shed sheds speed speeds feed feeds breed breeds reed hundred
hundreds red weed weeds creed deed deeds
""".split())
#: Plurals without a final -s, so that the head noun is known to end there.
IRREGULAR_PLURALS: frozenset[str] = frozenset("""
people staff personnel police men women children feet teeth mice geese cattle crew deer sheep
fish aircraft data media yuan yen won rand baht personnel troops livestock offspring series
species headcount
""".split())
#: Nouns that name places; "two from Pakistan" does not count what "32 countries" counts.
PLACE_NOUNS: frozenset[str] = frozenset("""
countries nations states cities provinces regions continents districts towns villages territories
counties islands
""".split())
#: Nouns that do not make a figure worth showing on their own (idioms like "one day", "one way").
WEAK_HEADS: frozenset[str] = frozenset("""
another way thing things time times day point side hand hands half
""".split())
