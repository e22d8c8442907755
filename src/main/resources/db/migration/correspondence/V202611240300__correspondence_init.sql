-- SPDX-License-Identifier: EUPL-1.2
-- Outgoing mail (transactional outbox) and the citizens' portal mailbox.
create schema if not exists correspondence;

create table correspondence.outgoing_mail (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    recipient       text not null,
    subject         text not null,
    body            text not null,
    status          text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index outgoing_mail_due on correspondence.outgoing_mail (tenant_id, next_attempt_at) where status = 'PENDING';

-- A message in a citizen's portal mailbox. first_opened_at is the time of first access.
create table correspondence.mailbox_message (
    id                uuid primary key,
    tenant_id         uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id        uuid not null,
    application_id    uuid,
    reference         text,
    subject           text not null,
    body              text not null,
    document_name     text,
    document_type     text,
    document          bytea,
    made_available_at timestamptz not null default now(),
    first_opened_at   timestamptz,
    unique (tenant_id, account_id, application_id, subject)
);
create index mailbox_message_account on correspondence.mailbox_message (tenant_id, account_id, made_available_at desc);

do $$
declare t text;
begin
    foreach t in array array['outgoing_mail', 'mailbox_message'] loop
        execute format('alter table correspondence.%I enable row level security', t);
        execute format('alter table correspondence.%I force row level security', t);
        execute format('create policy tenant_isolation on correspondence.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
