#!/usr/bin/env bash
# Start/stop librdkafka's built-in mock Kafka cluster (via kcat) for tests.
#   infra/kafka-mock.sh start|stop|status
# Env: KAFKA_MOCK_DIR (default ./.kafka-mock), KAFKA_MOCK_BROKERS (default 3), KAFKA_MOCK_TIMEOUT (default 15)
# Files: $KAFKA_MOCK_DIR/bootstrap, kcat.pid, kcat.log.  Needs: apt-get install -y kcat
set -euo pipefail
DIR="${KAFKA_MOCK_DIR:-$PWD/.kafka-mock}"; BROKERS="${KAFKA_MOCK_BROKERS:-3}"; TIMEOUT="${KAFKA_MOCK_TIMEOUT:-15}"
PIDFILE="$DIR/kcat.pid"; LOG="$DIR/kcat.log"; BOOT="$DIR/bootstrap"
# A live kcat of ours: exists, is kcat, and is not a zombie (a killed kcat can linger as one until reaped).
is_our_kcat() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == kcat* ]] &&
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]
}
stop() {
  if [[ -f "$PIDFILE" ]]; then
    local pid; pid="$(cat "$PIDFILE")"
    if is_our_kcat "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # kcat needs ~2 s
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
      echo "kafka-mock: stopped pid $pid" >&2
    fi
    rm -f "$PIDFILE"
  fi
  rm -f "$BOOT"
}
start() {
  command -v kcat >/dev/null || { echo "kafka-mock: kcat not found (apt-get install -y kcat)" >&2; exit 1; }
  mkdir -p "$DIR"
  if [[ -f "$PIDFILE" ]] && is_our_kcat "$(cat "$PIDFILE")" && [[ -s "$BOOT" ]]; then
    echo "kafka-mock: already running (pid $(cat "$PIDFILE"))" >&2; cat "$BOOT"; return 0
  fi
  rm -f "$PIDFILE" "$BOOT" "$LOG"
  kcat -q -C -b localhost:1 -t _mock -X "test.mock.num.brokers=$BROKERS" </dev/null >/dev/null 2>"$LOG" &
  local pid=$!; echo "$pid" >"$PIDFILE"
  local servers="" deadline=$((SECONDS + TIMEOUT))
  while (( SECONDS < deadline )); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "kafka-mock: kcat exited early:" >&2; cat "$LOG" >&2; rm -f "$PIDFILE"; exit 1; fi
    servers="$(grep -m1 -oE '(bootstrap\.servers=|replaced with )[0-9.]+:[0-9]+(,[0-9.]+:[0-9]+)*' "$LOG" 2>/dev/null \
               | sed -E 's/^(bootstrap\.servers=|replaced with )//' || true)"
    [[ -n "$servers" ]] && break
    sleep 0.1
  done
  if [[ -z "$servers" ]]; then echo "kafka-mock: no bootstrap servers after ${TIMEOUT}s; log:" >&2; cat "$LOG" >&2; stop; exit 1; fi
  local hp
  for hp in ${servers//,/ }; do
    until (exec 3<>"/dev/tcp/${hp%:*}/${hp##*:}") 2>/dev/null; do
      (( SECONDS < deadline )) || { echo "kafka-mock: $hp not accepting connections" >&2; stop; exit 1; }
      sleep 0.1
    done
  done
  printf '%s\n' "$servers" >"$BOOT.tmp" && mv "$BOOT.tmp" "$BOOT"
  echo "kafka-mock: started pid $pid, brokers $servers" >&2
  echo "$servers"
}
case "${1:-}" in
  start) start ;; stop) stop ;;
  status) if [[ -f "$PIDFILE" ]] && is_our_kcat "$(cat "$PIDFILE")"; then echo "running pid $(cat "$PIDFILE") $(cat "$BOOT" 2>/dev/null)"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
