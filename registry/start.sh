#!/usr/bin/env bash
# Starts the platform's local image registry at localhost:5000 (the `registry:` of factory.yaml):
# a container named factory-registry from the registry:2 image, its images kept in the named
# volume factory-registry-data so they survive restarts. Idempotent: a running registry is left
# alone, a stopped one is started again.
#
# Uses docker, else nerdctl (set CONTAINER_ENGINE=nerdctl to prefer it).
# Usage: registry/start.sh        (or: make setup-registry)
set -euo pipefail

NAME="${REGISTRY_NAME:-factory-registry}"
PORT="${REGISTRY_PORT:-5000}"
IMAGE="${REGISTRY_IMAGE:-registry:2}"
VOLUME="${REGISTRY_VOLUME:-factory-registry-data}"

engine="${CONTAINER_ENGINE:-}"
if [[ -z "$engine" ]]; then
  for candidate in docker nerdctl; do
    if command -v "$candidate" >/dev/null 2>&1; then
      engine="$candidate"
      break
    fi
  done
fi
if [[ -n "$engine" ]] && ! command -v "$engine" >/dev/null 2>&1; then
  echo "error: CONTAINER_ENGINE=$engine, but '$engine' is not installed." >&2
  exit 1
fi
if [[ -z "$engine" ]]; then
  echo "error: neither docker nor nerdctl is installed; the local registry runs as a container." >&2
  echo "  install Docker (https://docs.docker.com/engine/install/) or nerdctl" >&2
  echo "  (https://github.com/containerd/nerdctl), then run this again." >&2
  exit 1
fi
if ! "$engine" info >/dev/null 2>&1; then
  echo "error: '$engine' is installed but cannot reach its daemon (is it running, may this user use it?)." >&2
  exit 1
fi

state="$("$engine" inspect --format '{{.State.Running}}' "$NAME" 2>/dev/null || true)"
case "$state" in
  true)
    echo "registry '$NAME' already running on localhost:$PORT ($engine)"
    ;;
  false)
    echo "starting the existing registry container '$NAME' ($engine)"
    "$engine" start "$NAME" >/dev/null
    ;;
  *)
    echo "creating registry '$NAME' from $IMAGE on localhost:$PORT, data in volume '$VOLUME' ($engine)"
    "$engine" run -d --restart=always --name "$NAME" \
      -p "$PORT:5000" -v "$VOLUME:/var/lib/registry" "$IMAGE" >/dev/null
    ;;
esac

# Wait until the registry answers its API (GET /v2/ returns 200).
if command -v curl >/dev/null 2>&1; then
  for _ in $(seq 1 30); do
    if curl -fsS "http://localhost:$PORT/v2/" >/dev/null 2>&1; then
      echo "registry ready: http://localhost:$PORT/v2/"
      exit 0
    fi
    sleep 1
  done
  echo "error: the registry container runs but http://localhost:$PORT/v2/ does not answer after 30 s;" >&2
  echo "  see: $engine logs $NAME" >&2
  exit 1
fi
echo "registry started (curl not installed, readiness not checked): http://localhost:$PORT/v2/"
