-- SPDX-License-Identifier: EUPL-1.2
-- Every carried-out erasure (Art. 17 GDPR): whose account, by whom (the person in the portal, or the data
-- protection officer for a request in writing), when, and what was removed and kept with the reasons, as
-- kinds, counts and case references. The erased data itself is not kept here.
create table privacy.erasure_request (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id      uuid not null,
    carried_out_by  uuid not null,
    channel         text not null check (channel in ('PORTAL', 'OFFICER')),
    carried_out_at  timestamptz not null,
    removed         integer not null check (removed >= 0),
    kept            integer not null check (kept >= 0),
    summary         jsonb not null
);
create index erasure_request_recent on privacy.erasure_request (tenant_id, carried_out_at desc);

alter table privacy.erasure_request enable row level security;
alter table privacy.erasure_request force row level security;
create policy tenant_isolation on privacy.erasure_request using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
