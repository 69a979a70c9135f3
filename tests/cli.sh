#!/usr/bin/env bash
# cli.sh - the artconv command line: exit codes, messages, standard input
# and output, atomic output files.  Speaks TAP.
set -u
bin=${ARTCONV:?ARTCONV must name the artconv executable}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

. "${ARTCONV_TEST_DIR:?ARTCONV_TEST_DIR must name the tests folder}/tap.sh"

cat >story.txt <<'TXT'
Harbour bridge reopens after 18 months

The crossing carries traffic again

By Jane Doe

Traffic crossed the harbour bridge on Saturday for the first time since
September 2022, after repairs costing £40 million.

"It is good to have our bridge back," the mayor said.
TXT

# --- version and help --------------------------------------------------------
run "$bin" --version
expect_status 0 "--version"
[ "$(printf '%s\n' "$out" | head -n 1)" = "artconv 0.1.0" ]; ok $? "--version prints 'artconv 0.1.0'"
for lib in libxml2 cmark-gfm libzip libyaml jansson libunistring; do
    printf '%s\n' "$out" | grep -Eq "^$lib [0-9]+\.[0-9]+"
    ok $? "--version names the $lib in use with its version"
done
run "$bin" --help
expect_status 0 "--help"
expect_out "convert" "--help lists convert"
expect_out "formats" "--help lists formats"
run "$bin" convert --help
expect_status 0 "convert --help"
expect_out "--front-matter" "convert --help lists its options"
run "$bin" help info
expect_status 0 "help info"
expect_out "artconv info" "help info shows info's usage"
run "$bin"
expect_status 2 "no arguments"
run "$bin" frobnicate
expect_status 2 "unknown command"
expect_err "unknown command 'frobnicate'" "unknown command is named"
run "$bin" convert --frobnicate story.txt out.md
expect_status 2 "unknown option"
expect_err "unknown option '--frobnicate'" "unknown option is named"
run "$bin" convert --json story.txt out.md
expect_status 2 "option of another command"
run "$bin" convert --width abc story.txt out.txt
expect_status 2 "bad --width"
expect_err "--width wants a number" "bad --width is explained"
run "$bin" convert --front-matter=sometimes story.txt out.md
expect_status 2 "bad --front-matter"
run "$bin" convert story.txt
expect_status 2 "stdout without --to"
expect_err "needs --to" "stdout without --to is explained"

# --- formats -----------------------------------------------------------------
run "$bin" formats
expect_status 0 "formats"
for f in text markdown html json epub newsml; do
    expect_out "$f" "formats lists $f"
done
expect_out ".markdown" "formats lists extensions"

# --- converting files ----------------------------------------------------------
run "$bin" convert story.txt story.json
expect_status 0 "text to json by extension"
grep -q '"title": "Harbour bridge reopens after 18 months"' story.json
ok $? "the JSON has the title"
[ ! -s out.txt ] && [ ! -s err.txt ]; ok $? "a quiet success prints nothing"
run "$bin" convert -f text -t markdown story.txt -o story.out
expect_status 0 "--from/--to/-o"
grep -q 'Harbour bridge reopens' story.out; ok $? "-o wrote the file"
run "$bin" convert story.txt --to html
expect_status 0 "to standard output with --to"
expect_out "<article" "HTML on standard output"
run "$bin" convert --meta "title=A new headline" --meta "authors=A. One, B. Two" story.txt -t json
expect_status 0 "--meta"
expect_out '"title": "A new headline"' "--meta title replaces the title"
expect_out '"B. Two"' "--meta authors sets the list"
run "$bin" convert --meta "nonsense=1" story.txt -t json
expect_status 2 "--meta with an unknown key"
expect_err "unknown metadata key 'nonsense'" "the bad key is named"
run "$bin" convert --meta "title" story.txt -t json
expect_status 2 "--meta without '='"
run "$bin" convert --width 30 story.txt -t text
expect_status 0 "--width 30"
long=$(awk 'length($0) > 30' out.txt | wc -l)
[ "$long" -eq 0 ]; ok $? "--width 30 wraps every line at 30 columns"

# --- standard input and output -----------------------------------------------
run bash -c "cat story.txt | '$bin' convert -f text -t json - -"
expect_status 0 "stdin to stdout"
expect_out '"title": "Harbour bridge reopens after 18 months"' "stdin was read"
run bash -c "cat story.txt | '$bin' convert - out.json"
expect_status 2 "stdin without --from"
expect_err "needs --from" "stdin without --from is explained"
run bash -c "cat story.txt | '$bin' info -f text -"
expect_status 0 "info from stdin"
expect_out "Harbour bridge reopens" "info prints the title"

# --- errors name the file -------------------------------------------------------
run "$bin" convert missing.txt out.md
expect_status 1 "missing input"
expect_err "artconv: missing.txt: cannot open: No such file or directory" "missing input is named"
run "$bin" convert story.txt no/such/dir/out.md
expect_status 1 "output folder missing"
expect_err "artconv: no/such/dir/out.md:" "the output is named"
run "$bin" convert story.txt story.unknown
expect_status 2 "unknown output extension"
expect_err "cannot tell the format of 'story.unknown'" "unknown extension is explained"
run "$bin" convert story.txt -t nonesuch
expect_status 2 "unknown --to format"
expect_err "unknown format 'nonesuch'" "unknown format is named"
run "$bin" convert --css missing.css story.txt out.html
expect_status 1 "a missing style sheet"
expect_err "missing.css: cannot read the style sheet" "the style sheet is named"
run "$bin" convert --item-version 0 story.txt out.xml
expect_status 2 "a bad --item-version"
head -c 2000 /dev/zero > big.txt
run "$bin" convert --max-input 1K big.txt -t json
expect_status 1 "--max-input"
expect_err "artconv: big.txt: input" "the limit names the input"
expect_err "exceeds the limit of 1024 bytes" "the limit is explained"

# --- atomic output -----------------------------------------------------------------
echo "previous contents" > keep.md
run "$bin" convert --max-input 1K big.txt keep.md
expect_status 1 "a failed conversion"
[ "$(cat keep.md)" = "previous contents" ]; ok $? "a failed conversion leaves the old output untouched"
leftovers=$(find . -name '*keep.md.*' | wc -l)
[ "$leftovers" -eq 0 ]; ok $? "and leaves no temporary files"
run "$bin" convert story.txt keep.md
expect_status 0 "a successful conversion over an existing file"
grep -q "Harbour bridge" keep.md; ok $? "replaces it whole"
leftovers=$(find . -name '*keep.md.*' | wc -l)
[ "$leftovers" -eq 0 ]; ok $? "with no temporary files left"
# A write that fails half-way (the file size limit, as on a full disk).
{ echo "Long story"; echo; for i in $(seq 1 400); do echo "Paragraph $i of a long story that goes on."; echo; done; } > long.txt
echo "previous contents" > keep.md
run bash -c "trap '' XFSZ; ulimit -f 4; '$bin' convert long.txt keep.md"
expect_status 1 "a write that runs out of space"
expect_err "keep.md: cannot write: File too large" "the write failure is explained"
[ "$(cat keep.md)" = "previous contents" ]; ok $? "a failed write leaves the old output untouched"
leftovers=$(find . -name '*keep.md.*' | wc -l)
[ "$leftovers" -eq 0 ]; ok $? "and leaves no temporary files"
chmod 640 keep.md
run "$bin" convert story.txt keep.md
[ "$(stat -c %a keep.md)" = "640" ]; ok $? "a replaced file keeps its mode"
rm -f fresh.md
run bash -c "umask 022 && '$bin' convert story.txt fresh.md"
[ "$(stat -c %a fresh.md)" = "644" ]; ok $? "a new file follows the umask"

# --- output paths: links, devices, FIFOs, read-only files, long names ----------------
# Device nodes and FIFOs are made here, never the system's own (see
# /work/notes: an old build replaced the node it wrote to).
mkdir paths
if [ "$(id -u)" -eq 0 ] && mknod paths/null c 1 3 2>/dev/null && mknod paths/full c 1 7; then
    run "$bin" convert -t html story.txt paths/null
    expect_status 0 "a device output"
    [ -c paths/null ]; ok $? "is written through and stays a device"
    ln -s null paths/stdout.html
    run "$bin" convert story.txt paths/stdout.html
    [ -c paths/null ] && [ -L paths/stdout.html ]; ok $? "a link to a device: both stay"
    run "$bin" convert --force -t html story.txt paths/full
    expect_status 1 "a full device"
    expect_err "artconv: paths/full: cannot write: No space left on device" "says the device is full"
    [ -c paths/full ]; ok $? "and stays a device, even with --force"
else
    for t in "a device output" "written through" "a link to a device" "a full device" "full" \
        "stays a device"; do echo "ok $((n += 1)) - $t # SKIP mknod needs root"; done
fi
mkfifo paths/pipe.html
(timeout 20 cat paths/pipe.html >paths/from-pipe.txt) &
reader=$!
run timeout 20 "$bin" convert story.txt paths/pipe.html
wait $reader
expect_status 0 "a FIFO output"
[ -p paths/pipe.html ] && grep -q "Harbour bridge" paths/from-pipe.txt
ok $? "is written through to its reader and stays a FIFO"
# /dev/stdout ends in /proc/self/fd/1, a link whose text names no file:
# the kernel follows it, and the pipe behind it is written through.
ln -s /dev/stdout paths/stdout-link.txt
"$bin" convert -t text story.txt paths/stdout-link.txt 2>err.txt | cat >paths/from-stdout.txt
[ -L paths/stdout-link.txt ] && grep -q "Harbour bridge" paths/from-stdout.txt
ok $? "a link to /dev/stdout writes through to the pipe and stays a link"
echo "old" >paths/target.html
chmod 6755 paths/target.html
ln -s target.html paths/link1.html
ln -s link1.html paths/link2.html
run "$bin" convert story.txt paths/link2.html
expect_status 0 "a chain of links"
[ -L paths/link2.html ] && [ -L paths/link1.html ] && grep -q "Harbour bridge" paths/target.html
ok $? "is followed and the final target replaced"
[ "$(stat -c %a paths/target.html)" = "755" ]; ok $? "which loses its setuid and setgid bits"
ln -s nowhere.html paths/dangling.html
run "$bin" convert story.txt paths/dangling.html
[ -L paths/dangling.html ] && [ -f paths/nowhere.html ]; ok $? "a dangling link creates its target"
mkdir paths/shared && chmod 1777 paths/shared
ln -s shared paths/to-shared.html
run "$bin" convert story.txt paths/to-shared.html
expect_status 1 "a link to a sticky world-writable folder"
expect_err "artconv: paths/to-shared.html: cannot write: it is a folder" "is refused as a folder"
[ -z "$(ls -A paths/shared)" ] && [ "$(stat -c %a paths/shared)" = "1777" ]
ok $? "and nothing is written into it"
echo "read-only" >paths/ro.md
chmod 444 paths/ro.md
run "$bin" convert story.txt paths/ro.md
expect_status 1 "a read-only output"
expect_err "artconv: paths/ro.md: cannot write: the file is read-only (mode 0444); force (--force) replaces it" \
    "is refused with a way round"
[ "$(cat paths/ro.md)" = "read-only" ]; ok $? "and kept"
run "$bin" convert --force story.txt paths/ro.md
expect_status 0 "--force"
grep -q "Harbour bridge" paths/ro.md && [ "$(stat -c %a paths/ro.md)" = "444" ]
ok $? "replaces a read-only output, which stays read-only"
long=$(printf 'n%.0s' $(seq 1 250)).md
run "$bin" convert story.txt "paths/$long"
expect_status 0 "a 253-byte output name"
grep -q "Harbour bridge" "paths/$long"; ok $? "is written"
[ "$(find paths -name '.*' | wc -l)" -eq 0 ]; ok $? "no temporary file is left in the folder"

# --- a signal in the middle of a write ---------------------------------------------
# 40 MB of text, so the write of the output takes a while.
{ echo "Big story"; echo; yes "$(printf 'word%.0s ' $(seq 1 400))" | head -n 20000 | sed G; } >huge.txt
# stop_mid_write BIN OUT ARGS...: runs BIN ARGS in the background and sends
# SIGTERM as soon as a temporary file for OUT shows in its folder; sets
# $caught (1 if one showed) and $status.
stop_mid_write() {
    local bin_used=$1 out_file=$2 dir base pid i
    shift 2
    dir=$(dirname "$out_file")
    base=$(basename "$out_file")
    "$bin_used" "$@" >/dev/null 2>err.txt &
    pid=$!
    caught=0
    shopt -s nullglob
    for ((i = 0; i < 2000000; i++)); do
        local temps=("$dir/.$base."* "$dir/$base."??????)
        if [ ${#temps[@]} -gt 0 ]; then
            kill -TERM $pid
            caught=1
            break
        fi
        kill -0 $pid 2>/dev/null || break
    done
    shopt -u nullglob
    wait $pid
    status=$?
}
named=${ARTCONV_NAMED_TEMP:-}
if [ -n "$named" ] && [ -x "$named" ]; then
    mkdir sig1
    echo "previous" >sig1/out.html
    stop_mid_write "$named" sig1/out.html convert huge.txt sig1/out.html
    if [ $caught -eq 1 ]; then
        [ "$status" -eq 143 ]; ok $? "SIGTERM during a write ends the run as SIGTERM does (143)"
        [ "$(ls -A sig1)" = "out.html" ]; ok $? "and removes the named temporary file"
        [ "$(cat sig1/out.html)" = "previous" ]; ok $? "and leaves the old output"
    else
        for t in "SIGTERM during a write" "removes the temporary file" "old output"; do
            echo "ok $((n += 1)) - $t # SKIP the write ended before it was seen"; done
    fi
    mkdir sig2 sig2/in
    cp huge.txt sig2/in/a.txt
    cp huge.txt sig2/in/b.txt
    stop_mid_write "$named" sig2/out/a.html convert -q -t html -d sig2/out -j 2 sig2/in/a.txt sig2/in/b.txt
    if [ $caught -eq 1 ]; then
        leftovers=$(find sig2/out -type f ! -name a.html ! -name b.html | wc -l)
        [ "$leftovers" -eq 0 ]; ok $? "SIGTERM during -d leaves no temporary file either"
    else
        echo "ok $((n += 1)) - SIGTERM during -d # SKIP the write ended before it was seen"
    fi
else
    for t in "SIGTERM during a write" "removes the temporary file" "old output" "SIGTERM during -d"; do
        echo "ok $((n += 1)) - $t # SKIP ARTCONV_NAMED_TEMP (the named-temporary build) is not set"
    done
fi
# The real build writes an unnamed file: whenever the signal comes, the
# folder holds the old output or the new one, and nothing else.
mkdir sig3
clean=0
for delay in 0.05 0.2 0.5 0.9 1.3; do
    echo "previous" >sig3/out.html
    "$bin" convert huge.txt sig3/out.html 2>/dev/null &
    pid=$!
    sleep $delay
    kill -TERM $pid 2>/dev/null
    wait $pid
    [ "$(ls -A sig3)" = "out.html" ] || clean=1
    { [ "$(cat sig3/out.html)" = "previous" ] || grep -q '</html>' sig3/out.html; } || clean=1
done
ok $clean "SIGTERM at any moment leaves the old output or the new one, and no temporary file"

# --- EPUB books and digests ------------------------------------------------------
printf '# Second story\n\nA *Markdown* article.\n' > second.md
run "$bin" convert -q story.txt one.epub
expect_status 0 "convert to EPUB"
[ "$(head -c 58 one.epub | tail -c 28)" = "mimetypeapplication/epub+zip" ]; ok $? "the EPUB starts with its mimetype"
run "$bin" convert -q -o digest.epub --title "Morning digest" story.txt second.md
expect_status 0 "several inputs with -o make a digest"
run "$bin" convert -q digest.epub -t markdown
expect_out "title: Morning digest" "the digest has the given title"
expect_out "A *Markdown* article." "and every article"
run "$bin" convert -q story.txt second.md -o digest2.epub
expect_status 0 "-o may follow the inputs"
run env SOURCE_DATE_EPOCH=1700000000 "$bin" convert -q -o r1.epub story.txt second.md
run env SOURCE_DATE_EPOCH=1700000000 TZ=Asia/Tokyo "$bin" convert -q -o r2.epub story.txt second.md
cmp -s r1.epub r2.epub; ok $? "a digest is reproducible (same bytes in another time zone)"
run "$bin" convert -o digest.md story.txt second.md
expect_status 2 "several inputs into a non-EPUB output"
expect_err "EPUB" "the refusal says why"
run "$bin" convert story.txt second.md third.md
expect_status 2 "three arguments without -o"
expect_err "unexpected extra argument" "the extra argument is named"

# --- a killed or embargoed story never comes out publishable ----------------------
# A canceled, embargoed NewsML-G2 item, as a wire sends a kill.
cat >killed.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20240314:kill"
  standard="NewsML-G2" standardversion="2.35" version="2">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="Example Wire"/>
    <versionCreated>2024-03-13T19:00:00Z</versionCreated>
    <embargoed>2024-03-14T07:30:00Z</embargoed>
    <pubStatus qcode="stat:canceled"/>
  </itemMeta>
  <contentMeta><headline>Killed story</headline></contentMeta>
  <contentSet><inlineData contenttype="text/plain">Do not use.</inlineData></contentSet>
</newsItem>
XML
sed -e '/pubStatus/d' killed.xml > embargoed.xml
run "$bin" convert killed.xml -t newsml
expect_status 0 "a canceled item converts to NewsML-G2"
expect_out '<pubStatus qcode="stat:canceled"/>' "it stays canceled"
expect_out '<embargoed>2024-03-14T07:30:00Z</embargoed>' "and embargoed"
rm -f killed.epub
run "$bin" convert killed.xml killed.epub
expect_status 1 "a canceled item is not written as EPUB"
expect_err "killed.epub: the story is canceled (pubstatus); epub output cannot carry its status: pass --ignore-status to write it anyway" "the refusal says why"
[ ! -e killed.epub ]; ok $? "and leaves no file"
run "$bin" convert embargoed.xml -t text
expect_status 1 "an embargoed item is not written as text"
expect_err "the story is embargoed until 2024-03-14T07:30:00Z; text output cannot carry the embargo" "the embargo is named"
run "$bin" convert --front-matter never killed.xml -t markdown
expect_status 1 "nor as Markdown without front matter"
run "$bin" convert killed.xml -t markdown
expect_status 0 "Markdown with front matter carries it"
expect_out "pubstatus: canceled" "in the front matter"
run "$bin" convert --fragment embargoed.xml -t html
expect_status 1 "an HTML fragment cannot carry it"
run "$bin" convert embargoed.xml -t html
expect_out '<meta name="embargoed" content="2024-03-14T07:30:00Z" />' "an HTML page carries it"
run "$bin" convert killed.xml -t json
expect_out '"pubstatus": "canceled"' "JSON carries it"
run "$bin" convert -q --ignore-status killed.xml killed.epub
expect_status 0 "--ignore-status writes the EPUB anyway"
[ -s killed.epub ]; ok $? "the EPUB is there"
run "$bin" convert --ignore-status embargoed.xml -t text
expect_out "Do not use." "--ignore-status writes text anyway"
run "$bin" convert --meta pubstatus=withheld story.txt -t text
expect_status 1 "--meta pubstatus=withheld makes a story unpublishable"
run "$bin" convert -q -t epub -d killed-out story.txt killed.xml
expect_status 1 "with -d the killed input fails"
[ -s killed-out/story.epub ] && [ ! -e killed-out/killed.epub ]; ok $? "and only it"
run "$bin" convert -q -o killed-digest.epub story.txt killed.xml
expect_status 1 "a digest with a killed story is refused"
expect_err "article 2: the story is canceled" "the chapter is named"
run "$bin" info killed.xml
expect_out "pubstatus      canceled" "info shows the status"
expect_out "embargoed      2024-03-14T07:30:00Z" "info shows the embargo"
run "$bin" info --json killed.xml
expect_out '"pubstatus": "canceled"' "info --json shows the status"
run "$bin" convert --help
expect_out "--ignore-status" "convert --help lists --ignore-status"

# A bad SOURCE_DATE_EPOCH is noticed when the output is written: after the
# input's own warnings, and never by info or for an input that fails.
printf 'Caf\xe9 latin\n\nMore.\n' >latin.txt
run env SOURCE_DATE_EPOCH=soon "$bin" convert --to markdown latin.txt
[ "$(printf '%s\n' "$err" | grep -c warning)" -eq 2 ] &&
    printf '%s\n' "$err" | head -n 1 | grep -q 'latin.txt:1: warning' &&
    printf '%s\n' "$err" | tail -n 1 | grep -q "ignoring SOURCE_DATE_EPOCH='soon'"
ok $? "SOURCE_DATE_EPOCH warning comes after the input's warning"
run env SOURCE_DATE_EPOCH=soon "$bin" info latin.txt
case "$err" in *SOURCE_DATE_EPOCH*) ok 1 "info does not read SOURCE_DATE_EPOCH" ;; *) ok 0 "info does not read SOURCE_DATE_EPOCH" ;; esac
run env SOURCE_DATE_EPOCH=soon "$bin" convert --to text no-such-input.md
case "$err" in *SOURCE_DATE_EPOCH*) ok 1 "a failed read never gets to SOURCE_DATE_EPOCH" ;; *) ok 0 "a failed read never gets to SOURCE_DATE_EPOCH" ;; esac

# --- pandoc's spellings ------------------------------------------------------
run "$bin" convert --to text story.txt -
case "$out" in *'"It is good'*) ok 0 "straight quotes stay without --smart" ;; *) ok 1 "straight quotes stay without --smart" ;; esac
run "$bin" convert --smart --to text story.txt -
expect_status 0 "--smart"
case "$out" in *'“It is good to have our bridge back,” the mayor'*) ok 0 "--smart curls the quotes" ;; *) ok 1 "--smart curls the quotes" ;; esac
run "$bin" --list-input-formats
expect_status 0 "--list-input-formats"
[ "$out" = "$(printf 'text\nmarkdown\ngfm\nhtml\njson\nepub\nnewsml\nninjs')" ]; ok $? "--list-input-formats lists the readers, one a line"
run "$bin" --list-output-formats
printf '%s\n' "$out" | grep -qx json && printf '%s\n' "$out" | grep -qx epub
ok $? "--list-output-formats lists the writers"
run "$bin" formats --json
expect_status 0 "formats --json"
printf '%s' "$out" | python3 -c 'import json,sys; f=json.load(sys.stdin); d={x["name"]: x for x in f}; sys.exit(0 if d["json"]["write"] and d["json"]["read"] and ".epub" in d["epub"]["extensions"] else 1)'
ok $? "formats --json is JSON with names, read/write and extensions"
for alias in gfm:gfm commonmark:markdown html5:html epub3:epub plain:text; do
    name=${alias%%:*}
    run "$bin" convert --to "$name" -o "alias.$name" story.txt
    expect_status 0 "--to $name is accepted (${alias#*:})"
done
head -c 58 alias.epub3 | grep -q "application/epub+zip"; ok $? "--to epub3 writes an EPUB"
run "$bin" convert -M title=Retitled -t markdown story.txt
expect_out "title: Retitled" "-M sets metadata as --meta does"
run "$bin" convert --metadata=authors=A,B -t markdown story.txt
expect_out "- B" "--metadata=KEY=VALUE sets a list"
run "$bin" convert -s -t html story.txt
expect_status 0 "-s is accepted"
expect_out "<!DOCTYPE html>" "-s writes the whole page"
run "$bin" convert --standalone --fragment -t html story.txt
expect_status 2 "--standalone with --fragment"
run "$bin" convert --meta autors=X -t text story.txt
expect_status 2 "a mistyped metadata key"
expect_err "did you mean authors?" "a mistyped metadata key gets a suggestion"
"$bin" convert -f text -t markdown <story.txt >piped.txt 2>err.txt
ok $? "with no input named, convert reads what is piped in"
grep -q "Harbour bridge reopens" piped.txt; ok $? "and converts it"

printf 'Caf\xe9\n\nMore.\n' >koi.txt
run "$bin" convert --encoding iso-8859-5 -t text koi.txt
expect_out "Cafщ" "--encoding names the input's charset"
run "$bin" convert --encoding no-such-charset -t text koi.txt
expect_status 1 "an unknown --encoding"
expect_err "unknown encoding \"no-such-charset\"" "an unknown --encoding is named"

# --resource-path: local images for an article read from standard input.
mkdir -p pics
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\5\xfe\2\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82' >pics/dot.png
printf '# Pictured\n\n![A dot](dot.png)\n\nText.\n' >pictured.md
"$bin" convert -q -f markdown -o stdin-pics.epub - <pictured.md
python3 -c 'import sys,zipfile; sys.exit(1 if any(n.endswith(".png") for n in zipfile.ZipFile("stdin-pics.epub").namelist()) else 0)'
ok $? "from stdin, no folder is searched for images"
"$bin" convert -q -f markdown --resource-path pics -o stdin-pics.epub - <pictured.md
python3 -c 'import sys,zipfile; sys.exit(0 if any(n.endswith(".png") for n in zipfile.ZipFile("stdin-pics.epub").namelist()) else 1)'
ok $? "--resource-path DIR: the image is found there and embedded"

# --base-url: a saved page that names no address of its own.
printf '<html><head><title>Saved</title></head><body><article><h1>Saved</h1><p>Read <a href="../more.html">more</a> and see <img src="pic.jpg" alt="a pic">.</p><p>Second paragraph of the saved article, long enough to count as text.</p></article></body></html>' >saved.html
run "$bin" convert --base-url https://news.example.org/2024/03/story.html -t json saved.html
expect_out '"url": "https://news.example.org/2024/more.html"' "--base-url resolves a relative link"
expect_out '"url": "https://news.example.org/2024/03/pic.jpg"' "and a relative image"
expect_out '"source": "https://news.example.org/2024/03/story.html"' "--base-url is the source when the page names none"
printf '<html><head><title>Saved</title><link rel="canonical" href="https://own.example/a/b.html"></head><body><article><h1>Saved</h1><p>Read <a href="c.html">more</a>.</p><p>Second paragraph of the saved article, long enough to count.</p></article></body></html>' >canon.html
run "$bin" convert --base-url https://other.example/x/y.html -t json canon.html
expect_out '"url": "https://own.example/a/c.html"' "the page's canonical link wins over --base-url"
run "$bin" convert --base-url story.html -t json saved.html
expect_status 2 "--base-url wants an absolute URL"

# A quoted output of several lines stays TAP comments (meson reads every line).
[ "$(diag "stdout was: " "$(printf 'line one\nok 99 - not a test\n')" | grep -vc '^#')" = 0 ]
ok $? "diagnostics quote multi-line output as comment lines only"
# A newsMessage of several items: -o BOOK.epub makes a digest of its text
# items; a one-file output takes the first and warns with the count.
nar='xmlns="http://iptc.org/std/nar/2006-10-01/"'
item() { # item GUID HEADLINE CLASS
    printf '<newsItem guid="%s" standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:%s"/></itemMeta><contentMeta><headline>%s</headline></contentMeta><contentSet><inlineData contenttype="text/plain">Body of %s.</inlineData></contentSet></newsItem>' "$1" "$3" "$2" "$2"
}
{
    printf '<?xml version="1.0"?><newsMessage %s><header/><itemSet>' "$nar"
    item a "Wire one" text
    item p "A photo" picture
    item b "Wire two" text
    printf '</itemSet></newsMessage>'
} >message.xml
run "$bin" convert -o digest.epub message.xml
expect_status 0 "a newsMessage to -o BOOK.epub"
expect_err "item 2 of the newsMessage left out" "the picture item is left out with a warning"
python3 -c '
import sys, zipfile
z = zipfile.ZipFile("digest.epub")
text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xhtml"))
sys.exit(0 if "Wire one" in text and "Wire two" in text and "A photo" not in text else 1)'
ok $? "the digest holds a chapter per text item"
run "$bin" convert -t markdown message.xml
expect_status 0 "a newsMessage to one Markdown output"
expect_out "Wire one" "takes the first text item"
expect_err "holds 3 items; only the first text item is read" "and warns with the count"
case $out in *"Wire two"*) ok 1 "the second item is not in the one output" ;; *) ok 0 "the second item is not in the one output" ;; esac

run "$bin" convert -q -t markdown -d items-out --report items.jsonl message.xml story.txt
expect_status 0 "-d with a newsMessage among the inputs"
grep -q "Wire one" items-out/message.1.md && grep -q "Wire two" items-out/message.2.md
ok $? "-d writes one file per text item, STEM.1.EXT, STEM.2.EXT"
[ ! -e items-out/message.md ] && [ ! -e items-out/message.3.md ] && [ -e items-out/story.md ]
ok $? "no file for the whole message nor for the picture; other inputs as before"
grep -q '"input":"message.xml".*"items":2' items.jsonl; ok $? "the report line counts the items"
run "$bin" convert -t markdown -d items-out message.xml
expect_err "message.1.md exists, kept" "a second run keeps the item files"
expect_err "skipped 1" "and counts the input as skipped"

tap_done
