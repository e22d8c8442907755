-- SPDX-License-Identifier: EUPL-1.2
-- Municipalities (tenants) and the function row-level security policies of all modules use.
create schema if not exists tenancy;

create table tenancy.tenant (
    id         uuid primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9-]{2,40}$'),
    name       text not null,
    created_at timestamptz not null default now()
);

create table tenancy.tenant_host (
    host      text primary key,
    tenant_id uuid not null references tenancy.tenant (id)
);

-- The tenant bound to this connection by the application (empty or unset: none).
-- Policies compare tenant_id with it, so rows of other tenants are invisible and unwritable.
create function tenancy.current_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('openrathaus.tenant', true), '')::uuid $$;
