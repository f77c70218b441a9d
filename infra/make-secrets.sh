#!/usr/bin/env bash
# Creates the secrets infra/compose.yaml reads, once, in infra/secrets/ (or the directory given).
# Keep them, and back them up with the store: the complaint pepper keys every receipt citizens hold,
# and a lost pepper orphans them all. An existing secret is never overwritten.
set -euo pipefail
dir="${1:-$(dirname "$0")/secrets}"
mkdir -p "$dir"
# The directory keeps other host users out; the files must stay readable by the container's unprivileged
# user, since compose bind-mounts file secrets with their host owner and mode.
chmod 700 "$dir"
new() {
  [ -e "$dir/$1" ] && return
  "${@:2}" > "$dir/$1"
  chmod 644 "$dir/$1"
  echo "created $dir/$1" >&2
}
new jwt-secret openssl rand -base64 32
new complaint-pepper openssl rand -base64 32
new neo4j-password openssl rand -hex 24
new cursor-key openssl rand -base64 32
# the Neo4j image reads user/password from one file
new neo4j-auth printf 'neo4j/%s' "$(cat "$dir/neo4j-password")"
