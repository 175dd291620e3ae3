#!/usr/bin/env python3
"""Build a deterministic benchmark corpus in the Kennisplatform JSON Lines exchange format.

    make-corpus.py --items N [--seed 42] [--output FILE] [--prose PATH]
    make-corpus.py --check FILE

Text comes from real Dutch prose (`<repo>/../shared/corpus/nl-prose.txt.gz`, see
`../shared/README.md`); the structure (types, themes, audiences, dates, authors, …) is
invented. The same arguments always give the same bytes: one `random.Random(seed)` drives
everything and no set or hash order is involved.

`--check FILE` validates any JSON Lines file (`-` for stdin) against the exchange rules and
exits non-zero when an item breaks one. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PROSE = REPO_ROOT.parent / "shared" / "corpus" / "nl-prose.txt.gz"

# --- Exchange format ------------------------------------------------------------------------

TYPES = (
    "publicatie", "factsheet", "praktijkvoorbeeld", "handreiking", "interventie",
    "onderzoek", "artikel", "nieuws", "evenement", "vraag-en-antwoord",
)
THEMES = (
    "nieuwe-migratie", "sociale-stabiliteit", "inclusie-toegankelijkheid", "participatie",
    "sociale-cohesie",
)
AUDIENCES = (
    "professionals", "gemeenten", "rijksoverheid", "werkgevers", "wetenschap", "media",
    "maatschappelijke-organisaties",
)
KNOWLEDGE = ("praktijk", "implementatie", "onderzoek", "beleid")
RECOGNITION = ("goed-beschreven", "goed-onderbouwd", "effectief")

COMMON_KEYS = (
    "slug", "type", "title", "summary", "body", "themes", "audiences", "knowledge",
    "published", "authors",
)
EXTRA_KEYS = {"interventie": ("recognition",), "evenement": ("start", "end", "location")}

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")

MAX_SLUG, MAX_TITLE, MAX_SUMMARY, MAX_LOCATION = 120, 200, 600, 300

# --- Generation parameters ------------------------------------------------------------------

TYPE_WEIGHTS = {
    "publicatie": 10, "factsheet": 7, "praktijkvoorbeeld": 12, "handreiking": 8,
    "interventie": 9, "onderzoek": 9, "artikel": 18, "nieuws": 14, "evenement": 8,
    "vraag-en-antwoord": 5,
}
# The knowledge kind leans on the type, so filters over both give uneven, realistic counts.
KNOWLEDGE_BIAS = {"onderzoek": "onderzoek", "handreiking": "implementatie",
                  "praktijkvoorbeeld": "praktijk", "interventie": "praktijk", "publicatie": "beleid"}
PUBLISHED_FIRST = dt.date(2015, 1, 1)
PUBLISHED_LAST = dt.date(2026, 11, 28)

FIRST_NAMES = ("Anouk", "Bram", "Charlotte", "Daan", "Esra", "Femke", "Gijs", "Hatice",
               "Inge", "Jeroen", "Karim", "Lotte", "Mohammed", "Noor", "Pieter", "Sanne")
LAST_NAMES = ("de Vries", "Bakker", "van Dijk", "Jansen", "El Amrani", "Visser", "Smit",
              "Yilmaz", "de Boer", "Mulder", "van den Berg", "Kok")
# A small, fixed list of invented people (plus two organisations as authors).
AUTHORS = tuple(f"{FIRST_NAMES[i]} {LAST_NAMES[(i * 5) % len(LAST_NAMES)]}"
                for i in range(len(FIRST_NAMES))) + ("Redactie Kennisplatform", "Team Onderzoek")

CITIES = ("Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Zwolle", "Eindhoven", "Groningen",
          "Arnhem", "Maastricht", "Leeuwarden")
VENUES = ("Stadskantoor, zaal 3", "Wijkcentrum De Ontmoeting", "Bibliotheek, Forum",
          "Congrescentrum Het Plein", "Buurthuis De Brug", "Provinciehuis, Statenzaal")

# Characters that would turn prose into Markdown syntax, HTML or odd URLs; sentences with any
# of them are left out so that every body renders predictably.
UNWANTED = re.compile(r"[*_`#<>\[\]{}|\\~^=@$%&+]|https?:|www\.|\.\.|\s-\s*$")
ALLOWED_CHARS = re.compile(r"[\u0020-\u007e\u00a0-\u024f\u2018\u2019\u201c\u201d\u2013\u2014\u2026]+")


def load_sentences(prose: Path) -> list[str]:
    """Real sentences from the prose file: capitalised, 5–40 words, clean characters, deduplicated."""
    with gzip.open(prose, "rt", encoding="utf-8") as handle:
        text = unicodedata.normalize("NFC", handle.read())
    splitter = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd\"'‘“(])")
    seen: dict[str, None] = {}
    for line in text.split("\n"):
        line = " ".join(line.split())
        if len(line) < 25:
            continue
        for sentence in splitter.split(line):
            words = sentence.split(" ")
            if not (5 <= len(words) <= 40):
                continue
            if not (sentence[0].isupper() and sentence[-1] in ".!?" and sentence[-2].isalpha()):
                continue
            if UNWANTED.search(sentence) or not ALLOWED_CHARS.fullmatch(sentence):
                continue
            if sentence.count("(") != sentence.count(")") or sentence.count('"') % 2:
                continue
            seen[sentence] = None
    sentences = list(seen)
    if len(sentences) < 1000:
        raise SystemExit(f"make-corpus: only {len(sentences)} usable sentences in {prose}")
    return sentences


def trim_words(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut `text` at a word boundary so that it is at most `limit` UTF-8 bytes.

    Bytes, not characters: that keeps the result within the limit however the reader counts
    (UTF-8 bytes ≥ Unicode scalars ≥ grapheme clusters).
    """
    if len(text.encode("utf-8")) <= limit:
        return text
    room = limit - len(ellipsis.encode("utf-8"))
    cut = text.encode("utf-8")[: room + 1].decode("utf-8", "ignore")
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[:room]
    return cut.rstrip(" ,;:–—-(") + ellipsis


def slugify(text: str, limit: int = 100) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit]
        slug = slug[: slug.rfind("-")] if "-" in slug else slug
    return slug or "item"


def amsterdam_offset(day: dt.date) -> str:
    """UTC offset in Europe/Amsterdam at daytime on `day` (EU rule: summer time from the last
    Sunday of March to the last Sunday of October)."""
    def last_sunday(month: int) -> dt.date:
        last = dt.date(day.year, month, 31)
        return last - dt.timedelta(days=(last.weekday() + 1) % 7)
    return "+02:00" if last_sunday(3) <= day < last_sunday(10) else "+01:00"


class Generator:
    def __init__(self, sentences: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.sentences = sentences
        self.word_counts = [s.count(" ") + 1 for s in sentences]
        self.titles = [i for i, s in enumerate(sentences) if "(" not in s and '"' not in s]
        self.short = [i for i in self.titles if self.word_counts[i] <= 14]
        self.type_names = list(TYPE_WEIGHTS)
        self.type_cum = list(_accumulate(TYPE_WEIGHTS.values()))
        self.published_span = (PUBLISHED_LAST - PUBLISHED_FIRST).days

    def title(self) -> str:
        return trim_words(self._opening(self.titles, 4, 10), MAX_TITLE)

    def _opening(self, pool: list[int], low: int, high: int) -> str:
        """The first `low`–`high` words of a random sentence from `pool`, capitalised, without
        end punctuation and not ending on a dangling short word such as "de" or "van"."""
        words = self.sentences[self.rng.choice(pool)].split(" ")
        words = words[: self.rng.randint(low, high)]
        while len(words) > low and len(words[-1].strip(",;:.!?")) <= 3:
            words.pop()
        text = " ".join(words).rstrip(",;:.!?–—- ")
        return text[0].upper() + text[1:]

    def summary(self) -> str:
        start = self.rng.randrange(len(self.sentences))
        parts = [self.sentences[(start + k) % len(self.sentences)]
                 for k in range(self.rng.randint(1, 3))]
        return trim_words(" ".join(parts), MAX_SUMMARY)

    def phrase(self, low: int, high: int) -> str:
        return self._opening(self.short, low, high)

    def body(self) -> str:
        """150–800 words in 2–6 paragraphs, sometimes a `## ` subheading, sometimes a list."""
        rng = self.rng
        for _ in range(20):
            target = rng.randint(150, 800)
            paragraphs = rng.randint(2, 6)
            heading_before = rng.randint(1, paragraphs - 1) if rng.random() < 0.45 else None
            list_after = rng.randrange(paragraphs) if rng.random() < 0.35 else None
            heading = self.phrase(2, 6) if heading_before is not None else ""
            items = ([self.phrase(3, 9) for _ in range(rng.randint(3, 6))]
                     if list_after is not None else [])
            # Count words as `str.split` does on the whole body, Markdown markers included.
            extra = (_words(heading) + 1 if heading else 0) + sum(_words(item) + 1 for item in items)
            budget = max(target - extra, 100)
            cursor = rng.randrange(len(self.sentences))
            blocks: list[str] = []
            total = extra
            for index in range(paragraphs):
                if index == heading_before:
                    blocks.append("## " + heading)
                share = budget // paragraphs
                chosen: list[str] = []
                size = 0
                while size < share or not chosen:
                    n = self.word_counts[cursor]
                    if total + n > 800:
                        break
                    chosen.append(self.sentences[cursor])
                    size += n
                    total += n
                    cursor = (cursor + 1) % len(self.sentences)
                if not chosen:
                    break
                blocks.append(" ".join(chosen))
                if index == list_after:
                    blocks.append("\n".join("- " + item for item in items))
            else:
                if 150 <= total <= 800:
                    return "\n\n".join(blocks)
        raise RuntimeError("could not build a body of 150–800 words")

    def item(self, number: int) -> dict[str, object]:
        rng = self.rng
        kind = rng.choices(self.type_names, cum_weights=self.type_cum)[0]
        title = self.title()
        summary = self.summary()
        body = self.body()
        themes = sorted(rng.sample(range(len(THEMES)), rng.choices((1, 2, 3), (5, 3, 2))[0]))
        audiences = sorted(rng.sample(range(len(AUDIENCES)), rng.choices((0, 1, 2, 3, 4), (1, 4, 3, 2, 1))[0]))
        bias = KNOWLEDGE_BIAS.get(kind)
        knowledge = bias if bias and rng.random() < 0.6 else rng.choice(KNOWLEDGE)
        published = PUBLISHED_FIRST + dt.timedelta(days=rng.randint(0, self.published_span))
        authors = rng.sample(AUTHORS, rng.choices((0, 1, 2, 3), (1, 10, 5, 2))[0])
        item: dict[str, object] = {
            "slug": f"{slugify(title)}-{number}",
            "type": kind,
            "title": title,
            "summary": summary,
            "body": body,
            "themes": [THEMES[i] for i in themes],
            "audiences": [AUDIENCES[i] for i in audiences],
            "knowledge": knowledge,
            "published": published.isoformat(),
            "authors": authors,
        }
        if kind == "interventie":
            item["recognition"] = rng.choices(RECOGNITION, (5, 3, 2))[0]
        elif kind == "evenement":
            day = published + dt.timedelta(days=rng.randint(7, 180))
            start = dt.datetime.combine(day, dt.time(rng.choice((9, 10, 13, 14, 15, 19)), rng.choice((0, 30))))
            shape = rng.random()
            if shape < 0.7:
                end = start + dt.timedelta(minutes=rng.choice((60, 90, 120, 180, 240)))
            elif shape < 0.9:
                end = start.replace(hour=17, minute=0) if start.hour < 15 else start + dt.timedelta(hours=2)
            else:
                end = (start + dt.timedelta(days=rng.randint(1, 2))).replace(hour=16, minute=30)
            item["start"] = start.isoformat() + amsterdam_offset(start.date())
            item["end"] = end.isoformat() + amsterdam_offset(end.date())
            item["location"] = ("Online" if rng.random() < 0.15
                                else f"{rng.choice(VENUES)}, {rng.choice(CITIES)}")
        return item


def _accumulate(values):
    total = 0
    for value in values:
        total += value
        yield total


def _words(text: str) -> int:
    return len(text.split())


def generate(args: argparse.Namespace) -> int:
    started = time.monotonic()
    sentences = load_sentences(args.prose)
    generator = Generator(sentences, args.seed)
    out = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else sys.stdout
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    written = 0
    try:
        chunk: list[str] = []
        for number in range(1, args.items + 1):
            chunk.append(encode(generator.item(number)))
            if len(chunk) == 1000:
                out.write("\n".join(chunk) + "\n")
                chunk.clear()
            written = number
        if chunk:
            out.write("\n".join(chunk) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    elapsed = time.monotonic() - started
    target = args.output or "stdout"
    print(f"make-corpus: {written} items from {len(sentences)} sentences (seed {args.seed}) "
          f"to {target} in {elapsed:.1f}s", file=sys.stderr)
    return 0


# --- Validation -----------------------------------------------------------------------------

def validate(item: object, seen_slugs: set[str]) -> list[str]:
    """Every broken rule of one exchange item, as messages."""
    if not isinstance(item, dict):
        return ["not a JSON object"]
    errors: list[str] = []
    kind = item.get("type")
    if kind not in TYPES:
        errors.append(f"type {kind!r} is not one of {', '.join(TYPES)}")
        expected = None
    else:
        expected = COMMON_KEYS + EXTRA_KEYS.get(kind, ())
    if expected is not None and tuple(item) != expected:
        errors.append(f"keys {list(item)} are not exactly {list(expected)} in that order")

    def text(key: str, limit: int | None, required: bool = True) -> str | None:
        value = item.get(key)
        if not isinstance(value, str):
            errors.append(f"{key} is not a string")
            return None
        if limit is not None and len(value) > limit:
            errors.append(f"{key} has {len(value)} characters (at most {limit})")
        if required and not value.strip():
            errors.append(f"{key} is empty")
        if unicodedata.normalize("NFC", value) != value:
            errors.append(f"{key} is not in Unicode NFC")
        return value

    slug = text("slug", MAX_SLUG)
    if slug is not None:
        if not SLUG_RE.fullmatch(slug):
            errors.append(f"slug {slug!r} does not match ^[a-z0-9]+(-[a-z0-9]+)*$")
        elif slug in seen_slugs:
            errors.append(f"slug {slug!r} is not unique")
        seen_slugs.add(slug)
    for key, limit in (("title", MAX_TITLE), ("summary", MAX_SUMMARY)):
        value = text(key, limit)
        if value is not None and CONTROL_RE.search(value):
            errors.append(f"{key} contains a control character or line break")
    text("body", None)

    def vocabulary(key: str, allowed: tuple[str, ...], low: int, high: int) -> None:
        values = item.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            errors.append(f"{key} is not a list of strings")
            return
        if not low <= len(values) <= high:
            errors.append(f"{key} has {len(values)} entries ({low}–{high} allowed)")
        if len(set(values)) != len(values):
            errors.append(f"{key} repeats an entry")
        for value in values:
            if value not in allowed:
                errors.append(f"{key} entry {value!r} is not one of {', '.join(allowed)}")

    vocabulary("themes", THEMES, 1, 3)
    vocabulary("audiences", AUDIENCES, 0, 4)
    if item.get("knowledge") not in KNOWLEDGE:
        errors.append(f"knowledge {item.get('knowledge')!r} is not one of {', '.join(KNOWLEDGE)}")
    published = item.get("published")
    if not isinstance(published, str) or not DATE_RE.fullmatch(published) or not _date(published):
        errors.append(f"published {published!r} is not a YYYY-MM-DD date")
    authors = item.get("authors")
    if not isinstance(authors, list) or not all(isinstance(a, str) and a.strip() for a in authors):
        errors.append("authors is not a list of non-empty strings")

    if kind == "interventie" and item.get("recognition") not in RECOGNITION:
        errors.append(f"recognition {item.get('recognition')!r} is not one of {', '.join(RECOGNITION)}")
    if kind == "evenement":
        moments = []
        for key in ("start", "end"):
            value = item.get(key)
            moment = _datetime(value) if isinstance(value, str) and DATETIME_RE.fullmatch(value) else None
            if moment is None:
                errors.append(f"{key} {value!r} is not an ISO 8601 date-time with offset")
            moments.append(moment)
        if None not in moments and moments[1] < moments[0]:
            errors.append(f"end {item['end']} is before start {item['start']}")
        location = text("location", MAX_LOCATION)
        if location is not None and CONTROL_RE.search(location):
            errors.append("location contains a control character or line break")
    return errors


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _datetime(value: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


def check(path: str, max_reported: int = 20) -> int:
    started = time.monotonic()
    handle = sys.stdin.buffer if path == "-" else open(path, "rb")
    seen: set[str] = set()
    items = broken = 0
    body_words = [10**9, 0]
    types: dict[str, int] = {}
    with handle:
        for number, raw in enumerate(handle, start=1):
            problems: list[str]
            try:
                line = raw.decode("utf-8")
                if not line.endswith("\n"):
                    raise ValueError("the last line has no line break")
                item = json.loads(line)
                problems = validate(item, seen)
            except (UnicodeDecodeError, ValueError) as error:
                problems, item = [f"not a JSON line: {error}"], None
            items += 1
            if isinstance(item, dict):
                kind = str(item.get("type"))
                types[kind] = types.get(kind, 0) + 1
                if isinstance(item.get("body"), str):
                    words = len(item["body"].split())
                    body_words = [min(body_words[0], words), max(body_words[1], words)]
            if problems:
                broken += 1
                if broken <= max_reported:
                    for problem in problems:
                        print(f"{path}:{number}: {problem}", file=sys.stderr)
    elapsed = time.monotonic() - started
    if items == 0:
        print(f"check: {path} has no items", file=sys.stderr)
        return 1
    if broken:
        print(f"check: {broken} of {items} items in {path} break the exchange rules", file=sys.stderr)
        return 1
    mix = ", ".join(f"{k} {v}" for k, v in sorted(types.items()))
    print(f"check: {items} items valid in {elapsed:.1f}s (body {body_words[0]}–{body_words[1]} "
          f"words; {mix})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, help="number of items to generate")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--output", help="output file (default stdout)")
    parser.add_argument("--prose", type=Path, default=DEFAULT_PROSE,
                        help=f"gzipped Dutch prose (default {DEFAULT_PROSE})")
    parser.add_argument("--check", metavar="FILE", help="validate a JSON Lines file ('-' for stdin) and exit")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.check)
    if args.items is None or args.items < 1:
        parser.error("--items N (N ≥ 1) or --check FILE is required")
    if not args.prose.is_file():
        parser.error(f"prose file not found: {args.prose}")
    return generate(args)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `make-corpus.py --items 10 | head -1`
        sys.stderr.close()
        sys.exit(1)
