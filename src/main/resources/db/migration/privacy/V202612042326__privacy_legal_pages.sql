-- SPDX-License-Identifier: EUPL-1.2
-- The legal pages every public authority's website must have (Impressum, Datenschutzerklärung, Erklärung zur
-- Barrierefreiheit) as the municipality's administrators wrote them (no row: the defaults), the contacts they name,
-- and the feedback on barriers that the accessibility statement's form takes (§ 10b BGG NRW).
create schema if not exists privacy;

create table privacy.legal_page (
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    kind       text not null check (kind in ('IMPRINT', 'PRIVACY_NOTICE', 'ACCESSIBILITY')),
    body       text not null check (char_length(body) between 1 and 40000),
    updated_at timestamptz not null,
    primary key (tenant_id, kind)
);

create table privacy.legal_contact (
    tenant_id        uuid primary key default tenancy.current_tenant() references tenancy.tenant (id),
    feedback_address text not null check (char_length(feedback_address) between 3 and 254),
    dpo_contact      text not null check (char_length(dpo_contact) between 1 and 500),
    updated_at       timestamptz not null
);

create table privacy.accessibility_feedback (
    id          uuid primary key,
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    message     text not null check (char_length(message) between 1 and 4000),
    page        text check (char_length(page) <= 500),
    contact     text check (char_length(contact) <= 254),
    received_at timestamptz not null
);
create index accessibility_feedback_received on privacy.accessibility_feedback (tenant_id, received_at);

do $$
declare t text;
begin
    foreach t in array array['legal_page', 'legal_contact', 'accessibility_feedback'] loop
        execute format('alter table privacy.%I enable row level security', t);
        execute format('alter table privacy.%I force row level security', t);
        execute format('create policy tenant_isolation on privacy.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
