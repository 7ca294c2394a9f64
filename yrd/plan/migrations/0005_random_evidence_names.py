"""Evidence files are stored under random names (yrd.core.uploads.RandomName): files stored before
under the name they were sent with are moved to a random name too, so that no stored name tells
whose document it is. The sender's file name stays in Evidence.original_name."""

import re

from django.db import migrations, models, transaction

import yrd.core.uploads

RANDOM = re.compile(r"plan/evidence/\d{4}/\d{2}/[0-9a-f]{32}(\.[a-z0-9]+)?")


def rename_stored_files(apps, schema_editor):
    Evidence = apps.get_model("plan", "Evidence")
    random_name = yrd.core.uploads.RandomName("plan/evidence")
    replaced = []
    for evidence in Evidence.objects.exclude(file="").order_by("pk"):
        old, storage = evidence.file.name, evidence.file.storage
        if RANDOM.fullmatch(old) or not storage.exists(old):
            continue  # already random, or the file is missing: leave the record as it is
        with storage.open(old, "rb") as handle:
            new = storage.save(random_name(evidence, evidence.original_name or old), handle)
        Evidence.objects.filter(pk=evidence.pk).update(file=new)
        replaced.append((storage, old))
    # The old files go only once the new names are committed.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in replaced])


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0004_text_limits"),
    ]

    operations = [
        migrations.AlterField(
            model_name="evidence",
            name="file",
            field=models.FileField(upload_to=yrd.core.uploads.RandomName("plan/evidence"), verbose_name="file"),
        ),
        migrations.RunPython(rename_stored_files, migrations.RunPython.noop),
    ]
