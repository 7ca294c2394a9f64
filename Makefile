# yrd: `make demo` to try it, `make test` to test it. Nothing else is needed by hand.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
APT_PACKAGES := chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 gettext poppler-utils

.PHONY: bootstrap system-deps demo test test-only serve lint messages lock clean

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

# Debian packages the browser tests (chromium) and the PDF report (CJK font, pango) need.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

bootstrap: $(VENV)/.installed system-deps

demo: bootstrap
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference
	$(PY) manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: bootstrap test-only

test-only:
	$(VENV)/bin/pytest -q -n 2

serve: bootstrap
	DJANGO_SETTINGS_MODULE=yrd.settings.production $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=yrd.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=yrd.settings.production $(VENV)/bin/gunicorn yrd.wsgi -b $(HOST):$(PORT) -w $${WEB_CONCURRENCY:-3}

lint: bootstrap
	$(VENV)/bin/ruff check yrd bench tools
	$(VENV)/bin/ruff format --check yrd bench tools

# Refresh the translation catalogues after changing UI text (needs gettext).
MESSAGE_FLAGS := -l zh_Hans -l en --no-obsolete --no-location -i ".venv/*" -i "staticfiles/*" -i "bench/*" -i "tools/*" -i "*/tests/*"
# `make messages APP=market` refreshes only that module's own catalogue (yrd/market/locale).
messages: bootstrap
ifdef APP
	mkdir -p yrd/$(APP)/locale
	cd yrd/$(APP) && ../../$(PY) ../../manage.py makemessages $(MESSAGE_FLAGS)
	cd yrd/$(APP) && ../../$(PY) ../../manage.py compilemessages
else
	$(PY) manage.py makemessages $(MESSAGE_FLAGS)
	$(PY) manage.py compilemessages -i ".venv"
endif

# Re-resolve the pinned dependency set from pyproject.toml.
lock:
	$(PY) -m pip install -q uv && $(VENV)/bin/uv pip compile pyproject.toml --extra dev --extra spark --extra pypsa --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media
