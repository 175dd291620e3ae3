#!/usr/bin/env bash
# Checks the `kennis` binary as an operator uses it: migrate, import (valid, invalid, again), export round trip,
# the stemmer against the reference, search and synonyms.
# Usage: scripts/cli-test.sh PATH-TO-KENNIS
set -uo pipefail
kennis="${1:?usage: cli-test.sh PATH-TO-KENNIS}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$root/scripts/lib/check.sh"
db() { echo "sqlite:$work/$1.sqlite"; }

check "migrate creates the schema, and a second run has nothing to do" \
    bash -c "KENNIS_DATABASE=$(db a) '$kennis' migrate | grep -q 'applied migrations 1, 2' && KENNIS_DATABASE=$(db a) '$kennis' migrate | grep -q 'up to date'"
check "the demo content imports" \
    bash -c "KENNIS_DATABASE=$(db a) '$kennis' import '$root/demo/kennisbank.jsonl' | grep -q '^Imported'"
check "export → import into an empty database → export is byte-identical" \
    bash -c "KENNIS_DATABASE=$(db a) '$kennis' export > '$work/first.jsonl' &&
             KENNIS_DATABASE=$(db b) '$kennis' import '$work/first.jsonl' >/dev/null &&
             KENNIS_DATABASE=$(db b) '$kennis' export --output '$work/second.jsonl' 2>/dev/null &&
             test -s '$work/first.jsonl' && cmp '$work/first.jsonl' '$work/second.jsonl'"
check "re-importing the same file is idempotent" \
    bash -c "KENNIS_DATABASE=$(db b) '$kennis' import '$work/first.jsonl' | grep -q '0 new, 0 updated, [0-9]* unchanged' &&
             KENNIS_DATABASE=$(db b) '$kennis' export | cmp - '$work/first.jsonl'"
head -n 3 "$root/demo/kennisbank.jsonl" > "$work/bad.jsonl"
echo '{"slug": "kapot", "type": "blog"' >> "$work/bad.jsonl"
sed -n 4p "$root/demo/kennisbank.jsonl" | sed 's/"themes": *\["[a-z-]*"/"themes": ["bestaat-niet"/' >> "$work/bad.jsonl"
check "an invalid file is refused with file, line and field, and nothing is written" \
    bash -c "! KENNIS_DATABASE=$(db c) '$kennis' import '$work/bad.jsonl' 2> '$work/err' &&
             grep -q 'bad.jsonl:4: malformed JSON' '$work/err' &&
             grep -q \"bad.jsonl:5: field 'themes\[0\]': unknown value 'bestaat-niet'\" '$work/err' &&
             grep -q 'nothing was imported' '$work/err' &&
             test -z \"\$(KENNIS_DATABASE=$(db c) '$kennis' export)\""
check "kennis stem reproduces the Snowball reference of 30,000 words" \
    bash -c "cut -f1 '$root/../shared/search/dutch-stems.tsv' | '$kennis' stem | cmp - '$root/../shared/search/dutch-stems.tsv'"
check "search finds the demo by an inflection, and suggests a correction for a typo" \
    bash -c "KENNIS_DATABASE=$(db a) '$kennis' search query 'vluchteling' | grep -qE '^[1-9][0-9]* results? for' &&
             KENNIS_DATABASE=$(db a) '$kennis' search query 'vluchtelingn' | grep -q '^Did you mean: vluchteling'"
check "synonyms are added, used by search, and removed; an unknown word is a clear error" \
    bash -c "KENNIS_DATABASE=$(db a) '$kennis' synonyms add buurtbewoner wijkbewoner | grep -q 'buurtbewoner = wijkbewoner' &&
             KENNIS_DATABASE=$(db a) '$kennis' synonyms list | grep -q 'statushouder = vergunninghouder' &&
             KENNIS_DATABASE=$(db a) '$kennis' synonyms remove wijkbewoner | grep -q 'Removed' &&
             ! KENNIS_DATABASE=$(db a) '$kennis' synonyms remove wijkbewoner 2> '$work/err' && grep -q 'is in no synonym group' '$work/err'"
check "on a first start without an administrator, the log says how to create one" \
    bash -c "KENNIS_DATABASE=$(db v) timeout 6 '$kennis' serve --port \$((20000 + RANDOM % 20000)) 2> '$work/serve.log'; grep -q 'kennis user add --email you@example.nl' '$work/serve.log'"
check "kennis user: add with --password-stdin, list, change the password" \
    bash -c "echo 'een lang wachtwoord 1' | KENNIS_DATABASE=$(db u) '$kennis' user add --email An@Example.nl --name 'An de Vries' --role redacteur,beheerder --password-stdin | grep -q 'Created an@example.nl with roles beheerder, redacteur' &&
             KENNIS_DATABASE=$(db u) '$kennis' user list | grep -q 'an@example.nl	An de Vries	beheerder,redacteur' &&
             echo 'een ander lang wachtwoord' | KENNIS_DATABASE=$(db u) '$kennis' user passwd --email an@example.nl --password-stdin | grep -q 'changed'"
check "kennis user: a short password, an unknown role or a taken address is refused with the field named" \
    bash -c "! echo kort | KENNIS_DATABASE=$(db u) '$kennis' user add --email b@example.nl --role redacteur --password-stdin 2> '$work/err' &&
             grep -q 'password: is too short (at least 12 characters)' '$work/err' &&
             ! echo 'een lang wachtwoord 1' | KENNIS_DATABASE=$(db u) '$kennis' user add --email b@example.nl --role schrijver --password-stdin 2> '$work/err' &&
             grep -q \"role: unknown role 'schrijver'\" '$work/err' &&
             ! echo 'een lang wachtwoord 1' | KENNIS_DATABASE=$(db u) '$kennis' user add --email an@example.nl --role monitor --password-stdin 2> '$work/err' &&
             grep -q 'already exists' '$work/err' &&
             ! KENNIS_DATABASE=$(db u) '$kennis' user add --email c@example.nl --role monitor < /dev/null 2> '$work/err' &&
             grep -q 'use --password-stdin' '$work/err'"
check "an unreadable database location is a clear error" \
    bash -c "out=\$(KENNIS_DATABASE=mysql://x '$kennis' migrate 2>&1); test \$? -ne 0 && grep -q 'is not a database location' <<< \"\$out\""

if [ -n "${KENNIS_TEST_POSTGRES_URL:-}" ]; then
    pg="$KENNIS_TEST_POSTGRES_URL"
    check "PostgreSQL: migrate-data copies SQLite to PostgreSQL and verifies every table" \
        bash -c "'$kennis' migrate-data --from $(db a) --to '$pg' > '$work/move' && grep -q '^Verified' '$work/move' &&
                 ! grep -q DIFFERENT '$work/move'"
    check "PostgreSQL: the moved data exports byte-identically" \
        bash -c "KENNIS_DATABASE='$pg' '$kennis' export | cmp - '$work/first.jsonl'"
    check "PostgreSQL: migrate-data refuses a target that holds items, and changes nothing" \
        bash -c "! '$kennis' migrate-data --from $(db c) --to '$pg' 2> '$work/err' && grep -q 'use --replace' '$work/err' &&
                 KENNIS_DATABASE='$pg' '$kennis' export | cmp - '$work/first.jsonl'"
    check "PostgreSQL: migrate-data back to a new SQLite file round-trips" \
        bash -c "'$kennis' migrate-data --from '$pg' --to $(db d) | grep -q '^Verified' &&
                 KENNIS_DATABASE=$(db d) '$kennis' export | cmp - '$work/first.jsonl'"
fi

echo "cli: $passed passed, $failed failed"
test "$failed" -eq 0
