import datetime

from django.db import migrations, models


def expire_existing_tokens(apps, schema_editor):
    """Tokens made before scopes existed could write, so they keep read-and-write; they expire 90
    days after this migration at the latest, like a new token's default lifetime."""
    ApiToken = apps.get_model("core", "ApiToken")
    deadline = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=90)
    ApiToken.objects.update(scope="read_write", expires_at=deadline)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_audit_chains_checkpoints")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "read only"), ("read_write", "read and write")],
                default="read",
                max_length=10,
                verbose_name="scope",
            ),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires at"),
        ),
        migrations.RunPython(expire_existing_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expires at"),
        ),
    ]
