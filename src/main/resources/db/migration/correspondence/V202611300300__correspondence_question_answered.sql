-- SPDX-License-Identifier: EUPL-1.2
-- A question of the administration in the mailbox is marked answered once the citizen answered it
-- (in the application, not in the mailbox), so it does not stay "new".
alter table correspondence.mailbox_message add column question boolean not null default false;
alter table correspondence.mailbox_message add column answered_at timestamptz;
