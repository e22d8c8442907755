-- SPDX-License-Identifier: EUPL-1.2
-- The search's filters (file plan entry, filing date, state of the case) beside the vector, so a
-- search reads search_entry alone and PostgreSQL can choose between the text index (rare words) and
-- the newest-first walk (common words) from the vector's statistics. Joined to the cases, its
-- estimates went wrong at a million documents and one search took 30 s (docs/benchmarks.md).
alter table records.search_entry add column plan_number text, add column filed_at timestamptz, add column case_status text;

drop index records.search_entry_search;
alter table records.document_version no force row level security;
alter table records.document no force row level security;
alter table records.record_case no force row level security;
alter table records.file no force row level security;
alter table records.plan_entry no force row level security;
update records.search_entry s set plan_number = p.number, filed_at = v.created_at, case_status = c.status
  from records.document_version v join records.document d on d.id = v.document_id join records.record_case c on c.id = d.case_id
  join records.file f on f.id = c.file_id join records.plan_entry p on p.id = f.plan_entry_id
 where v.id = s.version_id;
alter table records.document_version force row level security;
alter table records.document force row level security;
alter table records.record_case force row level security;
alter table records.file force row level security;
alter table records.plan_entry force row level security;

alter table records.search_entry alter column plan_number set not null, alter column filed_at set not null,
    alter column case_status set not null;
create index search_entry_search on records.search_entry using gin (search);
