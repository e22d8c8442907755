-- SPDX-License-Identifier: EUPL-1.2
-- Service accounts, staff, departments. Every table is separated by tenant through row-level security.
create schema if not exists account;

create table account.department (
    tenant_id uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    code      text not null check (code ~ '^[a-z0-9-]{2,40}$'),
    name      text not null,
    primary key (tenant_id, code)
);

create table account.account (
    id                uuid primary key,
    tenant_id         uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    kind              text not null check (kind in ('CITIZEN', 'STAFF')),
    email             text not null check (email = lower(email)),
    display_name      text not null,
    password_hash     text not null,
    trust_level       text not null default 'LOW' check (trust_level in ('LOW', 'SUBSTANTIAL', 'HIGH')),
    email_verified_at timestamptz,
    enabled           boolean not null default true,
    failed_logins     integer not null default 0,
    locked_until      timestamptz,
    last_login_at     timestamptz,
    created_at        timestamptz not null default now(),
    unique (tenant_id, email)
);

create table account.staff_role (
    tenant_id       uuid not null default tenancy.current_tenant(),
    account_id      uuid not null references account.account (id) on delete cascade,
    department_code text not null,
    role            text not null check (role in ('CLERK', 'ADMIN')),
    primary key (account_id, department_code, role),
    foreign key (tenant_id, department_code) references account.department (tenant_id, code)
);

do $$
declare t text;
begin
    foreach t in array array['department', 'account', 'staff_role'] loop
        execute format('alter table account.%I enable row level security', t);
        execute format('alter table account.%I force row level security', t);
        execute format('create policy tenant_isolation on account.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
