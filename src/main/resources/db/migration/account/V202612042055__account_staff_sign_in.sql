-- SPDX-License-Identifier: EUPL-1.2
-- Staff sign-in (docs/adr/0021-staff-sign-in.md): identities at the municipality's OpenID Connect provider,
-- the second factor (TOTP) of local staff passwords, and whether the municipality requires it.

-- a staff account signed in through single sign-on is found by the provider's issuer and subject, never by e-mail
create table account.staff_sso_identity (
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    issuer          text not null check (issuer <> ''),
    subject         text not null check (subject <> ''),
    account_id      uuid not null unique references account.account (id) on delete cascade,
    linked_at       timestamptz not null default now(),
    last_sign_in_at timestamptz,
    primary key (tenant_id, issuer, subject)
);

-- one TOTP secret per staff account, encrypted with a key kept outside the database; confirmed_at is null while
-- enrolment waits for the first code; last_step is the newest time step used (a code is never accepted twice)
create table account.second_factor (
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id      uuid primary key references account.account (id) on delete cascade,
    secret          bytea not null,
    confirmed_at    timestamptz,
    last_step       bigint not null default 0,
    failures        integer not null default 0,
    last_failure_at timestamptz,
    blocked_until   timestamptz
);

-- the municipality's rules for staff sign-in, one row per municipality (absent: second factor optional)
create table account.staff_sign_in_policy (
    tenant_id              uuid primary key default tenancy.current_tenant() references tenancy.tenant (id),
    second_factor_required boolean not null default false,
    changed_at             timestamptz not null default now()
);

do $$
declare t text;
begin
    foreach t in array array['staff_sso_identity', 'second_factor', 'staff_sign_in_policy'] loop
        execute format('alter table account.%I enable row level security', t);
        execute format('alter table account.%I force row level security', t);
        execute format('create policy tenant_isolation on account.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
