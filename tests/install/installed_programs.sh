#!/usr/bin/env bash
# Installs the build into a fresh prefix and checks that the installed
# programs bring all their data and use it, not the source tree:
#  - bin/ and share/easyread/ hold the programs, the pictures with their
#    licence, the rule sets, word lists, glossary, surveys and examples, and
#    nothing from the source or build tree;
#  - the prefix, moved elsewhere, builds a document from another folder with
#    EASYREAD_DATA_DIR unset;
#  - a rule set taken out of the moved prefix is missed: the source tree's
#    copy is not used instead;
#  - EASYREAD_DATA_DIR overrides the installed data both ways.
# usage: installed_programs.sh BUILD_DIR WORK_DIR KIOSK_BUILT(0|1)
set -euo pipefail
build=$1
work=$2
kiosk_built=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/doc" "$work/empty"
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 ||
  fail "cmake --install failed: $(cat "$work/install.log")"

# What is installed.
data=share/easyread
for f in bin/easyread \
  $data/symbols/LICENSE-openmoji.txt $data/symbols/CREDITS.md $data/symbols/index.tsv \
  $data/templates/concepts.tsv $data/templates/glossary/health-and-social-care.txt \
  $data/templates/rules/uk-easy-read.rules $data/templates/rules/easy-read-standard.rules \
  $data/templates/rules/plain-english.rules $data/templates/words/plain-words.txt \
  $data/templates/words/common-words.txt $data/templates/words/same-things.txt \
  $data/templates/surveys/board-event.md $data/templates/examples/stocktake.md; do
  [ -s "$work/prefix/$f" ] || fail "cmake --install did not put $f in the prefix"
done
if [ "$kiosk_built" = 1 ]; then
  [ -x "$work/prefix/bin/easyread-kiosk" ] || fail "cmake --install did not put bin/easyread-kiosk in the prefix"
fi
pictures=$(find "$work/prefix/$data/symbols" -name '*.svg' | wc -l)
[ "$pictures" -ge 500 ] || fail "only $pictures pictures installed in $data/symbols"
stray=$(find "$work/prefix" -name CMakeLists.txt -o -name '*.cpp' -o -name '*.hpp' -o -name '*.py' -o -name '*.cmake')
[ -z "$stray" ] || fail "source files installed: $stray"
grep -rlF "$build" "$work/prefix/$data" && fail "installed data names the build folder $build"

# Moved elsewhere, from another folder, on its own data.
mv "$work/prefix" "$work/moved"
easyread=$work/moved/bin/easyread
cp "$work/moved/$data/templates/examples/stocktake.md" "$work/doc/my-plan.md"
cd "$work/doc"
mkdir out empty-out
env -u EASYREAD_DATA_DIR "$easyread" build my-plan.md -o out/ >"$work/build.log" 2>&1 ||
  fail "the installed easyread could not build a document: $(cat "$work/build.log")"
[ -s out/my-plan.pdf ] && [ -s out/my-plan.html ] || fail "no out/my-plan.pdf and out/my-plan.html"
env -u EASYREAD_DATA_DIR "$easyread" check my-plan.md --rules plain-english >"$work/check.log" 2>&1 ||
  fail "the installed easyread check failed: $(cat "$work/check.log")"
env -u EASYREAD_DATA_DIR "$easyread" pictures --list doctor >"$work/pictures.log" 2>&1 ||
  fail "easyread pictures --list failed: $(cat "$work/pictures.log")"
[ -s "$work/pictures.log" ] || fail "the installed picture bank has no doctor"

# A rule set taken out of the installed data is missed, not found in the source tree.
mv "$work/moved/$data/templates/rules/plain-english.rules" "$work/plain-english.rules"
set +e
env -u EASYREAD_DATA_DIR "$easyread" check my-plan.md --rules plain-english >"$work/missing.log" 2>&1
code=$?
set -e
[ "$code" != 0 ] || fail "with plain-english.rules taken out of the install, check still found it (in the source tree?)"
grep -q "plain-english" "$work/missing.log" || fail "the missing rule set is not named: $(cat "$work/missing.log")"

# EASYREAD_DATA_DIR wins over the installed data, both ways.
mkdir -p "$work/other"
cp -r "$work/moved/$data/." "$work/other/"
cp "$work/plain-english.rules" "$work/other/templates/rules/"
EASYREAD_DATA_DIR=$work/other "$easyread" check my-plan.md --rules plain-english >"$work/other.log" 2>&1 ||
  fail "EASYREAD_DATA_DIR=$work/other did not supply the rule set: $(cat "$work/other.log")"
set +e
EASYREAD_DATA_DIR=$work/empty "$easyread" build my-plan.md -o empty-out/ >"$work/empty.log" 2>&1
code=$?
set -e
[ "$code" != 0 ] || grep -q "index.tsv\|EASYREAD_DATA_DIR" "$work/empty.log" ||
  fail "EASYREAD_DATA_DIR pointing at an empty folder went unnoticed: $(cat "$work/empty.log")"

if [ "$kiosk_built" = 1 ]; then
  "$work/moved/bin/easyread-kiosk" --version >/dev/null || fail "the installed easyread-kiosk does not start"
fi
echo "installed programs and data: all checks passed"
