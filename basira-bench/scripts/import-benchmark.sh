#!/usr/bin/env bash
# Import time and peak memory of a generated store into H2 and into PostgreSQL, then a check of
# every exported card against an independent computation from the same CSV files.
#
#   basira-bench/scripts/import-benchmark.sh [CUSTOMERS] [ORDERS] [JAVA_OPTS]
#   e.g. basira-bench/scripts/import-benchmark.sh 100000 1000000 -Xmx1g
#
# Needs /usr/bin/time (apt-get install -y time), python3, and PostgreSQL on 127.0.0.1:5432
# (trust auth, user root) for the second half; the database basira_bench is dropped and re-created.
set -euo pipefail
customers=${1:-100000}
orders=${2:-1000000}
java_opts=${3:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/basira-server/target/basira-server.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests -pl basira-server -am package)
work=$(mktemp -d /tmp/basira-import-bench.XXXXXX)
J="java $java_opts -jar $jar"

$J demo generate --customers "$customers" --orders "$orders" --out "$work/store"
python3 "$here/basira-bench/scripts/independent_cards.py" --dir "$work/store" --out "$work/expected.csv"

echo "== H2"
/usr/bin/time -f "H2 import: %e s wall, %M KB peak RSS" $J import --store bench --dir "$work/store" --data "$work/h2"
$J export customers --store bench --out "$work/h2.csv" --data "$work/h2"
python3 "$here/basira-bench/scripts/compare_exports.py" "$work/h2.csv" "$work/expected.csv"

echo "== PostgreSQL"
psql -h 127.0.0.1 -U root -d test -qc 'DROP DATABASE IF EXISTS basira_bench' -c 'CREATE DATABASE basira_bench'
pg="--db-url jdbc:postgresql://127.0.0.1:5432/basira_bench --db-user root"
/usr/bin/time -f "PostgreSQL import: %e s wall, %M KB peak RSS" $J import --store bench --dir "$work/store" $pg
$J export customers --store bench --out "$work/pg.csv" $pg
python3 "$here/basira-bench/scripts/compare_exports.py" "$work/pg.csv" "$work/expected.csv"
cmp "$work/h2.csv" "$work/pg.csv" && echo "H2 and PostgreSQL exports are identical"
echo "files in $work"
