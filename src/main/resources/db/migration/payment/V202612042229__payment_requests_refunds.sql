-- SPDX-License-Identifier: EUPL-1.2
-- Payment requests (fees due on a decision: amount, due date, reminder stage) and refunds
-- (requested by one treasury member, approved by another, never more than was paid).
create table payment.payment_request (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    subject         text not null,
    payer           text not null,
    regarding       uuid,
    reference       text not null,
    amount_cents    bigint not null check (amount_cents > 0),
    purpose         text not null check (char_length(purpose) between 1 and 27),
    description     text not null,
    items           jsonb not null,
    due_on          date not null,
    created_at      timestamptz not null,
    reminder_stage  integer not null default 0 check (reminder_stage >= 0),
    reminded_at     timestamptz,
    unique (tenant_id, subject)
);
create index payment_request_due on payment.payment_request (tenant_id, due_on);

create table payment.refund (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    payment_id      uuid not null references payment.payment (id),
    amount_cents    bigint not null check (amount_cents > 0),
    reason          text not null check (char_length(reason) between 1 and 500),
    status          text not null check (status in ('REQUESTED', 'APPROVED', 'PAID_OUT', 'REJECTED')),
    -- how it is paid back: through the provider, or by the treasury itself (no protocol has a refund call)
    execution       text not null default 'MANUAL' check (execution in ('PROVIDER', 'MANUAL')),
    requested_by    uuid not null,
    requested_at    timestamptz not null,
    decided_by      uuid,
    decided_at      timestamptz,
    paid_out_by     uuid,
    paid_out_at     timestamptz,
    -- four eyes, also in the database: who requested may not approve
    check (decided_by is null or status = 'REJECTED' or decided_by <> requested_by)
);
create index refund_payment on payment.refund (tenant_id, payment_id);
create index refund_open on payment.refund (tenant_id, status, requested_at);
create index payment_settled_at on payment.payment (tenant_id, settled_at) where status = 'SETTLED';

do $$
declare t text;
begin
    foreach t in array array['payment_request', 'refund'] loop
        execute format('alter table payment.%I enable row level security', t);
        execute format('alter table payment.%I force row level security', t);
        execute format('create policy tenant_isolation on payment.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
    end loop;
end $$;
