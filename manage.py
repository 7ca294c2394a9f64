#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # Production unless told otherwise: a worker, cron job or shell started without naming its settings
    # must not run with DEBUG on and a known key. `make demo` and `make messages` name the dev settings.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yrd.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
