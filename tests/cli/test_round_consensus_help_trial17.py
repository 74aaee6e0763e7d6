"""trial17: ``makna round consensus --rule coder --accept dewi`` recorded 0 codings on a round's two
disagreements ("6 already there"): the rule keeps the accepted coder's coding only where another coder agrees,
which ``makna agreement resolve --help`` says and ``makna round consensus --help`` did not, so a manager read
``--accept`` as "take Dewi's side where they disagree"."""

from __future__ import annotations

from typer.testing import CliRunner

from makna.cli import app


def test_round_consensus_help_says_what_the_coder_rule_keeps() -> None:
    result = CliRunner().invoke(app, ["round", "consensus", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "where another coder agrees" in text
    assert "agreement resolve --span" in text
