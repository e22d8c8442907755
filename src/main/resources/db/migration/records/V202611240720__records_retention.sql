-- SPDX-License-Identifier: EUPL-1.2
-- Retention: what is due for destruction or the archive, the records manager's confirmation, and the
-- minimal record of what was destroyed. Destruction is the one path allowed through the
-- immutability triggers, and only when the transaction declares it.
create table records.disposal (
    case_id      uuid primary key references records.record_case (id),
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    due_on       date not null,
    action       text not null check (action in ('DESTROY', 'ARCHIVE')),
    status       text not null default 'LISTED' check (status in ('LISTED', 'DONE')),
    listed_at    timestamptz not null default now(),
    done_at      timestamptz,
    done_by      text
);

-- What stays after destruction: no content, no personal data.
create table records.destruction_record (
    case_id        uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    case_reference text not null,
    plan_number    text not null,
    closed_at      timestamptz,
    documents      integer not null,
    versions       integer not null,
    destroyed_at   timestamptz not null default now(),
    destroyed_by   text not null
);

create or replace function records.refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'document_version' and current_setting('openrathaus.destruction', true) = 'on' then
        return old;
    end if;
    raise exception 'records.% rows are immutable', tg_table_name;
end $$;

do $$
declare t text;
begin
    foreach t in array array['disposal', 'destruction_record'] loop
        execute format('alter table records.%I enable row level security', t);
        execute format('alter table records.%I force row level security', t);
        execute format('create policy tenant_isolation on records.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
