-- SPDX-License-Identifier: EUPL-1.2
-- Single-use password reset tokens (30 minutes); only their SHA-256 hash is stored.
create table account.password_reset_token (
    token_hash text primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id uuid not null references account.account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_token_account on account.password_reset_token (account_id);

alter table account.password_reset_token enable row level security;
alter table account.password_reset_token force row level security;
create policy tenant_isolation on account.password_reset_token using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
