import pytest
from django.core.management import CommandError, call_command

from yrd.industry import demo

pytestmark = pytest.mark.django_db


def test_the_import_command_lists_problems_and_writes_nothing(world, tmp_path):
    world.jiangsu.username = "js_official"
    world.jiangsu.save()
    path = tmp_path / "capacities.csv"
    path.write_text(f"uscc,component,annual_units\n{world.cells.organisation.uscc},battery-cell,-3\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("industry_import", str(path), kind="capacities", user="js_official")


def test_the_rank_command_names_the_costliest_city(taxonomy, capsys):
    demo.load_demo()
    call_command("industry_rank", days=30, top=3)
    out = capsys.readouterr().out
    assert "Cities:" in out and "Suppliers" in out
