-- SPDX-License-Identifier: EUPL-1.2
-- How many mail-sending requests (registration, new confirmation link, password reset) a client address
-- made and how many mails an address received in the current hour; subjects are 'client:<address>' and
-- 'address:<SHA-256 of the normalised e-mail address>'.
create table account.request_quota (
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    subject      text not null,
    window_start timestamptz not null,
    used         integer not null check (used > 0),
    primary key (tenant_id, subject)
);
create index request_quota_window on account.request_quota (window_start);

alter table account.request_quota enable row level security;
alter table account.request_quota force row level security;
create policy tenant_isolation on account.request_quota using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
