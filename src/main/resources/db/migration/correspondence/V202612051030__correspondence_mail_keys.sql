-- SPDX-License-Identifier: EUPL-1.2
-- The key a citizen stored for encrypted mail: an S/MIME certificate or an OpenPGP public key.
create table correspondence.mail_key (
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id  uuid not null,
    kind        text not null check (kind in ('SMIME', 'OPENPGP')),
    fingerprint text not null,
    expires_at  timestamptz,
    material    bytea not null,
    stored_at   timestamptz not null default now(),
    primary key (tenant_id, account_id)
);
alter table correspondence.mail_key enable row level security;
alter table correspondence.mail_key force row level security;
create policy tenant_isolation on correspondence.mail_key using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
