#!/usr/bin/env bash
# batch.sh - many files at once: convert -d (names, collisions, --force,
# --files-from, -j, a bad file in the middle, --report, the progress bar),
# the JSON-lines stream `artconv batch` (also under GNU parallel), and the
# command line's agreement with its man page and completions.  Speaks TAP.
set -u
bin=${ARTCONV:?ARTCONV must name the artconv executable}
src=${ARTCONV_TEST_DIR:?ARTCONV_TEST_DIR must name the tests folder}/..
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

. "${ARTCONV_TEST_DIR:?ARTCONV_TEST_DIR must name the tests folder}/tap.sh"
has_python=0
command -v python3 >/dev/null && has_python=1

# article FILE TITLE: a small text article with its own headline.
article() {
    printf '%s\n\nBy Jane Doe\n\nThe story of %s, told in two short paragraphs.\n\nIt ends here.\n' \
        "$2" "$2" >"$1"
}
# md FILE TITLE: the same as Markdown with front matter.
md() {
    printf -- '---\ntitle: %s\nauthor: Tom Okafor\n---\n\nA *Markdown* story about %s.\n' "$2" "$2" >"$1"
}

# --- one output per input ---------------------------------------------------------
mkdir in
article in/alpha.txt "Alpha headline"
md in/beta.md "Beta headline"
article in/gamma.txt "Gamma headline"
run "$bin" convert -t json -d out in/alpha.txt in/beta.md in/gamma.txt
expect_status 0 "convert -d with three inputs"
[ -f out/alpha.json ] && [ -f out/beta.json ] && [ -f out/gamma.json ]
ok $? "one output each, named after the input with the format's extension"
grep -q '"title": "Beta headline"' out/beta.json; ok $? "each output holds its own article"
[ "$(ls out | wc -l)" -eq 3 ]; ok $? "and nothing else is written (no temporary files)"
expect_err "converted 3, failed 0, skipped 0 in" "a summary line at the end"
[ -z "$out" ]; ok $? "nothing on standard output"

# --- collisions ---------------------------------------------------------------------
mkdir coll
article coll/a.txt "From the text"
md coll/a.md "From the markdown"
article coll/a-2.txt "The real a-2"
run "$bin" convert -t html -d c1 coll/a.md coll/a.txt coll/a-2.txt
expect_status 0 "three inputs whose names clash"
grep -q "From the markdown" c1/a.html && grep -q "From the text" c1/a-2.html &&
    grep -q "The real a-2" c1/a-2-2.html
ok $? "a.md -> a.html, a.txt -> a-2.html, a-2.txt -> a-2-2.html (input order)"
run "$bin" convert -t html -d c2 -j 3 coll/a.txt coll/a.md coll/a-2.txt
grep -q "From the text" c2/a.html && grep -q "From the markdown" c2/a-2.html
ok $? "the names follow the order of the inputs, whatever the threads do"

# --- existing outputs ---------------------------------------------------------------
echo "kept" >out/alpha.json
run "$bin" convert -t json -d out in/alpha.txt in/beta.md
expect_status 0 "existing outputs are not an error"
[ "$(cat out/alpha.json)" = "kept" ]; ok $? "an existing output is kept"
expect_err "out/alpha.json: exists, skipped (--force replaces it)" "the skip is noted with the name"
expect_err "converted 0, failed 0, skipped 2 in" "skips are counted"
run "$bin" convert -t json -d out --force in/alpha.txt
expect_status 0 "--force"
grep -q '"title": "Alpha headline"' out/alpha.json; ok $? "--force replaces an existing output"
run "$bin" convert -q -t json -d out in/alpha.txt
[ -z "$err" ]; ok $? "-q prints no note and no summary"
run "$bin" convert -v --force -t json -d out in/alpha.txt
expect_err "in/alpha.txt -> out/alpha.json (" "-v prints a line per file"

# --- --files-from ------------------------------------------------------------------------
mkdir lists
article "lists/with space.txt" "Space in the name"
article "lists/new
line.txt" "Newline in the name"
article lists/plain.txt "Plain name"
printf 'lists/plain.txt\n\nlists/with space.txt\r\n' >list.txt
run "$bin" convert -t json -d f1 --files-from list.txt
expect_status 0 "--files-from FILE"
[ -f f1/plain.json ] && [ -f "f1/with space.json" ]
ok $? "one path a line (blank lines skipped, CRLF accepted)"
printf 'lists/plain.txt\0lists/new\nline.txt\0' >list0
run "$bin" convert -t json -d f2 -0 --files-from list0
expect_status 0 "--files-from with -0"
[ -f f2/plain.json ] && [ -f "f2/new
line.json" ]
ok $? "NUL-separated paths may hold newlines"
run bash -c "printf 'lists/plain.txt\n' | '$bin' convert -t json -d f3 --files-from - in/alpha.txt"
expect_status 0 "--files-from - reads standard input"
[ -f f3/plain.json ] && [ -f f3/alpha.json ]; ok $? "paths from stdin join those on the command line"
run bash -c "find lists -name '*.txt' -print0 | '$bin' convert -q -t text -d f4 -0 --files-from -"
[ "$(ls -q f4 | wc -l)" -eq 3 ]; ok $? "find -print0 | convert -0 --files-from -"
run "$bin" convert -t json -d f5 --files-from missing-list.txt
expect_status 1 "a missing list"
expect_err "missing-list.txt: cannot read the list of inputs" "names the list"
run bash -c "printf 'in/alpha.txt\n' | '$bin' convert -q -o listed.epub --files-from -"
expect_status 0 "--files-from with -o makes a book"
[ -s listed.epub ]; ok $? "the book is written"

# --- threads ------------------------------------------------------------------------------
mkdir many
for i in $(seq 1 40); do
    if [ $((i % 3)) -eq 0 ]; then md "many/s$i.md" "Story $i"; else article "many/s$i.txt" "Story $i"; fi
done
cp "$src/samples/"* many/
for j in 1 2 4; do
    "$bin" convert -q -t markdown -d "j$j" -j $j many/* 2>"j$j.err"
    echo $? >"j$j.status"
done
[ "$(cat j1.status)$(cat j2.status)$(cat j4.status)" = "000" ]; ok $? "-j 1, 2 and 4 all succeed"
[ "$(ls j1 | wc -l)" -eq 45 ]; ok $? "45 inputs give 45 outputs"
diff -r j1 j2 >/dev/null && diff -r j1 j4 >/dev/null
ok $? "-j 1, -j 2 and -j 4 write the same files, byte for byte"
for f in many/*; do
    base=${f#many/}
    "$bin" convert -q -t markdown "$f" "single-${base%.*}.md" 2>/dev/null
done
same=0
for f in j4/*; do cmp -s "$f" "single-${f#j4/}" || same=1; done
ok $same "each output equals a one-file conversion of its input"

# --- one bad file ----------------------------------------------------------------------------
mkdir bad
for i in 1 2 3 4 5; do article "bad/n$i.txt" "Story $i"; done
printf 'Bad\n\nA NUL \0 here.\n' >bad/n3.txt
run "$bin" convert --strict -t json -d badout -j 2 --report report.jsonl bad/n1.txt bad/n2.txt \
    bad/n3.txt bad/missing.txt bad/n4.txt bad/n5.txt
expect_status 1 "a batch with failures"
[ -f badout/n1.json ] && [ -f badout/n2.json ] && [ -f badout/n4.json ] && [ -f badout/n5.json ]
ok $? "the other inputs are converted"
[ ! -e badout/n3.json ] && [ ! -e badout/missing.json ]; ok $? "the failed ones leave no output"
expect_err "artconv: bad/n3.txt:3:7: forbidden character U+0000" "the bad file's error names it"
expect_err "artconv: bad/missing.txt: cannot open: No such file or directory" "the missing one too"
expect_err "converted 4, failed 2, skipped 0 in" "the summary counts the failures"
case "$err" in *$'\r'*) ok 1 "no progress bar when stderr is not a terminal" ;;
*) ok 0 "no progress bar when stderr is not a terminal" ;; esac

# --- --report ------------------------------------------------------------------------------------
[ "$(wc -l <report.jsonl)" -eq 6 ]; ok $? "--report writes one line per input"
if [ $has_python -eq 1 ]; then
    python3 - report.jsonl <<'PY' >check.txt 2>&1
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
fields = ["input", "output", "format", "status", "error", "warnings", "bytes", "milliseconds"]
assert all(list(l.keys()) == fields for l in lines), "fields"
assert [l["input"] for l in lines] == ["bad/n1.txt", "bad/n2.txt", "bad/n3.txt",
                                       "bad/missing.txt", "bad/n4.txt", "bad/n5.txt"], "order"
assert [l["status"] for l in lines] == ["converted", "converted", "failed", "failed",
                                        "converted", "converted"], "status"
assert lines[0]["output"] == "badout/n1.json" and lines[0]["format"] == "json"
import os
assert lines[0]["bytes"] == os.path.getsize("badout/n1.json") > 0, "bytes"
assert lines[0]["error"] is None and "U+0000" in lines[2]["error"], "error"
assert "No such file" in lines[3]["error"]
assert all(isinstance(l["warnings"], list) for l in lines)
assert all(isinstance(l["milliseconds"], (int, float)) and l["milliseconds"] >= 0 for l in lines)
print("fine")
PY
    [ "$(cat check.txt)" = "fine" ]; ok $? "each report line is JSON with the fields, in input order"
    [ "$(cat check.txt)" = "fine" ] || sed 's/^/#   /' check.txt
else
    skip "each report line is JSON with the fields" "python3 is not installed"
fi
run "$bin" convert -t epub -d out2 --report report2.jsonl many/harbour-bridge.txt many/news-page.html
grep -q '"warnings":\["[^]]*not embedded' report2.jsonl
ok $? "the report carries the warnings of an input"
expect_err "news-page.html: warning:" "warnings are printed with the input's name"

latin1=$(printf 'in/caf\351.txt')
article "$latin1" "Latin-1 name"
run "$bin" convert -t json -d out3 --report report3.jsonl "$latin1"
expect_status 0 "an input whose name is not UTF-8"
grep -q '"input":"in/caf?.txt","output":"out3/caf?.json"' report3.jsonl
ok $? "its report line is still JSON (the stray byte shown as '?')"

# --- usage errors ------------------------------------------------------------------------------
run "$bin" convert -d out in/alpha.txt
expect_status 2 "-d without --to"
expect_err "add --to FORMAT" "says what to add"
run "$bin" convert -t json -d out -o x.epub in/alpha.txt
expect_status 2 "-d with -o"
run "$bin" convert -t json -d out -
expect_status 2 "-d with standard input"
run "$bin" convert -t json -d out
expect_status 2 "-d without inputs"
run "$bin" convert --force in/alpha.txt x.json
expect_status 0 "--force goes with one output too (it replaces a read-only one)"
run "$bin" convert -t json -d out -j 0 in/alpha.txt
expect_status 2 "-j 0"
run "$bin" convert -t epbu -d out in/alpha.txt
expect_status 2 "a misspelt format"
expect_err "unknown format 'epbu'; did you mean --to epub?" "a misspelt format gets a suggestion"
run "$bin" convert --from mardown in/alpha.txt -t json
expect_err "did you mean --from markdown?" "for --from too"
run "$bin" convert --frontmatter never in/alpha.txt x.md
expect_status 2 "a misspelt option"
expect_err "unknown option '--frontmatter'; did you mean --front-matter?" "a misspelt option gets a suggestion"
run "$bin" convrt in/alpha.txt
expect_err "did you mean convert?" "a misspelt command gets a suggestion"

# --- artconv batch: JSON lines in and out ------------------------------------------------------
mkdir sout
{
    echo '{"id": "one", "input": "in/alpha.txt", "output": "sout/alpha.html"}'
    echo '{"id": 2, "input_text": "# Inline\n\nSome *text*.", "from": "markdown", "to": "text"}'
    echo ''
    echo 'not json'
    echo '{"input": "in/missing.txt", "output": "sout/missing.html"}'
    echo '{"input": "in/beta.md", "to": "json", "meta": {"title": "Retitled", "authors": ["A", "B"]}}'
    echo '{"input": "in/gamma.txt", "to": "epbu"}'
} >requests.jsonl
run bash -c "'$bin' batch <requests.jsonl"
expect_status 0 "batch: failed requests are results, not a failed run"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 6 ]; ok $? "one result per request (blank lines skipped)"
grep -q "Alpha headline" sout/alpha.html; ok $? "a request with an output writes the file"
if [ $has_python -eq 1 ]; then
    printf '%s\n' "$out" | python3 -c '
import json, sys
r = [json.loads(l) for l in sys.stdin]
assert [x["line"] for x in r] == [1, 2, 4, 5, 6, 7], "in order, with their lines"
assert r[0]["id"] == "one" and r[0]["status"] == "converted" and r[0]["format"] == "html"
assert r[0]["bytes"] > 0 and "output_text" not in r[0]
assert r[1]["id"] == 2 and r[1]["output_text"].startswith("Inline\n======"), r[1]
assert r[2]["status"] == "failed" and "JSON" in r[2]["error"]
assert r[3]["status"] == "failed" and "No such file" in r[3]["error"]
body = json.loads(r[4]["output_text"])
assert body["meta"]["title"] == "Retitled" and body["meta"]["authors"] == ["A", "B"], body["meta"]
assert r[5]["status"] == "failed" and "did you mean epub?" in r[5]["error"]
print("fine")' >check.txt 2>&1
    [ "$(cat check.txt)" = "fine" ]; ok $? "batch results carry the fields, in order"
    [ "$(cat check.txt)" = "fine" ] || sed 's/^/#   /' check.txt
else
    skip "batch results carry the fields" "python3 is not installed"
fi
run bash -c "(echo '{\"input_text\": \"Hi\", \"from\": \"text\", \"to\": \"json\"}'; sleep 2; echo '{}') | timeout 10 '$bin' batch | head -n 1 >first.txt; cat first.txt"
expect_out '"status":"converted"' "each result is flushed before the next request arrives"
run bash -c "echo '{\"input\": \"in/alpha.txt\"}' | '$bin' batch -t markdown --meta title=Defaulted"
expect_out '"format":"markdown"' "--to sets the default format"
expect_out "Defaulted" "--meta applies to every request"

# A killed story: refused where its status would be lost, unless the
# request (or --ignore-status) says otherwise.
killed='{"input_text": "---\ntitle: Killed\npubstatus: canceled\n---\n\nDo not use.", "from": "markdown", "to": "text"'
{
    echo "$killed}"
    echo "$killed, \"ignore_status\": true}"
    echo "$killed, \"ignore_status\": \"yes\"}"
    echo "${killed/\"text\"/\"json\"}}"
} >killed.jsonl
run bash -c "'$bin' batch <killed.jsonl"
expect_status 0 "batch: a killed story is a failed result, not a failed run"
lines=$(printf '%s\n' "$out")
l1=$(sed -n 1p <<<"$lines"); l2=$(sed -n 2p <<<"$lines"); l3=$(sed -n 3p <<<"$lines"); l4=$(sed -n 4p <<<"$lines")
case "$l1" in *'"status":"failed"'*'the story is canceled (pubstatus); text output cannot carry its status'*) ok 0 "batch: text refuses a canceled story" ;; *) ok 1 "batch: text refuses a canceled story"; echo "#   $l1" ;; esac
case "$l2" in *'"status":"converted"'*'Do not use.'*) ok 0 "batch: \"ignore_status\": true writes it" ;; *) ok 1 "batch: \"ignore_status\": true writes it"; echo "#   $l2" ;; esac
case "$l3" in *'\"ignore_status\" must be true or false'*) ok 0 "batch: a non-boolean ignore_status is refused" ;; *) ok 1 "batch: a non-boolean ignore_status is refused"; echo "#   $l3" ;; esac
case "$l4" in *'"status":"converted"'*'pubstatus'*canceled*) ok 0 "batch: JSON carries the status" ;; *) ok 1 "batch: JSON carries the status"; echo "#   $l4" ;; esac
run bash -c "echo '$killed, \"ignore_status\": false}' | '$bin' batch --ignore-status"
expect_out '"status":"failed"' "batch: \"ignore_status\": false overrides --ignore-status"
run bash -c "echo '$killed}' | '$bin' batch --ignore-status"
expect_out '"status":"converted"' "batch --ignore-status applies to every request"

# GNU parallel splits the requests between several `artconv batch` jobs.
if command -v parallel >/dev/null; then
    for i in $(seq 1 30); do
        printf '{"id": %d, "input_text": "Headline %d\\n\\nBody %d.", "from": "text", "to": "json"}\n' \
            "$i" "$i" "$i"
    done >par.jsonl
    run bash -c "parallel --will-cite --pipe -N 4 -j 3 -k '$bin' batch <par.jsonl"
    expect_status 0 "GNU parallel --pipe runs artconv batch"
    [ "$(printf '%s\n' "$out" | wc -l)" -eq 30 ]; ok $? "30 requests give 30 results under parallel"
    ids=$(printf '%s\n' "$out" | grep -o '^{"id":[0-9]*' | cut -d: -f2 | tr '\n' ' ')
    [ "$ids" = "$(seq 1 30 | tr '\n' ' ')" ]; ok $? "in the order of the requests (-k)"
    [ "$(printf '%s\n' "$out" | grep -c '"status":"converted"')" -eq 30 ]; ok $? "all converted"
    printf '%s\n' "$out" | grep -q 'Headline 17'; ok $? "each with its own article"
else
    for t in "GNU parallel --pipe runs artconv batch" "30 results" "in order" "all converted" \
        "its own article"; do skip "$t" "GNU parallel is not installed"; done
fi

# --- --report is written like every output: whole or not at all ---------------------------
echo '{"old": "report"}' >old-report.jsonl
cp old-report.jsonl kept.jsonl
# A file size limit fails the report's write half-way, as a full disk
# would; the outputs themselves (about 120 bytes each) fit, and the report
# (about 2 KB, its size varying with the timings it holds) never does.
run bash -c "trap '' XFSZ; ulimit -f 1; '$bin' convert -q -t text -d rep1 --report kept.jsonl in/alpha.txt in/gamma.txt bad/n1.txt bad/n2.txt bad/n4.txt bad/n5.txt many/s1.txt many/s2.txt many/s4.txt many/s5.txt many/s7.txt many/s8.txt many/s10.txt many/s11.txt"
expect_status 1 "a report that does not fit on the disk"
expect_err "artconv: kept.jsonl: cannot write: File too large" "names the report and the reason"
cmp -s kept.jsonl old-report.jsonl; ok $? "and the old report is kept whole"
[ "$(ls -A . | grep -c 'kept.jsonl.')" -eq 0 ]; ok $? "with no temporary file beside it"
[ -f rep1/alpha.txt ]; ok $? "the conversions themselves went through"
if [ "$(id -u)" -eq 0 ] && mknod full-report c 1 7 2>/dev/null; then
    run "$bin" convert -q -t text -d rep2 --report full-report in/alpha.txt
    expect_status 1 "a report on a full device"
    expect_err "artconv: full-report: cannot write: No space left on device" "says the device is full"
    [ -c full-report ]; ok $? "and the device stays a device"
else
    for t in "a report on a full device" "says so" "stays a device"; do skip "$t" "mknod needs root"; done
fi

# --- batch for untrusted requests: --root, --no-files, bounded lines, regular inputs ---------
mkdir -p jail/sub jail/out outside
article jail/a.txt "Inside the root"
article outside/secret.txt "Outside the root"
ln -s ../outside jail/away
ln -s ../outside/secret.txt jail/secret.txt
ln -s sub/../a.txt jail/inner.txt
mkfifo jail/fifo.txt
{
    echo '{"id": 1, "input": "a.txt", "to": "text"}'
    echo "{\"id\": 2, \"input\": \"$PWD/outside/secret.txt\", \"to\": \"text\"}"
    echo '{"id": 3, "input": "../outside/secret.txt", "to": "text"}'
    echo '{"id": 4, "input": "away/secret.txt", "to": "text"}'
    echo '{"id": 5, "input": "secret.txt", "to": "text"}'
    echo '{"id": 6, "input": "inner.txt", "to": "text"}'
    echo '{"id": 7, "input": "a.txt", "output": "../outside/x.html"}'
    echo '{"id": 8, "input": "a.txt", "output": "away/x.html"}'
    echo "{\"id\": 9, \"input\": \"a.txt\", \"output\": \"$PWD/outside/x.html\"}"
    echo '{"id": 10, "input": "a.txt", "output": "out/a.html"}'
    echo '{"id": 11, "input": "fifo.txt", "to": "text"}'
} >jail.jsonl
run timeout 20 "$bin" batch --root jail <jail.jsonl
expect_status 0 "batch --root"
if [ $has_python -eq 1 ]; then
    printf '%s\n' "$out" | python3 -c '
import json, sys
r = {x["id"]: x for x in map(json.loads, sys.stdin)}
assert len(r) == 11, len(r)
def failed(i, why):
    assert r[i]["status"] == "failed" and why in r[i]["error"], (i, r[i])
assert r[1]["status"] == "converted" and "Inside the root" in r[1]["output_text"], r[1]
failed(2, "an absolute path; paths are relative to the root folder")
failed(3, "the path leads outside the root folder")
failed(4, "the path leads outside the root folder")
failed(5, "the path leads outside the root folder")
assert r[6]["status"] == "converted", r[6]
failed(7, "cannot write: the path leads outside the root folder")
failed(8, "cannot write: the path leads outside the root folder")
failed(9, "cannot write: an absolute path")
assert r[10]["status"] == "converted", r[10]
failed(11, "it is a FIFO or a pipe; only regular files are read here")
print("fine")' >check.txt 2>&1
    [ "$(cat check.txt)" = "fine" ]; ok $? "--root: /abs, ../, a linked folder and a linked file are refused; inside is fine"
    [ "$(cat check.txt)" = "fine" ] || sed 's/^/#   /' check.txt
else
    skip "--root refuses the escapes" "python3 is not installed"
fi
[ "$(ls outside)" = "secret.txt" ] && [ -f jail/out/a.html ]; ok $? "--root writes inside the root only"
case "$out" in *"Outside the root"*) ok 1 "no byte of a file outside the root comes back" ;;
*) ok 0 "no byte of a file outside the root comes back" ;; esac
run "$bin" batch --root jail/missing </dev/null
expect_status 1 "--root of a missing folder"
expect_err "jail/missing: cannot use as the root folder" "names it"
run "$bin" batch --root jail --no-files </dev/null
expect_status 2 "--root with --no-files"

{
    echo '{"id": 1, "input": "in/alpha.txt", "to": "text"}'
    echo '{"id": 2, "input_text": "Hi\n\nThere.", "from": "text", "to": "text", "output": "nofiles.txt"}'
    echo '{"id": 3, "input_text": "Hi\n\nThere.", "from": "text", "to": "text"}'
} >nofiles.jsonl
run "$bin" batch --no-files <nofiles.jsonl
expect_status 0 "batch --no-files"
[ "$(printf '%s\n' "$out" | grep -c 'requests may not name files here (--no-files)')" -eq 2 ]
ok $? "--no-files refuses a request with an input or an output path"
[ ! -e nofiles.txt ]; ok $? "and writes no file"
printf '%s\n' "$out" | tail -n 1 | grep -q '"status":"converted"'; ok $? "inline text still converts"

# A line of 100 KB with --max-input 1K (bound: 1K + 1K/16 + 64 KiB).
{
    printf '{"id": 1, "input_text": "%s", "from": "text", "to": "text"}\n' "$(head -c 100000 /dev/zero | tr '\0' a)"
    echo '{"id": 2, "input_text": "After\n\nThe long line.", "from": "text", "to": "text"}'
} >long.jsonl
run "$bin" batch --max-input 1K <long.jsonl
expect_status 0 "an over-long request line"
printf '%s\n' "$out" | head -n 1 | grep -q '"line":1,.*"status":"failed","error":"request line longer than 66624 bytes'
ok $? "is answered with an error that gives the bound"
printf '%s\n' "$out" | tail -n 1 | grep -q '"id":2,.*"status":"converted"'; ok $? "and the next request is served"
if [ -x /usr/bin/time ]; then
    printf '{"input_text": "%s", "from": "text", "to": "text"}\n' "$(head -c 30000000 /dev/zero | tr '\0' a)" >huge.jsonl
    /usr/bin/time -f %M -o rss.txt "$bin" batch --max-input 1M <huge.jsonl >/dev/null 2>&1
    [ "$(tail -n 1 rss.txt)" -lt 30000 ]; ok $? "a 30 MB line with --max-input 1M stays under 30 MB of memory"
    echo "#   peak RSS $(tail -n 1 rss.txt) KB"
    rm -f huge.jsonl
else
    skip "a 30 MB line stays small" "/usr/bin/time is not installed"
fi

mkfifo lonely.fifo
{
    echo '{"id": 1, "input": "/dev/stdin", "from": "text", "to": "text"}'
    echo '{"id": 2, "input": "lonely.fifo", "from": "text", "to": "text"}'
    echo '{"id": 3, "input_text": "Still\n\nserved.", "from": "text", "to": "text"}'
} >special.jsonl
run timeout 10 bash -c "cat special.jsonl | '$bin' batch"
expect_status 0 "/dev/stdin (a pipe) and a FIFO without a writer as inputs (within 10 s)"
[ "$(printf '%s\n' "$out" | grep -c 'only regular files are read here')" -eq 2 ]
ok $? "are refused at once"
printf '%s\n' "$out" | grep -q '"id":3,.*"status":"converted"'; ok $? "and the requests after them are served"
run timeout 10 "$bin" batch <special.jsonl
printf '%s\n' "$out" | head -n 1 | grep -q '"status":"failed","error":"cannot open: it leads through /proc or /dev/fd'
ok $? "/dev/stdin is refused when it is a file, too (the requests never come back)"

if [ "$(id -u)" -eq 0 ] && mknod batch-null c 1 3 2>/dev/null; then
    echo '{"input_text": "A\n\nB.", "from": "text", "to": "html", "output": "batch-null"}' >dev.jsonl
    run "$bin" batch <dev.jsonl
    printf '%s\n' "$out" | grep -q '"status":"converted"' && [ -c batch-null ]
    ok $? "a batch output that is a device is written through and stays a device"
else
    skip "a batch output that is a device" "mknod needs root"
fi

echo "read-only" >ro-out.txt
chmod 444 ro-out.txt
{
    echo '{"id": 1, "input_text": "A\n\nB.", "from": "text", "output": "ro-out.txt"}'
    echo '{"id": 2, "input_text": "A\n\nB.", "from": "text", "output": "ro-out.txt", "force": true}'
} >ro.jsonl
run "$bin" batch <ro.jsonl
printf '%s\n' "$out" | head -n 1 | grep -q 'the file is read-only (mode 0444)'; ok $? "batch refuses a read-only output"
printf '%s\n' "$out" | tail -n 1 | grep -q '"status":"converted"' && grep -q "^A" ro-out.txt
ok $? "unless the request says \"force\": true"

# --- a terminal: progress bar and colour ---------------------------------------------------------
if command -v script >/dev/null && script -qc true /dev/null >/dev/null 2>&1; then
    script -qc "'$bin' convert -t json -d tty1 many/* bad/missing.txt" /dev/null >tty.txt 2>&1
    grep -q $'\r\\[[#.]*\\] [0-9]*/46 files' tty.txt; ok $? "a progress bar on a terminal"
    grep -q $'\033\\[1;31mbad/missing.txt' tty.txt; ok $? "the failed file's name in red on a terminal"
    NO_COLOR=1 script -qc "'$bin' convert -t json -d tty2 many/* bad/missing.txt" /dev/null >tty2.txt 2>&1
    grep -q $'\033\\[1;31m' tty2.txt; [ $? -ne 0 ] && grep -q "artconv: bad/missing.txt: cannot open" tty2.txt
    ok $? "NO_COLOR turns the colour off"
    script -qc "'$bin' convert -q -t json -d tty3 many/*" /dev/null >tty3.txt 2>&1
    [ ! -s tty3.txt ]; ok $? "-q: no progress bar on a terminal either"
    printf 'Headline here\n\nOne two three four five.\n' >said.txt
    script -qc "'$bin' convert said.txt said.md" /dev/null >tty4.txt 2>&1
    grep -q "^wrote said.md (markdown, 5 words)" tty4.txt; ok $? "convert says what it wrote on a terminal"
    script -qc "'$bin' convert -q said.txt said.md" /dev/null >tty5.txt 2>&1
    [ ! -s tty5.txt ]; ok $? "-q: convert says nothing"
    "$bin" convert said.txt said.md 2>notty.txt
    [ ! -s notty.txt ]; ok $? "convert says nothing when stderr is not a terminal"
else
    for t in "progress bar" "red" "NO_COLOR" "-q on a terminal" "wrote" "-q wrote" "no tty"; do
        skip "$t" "script(1) is unavailable"
    done
fi

# --- help, man page and completions agree --------------------------------------------------------
man="$src/docs/artconv.1.scd"
help_opts=$(for c in "" convert batch info formats; do "$bin" $c --help; done |
    grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
man_opts=$(grep -o -- '--[a-z][a-z0-9-]*' "$man" | sort -u)
missing=$(comm -23 <(echo "$help_opts") <(echo "$man_opts") | tr '\n' ' ')
[ -z "$missing" ]; ok $? "every option in --help is in the man page"
[ -z "$missing" ] || echo "#   missing from the man page: $missing"
extra=$(comm -13 <(echo "$help_opts") <(echo "$man_opts") | grep -v -- '--help\|--version' | tr '\n' ' ')
[ -z "$extra" ]; ok $? "every option in the man page is in some --help"
[ -z "$extra" ] || echo "#   in the man page only: $extra"
for c in convert batch info formats; do
    grep -q "^\*$c\*" "$man" || grep -q "^\*artconv $c\*" "$man"
    ok $? "the man page describes '$c'"
done
bash -n "$src/completions/artconv.bash"; ok $? "the bash completion parses"
missing=""
for o in $help_opts; do grep -q -- "$o\b" "$src/completions/artconv.bash" || missing="$missing $o"; done
[ -z "$missing" ]; ok $? "every option is in the bash completion"
[ -z "$missing" ] || echo "#   missing:$missing"
missing=""
for o in $help_opts; do grep -q -- "$o\b" "$src/completions/_artconv" || missing="$missing $o"; done
[ -z "$missing" ]; ok $? "every option is in the zsh completion"
[ -z "$missing" ] || echo "#   missing:$missing"
words=$(bash -c "source '$src/completions/artconv.bash'
COMP_WORDS=(artconv convert --fr); COMP_CWORD=2; _artconv; echo \"\${COMPREPLY[*]}\"")
[ "$words" = "--from --fragment --front-matter" ]; ok $? "bash completes 'convert --fr' to its three options"
words=$(bash -c "source '$src/completions/artconv.bash'
COMP_WORDS=(artconv convert -t e); COMP_CWORD=3; _artconv; echo \"\${COMPREPLY[*]}\"")
[ "$words" = "epub" ]; ok $? "bash completes format names after -t"
if command -v zsh >/dev/null; then
    zsh -n "$src/completions/_artconv"; ok $? "the zsh completion parses"
else
    skip "the zsh completion parses" "zsh is not installed"
fi

# --- the allocator: many small articles do not churn the kernel --------------------------------
# 200 copies of the sample page to EPUB on one thread; the system calls that
# give memory back and take it again are counted.
if ldd "$bin" 2>/dev/null | grep -q 'libasan\|libtsan'; then
    skip "few allocator system calls" "a sanitizer's allocator is not glibc's"
    skip "GLIBC_TUNABLES is obeyed" "a sanitizer's allocator is not glibc's"
elif command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
    mkdir -p churn-in
    for i in $(seq 1 200); do cp "$src/samples/news-page.html" "churn-in/s$i.html"; done
    strace -f -o churn.txt -e trace=madvise,mmap,munmap "$bin" convert -q -t epub -j1 -d churn-out churn-in/*.html
    calls=$(grep -c -E 'madvise|mmap|munmap' churn.txt)
    GLIBC_TUNABLES=glibc.malloc.trim_threshold=131072 strace -f -o churn2.txt \
        -e trace=madvise,mmap,munmap "$bin" convert -q -t epub -j1 -d churn-out2 churn-in/*.html
    calls2=$(grep -c -E 'madvise|mmap|munmap' churn2.txt)
    [ "$calls" -lt 300 ]
    ok $? "200 pages to EPUB make few madvise/mmap/munmap calls ($calls)"
    [ "$calls2" -gt $((calls * 3)) ]
    ok $? "GLIBC_TUNABLES naming malloc settings is obeyed (glibc's own trimming: $calls2 calls)"
else
    skip "few allocator system calls" "strace is not installed or not allowed"
    skip "GLIBC_TUNABLES is obeyed" "strace is not installed or not allowed"
fi

# A request whose input is a newsMessage of several text items, written to a
# file: one file per item, as convert -d names them, and one result line.
nar='xmlns="http://iptc.org/std/nar/2006-10-01/"'
{
    printf '<?xml version="1.0"?><newsMessage %s><header/><itemSet>' "$nar"
    for g in one two; do
        printf '<newsItem guid="%s" standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Wire %s</headline></contentMeta><contentSet><inlineData contenttype="text/plain">Body of %s.</inlineData></contentSet></newsItem>' "$g" "$g" "$g"
    done
    printf '</itemSet></newsMessage>'
} >wire.xml
mkdir -p wire-out
printf '{"input": "wire.xml", "output": "wire-out/wire.md"}\n' >wire.jsonl
run "$bin" batch <wire.jsonl
grep -q "Wire one" wire-out/wire.1.md 2>/dev/null && grep -q "Wire two" wire-out/wire.2.md 2>/dev/null &&
    [ ! -e wire-out/wire.md ]
ok $? "batch: a newsMessage request writes one file per item (wire.1.md, wire.2.md)"
case $out in *'"items":2'*'"status":"converted"'* | *'"status":"converted"'*'"items":2'*) ok 0 "batch: its one result line counts the items" ;; *) ok 1 "batch: its one result line counts the items"; diag "stdout was: " "$out" ;; esac

tap_done
