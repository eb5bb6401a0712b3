#!/usr/bin/env bash
# How a story's cost grows with its length: the text samples repeated into one story of 1, 2, 4, 8 and
# 16 MB, each checked once (`check --format json`), with wall time, MB/s and peak RSS.
# Usage: growth.sh [path/to/attribution]   (default: the Release build, built first)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
if [ -z "$bin" ]; then
  dotnet build src/Attribution.Cli -c Release -v quiet -nologo >/dev/null
  bin=src/Attribution.Cli/bin/Release/net10.0/attribution
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat samples/*.txt >"$work/seed.txt"
for mb in 1 2 4 8 16; do
  story="$work/story-$mb.txt"
  : >"$story"
  while [ "$(wc -c <"$story")" -lt $((mb * 1000000)) ]; do
    cat "$work/seed.txt" >>"$story"
    printf '\n\n' >>"$story"
  done
  bytes=$(wc -c <"$story")
  started=$(date +%s%N)
  rss=$( { /usr/bin/time -f "%M" "$bin" check --format json "$story" >/dev/null; } 2>&1 | tail -1)
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  awk -v mb="$mb" -v b="$bytes" -v ms="$ms" -v r="$rss" \
    'BEGIN { printf "%2d MB story: %.2f s, %.1f MB/s, peak RSS %.0f MB\n", mb, ms / 1000, b / 1e6 / (ms / 1000), r / 1024 }'
done
