#!/usr/bin/env bash
# Two real nodes on one PostgreSQL database, racing each other (README "Operations"):
#   tools/two-node-race.sh [PROPOSALS]     (default 20; ports PORT_A=8083, PORT_B=8093; DB=... to name the database)
# Starts node A, then node B once A has loaded the demo register, runs tools/two-node-race.py against
# both, prints its figures (server errors, redirected writes, lost, doubled; all 0 expected), stops both
# nodes and drops the database. Exit status 0 only when every figure is 0.
source "$(dirname "$0")/nodes.sh"
PORT_A=${PORT_A:-8083} PORT_B=${PORT_B:-8093}
trap 'stop_all; drop_db' EXIT
build_jar
create_db
: >"$LOGS/race-a.log"; : >"$LOGS/race-b.log"
start_node race-a "$PORT_A"; wait_ready "$PORT_A"
start_node race-b "$PORT_B"; wait_ready "$PORT_B"
echo "two nodes on database $DB: http://localhost:$PORT_A and http://localhost:$PORT_B"
python3 tools/two-node-race.py "http://localhost:$PORT_A" "http://localhost:$PORT_B" "${1:-20}"
