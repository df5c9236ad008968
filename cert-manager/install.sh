#!/usr/bin/env bash
# Installs (or upgrades to) the pinned cert-manager release with Helm, CRDs included, and waits
# until its webhook answers, so the umbrella chart's ClusterIssuers and Certificate can be
# created right after. Needs helm and kubectl with a reachable cluster (the current context).
#
# Usage: cert-manager/install.sh     (or: make install-cert-manager)
# CERT_MANAGER_VERSION overrides the pinned version; HELM and KUBECTL the binaries.
set -euo pipefail

CERT_MANAGER_VERSION="${CERT_MANAGER_VERSION:-v1.16.3}"
REPO_NAME="jetstack"
REPO_URL="https://charts.jetstack.io"
NAMESPACE="cert-manager"
HELM="${HELM:-helm}"
KUBECTL="${KUBECTL:-kubectl}"

for tool in "$HELM" "$KUBECTL"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' is not installed; cert-manager is installed with helm and checked with kubectl." >&2
    exit 1
  fi
done
if ! "$KUBECTL" cluster-info >/dev/null 2>&1; then
  echo "error: no Kubernetes cluster reachable with the current kubectl context." >&2
  echo "  on k3s: export KUBECONFIG=/etc/rancher/k3s/k3s.yaml (readable by root only by default)" >&2
  exit 1
fi

# Adding an existing repository with the same URL is a no-op; update fetches the index.
"$HELM" repo add "$REPO_NAME" "$REPO_URL" --force-update >/dev/null
"$HELM" repo update "$REPO_NAME" >/dev/null

echo "installing cert-manager $CERT_MANAGER_VERSION into namespace $NAMESPACE"
"$HELM" upgrade --install cert-manager "$REPO_NAME/cert-manager" \
  --version "$CERT_MANAGER_VERSION" \
  --namespace "$NAMESPACE" --create-namespace \
  --set crds.enabled=true \
  --wait --timeout 5m

# --wait covers the Deployments; the webhook also needs its serving certificate injected by the
# cainjector before the API server can call it. Wait for both, then probe it with a dry-run
# Issuer, which the API server sends through the webhook.
"$KUBECTL" -n "$NAMESPACE" rollout status deployment/cert-manager-webhook --timeout=180s
"$KUBECTL" -n "$NAMESPACE" rollout status deployment/cert-manager-cainjector --timeout=180s
probe="$(mktemp)"
trap 'rm -f "$probe"' EXIT
cat >"$probe" <<YAML
apiVersion: cert-manager.io/v1
kind: Issuer
metadata:
  name: factory-webhook-probe
  namespace: $NAMESPACE
spec:
  selfSigned: {}
YAML
for _ in $(seq 1 60); do
  if "$KUBECTL" apply --dry-run=server -f "$probe" >/dev/null 2>&1; then
    echo "cert-manager $CERT_MANAGER_VERSION ready (webhook answering)"
    exit 0
  fi
  sleep 3
done
echo "error: cert-manager's webhook did not answer within 3 minutes; see:" >&2
echo "  $KUBECTL -n $NAMESPACE get pods; $KUBECTL -n $NAMESPACE logs deploy/cert-manager-webhook" >&2
"$KUBECTL" apply --dry-run=server -f "$probe" >&2 || true
exit 1
