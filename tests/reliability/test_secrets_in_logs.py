"""Issue 14, item 4: no bot token, puppet token or webhook secret in any log line.

Each case runs in a fresh interpreter that sets up logging exactly as the ``linli`` command
does, then lets the real libraries log: httpx's request line (the Bot API URL holds the
token) and python-wechaty's warning about a token given both ways.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

BOT_TOKEN = "7412345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-x"
PUPPET_TOKEN = "insecure_5e3f0a1c-9b2d-4c7e-8f61-2a9d7c4b1e00"
ENV_PUPPET_TOKEN = "insecure_other-token-from-the-environment"
WEBHOOK_SECRET = "hook-secret-Zk39s0dXq"


def run_logged(code: str) -> str:
    env = {
        **os.environ,
        "LINLI_TELEGRAM_TOKEN": BOT_TOKEN,
        "WECHATY_PUPPET_SERVICE_TOKEN": ENV_PUPPET_TOKEN,
        "LINLI_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    script = "from bot.cli import setup_logging\nsetup_logging('run')\n" + textwrap.dedent(code)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_httpx_request_lines_do_not_show_the_bot_token() -> None:
    logged = run_logged(
        f"""
        import httpx
        ok = httpx.MockTransport(lambda request: httpx.Response(200, json={{"ok": True}}))
        with httpx.Client(transport=ok) as client:
            client.post("https://api.telegram.org/bot{BOT_TOKEN}/getUpdates")
            # A token that is in no variable is still recognised by its shape.
            client.post("https://api.telegram.org/bot5550001112:AAEotherTOKENotherTOKENother12345/getMe")
        """
    )
    assert "HTTP Request: POST https://api.telegram.org/bot[REDACTED]/getUpdates" in logged
    assert "/bot[REDACTED]/getMe" in logged
    assert BOT_TOKEN not in logged
    assert "AAEotherTOKEN" not in logged


def test_wechaty_two_tokens_warning_does_not_show_either_token() -> None:
    logged = run_logged(
        f"""
        from bot.adapters.wechaty_compat import PuppetOptions
        from wechaty_puppet_service import PuppetService
        PuppetService(PuppetOptions(end_point="127.0.0.1:1", token="{PUPPET_TOKEN}"))
        """
    )
    assert "there are two tokens" in logged
    assert PUPPET_TOKEN not in logged
    assert ENV_PUPPET_TOKEN not in logged


def test_secrets_in_messages_and_tracebacks_are_redacted() -> None:
    logged = run_logged(
        f"""
        import logging
        log = logging.getLogger("bot.adapters.telegram")
        log.warning("webhook secret is %s", "{WEBHOOK_SECRET}")
        try:
            raise ConnectionError("cannot reach https://api.telegram.org/bot{BOT_TOKEN}/getMe")
        except ConnectionError:
            log.exception("polling failed")
        """
    )
    assert "webhook secret is [REDACTED]" in logged
    assert "ConnectionError: cannot reach https://api.telegram.org/bot[REDACTED]/getMe" in logged
    assert WEBHOOK_SECRET not in logged and BOT_TOKEN not in logged
