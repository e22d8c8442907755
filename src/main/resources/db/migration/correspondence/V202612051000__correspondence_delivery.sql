-- SPDX-License-Identifier: EUPL-1.2
-- One outbox for every channel (ADR 29): each message to a citizen on a channel, with its status.
-- The portal mailbox copy is a delivery too (channel PORTAL), so the clerk sees when it was made
-- available and first opened.
create table correspondence.delivery (
    id                 uuid primary key,
    tenant_id          uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id         uuid not null,
    application_id     uuid,
    reference          text,
    mailbox_message_id uuid references correspondence.mailbox_message (id) on delete set null,
    channel            text not null check (channel in ('PORTAL', 'EMAIL', 'DE_MAIL', 'BUNDID', 'LETTER')),
    status             text not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'DELIVERED', 'OPENED', 'FAILED')),
    -- taken by a channel's own queue (a letter waiting for its print batch): no further attempts
    handed_over        boolean not null default false,
    subject            text not null,
    body               text not null,
    -- the application's decision document goes with it; loaded at send time, never copied here
    carries_decision   boolean not null default false,
    origin             text,
    attempts           integer not null default 0,
    next_attempt_at    timestamptz not null default now(),
    reason             text,
    carrier_reference  text,
    fallback_of        uuid references correspondence.delivery (id),
    created_at         timestamptz not null default now(),
    sent_at            timestamptz,
    delivered_at       timestamptz,
    opened_at          timestamptz,
    failed_at          timestamptz
);
create index delivery_due on correspondence.delivery (tenant_id, next_attempt_at) where status = 'QUEUED' and not handed_over;
create index delivery_application on correspondence.delivery (tenant_id, application_id);
create index delivery_mailbox_message on correspondence.delivery (mailbox_message_id);

-- The channel a citizen prefers for answers (§ 4 (1) EGovG NRW).
create table correspondence.channel_preference (
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id uuid not null,
    channel    text not null check (channel in ('PORTAL', 'EMAIL', 'DE_MAIL', 'BUNDID', 'LETTER')),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, account_id)
);

-- The channel an application came in on, and the one the citizen chose for its answer.
create table correspondence.application_channel (
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    application_id uuid not null,
    account_id     uuid not null,
    reference      text,
    intake_channel text not null check (intake_channel in ('PORTAL', 'EMAIL', 'DE_MAIL', 'BUNDID', 'LETTER')),
    reply_channel  text check (reply_channel in ('PORTAL', 'EMAIL', 'DE_MAIL', 'BUNDID', 'LETTER')),
    primary key (tenant_id, application_id)
);

do $$
declare t text;
begin
    foreach t in array array['delivery', 'channel_preference', 'application_channel'] loop
        execute format('alter table correspondence.%I enable row level security', t);
        execute format('alter table correspondence.%I force row level security', t);
        execute format('create policy tenant_isolation on correspondence.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
