"""Plain-string helpers for entity names: cleaning, matching keys, handles, versions.

No spaCy here, so every rule can be tested on strings alone.
"""

from __future__ import annotations

import re
import unicodedata

from kg.extract.resources import EntityRules

_POSSESSIVE = re.compile(r"['’]s?$")
_EDGE_JUNK = " \t\r\n\"'“”‘’«»()[]{}<>•·*|,;:!?–—-_/\\"
# Version tokens: "4", "4.5", "2.0", "4o", "3B", "70B", "v2", "V3"; not years, which date things.
_VERSION = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BbMmKk]|[vV]\d+(?:\.\d+)*)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A name with its version glued on: "GPT-4o", "Qwen2.5", "Llama-2", "Phi-3", "Grok-1.5".
_GLUED_VERSION = re.compile(r"^(?P<family>[A-Za-z][A-Za-z]+?)-?(?P<version>\d+(?:\.\d+)*[a-z]?)$")
CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "&",
        "de",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "da",
        "du",
        "di",
        "al",
        "bin",
        "ibn",
        "el",
        "the",
        "on",
        "in",
        "y",
        "e",
    }
)


def fold(text: str) -> str:
    """NFKC, curly quotes straightened, accents kept: the form names are compared in."""
    return unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")


def strip_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name.rstrip()) if re.search(r"\w['’]s?$", name.rstrip()) else name


def clean_name(name: str, keep_the: bool = False) -> str:
    """A surface form as an entity name: no possessive, no leading 'The', no edge punctuation."""
    s = " ".join(name.split())
    s = s.strip(_EDGE_JUNK)
    s = strip_possessive(s).strip(_EDGE_JUNK)
    s = _strip_final_stop(s)
    if not keep_the:
        s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    return s


def _strip_final_stop(name: str) -> str:
    """'NVLink-C2C.' at the end of a sentence -> 'NVLink-C2C'; abbreviations keep their dot
    ('Inc.', 'Corp.', 'Jr.', 'U.S.'): only a word of five or more characters, or one with a digit
    or an inner capital, loses it."""
    if not name.endswith(".") or name.endswith(".."):
        return name
    last = name.split()[-1][:-1]
    if "." in last or not last:
        return name
    if len(last) >= 5 or any(ch.isdigit() for ch in last) or any(ch.isupper() for ch in last[1:]):
        return name[:-1]
    return name


def name_key(name: str) -> str:
    """The key names are grouped by within a document: case, quotes, 'The', possessive, punctuation."""
    s = fold(name).casefold().strip()
    s = re.sub(r"'s?$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.sub(r"[^\w.+&]+", " ", s).replace(".", " ").split())


def slug(name: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", fold(name)) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s.casefold()).strip("-")


def camel_humps(word: str) -> int:
    """How many times a lower-case letter is followed by a capital ("OpenAI" 1, "MasterChuTheOld" 3)."""
    return len(re.findall(r"[a-z][A-Z]", word))


def is_handle(name: str, rules: EntityRules) -> bool:
    """Commenter handles, hashtags, user ids and run-together camel-case strings."""
    for word in name.split():
        if any(p.search(word) for p in rules.handle_patterns):
            return True
        if camel_humps(word) >= rules.camel_hump_limit:
            return True
    return False


def is_version_token(text: str) -> bool:
    """'4', '2.5', '4o', '70B', 'v2'; not years, nor bare numbers of 100 and more ('Fortune 500')."""
    if text.isdigit() and int(text) >= 100:
        return False
    if text.endswith(".") and text[-2:-1].isupper():
        text = text[:-1]  # "7B." kept the sentence's full stop (the tokenizer splits it after digits only)
    return bool(_VERSION.match(text)) and not _YEAR.match(text)


def split_glued_version(word: str) -> tuple[str, str] | None:
    """("GPT", "4o") for "GPT-4o", ("Qwen", "2.5") for "Qwen2.5"; None for other words.

    Without a hyphen or a dotted number the digits are part of the name ("Log4j", "FP8", "G42"),
    except after an all-capital family of three letters or more ("GPT4").
    """
    m = _GLUED_VERSION.match(word)
    if not m or _YEAR.match(m.group("version")):
        return None
    family, version = m.group("family"), m.group("version")
    if len(family) < 2 or (family.isupper() and len(family) == 2):
        return None  # "G42", "M2", "CS-2": a letter or two and a number is a model number, not a version
    hyphen = word[len(family)] == "-"
    if not (hyphen or "." in version or (family.isupper() and len(family) >= 3)):
        return None
    return family, version


def is_capitalised(word: str) -> bool:
    """Starts with a capital or a digit, or is a known lower-case-initial brand shape ("iPhone", "xAI")."""
    if not word:
        return False
    if word[0].isupper() or word[0].isdigit():
        return True
    return len(word) > 1 and word[0].islower() and any(c.isupper() for c in word[1:])


def looks_like_person_name(words: list[str]) -> bool:
    """Two to four capitalised alphabetic words ("Sean O'Kane", "Fei-Fei Li", "Ursula von der Leyen")."""
    core = [w for w in words if w.casefold() not in CONNECTORS]
    if not 2 <= len(core) <= 4:
        return False
    for w in core:
        letters = w.replace("'", "").replace("’", "").replace("-", "").replace(".", "")
        if not letters.isalpha() or not w[0].isupper():
            return False
        if w.isupper() and len(w) > 2:  # "IBM Watson" is no person
            return False
    return True


def all_generic(words: list[str], rules: EntityRules) -> bool:
    """Every word is a generic word or connector ("Industry News", "Wealth Management")."""
    content = [w for w in words if w.casefold() not in CONNECTORS]
    return bool(content) and all(w.casefold() in rules.generic_words for w in content)


def is_never_entity(name: str, rules: EntityRules) -> bool:
    key = fold(name).casefold()
    return key in rules.never_entities or key in rules.furniture


def is_never_word(word: str, rules: EntityRules) -> bool:
    """`is_never_entity` for one word of a longer name, where an acronym counts only in capitals:
    "SIM" is a term, but "Sim" in "the Isaac Sim platform" is part of a name."""
    if fold(word).casefold() in rules.never_acronyms and not word.isupper():
        return False
    return is_never_entity(word, rules)


def squash(name: str) -> str:
    """A name without case, spaces, hyphens or dots: 'DALL-E 2' and 'DALLE-2' are 'dalle2'."""
    return re.sub(r"[\W_]+", "", fold(name).casefold())


def _one_edit(a: str, b: str, swap_digits: bool) -> bool:
    """One adjacent transposition ('Pheonix'/'Phoenix', words of 4+), or one letter inserted, dropped
    or replaced (words of 6+ letters, never the first letter nor a final plural 's')."""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        pair = a[diff[0] : diff[0] + 2] if diff else ""
        if len(diff) == 2 and diff[1] == diff[0] + 1 and pair[::-1] == b[diff[0] : diff[0] + 2]:
            return len(a) >= 4 and (swap_digits or not any(ch.isdigit() for ch in pair))
        return (
            len(diff) == 1
            and diff[0] > 0
            and len(a) >= 6
            and a[diff[0]].isalpha()
            and b[diff[0]].isalpha()
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1 or len(short) < 6:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    if i == 0 or not long_[i].isalpha() or (i == len(short) and long_[i] == "s"):
        return False
    return short[i:] == long_[i + 1 :]


def is_spelling_variant(a: str, b: str, swap_digits: bool = False) -> bool:
    """Two writings of one name: 'DALLE-2' / 'DALL-E 2' (hyphens, spaces, case), 'AI12 Labs' /
    'AI21 Labs' (one transposition; digits only with `swap_digits`, never for versions), 'Cereabras' /
    'Cerebras' (one letter in a long word). Numbers never differ otherwise: 'GPT-4' is not 'GPT-3'."""
    if a == b:
        return False
    if squash(a) == squash(b):
        return bool(squash(a))
    wa, wb = name_key(a).replace("-", " ").split(), name_key(b).replace("-", " ").split()
    if len(wa) != len(wb):
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return len(diff) == 1 and _one_edit(diff[0][0], diff[0][1], swap_digits)
