-- SPDX-License-Identifier: EUPL-1.2
-- Search over a million documents (ADR 10, docs/benchmarks.md).
--
-- Row-level security keeps PostgreSQL from using an index for a condition whose operator is not
-- "leakproof", and full-text matching (@@) is not: on version_text every search read the whole
-- table. The search vectors therefore move to search_entry, the one records table without a
-- policy. It holds no text, only the vector, the department and the extraction time; every query
-- names the municipality explicitly and reaches documents only by joining the protected tables,
-- so a row of another municipality can never come out.
--
-- The newest matches of the searcher's departments are found by walking extracted_at; the
-- department sits beside the vector because a case never changes department.
create table records.search_entry (
    version_id   uuid primary key references records.version_text (version_id) on delete cascade,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    department   text not null,
    extracted_at timestamptz not null,
    search       tsvector not null
);

-- existing vectors of every municipality (the table owner passes the policies for this step only)
alter table records.version_text no force row level security;
alter table records.document_version no force row level security;
alter table records.document no force row level security;
alter table records.record_case no force row level security;
insert into records.search_entry(version_id, tenant_id, department, extracted_at, search)
select t.version_id, t.tenant_id, c.department, t.extracted_at, t.search
  from records.version_text t join records.document_version v on v.id = t.version_id
  join records.document d on d.id = v.document_id join records.record_case c on c.id = d.case_id
 where t.extracted_at is not null;
alter table records.version_text force row level security;
alter table records.document_version force row level security;
alter table records.document force row level security;
alter table records.record_case force row level security;

drop index records.version_text_search;
alter table records.version_text drop column search;
create index search_entry_search on records.search_entry using gin (search);
create index search_entry_recent on records.search_entry (extracted_at desc);
