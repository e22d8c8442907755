-- SPDX-License-Identifier: EUPL-1.2
-- Online procedures: shipped procedure type versions (shared by all municipalities, immutable),
-- applications from draft to decision, their attachments, requests for information and decisions.
create schema if not exists procedure;

-- A version of a procedure type, loaded from the class path. Shared by all tenants, never changed
-- once stored: an application is always validated against the version it was started with.
create table procedure.procedure_type_version (
    type_key    text    not null check (type_key ~ '^[a-z0-9-]{2,60}$'),
    version     integer not null check (version > 0),
    definition  jsonb   not null,
    checksum    text    not null,
    loaded_at   timestamptz not null default now(),
    primary key (type_key, version)
);

create table procedure.application (
    id                uuid primary key,
    tenant_id         uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    applicant_id      uuid not null,
    type_key          text not null,
    type_version      integer not null,
    department_code   text not null,
    status            text not null check (status in ('DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'INFORMATION_REQUESTED', 'APPROVED', 'REJECTED')),
    data              jsonb not null default '{}'::jsonb,
    reference         text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    submitted_at      timestamptz,
    assignee_id       uuid,
    workflow_instance text,
    decided_at        timestamptz,
    foreign key (type_key, type_version) references procedure.procedure_type_version (type_key, version),
    unique (tenant_id, reference)
);
create index application_applicant on procedure.application (tenant_id, applicant_id, updated_at desc);
create index application_worklist on procedure.application (tenant_id, department_code, status, submitted_at)
    where status in ('SUBMITTED', 'IN_PROGRESS', 'INFORMATION_REQUESTED');

-- Requests for information by the clerk and the applicant's answers.
create table procedure.exchange (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    application_id uuid not null references procedure.application (id) on delete cascade,
    question       text not null,
    asked_by       uuid not null,
    requested_at   timestamptz not null,
    answer         text,
    answered_at    timestamptz
);
create index exchange_application on procedure.exchange (application_id, requested_at);

create table procedure.attachment (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    application_id uuid not null references procedure.application (id) on delete cascade,
    exchange_id    uuid references procedure.exchange (id) on delete cascade,
    field_key      text not null,
    filename       text not null,
    media_type     text not null,
    size           bigint not null,
    sha256         text not null,
    content        bytea not null,
    uploaded_at    timestamptz not null default now()
);
create index attachment_application on procedure.attachment (application_id);

create table procedure.decision (
    application_id uuid primary key references procedure.application (id),
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    outcome        text not null check (outcome in ('APPROVED', 'REJECTED')),
    reason         text,
    amount_cents   bigint,
    decided_by     uuid not null,
    issued_at      timestamptz not null,
    filename       text not null,
    document       bytea not null
);

-- Reference numbers per municipality, prefix and year (HUND-2026-000001).
create table procedure.reference_counter (
    tenant_id uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    prefix    text not null,
    year      integer not null,
    value     bigint not null,
    primary key (tenant_id, prefix, year)
);

do $$
declare t text;
begin
    foreach t in array array['application', 'exchange', 'attachment', 'decision', 'reference_counter'] loop
        execute format('alter table procedure.%I enable row level security', t);
        execute format('alter table procedure.%I force row level security', t);
        execute format('create policy tenant_isolation on procedure.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
