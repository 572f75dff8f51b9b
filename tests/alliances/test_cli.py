from __future__ import annotations

import json

import networkx as nx
from typer.testing import CliRunner

from pactwatch.cli.main import app

runner = CliRunner()


def test_ask_defenders_json(atop_db):
    result = runner.invoke(app, ["ask", "defenders", "--of", "North Korea", "--on", "2018-12-31",
                                 "--db", atop_db.url, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["of"] == "PRK"
    assert "CHN" in {d["state"] for d in data["defenders"]}


def test_ask_attack_table_and_bad_state(atop_db):
    ok = runner.invoke(app, ["ask", "attack", "--attacker", "IRQ", "--target", "KWT",
                             "--on", "1990-08-02", "--db", atop_db.url])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["ask", "attack", "--attacker", "Atlantis", "--target", "KWT",
                              "--on", "1990-08-02", "--db", atop_db.url])
    assert bad.exit_code == 1 and "PW302" in bad.output


def test_ask_network_graphml(atop_db, tmp_path):
    result = runner.invoke(app, ["ask", "network", "--on", "1960-06-01", "--db", atop_db.url,
                                 "--format", "graphml", "--type", "defense"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "net.graphml"
    path.write_text(result.stdout)
    graph = nx.read_graphml(path)
    us_japan = {(a, b) for a, b, d in graph.edges(data=True) if d["treaty_id"] == "atop-3375"}
    assert us_japan == {("USA", "JPN")}


def test_ask_network_json_keeps_direction(atop_db):
    result = runner.invoke(app, ["ask", "network", "--on", "1960-06-01", "--db", atop_db.url,
                                 "--format", "json", "--type", "defense"])
    assert result.exit_code == 0, result.output
    edges = json.loads(result.stdout)["edges"]
    assert {(e["source"], e["target"]) for e in edges if e["treaty_id"] == "atop-3375"} == {
        ("USA", "JPN")}
    assert {e["registry"] for e in edges} >= {"atop"}
