# Shared by tools/two-node-race.sh and tools/crash-check.sh: the application as built by Maven, on a
# fresh PostgreSQL database of its own (127.0.0.1:5432, user postgres, no password, as on the project's
# machines; PGHOST/PGPORT/PGUSER to change), demo users and register. Source it; do not run it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${DB:-cms_check_$$}  # any name; the project helpers use i14ops_*
LOGS=target/checks
mkdir -p "$LOGS"
declare -A NODE_PID=()

build_jar() {
  JAR=$(ls target/cms-partnerships-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [[ -z "$JAR" || -n "$(find src processes forms pom.xml -newer "$JAR" -type f | head -1)" ]]; then
    echo "building the application (tests skipped) ..."
    ./mvnw -q -DskipTests -Dbpmnlint.skip=true package
    JAR=$(ls target/cms-partnerships-*.jar | grep -v plain | head -1)
  fi
}

create_db() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
}

drop_db() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
}

sql() {
  psql -qtA -d "$DB" -c "$1"
}

# start_node NAME PORT: one node on the database, its log under target/checks/NAME.log (appended).
start_node() {
  CMS_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" CMS_DB_USER="$PGUSER" \
    java -Xmx512m -jar "$JAR" --spring.profiles.active=postgres,demo --server.port="$2" \
    >>"$LOGS/$1.log" 2>&1 &
  NODE_PID[$1]=$!
}

# wait_ready PORT [SECONDS]: until the readiness probe answers UP.
wait_ready() {
  local deadline=$((SECONDS + ${2:-240}))
  until curl -fs "http://localhost:$1/readyz" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then echo "node on port $1 did not start; see $LOGS/" >&2; return 1; fi
    sleep 2
  done
}

stop_node() {
  local pid=${NODE_PID[$1]:-}
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  NODE_PID[$1]=
}

stop_all() {
  for name in "${!NODE_PID[@]}"; do stop_node "$name"; done
}
