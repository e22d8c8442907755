-- SPDX-License-Identifier: EUPL-1.2
-- Resolution control (Beschlusskontrolle): a resolution that asks the administration to act gets an owning
-- department (by its code in the account module), a due date and status reports; the latest report's status
-- is the resolution's.
create table council.resolution_control (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    agenda_item_id  uuid not null references council.agenda_item (id),
    department_code text not null,
    due_date        date not null,
    status          text not null default 'PLANNED' check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_FEASIBLE')),
    created         timestamptz not null,
    modified        timestamptz not null,
    deleted         boolean not null default false,
    unique (agenda_item_id)
);

create table council.resolution_report (
    id          uuid primary key,
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    control_id  uuid not null references council.resolution_control (id),
    status      text not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_FEASIBLE')),
    note        text check (char_length(note) <= 2000),
    reported_by uuid not null,
    created     timestamptz not null,
    check (status <> 'NOT_FEASIBLE' or note is not null)
);
create index resolution_report_control on council.resolution_report (control_id, created);

do $$
declare t text;
begin
    foreach t in array array['resolution_control', 'resolution_report'] loop
        execute format('alter table council.%I enable row level security', t);
        execute format('alter table council.%I force row level security', t);
        execute format('create policy tenant_isolation on council.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
