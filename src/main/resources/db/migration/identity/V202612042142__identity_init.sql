-- SPDX-License-Identifier: EUPL-1.2
-- The SAML service provider's state, shared by all nodes. A started sign-in is kept server-side (the
-- identity provider posts the response cross-site, where our SameSite=Lax cookies are not sent): it is
-- used once and expires. Assertion ids seen are kept until the assertion expires, so none is accepted twice.
create schema if not exists identity;

create table identity.authn_request (
    id              text primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    registration    text not null,
    requested_level text not null check (requested_level in ('LOW', 'SUBSTANTIAL', 'HIGH')),
    target          text not null,
    requested_by    uuid,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index authn_request_expiry on identity.authn_request (expires_at);

alter table identity.authn_request enable row level security;
alter table identity.authn_request force row level security;
create policy tenant_isolation on identity.authn_request using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());

-- one row per assertion of an identity provider; the key spans municipalities on purpose
create table identity.used_assertion (
    issuer       text not null,
    assertion_id text not null,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    used_at      timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (issuer, assertion_id)
);
create index used_assertion_expiry on identity.used_assertion (expires_at);

alter table identity.used_assertion enable row level security;
alter table identity.used_assertion force row level security;
create policy tenant_isolation on identity.used_assertion using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
