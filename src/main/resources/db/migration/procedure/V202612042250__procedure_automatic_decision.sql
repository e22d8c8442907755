-- SPDX-License-Identifier: EUPL-1.2
-- Decisions the system issues without a clerk (the resident parking permit when the address lies in a
-- zone): no clerk decided them, so decided_by stays empty and "automatic" says why. Every automatic check
-- is kept, whether it decided or handed the case to a clerk, with the reason the clerk sees.
alter table procedure.decision alter column decided_by drop not null;
alter table procedure.decision add column automatic boolean not null default false;
alter table procedure.decision add constraint decision_decided_by check (automatic or decided_by is not null);

create table procedure.automatic_check (
    application_id uuid primary key references procedure.application (id) on delete cascade,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    rule           text not null,
    outcome        text not null check (outcome in ('APPROVED', 'REFERRED')),
    reason         text not null,
    checked_at     timestamptz not null
);
alter table procedure.automatic_check enable row level security;
alter table procedure.automatic_check force row level security;
create policy tenant_isolation on procedure.automatic_check using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
