-- SPDX-License-Identifier: EUPL-1.2
-- Sign-in throttles instead of locking accounts (docs/adr/XXXX-sign-in-throttling.md). One row per client
-- address (account_key ''), per account key (client ''), and per pair; the account key is the SHA-256 of the
-- normalised address, kept for addresses without an account too, so that both behave alike.
create table account.sign_in_throttle (
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_key     text not null default '',
    client          text not null default '',
    failures        integer not null check (failures > 0),
    last_failure_at timestamptz not null,
    blocked_until   timestamptz,
    primary key (tenant_id, account_key, client),
    check (account_key <> '' or client <> '')
);
create index sign_in_throttle_last_failure on account.sign_in_throttle (last_failure_at);

alter table account.sign_in_throttle enable row level security;
alter table account.sign_in_throttle force row level security;
create policy tenant_isolation on account.sign_in_throttle using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());

-- the hard lock of the account is gone: anyone could lock out anyone, administrators included
alter table account.account drop column failed_logins, drop column locked_until;
