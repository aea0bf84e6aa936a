#!/usr/bin/env bash
# One snapshot of CPU ticks (utime+stime, 1/100 s) per role of a local platform (run-local.sh):
# the three service JVMs, the launcher JVM (it hosts the Kafka broker), PostgreSQL per database
# (backend pids mapped with pg_stat_activity), its background processes and its exited backends.
# usage: WT=<worktree> PGPORT=<port> cpu.sh
WT=${WT:?worktree of the platform}; PGPORT=${PGPORT:?its PostgreSQL port}
ticks() { awk '{print $14+$15}' /proc/$1/stat 2>/dev/null || echo 0; }
declare -A sum
LR=$(pgrep -f "localrun.root=$WT" | head -1)
for pid in $LR $(pgrep -P "$LR"); do
  case "$(tr '\0' ' ' < /proc/$pid/cmdline)" in
    *members-service*) role=members ;;
    *branches-service*) role=branches ;;
    *activities-service*) role=activities ;;
    *org.civic.localinfra.LocalRun*) role=broker_launcher ;;
    *) continue ;;
  esac
  sum[$role]=$(( ${sum[$role]:-0} + $(ticks $pid) ))
done
pm=$(head -1 "$WT/.local/postgres/postmaster.pid")
declare -A dbof
while IFS='|' read -r p d; do dbof[$p]=$d; done < <(psql -h localhost -p "$PGPORT" -U postgres -d postgres \
  -Atc "select pid, coalesce(datname, 'bg') from pg_stat_activity")
sum[pg_exited]=$(awk '{print $16+$17}' /proc/$pm/stat)
sum[pg_bg]=$(ticks $pm)
for c in $(pgrep -P "$pm"); do
  d=${dbof[$c]:-bg}
  [[ "$d" == "bg" ]] && r=pg_bg || r=pg_$d
  sum[$r]=$(( ${sum[$r]:-0} + $(ticks $c) ))
done
for k in "${!sum[@]}"; do echo "$k ${sum[$k]}"; done | sort
