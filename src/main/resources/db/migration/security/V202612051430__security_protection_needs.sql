-- SPDX-License-Identifier: EUPL-1.2
-- Information security (BSI standard 200-2): protection needs of the catalogue's processes and of the IT systems,
-- the dependencies along which they are inherited, and the ISMS register of IT-Grundschutz modules applied.
create schema if not exists security;

create table security.it_system (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    name            text not null check (char_length(name) between 1 and 200),
    kind            text not null check (kind in ('APPLICATION', 'IT_SYSTEM', 'NETWORK', 'ROOM')),
    description     text not null default '' check (char_length(description) <= 2000),
    -- the system's own assessment; null: inherited only
    confidentiality text check (confidentiality in ('NORMAL', 'HIGH', 'VERY_HIGH')),
    integrity       text check (integrity in ('NORMAL', 'HIGH', 'VERY_HIGH')),
    availability    text check (availability in ('NORMAL', 'HIGH', 'VERY_HIGH')),
    reason          text not null default '' check (char_length(reason) <= 4000),
    updated_by      uuid not null,
    updated_at      timestamptz not null,
    unique (tenant_id, name)
);

-- system_id uses or runs on depends_on (an application on a server, a server in a room)
create table security.system_dependency (
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    system_id   uuid not null references security.it_system (id) on delete cascade,
    depends_on  uuid not null references security.it_system (id) on delete cascade,
    primary key (system_id, depends_on),
    check (system_id <> depends_on)
);

create table security.process_need (
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    process_key     text not null,
    confidentiality text not null check (confidentiality in ('NORMAL', 'HIGH', 'VERY_HIGH')),
    integrity       text not null check (integrity in ('NORMAL', 'HIGH', 'VERY_HIGH')),
    availability    text not null check (availability in ('NORMAL', 'HIGH', 'VERY_HIGH')),
    reason          text not null check (char_length(reason) between 1 and 4000),
    assessed_by     uuid not null,
    assessed_at     timestamptz not null,
    primary key (tenant_id, process_key)
);

create table security.process_system (
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    process_key  text not null,
    system_id    uuid not null references security.it_system (id) on delete cascade,
    primary key (tenant_id, process_key, system_id)
);

create table security.isms_module (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    code           text not null check (code ~ '^[A-Z]{2,5}(\.[0-9]{1,2}){0,4}$'),
    title          text not null check (char_length(title) between 1 and 200),
    -- the system the module is applied to; null: the whole organisation
    system_id      uuid references security.it_system (id) on delete cascade,
    status         text not null check (status in ('OPEN', 'PARTIAL', 'DONE', 'NOT_APPLICABLE')),
    responsible    text not null default '' check (char_length(responsible) <= 200),
    note           text not null default '' check (char_length(note) <= 4000),
    due_on         date,
    updated_by     uuid not null,
    updated_at     timestamptz not null
);
create unique index isms_module_once on security.isms_module (tenant_id, code, coalesce(system_id, '00000000-0000-0000-0000-000000000000'::uuid));

do $$
declare t text;
begin
    foreach t in array array['it_system', 'system_dependency', 'process_need', 'process_system', 'isms_module'] loop
        execute format('alter table security.%I enable row level security', t);
        execute format('alter table security.%I force row level security', t);
        execute format('create policy tenant_isolation on security.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
