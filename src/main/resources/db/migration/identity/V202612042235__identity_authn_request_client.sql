-- SPDX-License-Identifier: EUPL-1.2
-- The client address that started a sign-in, so that started sign-ins can be limited per client (and per
-- municipality): every started sign-in is a row until it is answered or expires, and a flood of them from
-- one address must not fill the table or crowd out everyone else. Kept only as long as the row (15 minutes).
alter table identity.authn_request add column client text not null default '';
create index authn_request_pending_by_client on identity.authn_request (client, expires_at) where used_at is null;
