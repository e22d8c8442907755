-- SPDX-License-Identifier: EUPL-1.2
-- Federated sign-in (BundID, organisation accounts), docs/adr/0020-federated-accounts.md.
-- An account created by a federated sign-in has no password and no sign-in address: password sign-in and
-- password reset look accounts up by the sign-in address (email) and so never find it. Its contact address
-- as the identity provider sent it is kept apart (contact_email), so that the same address at another
-- account (a local one, another person's identity) never links or collides.
alter table account.account alter column password_hash drop not null;
alter table account.account alter column email drop not null;
alter table account.account add column contact_email text check (contact_email = lower(contact_email));
-- an account can be signed in to somehow: by password (with a sign-in address) or through a linked identity
alter table account.account add constraint account_password_has_address check (password_hash is null or email is not null);
-- trust_level is now the level a PASSWORD sign-in to this account gets (LOW, or higher after identification at
-- the counter); a federated sign-in's level holds for its session only and is never written here.
comment on column account.account.trust_level is
    'level of a password sign-in to this account; a federated sign-in''s asserted level lives in its session only';

-- The identities an identity provider vouches for, by its stable pseudonymous subject (BundID: bPK2).
-- One identity belongs to exactly one account and is never moved; one account holds at most one identity per provider.
create table account.federated_identity (
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    issuer          text not null check (length(issuer) between 1 and 1024),
    subject         text not null check (length(subject) between 1 and 1024),
    account_id      uuid not null references account.account (id) on delete cascade,
    linked_at       timestamptz not null,
    last_sign_in_at timestamptz not null,
    primary key (tenant_id, issuer, subject),
    unique (account_id, issuer)
);

-- Businesses signing in with an organisation account; several people act for one, each with their own identity.
create table account.organisation (
    id         uuid primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    issuer     text not null,
    identifier text not null check (length(identifier) between 1 and 1024),
    name       text not null,
    created_at timestamptz not null,
    unique (tenant_id, issuer, identifier)
);

create table account.membership (
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    organisation_id uuid not null references account.organisation (id) on delete cascade,
    account_id      uuid not null references account.account (id) on delete cascade,
    since           timestamptz not null,
    last_acted_at   timestamptz not null,
    primary key (organisation_id, account_id)
);
create index membership_account on account.membership (account_id);

do $$
declare t text;
begin
    foreach t in array array['federated_identity', 'organisation', 'membership'] loop
        execute format('alter table account.%I enable row level security', t);
        execute format('alter table account.%I force row level security', t);
        execute format('create policy tenant_isolation on account.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
