#!/usr/bin/env bash
# Whole-platform CPU per registration (bench/README.md item 6, session 11). usage:
#   WT=<worktree> PGPORT=.. KAFKA=localhost:.. M=http://localhost:.. BUILDINGS=<ids file> measure.sh LABEL [SECONDS]
# Needs the bench module packaged (bench/target/classpath.txt). Warm up with the same wrk first.
set -u
WT=${WT:?worktree}; PGPORT=${PGPORT:?postgres port}; KAFKA=${KAFKA:?broker host:port}; M=${M:?members-service base URL}; T=$(cd "$(dirname "$0")" && pwd)
label=$1; secs=${2:-30}
out=${OUT:-/tmp}/write-cost-$label; mkdir -p $out
q() { psql -h localhost -p $PGPORT -U postgres -d $1 -Atc "$2"; }
CP="$(cat $WT/bench/target/classpath.txt)"
drain() {
  local t0=$(date +%s.%N)
  while true; do
    local p=0
    for d in members branches activities; do p=$((p + $(q $d "select count(*) from eventing_outbox where published_at is null"))); done
    local lag=$(java -cp "$CP" $T/Lag.java $KAFKA 2>/dev/null | cut -d' ' -f1)
    if [[ "$p" == 0 && "$lag" == 0 ]]; then break; fi
    sleep 1
  done
  echo "drained after $(echo "$(date +%s.%N) - $t0" | bc) s"
}
stats() { for d in members branches activities; do echo "$d $(q $d "select xact_commit, tup_inserted, tup_updated, tup_fetched from pg_stat_database where datname='$d'")"; done; }
drain > /dev/null
members0=$(q members "select count(*) from member")
WT=$WT PGPORT=$PGPORT $T/cpu.sh > $out/cpu0; stats > $out/db0; t0=$(date +%s.%N)
echo "load before: $(uptime)" > $out/info
/usr/bin/time -f "wrk_cpu %U %S" -o $out/wrktime wrk -t2 -c10 -d${secs}s --latency -s $WT/bench/wrk/bench.lua $M -- register $WT/.local/tokens/street-admin.jwt ${BUILDINGS:?file of building ids} > $out/wrk.txt 2>&1
echo "load after wrk: $(uptime)" >> $out/info
drain >> $out/info
WT=$WT PGPORT=$PGPORT $T/cpu.sh > $out/cpu1; stats > $out/db1; t1=$(date +%s.%N)
members1=$(q members "select count(*) from member")
# idle rate over 20 s
sleep 1; WT=$WT PGPORT=$PGPORT $T/cpu.sh > $out/idle0; sleep 20; WT=$WT PGPORT=$PGPORT $T/cpu.sh > $out/idle1
n=$((members1 - members0))
el=$(echo "$t1 - $t0" | bc)
echo "registrations $n elapsed $el" >> $out/info
python3 - "$out" "$n" "$el" <<'PY'
import sys
out, n, el = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
def rd(f): return {l.split()[0]: int(l.split()[1]) for l in open(f"{out}/{f}")}
a, b, i0, i1 = rd("cpu0"), rd("cpu1"), rd("idle0"), rd("idle1")
w = open(f"{out}/wrktime").read().split()
wrk = (float(w[-2]) + float(w[-1])) * 1000
tot = 0; totc = 0
rows = []
for k in sorted(set(a) | set(b)):
    d = (b.get(k, 0) - a.get(k, 0)) * 10.0  # ms
    idle = (i1.get(k, 0) - i0.get(k, 0)) * 10.0 / 20.0 * el
    rows.append((k, d / n, max(0, d - idle) / n))
    tot += d / n; totc += max(0, d - idle) / n
rows.append(("wrk", wrk / n, wrk / n)); tot += wrk / n; totc += wrk / n
for k, x, y in rows: print(f"{k:16s} {x:7.3f} ms/reg  (idle-corrected {y:7.3f})")
print(f"{'TOTAL':16s} {tot:7.3f} ms/reg  (idle-corrected {totc:7.3f})")
PY
