-- SPDX-License-Identifier: EUPL-1.2
-- An account erased on request (Art. 17 GDPR) keeps only its id, so that what a retention duty keeps in
-- other modules still belongs together; name, addresses and sign-in data are gone and it cannot sign in.
alter table account.account add column erased_at timestamptz;
alter table account.account add constraint account_erased_is_empty
    check (erased_at is null or (email is null and contact_email is null and password_hash is null and display_name = '' and not enabled));
