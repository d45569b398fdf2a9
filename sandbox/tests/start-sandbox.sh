# Sourced by the shell runners of the sandbox flows (curl.sh, csharp.sh), so that each starts the
# sandbox the same way: `start_sandbox BINARY` runs it on a free loopback port (--port 0) in a
# fresh temporary directory, under `timeout`, with 2048-bit keys (a fast start) and refunds that
# settle after 100 ms, waits (at most 60 s) for its ready file, and on exit kills it and removes
# the directory. It sets
#   work   the directory (the sandbox's stderr is $work/sandbox.log)
#   ready  the ready file (the JSON line with the URLs and key paths)
#   keys   the keys directory it wrote
#   url    its root URL, http://127.0.0.1:PORT
#   pid    its process id
# and returns non-zero, having printed its log on stderr, when it did not start.

stop_sandbox() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "${work:-}" ] && rm -rf "$work"
}

start_sandbox() {
  work=$(mktemp -d)
  pid=
  trap stop_sandbox EXIT
  ready=$work/ready.json
  keys=$work/keys
  timeout 300 "$1" --port 0 --key-bits 2048 --keys-dir "$keys" --ready-file "$ready" \
    --refund-settle-ms 100 >/dev/null 2>"$work/sandbox.log" &
  pid=$!
  for _ in $(seq 1 600); do [ -s "$ready" ] && break; sleep 0.1; done
  if [ ! -s "$ready" ]; then
    echo "the sandbox did not start:" >&2
    cat "$work/sandbox.log" >&2
    return 1
  fi
  url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$ready")
}
