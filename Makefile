# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make run   — serve the dashboard at http://localhost:8501
#   make test  — lint, unit/property tests, AppTests and browser tests
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench bench-browser load serve-replicas lint clean

REPLICAS ?=

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/streamlit run serve.py

# One pytest worker per core (pytest-xdist); `pytest -n0` runs in one process.
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n auto

# Model, AppTest and figure-size figures, the mention finder's recall, precision and
# 300-page time, then the real-browser figures (headless Debian Chromium, loopback only):
# ClaimScope against the bare page in bench/bare_page.py at three screens, then twelve
# cold readers of each page at once.
bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/finder.py
	$(PY) bench/browser.py
	$(PY) bench/readers.py

bench-browser: $(STAMP)
	$(PY) bench/browser.py

# Load and soak on loopback: own server on a free localhost port, 50 sessions x 20
# reruns (saving a scenario every fifth, counted in the database afterwards), then 500
# reruns of one session for RSS growth. With REPLICAS=N: N servers
# behind HAProxy (as serve-replicas), driven through the proxy.
load: $(STAMP)
	$(PY) bench/load.py $(if $(REPLICAS),--replicas $(REPLICAS))

# N replicas on loopback ports behind HAProxy (deploy/haproxy.cfg, sticky by cookie) at
# http://127.0.0.1:8500/ until Ctrl-C, sharing a PostgreSQL server started for them on
# loopback (or the database CLAIMSCOPE_DATABASE_URL names). Needs Debian's haproxy and
# postgresql packages.
serve-replicas: $(STAMP)
	$(PY) deploy/replicas.py --replicas $(or $(REPLICAS),2)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache
