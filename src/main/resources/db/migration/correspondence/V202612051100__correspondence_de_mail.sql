-- SPDX-License-Identifier: EUPL-1.2
-- De-Mail: the citizen's De-Mail address; incoming mail records the channel it came on and, for
-- De-Mail, what the provider's attestation said; confirmations of dispatch, receipt and retrieval
-- are kept with their case as evidence (status RECEIPT), apart from replies.
create table correspondence.de_mail_address (
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    account_id uuid not null,
    address    text not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, account_id)
);
alter table correspondence.de_mail_address enable row level security;
alter table correspondence.de_mail_address force row level security;
create policy tenant_isolation on correspondence.de_mail_address using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());

alter table correspondence.inbound_message
    add column channel text not null default 'EMAIL' check (channel in ('EMAIL', 'DE_MAIL')),
    add column attestation text;
alter table correspondence.inbound_message drop constraint inbound_message_status_check;
alter table correspondence.inbound_message add constraint inbound_message_status_check
    check (status in ('FILED', 'TRIAGE', 'DISCARDED', 'RECEIPT'));
