#!/usr/bin/env bash
# Fuzzes one target with AFL++ and SharpFuzz, then keeps what it found as regression inputs.
#
#   tests/Attribution.Fuzz/fuzz.sh story|markup|rule-yaml [SECONDS]     (default 600)
#
# Needs afl-fuzz (Debian: apt-get install afl++); installs the sharpfuzz instrumenter into the work
# folder. Seeds come from samples/ (stories) and rules/ (rule files). Crashes and hangs are copied to
# tests/Attribution.Tests/Fuzz/<target>/, where FuzzRegressionTests replays them on every test run.
set -euo pipefail
target=${1:?usage: fuzz.sh story|markup|rule-yaml [seconds]}
seconds=${2:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-/tmp/attribution-fuzz}
bin=$work/bin
mkdir -p "$work"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
if [ ! -x "$work/tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

# A separate build whose parser, readers and rules are instrumented for coverage.
rm -rf "$bin"
dotnet build "$root/tests/Attribution.Fuzz" -c Release -o "$bin" -nologo -v quiet >/dev/null
for assembly in Attribution.Text Attribution.Analysis; do
  "$work/tools/sharpfuzz" "$bin/$assembly.dll" >/dev/null
done

seeds=$work/seeds/$target
rm -rf "$seeds" && mkdir -p "$seeds"
case $target in
  story) cp "$root"/samples/*.txt "$root"/samples/*.md "$seeds"/ ;;
  markup) cp "$root"/samples/*.html "$root"/samples/*.nitf "$seeds"/ ;;
  rule-yaml)
    find "$root/rules" -mindepth 2 -name '*.yml' -not -path '*/lexicon/*' -exec cp {} "$seeds"/ \;
    # Nesting the limit must stop (YamlFile.MaxDepth is 64): flow lists and block mappings 100 deep.
    { printf 'id: NR0001\ntitle: Deep\ncategory: Style\nseverity: warning\nscope: quote\nwhen: quote.Text.Length > 0\nmessage: "deep"\nexamples: '
      printf '[%.0s' $(seq 100); printf ']%.0s' $(seq 100); printf '\n'; } > "$seeds/deep-flow.yml"
    { printf 'id: NR0002\ntitle: Deep\ncategory: Style\nseverity: warning\nscope: quote\nwhen: quote.Text.Length > 0\nmessage: "deep"\nexamples:\n'
      for i in $(seq 100); do printf "%*sk$i:\n" $((i * 2)) ''; done; } > "$seeds/deep-block.yml"
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

findings=$work/findings-$target
rm -rf "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
afl-fuzz -V "$seconds" -i "$seeds" -o "$findings" -t 10000 -m none -- "$bin/attribution-fuzz" "$target" \
  > "$work/afl-$target.log" 2>&1 || { tail -20 "$work/afl-$target.log" >&2; exit 1; }

stats=$findings/default/fuzzer_stats
echo "$target: $(grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time) ' "$stats" | awk '{printf "%s=%s ", $1, $3}')"
keep=$root/tests/Attribution.Tests/Fuzz/$target
found=0
for f in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
  [ -e "$f" ] || continue
  mkdir -p "$keep"
  cp "$f" "$keep/$(basename "$(dirname "$f")")-$(sha1sum "$f" | cut -c1-12)"
  found=$((found + 1))
done
echo "$target: $found crash or hang input(s) kept in ${keep#$root/}"
