# Sourced by the sandbox's shell runners (curl.sh, go.sh): one way to start a sandbox for a test.
#   start_sandbox BINARY SECONDS
# starts BINARY (payseal-sandbox) on a free loopback port, with fresh 2048-bit keys, refunds that
# settle after 100 ms, and at most SECONDS to live (`timeout`), in a temporary directory that is
# removed — the sandbox killed first — when the script exits; then waits (at most 60 s) for its
# ready file. Sets work (the directory; the sandbox's stderr is $work/sandbox.log), ready (the
# ready file), keys (the keys directory), url and pid. Returns non-zero when the sandbox does not
# start.

start_sandbox() {
  local binary=$1 seconds=$2
  work=$(mktemp -d)
  pid=
  trap stop_sandbox EXIT
  ready=$work/ready.json
  keys=$work/keys
  timeout "$seconds" "$binary" --port 0 --key-bits 2048 --keys-dir "$keys" --ready-file "$ready" \
    --refund-settle-ms 100 >/dev/null 2>"$work/sandbox.log" &
  pid=$!
  for _ in $(seq 1 600); do [ -s "$ready" ] && break; sleep 0.1; done
  [ -s "$ready" ] || return 1
  url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$ready")
}

stop_sandbox() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
