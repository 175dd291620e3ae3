#!/usr/bin/env python3
"""Build the fixed mix of 200 benchmark queries from a JSON Lines corpus.

    search-queries.py CORPUS [--seed 7] > queries.tsv

Each line is `query<TAB>filters`, filters in the API's names (`type=factsheet&theme=participatie`)
or empty. The mix: 60 one-word queries across common, middling and rare words (10 of them with a
typo), 40 two-word and 20 three-word queries of neighbouring words, 30 exact phrases, 20 prefixes,
and 30 queries with one or two facet filters. Deterministic for a given corpus and seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter

STOPWORDS = set("""aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon
kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te
tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich
zij zijn zo zonder zou""".split())
WORD = re.compile(r"[a-zà-ÿ]{4,}")
TYPES = ("publicatie", "factsheet", "praktijkvoorbeeld", "handreiking", "artikel", "nieuws", "onderzoek")
THEMES = ("nieuwe-migratie", "sociale-stabiliteit", "inclusie-toegankelijkheid", "participatie", "sociale-cohesie")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    counts: Counter[str] = Counter()
    sentences: list[list[str]] = []
    with open(args.corpus, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            item = json.loads(line)
            words = [w for w in WORD.findall((item["title"] + " " + item["body"]).lower())]
            counts.update(set(words))
            if number < 3000:
                sentences.extend(s for s in (WORD.findall(p.lower()) for p in item["body"].split(". ")) if len(s) >= 4)
    ranked = [w for w, _ in counts.most_common() if w not in STOPWORDS]
    common, middle, rare = ranked[:300], ranked[300:3000], ranked[3000:20000] or ranked[300:]

    def content(words: list[str]) -> list[str]:
        return [w for w in words if w not in STOPWORDS]

    def neighbours(n: int) -> str:
        while True:
            sentence = content(rng.choice(sentences))
            if len(sentence) >= n:
                start = rng.randrange(len(sentence) - n + 1)
                return " ".join(sentence[start:start + n])

    def typo(word: str) -> str:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:] if word[i] != word[i + 1] else word[:i] + word[i + 1:]

    queries: list[tuple[str, str]] = []
    queries += [(rng.choice(common), "") for _ in range(20)]
    queries += [(rng.choice(middle), "") for _ in range(20)]
    queries += [(rng.choice(rare), "") for _ in range(10)]
    queries += [(typo(rng.choice([w for w in middle if len(w) >= 6])), "") for _ in range(10)]
    queries += [(neighbours(2), "") for _ in range(40)]
    queries += [(neighbours(3), "") for _ in range(20)]
    queries += [('"' + " ".join(rng.choice(sentences)[i:i + 2]) + '"', "")
                for i in [0] * 30]
    queries += [(rng.choice(middle)[:5] + "*", "") for _ in range(20)]
    for _ in range(30):
        filters = [f"type={rng.choice(TYPES)}"] if rng.random() < 0.5 else [f"theme={rng.choice(THEMES)}"]
        if rng.random() < 0.3:
            filters.append(f"theme={rng.choice(THEMES)}")
        query = rng.choice(common + middle) if rng.random() < 0.6 else neighbours(2)
        queries.append((query, "&".join(filters)))
    assert len(queries) == 200, len(queries)
    for query, filters in queries:
        print(f"{query}\t{filters}")


if __name__ == "__main__":
    main()
