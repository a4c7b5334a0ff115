"""Where on the page a piece of text sits: title, headline, label line, body, comment section.

Scraped pages mix the article with headlines of other stories, navigation labels and reader
comments, sometimes glued into a paragraph ("... says Childs. Business What X's Firing Means for
the Future of Y Steven Levy Business ..."). Names found outside the body are only trusted when
the article body names them too (see entities.py). Pure Python: works on the processed text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.extract import shapes
from kg.extract.resources import name_span_words

TITLE, HEADLINE, LABEL, BODY, COMMENTS = "title", "headline", "label", "body", "comments"

_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_WORD_LIST = (
    "a an the of for and or nor but in on at to by with from as vs vs. via into onto over per than up out "
    "is are was were be its it his her their our your my this that these those"
)
_FUNCTION_WORDS = frozenset(_WORD_LIST.split())
_NAME_JOINERS = frozenset({"and", "or", "at", "of"})
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
# A run of this many capitalised words (function words may sit between them) inside a line of
# prose is a headline glued into the text, not a sentence.
RUN_MIN_CAPITALS = 6


def is_label_line(line: str) -> bool:
    """A short line without sentence punctuation: bylines, sources, buttons ("TechCrunch AI", "Reply")."""
    stripped = line.strip().lstrip("•·*-–— \t")
    words = _WORD.findall(stripped)
    return not words or (len(words) <= 4 and not _SENTENCE_END.search(stripped))


def is_headline_line(line: str) -> bool:
    """A line set in title case ("Anthropic Unveils Claude for Financial Services")."""
    stripped = line.strip().lstrip("•·*-–— \t")
    words = _WORD.findall(stripped)
    content = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    if capitalised / len(content) < 0.75 or len(content) - capitalised > 1:
        return False  # prose: lower-case verbs and nouns between the names
    # A line that ends like a sentence is prose full of names when it is long, or when a lower-case
    # word (its verb) stands between the names ("Zentrik acquired Quillbyte Systems in 2022."):
    # headlines set in sentence case carry no full stop.
    sentence = stripped.endswith(".") and not stripped.endswith("..")
    return not (sentence and (len(words) > 14 or capitalised < len(content)))


def title_case_runs(line: str, min_capitals: int = RUN_MIN_CAPITALS) -> list[tuple[int, int]]:
    """Character ranges of runs of capitalised words inside a line of prose.

    A word ending in a comma or full stop ends a run, so a list of names ("Google, Meta, ...")
    is not mistaken for a headline.
    """
    runs: list[tuple[int, int]] = []
    start = end = -1
    caps = 0
    need = min_capitals
    prev = before = ""
    opening = False  # the run opens a sentence and its second word is not read yet
    titles = 0  # job-title words in the run ("Chief Executive", "CTO")
    joiners_only = True  # no function words but "and"/"or"/"at"/"of" so far: maybe names in prose
    for m in re.finditer(r"\S+", line):
        word = m.group()
        core = word.strip("“”\"'‘’()[]")
        is_cap = bool(core) and core[0].isupper()
        # Numbers neither make nor break a run ("Gemini 2.5 Pro"); function words only continue one.
        is_func = core.casefold() in _FUNCTION_WORDS or core[:1].isdigit()
        # An acronym in brackets glosses the name before it ("Big Fund Associates (BFA) and ..."):
        # it continues a run without counting as one more capitalised word.
        gloss = word.startswith("(") and core.isupper() and start >= 0
        if is_cap or (is_func and start >= 0):
            if start < 0:
                start, caps, titles, joiners_only = m.start(), 0, 0, True
                # A run that starts inside a sentence, after a lower-case word, is names in prose
                # ("co-led by A B C and D E"): it needs more capitals to be a glued headline.
                # So does a job title right after a comma ("Ann Lee, Senior Vice President of Growth at
                # Acme Labs"): a title in apposition, not a headline.
                inside = prev[:1].islower() and prev[-1:].isalpha()
                titled = prev.endswith(",") and len(prev) > 1 and shapes.title_opening(core)
                need = min_capitals + 2 if inside or titled else min_capitals
                lead_ins = name_span_words("speaker_lead_ins")  # "says", "according to"
                if prev.casefold() in lead_ins or (prev == "to" and before.casefold() in lead_ins):
                    need = min_capitals + 4  # a speaker and their affiliation, not a headline
                # A sentence's first word is capitalised by grammar: it counts for no title case when
                # a lower-case word follows ("Founded by Ann Marie Lee (CEO) and Raj Patel (CTO) in").
                opening = not prev or prev[-1:] in ".!?:”\""
            elif opening:
                opening = False
                if not is_cap and word[:1].islower():
                    caps -= 1
            end = m.end()
            caps += is_cap and not gloss
            titles += is_cap and shapes.title_opening(core)
            joiner = not is_func or core.casefold() in _NAME_JOINERS or core[:1].isdigit()
            joiners_only = joiners_only and joiner and word[-1] not in "?!"
            # "?" and "!" do not end a run: glued headlines end in questions, and the byline after
            # one ("... Interim CEO? Jane Doe The ...") belongs to it.
            if word[-1] in ",.;:" and not re.fullmatch(r"(?:[A-Z]\.)+", core):
                if _headline_run(line, end, (caps, titles, need), joiners_only):
                    runs.append((start, end))
                start = -1
            before, prev = prev, word
            continue
        if start >= 0 and _headline_run(line, end, (caps, titles, need), joiners_only):
            runs.append((start, end))
        start = -1
        before, prev = prev, word
    if start >= 0 and _headline_run(line, end, (caps, titles, need), joiners_only):
        runs.append((start, end))
    return runs


def _headline_run(line: str, end: int, counts: tuple[int, int, int], joiners_only: bool) -> bool:
    """Enough capitals for a glued headline. People with job titles, joined only by "and", "or", "at"
    and "of", are prose where the sentence goes on in lower case after them ("Acme CEO Ann Lee and
    Borex Chief Executive Raj Patel met ..."): there the title words do not count and the run needs
    two more names. A list of speakers ("Ann Lee Chief Executive, Acme Labs Raj Patel ...") does not
    go on in lower case and stays furniture."""
    caps, titles, need = counts
    rest = line[end:].lstrip()
    goes_on = rest[:1].islower() or rest[:1] == "," or (not rest and line[:end].endswith("."))
    if joiners_only and titles and goes_on:
        return caps - titles >= need + 2
    return caps >= need


@dataclass(frozen=True)
class Layout:
    """Zones of the processed text; `zone(char)` answers for any character offset."""

    starts: tuple[int, ...]
    zones: tuple[str, ...]
    runs: tuple[tuple[int, int], ...] = ()  # headline runs inside body lines

    @classmethod
    def of(
        cls,
        text: str,
        body_offset: int = 0,
        comment_start: tuple[re.Pattern[str], ...] = (),
        comment_lines: tuple[re.Pattern[str], ...] = (),
    ) -> Layout:
        starts: list[int] = []
        zones: list[str] = []
        lines: list[str] = []
        runs: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            starts.append(pos)
            lines.append(line)
            if pos < body_offset:
                zones.append(TITLE)
            elif is_label_line(line):
                zones.append(LABEL)
            elif is_headline_line(line):
                zones.append(HEADLINE)
            else:
                zones.append(BODY)
                runs.extend((pos + a, pos + b) for a, b in title_case_runs(line))
            pos += len(line) + 1
        first = _comment_section_start(lines, comment_start, comment_lines)
        if first is not None:
            for i in range(first, len(zones)):
                if zones[i] != TITLE:
                    zones[i] = COMMENTS
        return cls(tuple(starts), tuple(zones), tuple(runs))

    def zone(self, char: int) -> str:
        i = bisect_right(self.starts, char) - 1
        zone = self.zones[max(i, 0)] if self.zones else BODY
        if zone == BODY and self.runs:
            j = bisect_right(self.runs, (char, 1 << 62)) - 1
            if j >= 0 and self.runs[j][0] <= char < self.runs[j][1]:
                return HEADLINE
        return zone


def _comment_section_start(
    lines: list[str], start: tuple[re.Pattern[str], ...], markers: tuple[re.Pattern[str], ...]
) -> int | None:
    """The line a reader-comment section begins at: a comment heading followed by comment markers
    ("3h ago", "Reply"), or else the line before the first of two such markers."""
    marker_lines = [i for i, line in enumerate(lines) if any(p.match(line.strip()) for p in markers)]
    if len(marker_lines) < 2:
        return None
    for i, line in enumerate(lines):
        if i < marker_lines[0] and any(p.match(line.strip()) for p in start) and marker_lines[0] - i <= 12:
            return i
    return max(marker_lines[0] - 1, 0)
