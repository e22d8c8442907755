-- SPDX-License-Identifier: EUPL-1.2
-- Process catalogue (Prozesskatalog): every process of every department with the survey's fields,
-- its review history, the board's versioned weight sets and the measure plan.
create schema if not exists catalogue;

create table catalogue.process (
    id                       uuid primary key,
    tenant_id                uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    process_key              text not null check (process_key ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    department_code          text not null,
    name                     text not null,
    description              text not null default '',
    target_groups            text[] not null default '{}',
    kind                     text not null check (kind in ('STEERING', 'OUTPUT', 'SERVICE')),
    product_number           text not null default '',
    product_name             text not null default '',
    participants             text not null default '',
    trigger_event            text not null default '',
    result                   text not null default '',
    data_processed           text not null default '',
    personal_data            boolean not null default false,
    personal_data_categories text not null default '',
    special_categories       boolean not null default false,
    cases_per_year           integer not null default 0 check (cases_per_year >= 0),
    deficits                 text not null default '',
    legal_bases              text not null default '',
    law_demands_digital      boolean not null default false,
    digital_law              text not null default '',
    digital_deadline         date,
    automation_potential     text not null default 'NONE' check (automation_potential in ('NONE', 'PARTIAL', 'FULL')),
    automation_note          text not null default '',
    it_system                text not null default '',
    it_extension             text not null default '',
    efile_integration        text not null default '',
    leika_key                text not null default '' check (leika_key = '' or leika_key ~ '^[0-9]{14}$'),
    procedure_type_key       text not null default '',
    citizen_benefit          integer not null default 0 check (citizen_benefit between 0 and 5),
    business_benefit         integer not null default 0 check (business_benefit between 0 and 5),
    minutes_saved_per_case   integer not null default 0 check (minutes_saved_per_case >= 0),
    budget_eur               integer not null default 0 check (budget_eur >= 0),
    staff_days               integer not null default 0 check (staff_days >= 0),
    feasibility              integer not null default 0 check (feasibility between 0 and 5),
    demo                     boolean not null default false,
    status                   text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'REVIEWED')),
    version                  integer not null default 1,
    updated_at               timestamptz not null default now(),
    unique (tenant_id, process_key)
);
create index process_department on catalogue.process (tenant_id, department_code, process_key);

-- Every change: who, when, what (field changes as JSON), with an optional comment.
create table catalogue.process_history (
    id          bigint generated always as identity primary key,
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    process_id  uuid not null references catalogue.process (id) on delete cascade,
    at          timestamptz not null default now(),
    actor_id    uuid,
    actor_name  text not null,
    action      text not null,
    changes     jsonb not null default '{}'::jsonb,
    comment     text not null default ''
);
create index process_history_process on catalogue.process_history (process_id, at);

-- The board's weights; every saved set is a new version, so a past decision can be reproduced.
create table catalogue.weight_set (
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    version    integer not null,
    weights    jsonb not null,
    note       text not null default '',
    created_at timestamptz not null default now(),
    created_by text not null,
    primary key (tenant_id, version)
);

create table catalogue.plan_entry (
    process_id uuid primary key references catalogue.process (id) on delete cascade,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    year       integer not null check (year between 2018 and 2030),
    owner      text not null default '',
    status     text not null default 'PLANNED' check (status in ('PLANNED', 'IN_PROGRESS', 'ONLINE', 'DEFERRED')),
    note       text not null default '',
    updated_at timestamptz not null default now()
);

do $$
declare t text;
begin
    foreach t in array array['process', 'process_history', 'weight_set', 'plan_entry'] loop
        execute format('alter table catalogue.%I enable row level security', t);
        execute format('alter table catalogue.%I force row level security', t);
        execute format('create policy tenant_isolation on catalogue.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
