#!/usr/bin/env bash
# What depending on payseal costs a program's build: for each revision given, a clean debug build
# of a copy of tests/dependent (this working tree's source, cargo's default profile, as a new
# user's crate has) against payseal at that revision, timed, and the sizes of what it leaves in
# its own target directory — the whole directory and every libpayseal* file.
#
#   tests/dependent/measure.sh ac4bcc1 HEAD     # before and after the crate split
#
# Not part of the test run (it builds AWS-LC from scratch each time). Wall times on a shared
# machine drift: run revisions alternately, more than once, and read them with the load average
# printed beside them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -gt 0 ] || set -- HEAD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset CARGO_TARGET_DIR

run=0
for rev in "$@"; do
  run=$((run + 1))
  dir=$work/$run
  mkdir -p "$dir/payseal" "$dir/dependent/src"
  git -C "$root" archive "$rev" | tar -x -C "$dir/payseal"
  cp "$here"/src/*.rs "$dir/dependent/src/"
  cp "$dir/payseal/Cargo.lock" "$dir/dependent/Cargo.lock"
  cat >"$dir/dependent/Cargo.toml" <<TOML
[package]
name = "payseal-dependent"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
payseal = { path = "$dir/payseal" }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
rmp-serde = "1.3"

[workspace]
TOML
  (cd "$dir/dependent" && cargo fetch -q)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  (cd "$dir/dependent" && cargo build -q)
  ms=$((($(date +%s%N) - start) / 1000000))
  total=$(du -sb "$dir/dependent/target" | cut -f1)
  echo "$rev ($(git -C "$root" rev-parse --short "$rev")): clean debug build $((ms / 1000)).$((ms % 1000 / 100)) s (load $load); target/ $((total / 1048576)) MiB"
  find "$dir/dependent/target" -name 'libpayseal*' -type f -printf '%s %P\n' | sort -n |
    awk '{ printf "  %8.1f MiB  %s\n", $1 / 1048576, $2 }'
  rm -rf "$dir"
done
