-- SPDX-License-Identifier: EUPL-1.2
-- Letters: the citizen's postal address, each letter rendered for print, and the print batches the
-- post room downloads (a batch's download marks its letters as sent).
create table correspondence.postal_address (
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id  uuid not null,
    name        text not null,
    addition    text,
    street      text not null,
    postal_code text not null,
    city        text not null,
    country     text,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, account_id)
);

create table correspondence.print_batch (
    id            uuid primary key,
    tenant_id     uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    number        text not null,
    created_at    timestamptz not null default now(),
    letters       integer not null,
    pages         integer not null,
    content       bytea not null,
    downloaded_at timestamptz,
    downloaded_by uuid,
    unique (tenant_id, number)
);

-- one row per outbox message (its id): a message handed over twice is still one letter
create table correspondence.letter (
    id         uuid primary key references correspondence.delivery (id),
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    reference  text,
    recipient  text not null,
    pages      integer not null,
    content    bytea not null,
    created_at timestamptz not null default now(),
    batch_id   uuid references correspondence.print_batch (id)
);
create index letter_unbatched on correspondence.letter (tenant_id, created_at) where batch_id is null;

do $$
declare t text;
begin
    foreach t in array array['postal_address', 'print_batch', 'letter'] loop
        execute format('alter table correspondence.%I enable row level security', t);
        execute format('alter table correspondence.%I force row level security', t);
        execute format('create policy tenant_isolation on correspondence.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
