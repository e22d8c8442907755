-- SPDX-License-Identifier: EUPL-1.2
-- When the officers were warned that an incident's 72 hours run out (a day before) and that they ran out:
-- each warning goes once.
alter table privacy.incident add column warned_due_soon_at timestamptz, add column warned_overdue_at timestamptz;
