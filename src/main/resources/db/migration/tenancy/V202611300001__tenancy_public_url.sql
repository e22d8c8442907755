-- SPDX-License-Identifier: EUPL-1.2
-- The address citizens reach a municipality's portal on (scheme, host, port), for links in mails.
alter table tenancy.tenant add column public_url text
    check (public_url ~ '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$');
