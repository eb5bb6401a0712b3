#!/usr/bin/env bash
# End-to-end timing of `attribution check --format json` over ../shared/corpus/*.jsonl:
# wall time, MB/s, articles/s and peak RSS, on one thread and on every core (three runs each, median).
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "../shared/corpus is absent: nothing to time." >&2
  exit 0
fi
dotnet build src/Attribution.Cli -c Release -v quiet -nologo >/dev/null
bytes=$(cat "$corpus"/*.jsonl | wc -c)
articles=$(cat "$corpus"/*.jsonl | grep -c .)

# The build as installed (JIT), then a ReadyToRun publish for this machine (E2E_R2R=0 skips it).
builds=("jit:src/Attribution.Cli/bin/Release/net10.0/attribution")
if [ "${E2E_R2R:-1}" = 1 ]; then
  r2r=$(mktemp -d)
  dotnet publish src/Attribution.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$r2r" -v quiet -nologo >/dev/null
  builds+=("r2r:$r2r/attribution")
fi

for build in "${builds[@]}"; do
name=${build%%:*}
bin=${build#*:}
for threads in 1 "$(nproc)"; do
  runs=()
  for _ in 1 2 3; do
    runs+=("$( { /usr/bin/time -f '%e %M' "$bin" check --threads "$threads" --format json "$corpus"/*.jsonl >/dev/null; } 2>&1 | tail -1)")
  done
  median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
  read -r seconds rss <<<"$median"
  awk -v t="$threads" -v s="$seconds" -v b="$bytes" -v a="$articles" -v r="$rss" \
    -v n="$name" 'BEGIN { printf "%s threads=%s: %.2f s, %.1f MB/s, %.0f articles/s, peak RSS %.0f MB\n", n, t, s, b / 1e6 / s, a / s, r / 1024 }'
done
starts=()
for _ in 1 2 3 4 5; do
  starts+=("$( { /usr/bin/time -f '%e' "$bin" check samples/iraq-withdrawal.txt >/dev/null; } 2>&1 | tail -1)")
done
echo "$name one-story check (text, median of 5): $(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p) s"
done
