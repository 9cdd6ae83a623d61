#!/usr/bin/env bash
# The crash check (README "Operations"): one node on PostgreSQL, N proposals (default 60), the JVM
# killed with kill -9 once a third are answered, restart, then count:
#   tools/crash-check.sh [N]               (port PORT=8083; DB=... to name the database)
# Prints accepted / unanswered / lost / doubled (lost 0 and doubled 0 expected, and no register row
# without its process), stops the node and drops the database. Exit status 0 only when all hold.
source "$(dirname "$0")/nodes.sh"
PORT=${PORT:-8083}
trap 'stop_all; drop_db' EXIT
build_jar
create_db
: >"$LOGS/crash.log"
start_node crash "$PORT"; wait_ready "$PORT"
echo "node on database $DB: http://localhost:$PORT (pid ${NODE_PID[crash]})"
python3 tools/crash-check.py load "http://localhost:$PORT" "${1:-60}" "${NODE_PID[crash]}" "$LOGS/crash-state.json"
wait "${NODE_PID[crash]}" 2>/dev/null || true
echo "restarting the node ..."
start_node crash "$PORT"; wait_ready "$PORT"
python3 tools/crash-check.py check "http://localhost:$PORT" "$LOGS/crash-state.json"
