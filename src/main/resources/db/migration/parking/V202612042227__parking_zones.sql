-- SPDX-License-Identifier: EUPL-1.2
-- Resident parking zones (Bewohnerparkgebiete) of a municipality and the streets that belong to them, each
-- street optionally only for a range of house numbers and one side (even or odd numbers). The resident parking
-- permit derives the applicant's zone from the address with these rows.
create schema if not exists parking;

create table parking.zone (
    id         uuid primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    code       text not null check (code ~ '^[A-Z0-9]{1,8}$'),
    name       text not null check (char_length(name) between 1 and 100),
    created_at timestamptz not null default now(),
    unique (tenant_id, code)
);

create table parking.zone_street (
    id           uuid primary key,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    zone_id      uuid not null references parking.zone (id) on delete cascade,
    street       text not null check (char_length(street) between 1 and 120),
    street_key   text not null,
    postal_code  text check (postal_code ~ '^[0-9]{5}$'),
    number_from  integer check (number_from >= 1),
    number_to    integer check (number_to >= 1),
    parity       text not null default 'ALL' check (parity in ('ALL', 'EVEN', 'ODD')),
    check (number_from is null or number_to is null or number_from <= number_to)
);
create index zone_street_key on parking.zone_street (tenant_id, street_key);
create index zone_street_zone on parking.zone_street (zone_id);

do $$
declare t text;
begin
    foreach t in array array['zone', 'zone_street'] loop
        execute format('alter table parking.%I enable row level security', t);
        execute format('alter table parking.%I force row level security', t);
        execute format('create policy tenant_isolation on parking.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
