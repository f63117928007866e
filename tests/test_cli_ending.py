"""The ``kg`` process freezes what it holds as it ends: Python's last collections walked all of it.

After a build of one page they took 0.02-0.05 s of the wait for it; frozen, the objects are still freed
by reference counting as the modules go (:func:`kg.cli._ending`).  Only the process's own run freezes:
``main`` called with arguments (tests, tools that run a command in their own process) leaves the
collector as it is.
"""

from __future__ import annotations

import gc
import subprocess
import sys

from kg.cli import main


def test_a_command_run_with_arguments_leaves_the_collector_alone(capsys):
    frozen = gc.get_freeze_count()
    assert main(["queries"]) == 0
    assert gc.get_freeze_count() == frozen and capsys.readouterr().out


def test_the_process_entry_freezes_what_it_holds_after_the_command(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["kg", "queries"])
    try:
        assert main() == 0
        assert gc.get_freeze_count() > 0 and capsys.readouterr().out
    finally:
        gc.unfreeze()  # this test's process goes on


def test_python_m_kg_still_writes_all_it_printed_and_its_exit_code():
    done = subprocess.run([sys.executable, "-m", "kg", "queries"], capture_output=True, text=True, timeout=120)
    again = subprocess.run([sys.executable, "-m", "kg", "query", "no-such-query"], capture_output=True, text=True,
                           timeout=120)
    assert done.returncode == 0 and done.stdout.count("\n") > 3
    assert again.returncode != 0 and again.stderr
