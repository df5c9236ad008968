#!/usr/bin/env bash
# Tests bin/factory, the launcher, on the jar just built (run by Maven in the verify phase):
#  1. run from another repository, in a copy of the checkout without the example it trains on,
#     it must still start and must not commit anything there (it once did, with 'cd repo && git');
#  2. with the example, its archive must hold JGit's classes and lambdas (unsigned copies), none
#     of a still-signed jar's lambdas, and a quiet check --base must run from that archive alone
#     without a word on stderr;
#  5. where a JDK 24+ is installed, its AOT cache is made and a quiet run maps it without a word.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../../.." && pwd)"
jar="$1"
work="$(mktemp -d -t factory-launcher-test-XXXXXX)"
trap 'rm -rf "$work"' EXIT
fail() { echo "launcher test FAILED: $*" >&2; exit 1; }
commits() { git -C "$1" rev-list --all --count; }

# A copy of the checkout: bin/factory and the jar, in a Git repository with one commit.
checkout() {
  local dir="$1"
  mkdir -p "$dir/bin" "$dir/generator/cli/target"
  cp "$root/bin/factory" "$root/bin/LauncherJars.java" "$dir/bin/"
  cp "$jar" "$dir/generator/cli/target/factory.jar"
  git -C "$dir" init -q -b main
  git -C "$dir" add -A
  git -C "$dir" -c user.name=test -c user.email=test@localhost -c commit.gpgsign=false commit -q -m checkout
}

echo "launcher test 1: no example to train on, run from inside another repository"
checkout "$work/bare"
(cd "$work/bare" && bin/factory validate --repo "$root/examples/small" --specs-only --quiet) \
  || fail "validate through a launcher without training failed"
[[ -f "$work/bare/generator/cli/target/launcher/factory.jsa" ]] || fail "no archive was made"
[[ "$(commits "$work/bare")" == 1 ]] || fail "the launcher committed to the repository it ran from: $(git -C "$work/bare" log --oneline --all)"
[[ "$(git -C "$work/bare" branch --format='%(refname:short)')" == main ]] || fail "the launcher made branches where it ran"

echo "launcher test 2: trained on the example shop"
checkout "$work/full"
mkdir -p "$work/full/examples" && cp -r "$root/examples/shop" "$work/full/examples/"
(cd "$work/full" && bin/factory help >/dev/null) || fail "help through the launcher failed"
cp -r "$root/examples/small" "$work/repo"
"$work/full/bin/factory" generate-all --repo "$work/repo" --skip-validation --quiet >/dev/null \
  || fail "generate-all through the launcher failed"
git -C "$work/repo" init -q -b main && git -C "$work/repo" add -A
git -C "$work/repo" -c user.name=test -c user.email=test@localhost -c commit.gpgsign=false commit -q -m specs
classes="$work/full/generator/cli/target/launcher/classes.lst"
grep -q '^org/eclipse/jgit/lib/Repository$' "$classes" || fail "JGit's classes are not in the archive's list"
grep -q '^@lambda-proxy org/eclipse/jgit/' "$classes" || fail "JGit's lambdas are not in the archive's list"
if grep -q '^@lambda-proxy org/bouncycastle/' "$classes"; then fail "a signed jar's lambdas are in the list"; fi
# -Xshare:on fails the run unless the archive maps. Quiet means quiet: nothing on stderr (no
# logging set-up chatter, no warnings about calls replayed while logging started).
(cd "$work/repo" && FACTORY_AOT=false FACTORY_JAVA_OPTS="-Xshare:on -XX:TieredStopAtLevel=1" "$work/full/bin/factory" \
  check --repo . --base main --quiet 2>"$work/stderr") || fail "check --base from the archive failed: $(cat "$work/stderr")"
[[ ! -s "$work/stderr" ]] || fail "check --base --quiet wrote to stderr: $(cat "$work/stderr")"
[[ "$(commits "$work/full")" == 1 ]] || fail "training committed to the checkout"
echo "launcher test 3: linked onto PATH (as make install does), run from another folder"
mkdir -p "$work/prefix/bin" "$work/elsewhere"
ln -s "$work/full/bin/factory" "$work/prefix/bin/factory"
ln -s ../../full/bin/factory "$work/prefix/bin/factory-relative"
(cd "$work/elsewhere" && PATH="$work/prefix/bin:$PATH" factory --version >"$work/version") \
  || fail "factory through a symlink on PATH failed"
grep -q '^Chart Factory ' "$work/version" || fail "factory --version through a symlink printed: $(cat "$work/version")"
(cd "$work/elsewhere" && "$work/prefix/bin/factory-relative" --help >/dev/null) \
  || fail "factory through a relative symlink failed"
[[ ! -e "$work/elsewhere/generator" && ! -e "$work/prefix/generator" ]] || fail "the launcher built in the wrong folder"
echo "launcher test 4: validation results are found again by a new process"
# Keys must not depend on anything that changes between JVMs (hash-ordered sets and maps did).
cp -r "$root/examples/small" "$work/cached"
FACTORY_CACHE_DIR="$work/cache" "$work/full/bin/factory" generate-all --repo "$work/cached" >/dev/null 2>"$work/first" \
  || fail "generate-all with validation failed: $(cat "$work/first")"
FACTORY_CACHE_DIR="$work/cache" "$work/full/bin/factory" generate-all --repo "$work/cached" >/dev/null 2>"$work/second" \
  || fail "generate-all again failed: $(cat "$work/second")"
grep -q "(validated 0 of [0-9]* app and umbrella renders, [0-9]* from cache)" "$work/second" \
  || fail "the second process validated again: $(grep validate "$work/second")"
echo "launcher test 5: with a JDK 24+ installed, its AOT cache is trained and used; Java 17 keeps working"
launcher="$work/full/generator/cli/target/launcher"
if [[ -f "$launcher/aot.java" ]]; then
  [[ -f "$launcher/factory.aot" ]] || fail "aot.java names $(cat "$launcher/aot.java") but there is no AOT cache"
  # -XX:AOTMode=on fails the run unless the cache maps; quiet means nothing on stderr.
  (cd "$work/repo" && FACTORY_JAVA_OPTS="-XX:AOTMode=on -XX:TieredStopAtLevel=1" "$work/full/bin/factory" \
    check --repo . --base main --quiet 2>"$work/stderr") || fail "check --base from the AOT cache failed: $(cat "$work/stderr")"
  [[ ! -s "$work/stderr" ]] || fail "check --base --quiet with the AOT cache wrote to stderr: $(cat "$work/stderr")"
  # Java 17 (the build target), without the AOT cache: the same command, from the CDS archive.
  (cd "$work/repo" && FACTORY_AOT=false "$work/full/bin/factory" check --repo . --base main --quiet) \
    || fail "check --base with FACTORY_AOT=false failed"
else
  echo "  (no JDK 24+ here: the launcher runs the java on PATH with its archive, tested above)"
fi
echo "launcher tests passed"
