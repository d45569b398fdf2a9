# Sourced by the sandbox's shell runners (curl.sh, php.sh, go.sh, csharp.sh): one way to start a
# sandbox for a test.
#   start_sandbox BINARY [SECONDS]
# starts BINARY (payseal-sandbox) on a free loopback port, with fresh 2048-bit keys, refunds that
# settle after 100 ms, and at most SECONDS (default 300) to live (`timeout`), in a temporary
# directory that is removed — the sandbox killed first — when the script exits; then waits (at most
# 60 s, less if the sandbox exits) for its ready file. Sets work (the directory; the sandbox's
# stderr is $work/sandbox.log), ready (the ready file), keys (the keys directory), url and pid.
# Returns non-zero, after printing the sandbox's log to stderr, when the sandbox does not start.
#   sandbox_binary
# prints the sandbox binary's path: PAYSEAL_SANDBOX_BIN, else the debug build of the whole
# workspace with every feature (what the test command's cross-backend run has built; built here if
# it is not). Fails when there is no executable there.

sandbox_binary() {
  local binary=${PAYSEAL_SANDBOX_BIN:-}
  if [ -z "$binary" ]; then
    cargo test -q --workspace --all-features --no-run >&2
    binary=${CARGO_TARGET_DIR:-target}/debug/payseal-sandbox
  fi
  [ -x "$binary" ] || { echo "no sandbox binary at $binary" >&2; return 1; }
  echo "$binary"
}

stop_sandbox() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "${work:-}" ] && rm -rf "$work"
}

start_sandbox() {
  local binary=$1 seconds=${2:-300}
  work=$(mktemp -d)
  pid=
  trap stop_sandbox EXIT
  ready=$work/ready.json
  keys=$work/keys
  timeout "$seconds" "$binary" --port 0 --key-bits 2048 --keys-dir "$keys" --ready-file "$ready" \
    --refund-settle-ms 100 >/dev/null 2>"$work/sandbox.log" &
  pid=$!
  for _ in $(seq 1 600); do
    [ -s "$ready" ] && break
    kill -0 "$pid" 2>/dev/null || break   # it exited: no use waiting
    sleep 0.1
  done
  if [ ! -s "$ready" ]; then
    echo "the sandbox did not start; its log:" >&2
    cat "$work/sandbox.log" >&2
    return 1
  fi
  url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$ready")
}
