-- SPDX-License-Identifier: EUPL-1.2
-- The register of processing activities (Art. 30 GDPR): what the data protection officer adds by hand to each catalogue
-- process marked "personal data" (the catalogue keeps the rest), and the published versions, each a frozen copy.
create table privacy.register_completion (
    tenant_id     uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    process_key   text not null,
    purpose       text not null default '' check (char_length(purpose) <= 2000),
    data_subjects text not null default '' check (char_length(data_subjects) <= 2000),
    recipients    text not null default '' check (char_length(recipients) <= 2000),
    retention     text not null default '' check (char_length(retention) <= 2000),
    measures      text not null default '' check (char_length(measures) <= 4000),
    updated_at    timestamptz not null,
    updated_by    text not null,
    primary key (tenant_id, process_key)
);

create table privacy.register_version (
    id           uuid primary key,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    number       integer not null check (number >= 1),
    published_at timestamptz not null,
    published_by text not null,
    entries      integer not null,
    content      jsonb not null,
    unique (tenant_id, number)
);

do $$
declare t text;
begin
    foreach t in array array['register_completion', 'register_version'] loop
        execute format('alter table privacy.%I enable row level security', t);
        execute format('alter table privacy.%I force row level security', t);
        execute format('create policy tenant_isolation on privacy.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
