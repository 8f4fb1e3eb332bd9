"""The ``linli`` command (contract: see DESIGN.md)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import logsetup
from bot.config import DEFAULT_PASSWORD_ENV, Config, ConfigError, load_config
from storage.db import DatabaseInUse, StorageError, exclusive, is_postgres_url

DEFAULT_CONFIG = "config.example.toml"


def _config(path: str | None) -> Config:
    config = load_config(Path(path or DEFAULT_CONFIG))
    # The config names the variables holding its secrets: keep their values out of the logs.
    for handler in logging.getLogger().handlers:
        for log_filter in handler.filters:
            if isinstance(log_filter, logsetup.RedactSecrets):
                log_filter.add_env(logsetup.secret_envs_of(config))
    return config


def _hold(config: Config) -> contextlib.AbstractContextManager[None]:
    """This process's hold on a SQLite file (one process per file); a PostgreSQL database
    is shared by several workers and needs none here."""
    if config.storage_url:
        return contextlib.nullcontext()
    return exclusive(config.database)


def cmd_check_config(args: argparse.Namespace) -> int:
    config = load_config(Path(args.file))
    print(config.summary())
    for warning in config.warnings():
        print(f"  warning: {warning}")
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    from bot.understand import model, understand

    config = _config(args.config)
    taxonomy = config.taxonomy
    # The community's own model (written by `linli learn`) when there is one.
    model.use(model.community_model_path(config.database))
    for line in sys.stdin:
        text = line.rstrip("\n")
        u = understand(text, taxonomy)
        print(
            json.dumps(
                {
                    "text": text,
                    "intent": str(u.intent),
                    "category": u.category,
                    "urgent": u.urgent,
                    "location": u.location,
                    "keywords": list(u.keywords),
                    "sensitive": u.sensitive,
                },
                ensure_ascii=False,
            ),
            flush=False,
        )
    return 0


def cmd_learn(args: argparse.Namespace) -> int:
    from bot.understand.learn import LearnError, corrections_of, learn

    config = _config(args.config)
    try:
        learn(config, asyncio.run(corrections_of(config)))
    except LearnError as exc:
        print(f"linli learn: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from bot.adapters.replay import ScriptError, read_script, replay

    config = _config(args.config)
    try:
        try:
            # Read line by line, each parsed and checked once; the text is not kept.
            with open(args.script, encoding="utf-8") as fh:
                script = read_script(fh, config)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"linli replay: cannot read {args.script}: {exc}", file=sys.stderr)
            return 1
        # A fresh temporary database is this process's own; a named one may be shared.
        shared = args.database is None or is_postgres_url(args.database)
        with contextlib.nullcontext() if shared else exclusive(args.database):
            asyncio.run(replay(config, script, sys.stdout, database=args.database))
    except ScriptError as exc:
        print(f"linli replay: {args.script}: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.adapters.local import run_chat

    config = _config(args.config)
    try:
        with _hold(config):
            asyncio.run(run_chat(config, sys.stdin, sys.stdout))
    except KeyboardInterrupt:
        print()
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.runner import RunError, run

    config = _config(args.config)
    try:
        with _hold(config):
            asyncio.run(run(config, worker=args.worker))
    except RunError as exc:
        # Printed past the logging filter, and InvalidToken's text quotes the token.
        redact = logsetup.RedactSecrets()
        redact.add_env(logsetup.DEFAULT_SECRET_ENVS)
        redact.add_env(logsetup.secret_envs_of(config))
        print(f"linli run: {redact.redact(str(exc))}", file=sys.stderr)
        return 1
    return 0


def cmd_web(args: argparse.Namespace) -> int:
    from bot.web.app import run_console
    from bot.web.auth import SecretError

    config = _config(args.config)
    try:
        # On SQLite one process holds the database: with a bot running on it, enable
        # [web] in its config instead (docs/web.md). PostgreSQL is shared.
        with _hold(config):
            asyncio.run(run_console(config, port=args.port))
    except SecretError as exc:
        print(f"linli web: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"linli web: cannot listen: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from bot.cli_db import migrate_command

    return migrate_command(_config(args.config))


def cmd_db_copy(args: argparse.Namespace) -> int:
    from bot.cli_db import copy_command

    return copy_command(
        args.source, args.target, replace=args.replace, password_env=args.password_env
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linli", description="邻里 linli: a bot for building group chats"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", help=f"config file (default: {DEFAULT_CONFIG})")

    p = sub.add_parser("chat", help="a local group chat in the terminal")
    with_config(p)
    p.set_defaults(func=cmd_chat)
    p = sub.add_parser("replay", help="feed a JSON-lines script, print outgoing messages as JSON")
    p.add_argument("script")
    p.add_argument("--database", help="database file (default: a fresh temporary one)")
    with_config(p)
    p.set_defaults(func=cmd_replay)
    p = sub.add_parser("classify", help="classify one message per stdin line")
    with_config(p)
    p.set_defaults(func=cmd_classify)
    p = sub.add_parser("learn", help="retrain the understanding model with the staff's corrections")
    with_config(p)
    p.set_defaults(func=cmd_learn)
    p = sub.add_parser("check-config", help="validate a config file")
    p.add_argument("file")
    p.set_defaults(func=cmd_check_config)
    p = sub.add_parser("run", help="run every platform the config enables")
    with_config(p)
    p.add_argument(
        "--worker",
        help="run only this worker's accounts (several workers share a PostgreSQL database)",
    )
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("web", help="the office web console on 127.0.0.1 (docs/web.md)")
    with_config(p)
    p.add_argument("--port", type=int, help="port (default: [web] port in the config)")
    p.set_defaults(func=cmd_web)
    p = sub.add_parser("migrate", help="bring the configured database's schema up to date")
    with_config(p)
    p.set_defaults(func=cmd_migrate)
    p = sub.add_parser("db", help="database tools (docs/postgresql.md)")
    db_sub = p.add_subparsers(dest="db_command", required=True)
    p = db_sub.add_parser("copy", help="copy a community's database, e.g. SQLite to PostgreSQL")
    for end in ("source", "target"):
        p.add_argument(end, help="sqlite:PATH, a database file, or postgresql://user@host:port/db")
    p.add_argument("--replace", action="store_true", help="empty a non-empty target first")
    p.add_argument(
        "--password-env",
        default=DEFAULT_PASSWORD_ENV,
        help="variable holding the PostgreSQL password (PGPASSWORD and ~/.pgpass work too)",
    )
    p.set_defaults(func=cmd_db_copy)
    return parser


def setup_logging(command: str, *, verbose: bool = False) -> None:
    """INFO for ``run`` and ``web`` (WARNING otherwise, DEBUG with -v), secrets redacted everywhere."""
    level = (
        logging.DEBUG if verbose else logging.INFO if command in ("run", "web") else logging.WARNING
    )
    logsetup.install(level)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(args.command, verbose=args.verbose)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except DatabaseInUse as exc:
        print(f"linli {args.command}: {exc}", file=sys.stderr)
        return 1
    except StorageError as exc:
        # The database cannot be reached or used (a PostgreSQL URL's server refuses, a file is
        # unreadable): say why, without a traceback. Messages name URLs without passwords.
        print(f"linli {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
