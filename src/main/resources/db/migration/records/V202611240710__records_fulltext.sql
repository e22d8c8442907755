-- SPDX-License-Identifier: EUPL-1.2
-- Full text of document versions in German (stemming: "Hunde" finds "Hund"), extracted after upload.
create table records.version_text (
    version_id  uuid primary key references records.document_version (id),
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    status      text not null check (status in ('PENDING', 'EXTRACTED', 'FAILED')),
    body        text not null default '',
    search      tsvector not null default ''::tsvector,
    extracted_at timestamptz
);
create index version_text_search on records.version_text using gin (search);

alter table records.version_text enable row level security;
alter table records.version_text force row level security;
create policy tenant_isolation on records.version_text using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
