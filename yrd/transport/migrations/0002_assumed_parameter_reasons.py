"""Every unsourced default parameter said the same words ("No published source found yet ..."). Each one
now says it is an assumption and what the number stands for (`routing/parameters.py`). Rows still holding
the old words and the default value get the new text; a value an administrator changed keeps its text."""

from django.db import migrations

from yrd.transport.routing.parameters import DEFAULT_HUB_KINDS, DEFAULT_MODES, UNSOURCED, Parameters

MODE_FIELDS = (("speed_kmh", "speed_source"), ("cost_per_tkm", "cost_source"), ("co2_kg_per_tkm", "co2_source"))
HUB_FIELDS = (("transfer_hours", "hours_source"), ("transfer_cost_per_tonne", "cost_source"))
SETTING_FIELDS = (("road_circuity", "road_circuity_source"), ("tonnes_per_teu", "tonnes_per_teu_source"))


def _update(row, default, fields) -> None:
    changed = []
    for value_field, source_field in fields:
        sourced = getattr(default, value_field)
        if getattr(row, source_field) == UNSOURCED and float(getattr(row, value_field)) == sourced.value:
            setattr(row, source_field, sourced.source)
            changed.append(source_field)
    if changed:
        row.save(update_fields=changed)


def forwards(apps, schema_editor):
    for row in apps.get_model("transport", "ModeParameter").objects.all():
        default = next((p for m, p in DEFAULT_MODES.items() if str(m) == row.mode), None)
        if default is not None:
            _update(row, default, MODE_FIELDS)
    for row in apps.get_model("transport", "HubKindParameter").objects.all():
        if row.kind in DEFAULT_HUB_KINDS:
            _update(row, DEFAULT_HUB_KINDS[row.kind], HUB_FIELDS)
    for row in apps.get_model("transport", "NetworkSetting").objects.all():
        _update(row, Parameters(), SETTING_FIELDS)


class Migration(migrations.Migration):
    dependencies = [("transport", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
