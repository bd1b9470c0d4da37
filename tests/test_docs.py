"""The README is checked: its quick start, the commands it shows, and CI running its test command."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from anhui_kg.cli import app
from anhui_kg.queries import list_queries

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_is_exactly_two_commands():
    cmds = quick_start()
    assert len(cmds) == 2
    assert "anhui-kg build" in cmds[0] and "anhui-kg partners" in cmds[0]
    assert "pytest" in cmds[1] and "[test]" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start()[1] in ci


def test_every_command_shown_in_the_readme_exists():
    shown = set(re.findall(r"^\$ anhui-kg ([a-z-]+)", README, flags=re.M))
    shown |= set(re.findall(r"`anhui-kg ([a-z-]+)", README))
    assert {"build", "partners", "show", "query", "export", "analyze"} <= shown
    runner = CliRunner()
    for cmd in sorted(shown):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0, f"`anhui-kg {cmd}` is in the README but --help fails"


def test_every_named_query_states_its_question():
    qs = list_queries()
    assert len(qs) >= 10
    for q in qs:
        text = q.path.read_text(encoding="utf-8")
        assert text.startswith("# Question:"), q.name
        assert "# Parameters:" in text and "# Returns:" in text, q.name


def test_readme_images_exist():
    for ref in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / ref).is_file(), ref
