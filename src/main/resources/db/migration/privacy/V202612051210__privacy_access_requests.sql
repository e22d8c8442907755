-- SPDX-License-Identifier: EUPL-1.2
-- Every answer to an access request (Art. 15 GDPR): whose data, who produced it (the person in the portal, or
-- the data protection officer for a request in writing) and when, so the officer can show the request was
-- answered within the month of Art. 12 (3). No content of the answer is kept.
create table privacy.access_request (
    id           uuid primary key,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id   uuid not null,
    produced_by  uuid not null,
    channel      text not null check (channel in ('PORTAL', 'OFFICER')),
    produced_at  timestamptz not null
);
create index access_request_recent on privacy.access_request (tenant_id, produced_at desc);

alter table privacy.access_request enable row level security;
alter table privacy.access_request force row level security;
create policy tenant_isolation on privacy.access_request using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
