"""The package as a user gets it: the wheel built from this checkout, installed into a fresh
virtual environment (the dependencies at the lock file's versions, from pip's cache or
PyPI). Built and installed once per test session; any test can run commands in it."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"


@dataclass(frozen=True)
class Installed:
    """A virtual environment with pestle installed from its wheel."""

    root: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a command run in it: this checkout off the path, and the
        virtual environment first on it, as after `source .venv/bin/activate`."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.root)
        return {**env, **extra}

    def run(
        self, *args: str, cwd: Path, input: str | None = None, timeout: float = 600, **env: str
    ) -> subprocess.CompletedProcess[str]:
        """Run a command of the environment (``run("pestle", "demo", cwd=...)``)."""
        command = [str(self.bin / args[0]), *args[1:]]
        return subprocess.run(
            command,
            cwd=cwd,
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.env(**env),
            check=False,
        )


def _call(*command: str | Path, cwd: Path | None = None) -> None:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout[-3000:]}"
            f"\n{done.stderr[-3000:]}"
        )


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("packaging")
    dist = base / "dist"
    # the wheel, built in an isolated environment from pyproject.toml's build system
    _call(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT)
    (wheel,) = dist.glob("pestle-*.whl")
    root = base / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(root)
    python = root / "bin" / "python"
    # the wheel's own dependency list, held to the versions CI tests (the lock file)
    _call(python, "-m", "pip", "install", "-q", "-c", LOCK, wheel)
    return Installed(root=root, wheel=wheel)
