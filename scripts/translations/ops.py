"""Operations (issue 12 §6–7): backups, object storage, the beat lock and deploy/ add no
user-facing text (scripts, logs and settings only)."""

T: dict = {}
PLURAL: dict = {}
