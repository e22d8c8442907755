-- SPDX-License-Identifier: EUPL-1.2
-- Archive hand-over (xdomea 0501-0504): the offer's process id, the archive's assessment, and when
-- the hand-over package was produced; the destruction record tells destroyed from handed over.
alter table records.disposal add column process_id uuid;
alter table records.disposal add column assessment text check (assessment in ('A', 'V'));
alter table records.disposal add column handover_at timestamptz;
alter table records.destruction_record add column outcome text not null default 'DESTROYED'
    check (outcome in ('DESTROYED', 'HANDED_OVER'));
