"""The office web console (issue 20): ``linli web``, or served by ``linli run``.

- :mod:`bot.web.app` builds the Starlette app and serves it with uvicorn;
- :mod:`bot.web.context` is the seam every page uses: who is signed in (:class:`Viewer`,
  with the buildings they may see), the bot's config and storage, the clock, rendering;
- :mod:`bot.web.guard` enforces, for every route, a session (except the sign-in and the
  Open311 API, which checks its own key) and the CSRF token on every form;
- :mod:`bot.web.auth` signs people in with the one-time links ``/web`` sends (handlers/web.py);
- :mod:`bot.web.pages` and :mod:`bot.web.actions`: issues, help, events; acting on an issue
  goes through the chat's own command handlers;
- :mod:`bot.web.report_routes`: the charts, exports and Open311 routes the app mounts.
"""
