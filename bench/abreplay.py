"""Whole-process ``linli replay`` of the same script by two checkouts of linli, alternating,
in one run: the CPU time of each (medians) and whether their outputs are identical.

    git worktree add /tmp/linli-before <commit>
    .venv/bin/python -m bench.abreplay /tmp/linli-before . --pairs 3

Each process replays the realistic 20,000-message script of ``bench/_script.py`` into a
copy of the ``base`` fixture (10,000 offers) as the older checkout builds it.
Figures are CPU seconds (user + system, from ``wait4``): on a shared machine the wall time
is mostly waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import _community, _script


def _fixture(tree: Path) -> str:
    """The ``base`` fixture as ``tree``'s code builds it (cached)."""
    return subprocess.run(
        [sys.executable, "-c", "from bench import _fixtures; print(_fixtures.fixture('base'))"],
        cwd=tree,
        env=dict(os.environ, PYTHONPATH=str(tree)),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _replay(tree: Path, fixture: str, script: Path, config: Path, work: Path, out: Path) -> float:
    db = work / "replay.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(fixture, db)
    argv = [sys.executable, "-m", "bot.cli", "replay", str(script), "--config", str(config)]
    with open(out, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(
            [*argv, "--database", str(db)],
            cwd=tree,
            env=dict(os.environ, PYTHONPATH=str(tree)),
            stdout=fh,
        )
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"replay in {tree} failed")
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("before", type=Path, help="checkout of the older linli")
    ap.add_argument("after", type=Path, help="checkout of the newer linli")
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--pairs", type=int, default=3)
    opts = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="linli-abreplay-") as tmp:
        work = Path(tmp)
        config = _community.write_config(work)
        script = work / "script.jsonl"
        _script.write(str(script), opts.messages)
        trees = {"before": opts.before.resolve(), "after": opts.after.resolve()}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        # Both replay into copies of the older checkout's fixture (the newer one migrates
        # it), so that they start from the same rows.
        fixture = _fixture(trees["before"])
        for k in range(opts.pairs):
            order = list(trees) if k % 2 == 0 else list(trees)[::-1]
            for name in order:
                out = work / f"{name}.out"
                cpu[name].append(_replay(trees[name], fixture, script, config, work, out))
        same = (work / "before.out").read_bytes() == (work / "after.out").read_bytes()
    for name, values in cpu.items():
        per = opts.messages / statistics.median(values)
        print(
            f"{name:<7} CPU {statistics.median(values):6.2f} s median"
            f" ({', '.join(f'{v:.2f}' for v in values)}) = {per:,.0f} msgs per CPU-second"
        )
    ratio = statistics.median(cpu["after"]) / statistics.median(cpu["before"])
    print(f"after/before {ratio:.3f}; outputs {'identical' if same else 'DIFFER'}")


if __name__ == "__main__":
    main()
