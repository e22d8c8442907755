-- SPDX-License-Identifier: EUPL-1.2
-- The register of sealed decisions the public check compares with: per decision its reference, the
-- SHA-256 of its verification code and of the sealed document, the issuing department and time, and
-- a revocation. No personal data.
create schema if not exists seal;

create table seal.sealed_decision (
    tenant_id         uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    reference         text not null,
    code_sha256       text not null check (code_sha256 ~ '^[0-9a-f]{64}$'),
    document_sha256   text not null check (document_sha256 ~ '^[0-9a-f]{64}$'),
    department        text not null,
    issued_at         timestamptz not null,
    revoked_at        timestamptz,
    revoked_by        uuid,
    revocation_reason text check (char_length(revocation_reason) <= 2000),
    primary key (tenant_id, reference),
    check ((revoked_at is null) = (revocation_reason is null))
);
create index sealed_decision_document on seal.sealed_decision (tenant_id, document_sha256);

alter table seal.sealed_decision enable row level security;
alter table seal.sealed_decision force row level security;
create policy tenant_isolation on seal.sealed_decision using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
