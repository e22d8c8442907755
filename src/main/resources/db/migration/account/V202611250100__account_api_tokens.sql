-- SPDX-License-Identifier: EUPL-1.2
-- API keys for other systems (departments' specialist software) acting as a staff account.
-- Only the SHA-256 of a key is stored; the key itself is shown once when it is created.
create table account.api_token (
    id           uuid primary key,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id   uuid not null references account.account (id) on delete cascade,
    name         text not null check (length(name) between 1 and 100),
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account on account.api_token (account_id);

alter table account.api_token enable row level security;
alter table account.api_token force row level security;
create policy tenant_isolation on account.api_token using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
