#!/usr/bin/env bash
# End-to-end timing of `attribution check --format json` over ../shared/corpus/*.jsonl:
# wall time, MB/s, articles/s and peak RSS, on one thread and on every core (medians), and the speed-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "../shared/corpus is absent: nothing to time." >&2
  exit 0
fi
bytes=$(cat "$corpus"/*.jsonl | wc -c)
articles=$(cat "$corpus"/*.jsonl | grep -c .)

# The portable build (JIT; E2E_JIT=0 skips it), then the tool as a user installs it: packed and installed
# from the package, which on linux-x64 is the one compiled ahead of time (Native AOT; E2E_TOOL=0 skips it).
# E2E_TOOL=/path/to/attribution times a tool installed before instead of packing one, so a quiet minute of
# a busy machine is not spent building.
builds=()
if [ "${E2E_JIT:-1}" = 1 ]; then
  builds+=("jit:src/Attribution.Cli/bin/Release/net10.0/attribution")
fi
case "${E2E_TOOL:-1}" in
  0 | 1) ;;
  *)
    if [ ! -x "$E2E_TOOL" ]; then
      echo "E2E_TOOL=$E2E_TOOL is not an executable file." >&2
      exit 2
    fi
    builds+=("tool:$E2E_TOOL")
    ;;
esac
# The compiled package can only be built on linux-x64; elsewhere only the portable build is timed.
if [ "${E2E_TOOL:-1}" = 1 ] && [ "$(uname -sm)" = "Linux x86_64" ]; then
  tool=$(mktemp -d)
  for rid in "" linux-x64; do
    dotnet pack src/Attribution.Cli -c Release ${rid:+-r $rid} -o "$tool/packages" -v quiet -nologo >/dev/null
  done
  NUGET_PACKAGES="$tool/cache" dotnet tool install --tool-path "$tool/bin" --add-source "$tool/packages" Attribution >/dev/null
  builds+=("tool:$tool/bin/attribution")
fi
# Built after packing: packing the pointer package cleans the portable build's executable away.
if [ "${E2E_JIT:-1}" = 1 ]; then
  dotnet build src/Attribution.Cli -c Release -v quiet -nologo >/dev/null
fi
# The control (E2E_CONTROL=0 skips it): before each round, how far the machine lets two threads of a .NET
# process scale at that moment, with no Attribution code in it (Attribution.Benchmarks --control). On a
# shared virtual machine that changes from minute to minute, so each speed-up is also reported for the
# rounds the control found at 1.7x or more and for the others.
control=""
if [ "${E2E_CONTROL:-1}" = 1 ] && [ "$(nproc)" -ge 2 ]; then
  dotnet build tests/Attribution.Benchmarks -c Release -v quiet -nologo >/dev/null
  control=tests/Attribution.Benchmarks/bin/Release/net10.0/Attribution.Benchmarks.dll
fi
tool_times=$(mktemp)
trap 'rm -f "$tool_times"' EXIT
if [ ${#builds[@]} = 0 ]; then
  echo "Nothing to time: E2E_JIT=0, and the tool is skipped (E2E_TOOL=0) or cannot be packed here." >&2
  exit 2
fi

# One thread and every core take turns, round by round (E2E_RUNS rounds, 5 unless set), so a change in the
# machine's speed during the runs falls on both alike and the speed-up compares like with like.
rounds=${E2E_RUNS:-5}
cores=$(nproc)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for build in "${builds[@]}"; do
  name=${build%%:*}
  bin=${build#*:}
  : >"$tool_times"
  for _ in $(seq "$rounds"); do
    scaled=0
    if [ -n "$control" ]; then
      # A control that fails counts as one that did not scale; the round is still timed.
      scaled=$(dotnet "$control" --control | sed -n 's/^control: two threads \([0-9.]*\)x.*/\1/p') || scaled=0
      scaled=${scaled:-0}
    fi
    for threads in 1 "$cores"; do
      # Wall time to the millisecond (time's own is to the hundredth), peak RSS from time.
      started=$(date +%s%N)
      rss=$( { /usr/bin/time -f "%M" "$bin" check --threads "$threads" --format json "$corpus"/*.jsonl >/dev/null; } 2>&1 | tail -1)
      echo "$threads $(( ($(date +%s%N) - started) / 1000000 )) $rss $scaled" >>"$tool_times"
    done
  done
  one=$(awk '$1 == 1 { print $2 / 1000 }' "$tool_times" | median)
  for threads in 1 "$cores"; do
    seconds=$(awk -v t="$threads" '$1 == t { print $2 / 1000 }' "$tool_times" | median)
    rss=$(awk -v t="$threads" '$1 == t { print $3 }' "$tool_times" | sort -n | tail -1)
    awk -v t="$threads" -v s="$seconds" -v b="$bytes" -v a="$articles" -v r="$rss" -v n="$name" -v one="$one" -v k="$rounds" \
      'BEGIN { printf "%s threads=%s: %.3f s, %.1f MB/s, %.0f articles/s, peak RSS %.0f MB", n, t, s, b / 1e6 / s, a / s, r / 1024;
               if (t > 1) printf ", %.2fx one thread", one / s;
               printf " (median of %d)\n", k }'
  done
  if [ -n "$control" ]; then
    # Each round's own speed-up (its one-thread time over its two-thread time), by what the control found then.
    split=""
    for side in high low; do
      picked=$(awk -v side="$side" '$1 == 1 { one = $2; next }
        (side == "high") == ($4 >= 1.7) { printf "%.4f %s\n", one / $2, $4 }' "$tool_times")
      [ -n "$picked" ] || continue
      count=$(echo "$picked" | wc -l)
      speedup=$(echo "$picked" | cut -d' ' -f1 | median)
      allowed=$(echo "$picked" | cut -d' ' -f2 | median)
      [ "$side" = high ] && where="scaled 1.7x or more" || where="scaled less"
      split="$split${split:+; }$(printf '%.2fx in %d round(s) where a .NET loop %s (control median %.2fx)' "$speedup" "$count" "$where" "$allowed")"
    done
    echo "$name speed-up by what the control allowed: $split"
  fi
  starts=()
  for _ in 1 2 3 4 5; do
    starts+=("$( { /usr/bin/time -f '%e' "$bin" check samples/iraq-withdrawal.txt >/dev/null; } 2>&1 | tail -1)")
  done
  echo "$name one-story check (text, median of 5): $(printf '%s\n' "${starts[@]}" | median) s"
done
