-- SPDX-License-Identifier: EUPL-1.2
-- The register of personal data breaches (Art. 33 (5) GDPR: facts, effects, remedial action), with the 72 hours
-- from awareness to the supervisory authority's notification: notified (late only with reasons) or not required
-- (with the reason no risk to people is likely).
create table privacy.incident (
    id                  uuid primary key,
    tenant_id           uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    title               text not null check (char_length(title) between 1 and 200),
    description         text not null check (char_length(description) between 1 and 4000),
    aware_at            timestamptz not null,
    recorded_at         timestamptz not null,
    recorded_by         text not null,
    notified_at         timestamptz,
    late_reason         text check (char_length(late_reason) <= 2000),
    not_required_reason text check (char_length(not_required_reason) <= 2000),
    check (notified_at is null or not_required_reason is null)
);
create index incident_aware on privacy.incident (tenant_id, aware_at desc);

alter table privacy.incident enable row level security;
alter table privacy.incident force row level security;
create policy tenant_isolation on privacy.incident using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
