"""Run a command; write its wall time, CPU time and peak RSS as JSON to a file.

    python -m bench._rusage RESULT.json CMD [ARG ...]

Why not ``wait4`` on the command straight from the bench: on Linux a child's peak RSS
(``ru_maxrss``, from ``wait4`` or its own ``getrusage``) starts from the RSS of the process
it was forked from, kept across ``exec``. The bench process holds fixtures and scripts, so
its children's figures were at least its own size. This launcher is a bare interpreter
(about 10 MB): the command's figure is its own memory, or this floor if that is smaller.
The command's stdin, stdout and stderr are this process's; the exit code is passed on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    result_path, command = argv[0], argv[1:]
    t = time.perf_counter()
    proc = subprocess.Popen(command)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    with open(result_path, "w", encoding="utf-8") as fh:
        json.dump(
            {
                "process_s": wall,
                "process_cpu_s": usage.ru_utime + usage.ru_stime,
                "process_rss_mb": usage.ru_maxrss / 1024,
                "exit": code,
            },
            fh,
        )
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
