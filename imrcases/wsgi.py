"""WSGI entry point (``gunicorn imrcases.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imrcases.settings")
application = get_wsgi_application()
