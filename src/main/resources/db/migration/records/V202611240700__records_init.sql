-- SPDX-License-Identifier: EUPL-1.2
-- Electronic file (E-Akte): file plan, files (Akten), cases (Vorgänge), documents with immutable
-- versions, and an append-only, hash-chained audit trail.
create schema if not exists records;

-- The file plan (Aktenplan): a tree of subjects with numbers, retention and disposal.
create table records.plan_entry (
    id               uuid primary key,
    tenant_id        uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    number           text not null check (number ~ '^[0-9]{1,3}(\.[0-9]{1,3})*$'),
    title            text not null,
    parent_id        uuid references records.plan_entry (id),
    retention_years  integer check (retention_years between 0 and 200),
    disposal         text check (disposal in ('DESTROY', 'ARCHIVE')),
    procedure_types  text[] not null default '{}',
    unique (tenant_id, number)
);

create table records.file (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    plan_entry_id  uuid not null references records.plan_entry (id),
    reference      text not null,
    title          text not null,
    department     text not null,
    legal_hold     boolean not null default false,
    created_at     timestamptz not null default now(),
    unique (tenant_id, reference)
);

create table records.record_case (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    file_id        uuid not null references records.file (id),
    reference      text not null,
    title          text not null,
    department     text not null,
    status         text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    source         text,
    created_at     timestamptz not null default now(),
    closed_at      timestamptz,
    unique (tenant_id, reference),
    unique (tenant_id, source)
);

create table records.document (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    case_id        uuid not null references records.record_case (id),
    title          text not null,
    created_at     timestamptz not null default now()
);
create index document_case on records.document (case_id);

-- Versions are never changed: a new version is a new row.
create table records.document_version (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    document_id    uuid not null references records.document (id),
    version        integer not null check (version > 0),
    filename       text not null,
    media_type     text not null,
    size           bigint not null,
    sha256         text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    author         text not null,
    created_at     timestamptz not null default now(),
    metadata       jsonb not null default '{}'::jsonb,
    unique (document_id, version)
);

create function records.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'records.% rows are immutable', tg_table_name;
end $$;
create trigger document_version_immutable before update or delete on records.document_version
    for each row execute function records.refuse_change();

-- The audit trail: append only; each entry carries the hash of the previous one of its municipality.
create table records.audit_entry (
    seq        bigint generated always as identity primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    at         timestamptz not null,
    actor      text not null,
    action     text not null,
    object     text not null,
    origin     text not null,
    prev_hash  text not null,
    hash       text not null
);
create index audit_entry_tenant on records.audit_entry (tenant_id, seq);
create trigger audit_entry_append_only before update or delete on records.audit_entry
    for each row execute function records.refuse_change();

do $$
declare t text;
begin
    foreach t in array array['plan_entry', 'file', 'record_case', 'document', 'document_version', 'audit_entry'] loop
        execute format('alter table records.%I enable row level security', t);
        execute format('alter table records.%I force row level security', t);
        execute format('create policy tenant_isolation on records.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
