"""``linli web`` as a process: it serves the sign-in page on 127.0.0.1 and the port given, and
refuses a SQLite database another linli process holds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import EXAMPLE_CONFIG

STARTUP_DEADLINE_S = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def config_in(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    path.write_text(text, "utf-8")
    return path


def linli(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LINLI_WEB_SECRET": "k" * 40}
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def test_linli_web_serves_the_sign_in_page(tmp_path: Path) -> None:
    port = free_port()
    proc = linli("web", "--config", str(config_in(tmp_path)), "--port", str(port))
    try:
        deadline = time.monotonic() + STARTUP_DEADLINE_S
        page = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as r:
                    page = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)  # the process is starting: poll until it listens
        assert page is not None, proc.stderr.read().decode() if proc.poll() is not None else ""
        assert "网页后台登录" in page and "/web" in page
        # Anything else needs a session: sent to the sign-in page.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/issues", timeout=5) as r:
            assert r.url.endswith("/login")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_linli_web_refuses_a_database_in_use(tmp_path: Path) -> None:
    from storage.db import exclusive

    config = config_in(tmp_path)
    with exclusive(tmp_path / "linli.db"):
        proc = linli("web", "--config", str(config), "--port", str(free_port()))
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "in use by another linli process" in err.decode()
