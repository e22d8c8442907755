-- SPDX-License-Identifier: EUPL-1.2
-- Replies by mail: each case's reply address token, and every mail read from the city's mailbox,
-- filed into its case or kept in the triage list; never lost, never filed twice.
create table correspondence.reply_address (
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    application_id uuid not null,
    reference      text not null,
    token          text not null unique,
    primary key (tenant_id, application_id)
);

create table correspondence.inbound_message (
    id             uuid primary key,
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    -- the mail's own Message-ID, or a digest of its bytes when it has none: a mail read twice is kept once
    message_key    text not null,
    application_id uuid,
    reference      text,
    status         text not null check (status in ('FILED', 'TRIAGE', 'DISCARDED')),
    reason         text,
    sender         text,
    subject        text,
    received_at    timestamptz not null default now(),
    size           integer not null,
    raw            bytea not null,
    decided_by     uuid,
    decided_at     timestamptz,
    decision_note  text,
    unique (tenant_id, message_key)
);
create index inbound_message_triage on correspondence.inbound_message (tenant_id, received_at) where status = 'TRIAGE';
create index inbound_message_application on correspondence.inbound_message (tenant_id, application_id);

do $$
declare t text;
begin
    foreach t in array array['reply_address', 'inbound_message'] loop
        execute format('alter table correspondence.%I enable row level security', t);
        execute format('alter table correspondence.%I force row level security', t);
        execute format('create policy tenant_isolation on correspondence.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
