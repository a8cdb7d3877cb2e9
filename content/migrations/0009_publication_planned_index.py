"""The calendar's index on planned_at (issue 14). Built with CREATE INDEX CONCURRENTLY on
PostgreSQL, so a union-sized table keeps taking writes while it builds (docs/operations.md,
"Upgrades"); a plain index elsewhere (SQLite for `make run`)."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class AddIndexOnline(AddIndexConcurrently):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_forwards(
            self, app_label, schema_editor, from_state, to_state
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        return migrations.AddIndex.database_backwards(
            self, app_label, schema_editor, from_state, to_state
        )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("content", "0008_comments"),
    ]

    operations = [
        AddIndexOnline(
            model_name="publication",
            index=models.Index(fields=["planned_at"], name="publication_planned_idx"),
        ),
    ]
