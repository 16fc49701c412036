#!/usr/bin/env bash
# Regenerates the announcer's recorded clips (public/clips/*.wav) from
# src/announcer/clip-catalogue.json with espeak-ng. Deterministic: same espeak-ng version, same
# bytes. Needs espeak-ng (apt-get install espeak-ng) and node.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
command -v espeak-ng >/dev/null || { echo "espeak-ng is not installed (apt-get install espeak-ng)" >&2; exit 1; }
exec node "$here/scripts/make-clips.mjs" "$@"
