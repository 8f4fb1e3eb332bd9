"""Logging for the CLI: one format, and no secret ever reaches a log line.

Bot API URLs carry the bot token (httpx logs every request URL at INFO), python-wechaty logs
the puppet service token ("there are two tokens from options[adopted]<...> and
environment<...>"), and exception texts can quote either. :class:`RedactSecrets` rewrites
every record that passes through the root logger's handlers: the values of the environment
variables that hold secrets, and anything shaped like a Telegram bot token, become
``[REDACTED]``. A filter on the root *logger* would miss records of child loggers (filters of
a logger only see records created on it), so it is attached to each root handler.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable

REDACTED = "[REDACTED]"
# Telegram bot tokens: the bot's numeric id, a colon, 35 characters of [A-Za-z0-9_-].
_BOT_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}")
# python-wechaty quotes tokens in angle brackets ("two tokens from options[adopted]<...> and
# environment<...>"); in a line about tokens, whatever is quoted that way goes.
_QUOTED = re.compile(r"<[^<>\s]{6,}>")
# Variables that hold secrets whatever the config says (the defaults the README uses).
DEFAULT_SECRET_ENVS = (
    "LINLI_TELEGRAM_TOKEN",
    "LINLI_TELEGRAM_WEBHOOK_SECRET",
    "WECHATY_PUPPET_SERVICE_TOKEN",
    "WECHATY_TOKEN",
    "TOKEN",
    "LINLI_DB_PASSWORD",
    "PGPASSWORD",
    "LINLI_WEB_SECRET",
    "LINLI_OPEN311_KEY",
)
# Values this short are not secrets worth the false positives of replacing them everywhere.
_MIN_SECRET = 6


class RedactSecrets(logging.Filter):
    """Replace known secret values and bot-token shapes in a record's message and traceback."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets: set[str] = set()
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        if secret and len(secret.strip()) >= _MIN_SECRET:
            self.secrets.add(secret.strip())

    def add_env(self, names: Iterable[str]) -> None:
        """Treat the current values of these environment variables as secrets."""
        for name in names:
            self.add(os.environ.get(name))

    def redact(self, text: str) -> str:
        # Longest first, so a secret containing another is replaced whole.
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, REDACTED)
        text = _BOT_TOKEN.sub(REDACTED, text)
        if "token" in text.lower():
            text = _QUOTED.sub(f"<{REDACTED}>", text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: let the handler report it as usual
            return True
        redacted = self.redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install(level: int, secret_envs: Iterable[str] = ()) -> RedactSecrets:
    """Log to stderr at ``level`` through a redacting filter on every root handler; returns
    the filter so callers can add secrets they learn later (the config names variables)."""
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    redact = RedactSecrets()
    redact.add_env(DEFAULT_SECRET_ENVS)
    redact.add_env(secret_envs)
    protect_handlers(redact)
    return redact


def protect_handlers(redact: RedactSecrets) -> None:
    """Attach ``redact`` to every handler of the root logger (once each)."""
    for handler in logging.getLogger().handlers:
        if redact not in handler.filters:
            handler.addFilter(redact)


def secret_envs_of(config: object) -> list[str]:
    """The environment variables a config names for secrets."""
    names: list[str] = []
    telegram = getattr(config, "telegram", None)
    if telegram is not None:
        names += [telegram.token_env, telegram.webhook_secret_env]
    wechat = getattr(config, "wechat", None)
    if wechat is not None:
        names.append(wechat.token_env)
    password_env = getattr(config, "storage_password_env", None)
    if password_env:
        names.append(password_env)
    web = getattr(config, "web", None)
    if web is not None:
        # The key signing console sessions, and the Open311 API key.
        names += [web.secret_env, web.open311_key_env]
    return names
