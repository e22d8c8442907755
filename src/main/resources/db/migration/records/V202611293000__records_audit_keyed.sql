-- SPDX-License-Identifier: EUPL-1.2
-- The audit trail becomes keyed and anchored (docs/adr: keyed audit chain).
-- scheme 1: the chain value is the unkeyed SHA-256 of the previous value and the entry (all rows
--           written before this migration); scheme 2: HMAC-SHA256 with a key kept outside the
--           database. Old rows keep their scheme and are still checked by the old rule; the first
--           keyed entry of a municipality chains onto the last old one.
alter table records.audit_entry add column scheme smallint not null default 1 check (scheme in (1, 2));
-- from now on the writer states the scheme of every row
alter table records.audit_entry alter column scheme drop default;

-- Signed checkpoints: how many entries a municipality's trail had up to which entry and with which
-- chain value. Deleting the newest entries, or a rewrite of the whole trail, no longer matches the
-- latest checkpoint. The application only ever inserts and selects here (as in audit_entry).
create table records.audit_checkpoint (
    id           bigint generated always as identity primary key,
    tenant_id    uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    at           timestamptz not null,
    entry_count  bigint not null check (entry_count > 0),
    last_seq     bigint not null,
    chain_value  text not null,
    key_id       text not null,
    signature    text not null
);
create index audit_checkpoint_tenant on records.audit_checkpoint (tenant_id, id);
create trigger audit_checkpoint_append_only before update or delete on records.audit_checkpoint
    for each row execute function records.refuse_change();
alter table records.audit_checkpoint enable row level security;
alter table records.audit_checkpoint force row level security;
create policy tenant_isolation on records.audit_checkpoint using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
