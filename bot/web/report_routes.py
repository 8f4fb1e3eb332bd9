"""The charts, exports and Open311 routes the console mounts (owned by the reports modules:
bot/web/stats.py, charts.py, exports.py, open311.py).

Every route here sits behind :class:`bot.web.guard.Guard` like the others: a session is
required except under ``/open311/`` (which checks its own key), and any form needs the CSRF
token. Read the viewer with :func:`bot.web.context.viewer_of` and restrict every query to
``viewer.buildings``. The navigation in ``base.html`` links ``/charts`` and the issue list
links ``/export/issues.csv`` and ``/export/issues.xlsx`` with its filters.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

ROUTES: list[BaseRoute] = []
