"""SIGKILL during a large ``dump``: the file it was replacing is intact, or the new file is whole.

A child process dumps some 10 MB of claims over an existing claim file; the test
watches the file and kills the child the moment the file changes (or at a random
moment if it never does before the child ends). Afterwards the file must load: the
old claims or all of the new ones, never an empty or half-written file.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import esgclaims
from tests.adversarial.tally import TALLY

_ROOT = Path(esgclaims.__file__).parent.parent
_CHILD = """
import sys, attrs, esgclaims
claims = esgclaims.load_dataset("jd-2020")
big = esgclaims.ClaimSet(attrs.evolve(c, id=f"{c.id}-{i}") for i in range(600) for c in claims)
print("dumping", flush=True)
esgclaims.dump(big, sys.argv[1])
"""
_TRIALS = 3


def test_a_killed_dump_leaves_the_old_file_or_the_whole_new_one(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    old = esgclaims.load_dataset("jd-2020")
    environment = {**os.environ, "PYTHONPATH": str(_ROOT)}
    broken = []
    for trial in range(_TRIALS):
        esgclaims.dump(old, target)
        before = target.stat()
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", _CHILD, str(target)], stdout=subprocess.PIPE, env=environment
        )
        assert child.stdout is not None
        child.stdout.readline()  # "dumping": the claims are built, the dump begins
        deadline = time.monotonic() + random.uniform(0.5, 3)  # noqa: S311 - a moment, not a secret
        while child.poll() is None and time.monotonic() < deadline:
            now = target.stat()
            if (now.st_size, now.st_mtime_ns, now.st_ino) != (before.st_size, before.st_mtime_ns, before.st_ino):
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        TALLY["killed dump: trials"] += 1
        try:
            after = esgclaims.load(target)
        except esgclaims.EsgClaimsError as error:
            broken.append(f"trial {trial}: {target.stat().st_size} bytes left: {str(error)[:100]}")
            continue
        assert after == old or len(after) == 600 * len(old)
    assert not broken, "\n".join(broken)
