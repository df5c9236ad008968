#!/usr/bin/env bash
# CLI figures from a cold JVM (`make bench`), on the synthetic repo of BENCH_APPS (1,000) apps x 3
# components x 3 environments, in a Git repo whose main branch holds the specs and their charts:
#  (a) check --base main on a pull-request branch where one app changed and was regenerated
#      (target < 3 s), plus the same PR not regenerated (stale, exit 2) and a full check;
#  (b) generate-all with validation into an empty folder and an empty validation cache, next to
#      the baseline measured here: helm template of the same umbrella once per environment;
#  (c) the everyday loop: nothing changed, one app edited (median of 5), generate APP.
# Every row also shows the peak RSS of its runs (/usr/bin/time).
# Each timing is the median of BENCH_RUNS (3) runs of a new JVM started by bin/factory (the
# unpacked jar with its class-data-sharing archive, C1 only), as users run it; `startup` also
# shows the plain `java -jar factory.jar` for comparison.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
apps="${BENCH_APPS:-1000}"
runs="${BENCH_RUNS:-3}"
helm="${HELM:-$("$root/scripts/install-helm.sh")}"
export HELM="$helm"
jar="$here/target/factory.jar"
work="$(mktemp -d -t factory-cli-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export HELM_CACHE_HOME="$work/helm/cache" HELM_CONFIG_HOME="$work/helm/config" HELM_DATA_HOME="$work/helm/data"

cd "$root"
# BENCH_MAVEN_ARGS: extra Maven options, e.g. -Dmaven.repo.local=... for a private local repository.
mvn ${BENCH_MAVEN_ARGS:-} -B -q -ntp -pl generator/core,generator/cli -am install -DskipTests
mvn ${BENCH_MAVEN_ARGS:-} -B -q -ntp -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  -Dexec.args="-cp %classpath dev.chartfactory.core.bench.SyntheticRepo $work/repo $apps"

factory() { "$root/bin/factory" "$@"; }
plain() { java -jar "$jar" "$@"; }
export root jar
export -f factory plain
# median_ms CMD...: the median wall time of $runs runs, in ms; exit codes 0 and 2 are results.
# The highest peak RSS of those runs (of the JVM or a helm it started) goes to $work/rss, in MB.
median_ms() {
  local times=() peak=0
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss.run" bash -c '"$@"' bench "$@" >/dev/null 2>&1 || [ $? -eq 2 ] || { echo "bench: failed: $*" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    local kb; kb=$(tail -1 "$work/rss.run"); [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo $(( peak / 1024 )) > "$work/rss"
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p"
}
# once_ms CMD...: one run's wall time in ms (peak RSS to $work/rss, as above).
once_ms() { local runs=1; median_ms "$@"; }
rss() { echo "peak RSS $(cat "$work/rss") MB"; }
row() { printf '%-62s %10s   %s\n' "$1" "$2" "$3"; }

repo="$work/repo"
git -C "$repo" init -q -b main
git -C "$repo" config user.email bench@example.com
git -C "$repo" config user.name bench
factory generate-all --repo "$repo" --skip-validation --quiet >/dev/null
git -C "$repo" add -A && git -C "$repo" commit -q -m "specs and charts"
git -C "$repo" checkout -q -b pr
sed -i 's/LOG_LEVEL: info/LOG_LEVEL: debug/' "$repo/apps/app0500/app.yaml"
git -C "$repo" commit -q -am "app0500: debug logging (charts not regenerated)"
git -C "$repo" tag stale
factory generate app0500 --repo "$repo" --skip-validation --quiet >/dev/null
git -C "$repo" commit -q -am "app0500: regenerated"

factory help >/dev/null 2>&1   # builds the launcher's archive for this jar, once
echo "== factory CLI bench $(date -u +%FT%TZ): $apps apps x 3 components x 3 environments, $(nproc) cores, cold JVM each run, median of $runs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
startup=$(median_ms factory validate --repo "$root/examples/small" --specs-only --quiet)
plain_startup=$(median_ms plain validate --repo "$root/examples/small" --specs-only --quiet)
row "startup: validate --specs-only on examples/small" "${startup} ms" "(java -jar factory.jar: ${plain_startup} ms)"
pr=$(median_ms factory check --repo "$repo" --base main --quiet)
row "check --base main, one app changed and regenerated" "${pr} ms" "target <= 2000 ms $([ "$pr" -le 2000 ] && echo OK || echo MISSED); $(rss)"
git -C "$repo" checkout -q stale
stale=$(median_ms factory check --repo "$repo" --base main --quiet)
row "check --base main, one app changed, charts stale (exit 2)" "${stale} ms" ""
git -C "$repo" checkout -q pr
full=$(median_ms factory check --repo "$repo" --quiet)
row "check without --base (renders every app)" "${full} ms" ""

# (b) validated generation against helm template x 3 of the same umbrella.
out="$work/validated"
mkdir -p "$out" && cp -r "$repo/apps" "$repo/environments" "$repo/factory.yaml" "$out/"
# An empty validation cache of its own: the from-scratch run fills it.
export FACTORY_CACHE_DIR="$work/cache"
sync
validated=$(once_ms factory generate-all --repo "$out" --quiet); validated_rss=$(rss)
mkdir -p "$out/umbrella-chart/charts" && cp -r "$out/charts/." "$out/umbrella-chart/charts/"
sync
baseline_env() { for env in dev staging prod; do
  "$helm" template platform "$out/umbrella-chart" -n platform -f "$out/umbrella-chart/values-$env.yaml" >/dev/null
done; }
start=$(date +%s%N); baseline_env; baseline=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$out/umbrella-chart/charts"
row "baseline: helm template x 3 environments, one after another" "${baseline} ms" ""
row "generate-all from scratch, empty validation cache (one run)" "${validated} ms" \
  "$(awk -v a="$validated" -v b="$baseline" 'BEGIN{printf "%.2f", a/b}') x baseline, target <= 0.7 $([ $(( validated * 10 )) -le $(( baseline * 7 )) ] && echo OK || echo MISSED); $validated_rss"

# (c) the everyday loop: generate-all again with nothing changed, from the validation cache,
# against the same run without it (one run: it validates everything, as every run used to).
again=$(median_ms factory generate-all --repo "$out" --quiet)
row "generate-all again, nothing changed (validation cache)" "${again} ms" \
  "target <= 1500 ms $([ "$again" -le 1500 ] && echo OK || echo MISSED); $(rss)"
# One app edited before each run, each time to a value not seen before (so never from the cache).
edit_then_generate() {
  sed -i "s/LOG_LEVEL: [a-z0-9]*/LOG_LEVEL: edit$(date +%s%N)/" "$out/apps/app0500/app.yaml"
  factory generate-all --repo "$out" --quiet
}
export out
export -f edit_then_generate
edited=$(runs=5 median_ms edit_then_generate)
row "one app edited, then generate-all (median of 5)" "${edited} ms" \
  "$(( edited * 100 / baseline ))% of baseline; target <= 2000 ms and <= 5% $([ "$edited" -le 2000 ] && [ $(( edited * 20 )) -le "$baseline" ] && echo OK || echo MISSED); $(rss)"
one=$(median_ms factory generate app0500 --repo "$out" --quiet)
row "generate app0500 (one app, nothing changed)" "${one} ms" "$(rss)"
nocache=$(once_ms factory generate-all --repo "$out" --quiet --no-cache)
row "generate-all again, nothing changed, --no-cache (one run)" "${nocache} ms" "$(rss)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
