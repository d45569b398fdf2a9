# Sourced by the sandbox's shell tests (curl.sh, php.sh): one way to run the sandbox for a test,
# so that every runner starts it alike and never leaves one behind.
#
#   start_sandbox BINARY   starts BINARY on a free loopback port (--port 0) with fresh 2048-bit keys
#                          in a new temporary directory, under `timeout`, and waits for its ready
#                          file (60 s at most; at once when it exits); kills it and removes the directory on exit (trap).
#                          Sets work (the directory: keys/, ready.json, sandbox.log), pid and url.
#                          Returns 1 when it does not start (its log is in $work/sandbox.log).

start_sandbox() {
  work=$(mktemp -d)
  pid=
  trap stop_sandbox EXIT
  timeout 300 "$1" --port 0 --key-bits 2048 --keys-dir "$work/keys" --ready-file "$work/ready.json" \
    --refund-settle-ms 100 >/dev/null 2>"$work/sandbox.log" &
  pid=$!
  for _ in $(seq 1 600); do
    [ -s "$work/ready.json" ] && break
    kill -0 "$pid" 2>/dev/null || return 1   # it exited: no use waiting
    sleep 0.1
  done
  [ -s "$work/ready.json" ] || return 1
  url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$work/ready.json")
}

stop_sandbox() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "${work:?}"
}
