# Dashboard targets; the root Makefile includes this file (`include services/dashboard/dashboard.mk`)
# and lists `bench-dashboard` under its `bench` target.
.PHONY: run-dashboard bench-dashboard test-dashboard image-dashboard

run-dashboard: ## run the dashboard locally (embedded Postgres unless DB_HOST is set; current kubeconfig)
	services/dashboard/run-local.sh

bench-dashboard: ## ingest and API figures (installs wrk if missing)
	services/dashboard/bench.sh

test-dashboard: ## the dashboard's tests (needs chromium and chromium-driver for the page test)
	mvn -q -pl services/dashboard -am verify

image-dashboard: ## build localhost:5000/dashboard with Docker from the Dockerfile
	mvn -q -pl services/dashboard -am package -DskipTests
	docker build -t localhost:5000/dashboard:latest services/dashboard
