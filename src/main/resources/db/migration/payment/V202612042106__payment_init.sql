-- SPDX-License-Identifier: EUPL-1.2
-- Payments and their history. One row per payment attempt; a subject (e.g. an application) has at
-- most one open and at most one settled payment, so a second tab or a replayed notification can
-- neither start a second payment nor book one twice.
create schema if not exists payment;

create table payment.payment (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    subject         text not null,
    amount_cents    bigint not null check (amount_cents > 0),
    currency        text not null default 'EUR' check (currency = 'EUR'),
    purpose         text not null check (char_length(purpose) between 1 and 27),
    description     text not null,
    items           jsonb not null,
    payer           text not null,
    provider        text not null,
    provider_ref    text,
    payment_page    text,
    return_to       text not null,
    status          text not null check (status in ('CREATED', 'PENDING', 'SETTLED', 'FAILED', 'CANCELLED')),
    created_at      timestamptz not null,
    changed_at      timestamptz not null,
    next_poll_at    timestamptz,
    polls           integer not null default 0,
    settled_at      timestamptz
);
create unique index payment_one_open on payment.payment (tenant_id, subject) where status in ('CREATED', 'PENDING');
create unique index payment_one_settled on payment.payment (tenant_id, subject) where status = 'SETTLED';
create unique index payment_provider_ref on payment.payment (tenant_id, provider, provider_ref) where provider_ref is not null;
create index payment_due_poll on payment.payment (next_poll_at) where status = 'PENDING';
create index payment_subject on payment.payment (tenant_id, subject, created_at desc);

-- Every state change and every notification, accepted or refused, without personal data.
create table payment.payment_event (
    id          bigserial primary key,
    tenant_id   uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    payment_id  uuid,
    kind        text not null,
    from_status text,
    to_status   text,
    detail      text,
    at          timestamptz not null
);
create index payment_event_payment on payment.payment_event (tenant_id, payment_id, id);

do $$
declare t text;
begin
    foreach t in array array['payment', 'payment_event'] loop
        execute format('alter table payment.%I enable row level security', t);
        execute format('alter table payment.%I force row level security', t);
        execute format('create policy tenant_isolation on payment.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
