# yrd: `make demo` to try it, `make test` to test it. Nothing else is needed by hand.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# manage.py defaults to production settings; the demo and the catalogue refresh name the dev ones.
DEV    := DJANGO_SETTINGS_MODULE=yrd.settings.dev
HOST   ?= 127.0.0.1
PORT   ?= 8000
# default-jre-headless: Java for Spark, whose local-mode test checks market consolidation gives DuckDB's clusters.
APT_PACKAGES := chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 gettext poppler-utils default-jre-headless

.PHONY: bootstrap system-deps demo test test-only serve lint messages lock clean

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

# Debian packages the browser tests (chromium), the PDF report (CJK font, pango) and Spark (Java) need.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

bootstrap: $(VENV)/.installed system-deps

demo: bootstrap
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py load_reference
	$(DEV) $(PY) manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: bootstrap test-only

test-only:
	$(VENV)/bin/pytest -q -n 2 --dist worksteal $(PYTEST_ARGS)

serve: bootstrap
	DJANGO_SETTINGS_MODULE=yrd.settings.production $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=yrd.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=yrd.settings.production $(VENV)/bin/gunicorn yrd.wsgi -b $(HOST):$(PORT) -w $${WEB_CONCURRENCY:-3}

lint: bootstrap
	$(VENV)/bin/ruff check yrd bench tools
	$(VENV)/bin/ruff format --check yrd bench tools

# Refresh the translation catalogues after changing UI text (needs gettext).
MESSAGE_FLAGS := -l zh_Hans -l en --no-obsolete --no-location -i ".venv/*" -i "staticfiles/*" -i "bench/*" -i "tools/*" -i "*/tests/*"
# `make messages` refreshes the shared catalogue (yrd/locale: core, plan, services); modules with a
# catalogue of their own (yrd/<module>/locale) are refreshed with `make messages APP=<module>`.
OWN_CATALOGUES := $(patsubst yrd/%/locale,%,$(wildcard yrd/*/locale))
messages: bootstrap
ifdef APP
	mkdir -p yrd/$(APP)/locale
	cd yrd/$(APP) && $(DEV) ../../$(PY) ../../manage.py makemessages $(MESSAGE_FLAGS)
	cd yrd/$(APP) && $(DEV) ../../$(PY) ../../manage.py compilemessages
else
	$(DEV) $(PY) manage.py makemessages $(MESSAGE_FLAGS) $(foreach m,$(OWN_CATALOGUES),-i "yrd/$(m)/*")
	$(DEV) $(PY) manage.py compilemessages -i ".venv"
endif

# Re-resolve the pinned dependency set from pyproject.toml.
lock:
	$(PY) -m pip install -q uv && $(VENV)/bin/uv pip compile pyproject.toml --extra dev --extra spark --extra pypsa --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media
