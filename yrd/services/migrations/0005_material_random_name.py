# Material files are stored under a random name (issue 11): the sender's file name, often a
# person's name and document ("张三身份证.pdf"), stays only in original_name.
from django.db import migrations, models

import yrd.core.uploads


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0004_decision_document_step"),
    ]

    operations = [
        migrations.AlterField(
            model_name="material",
            name="file",
            field=models.FileField(max_length=200, upload_to=yrd.core.uploads.RandomName("services/materials")),
        ),
    ]
