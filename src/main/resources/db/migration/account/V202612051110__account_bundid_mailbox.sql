-- SPDX-License-Identifier: EUPL-1.2
-- The handle of the citizen's BundID mailbox (Zentrales Bürgerpostfach) as BundID last sent it.
alter table account.federated_identity add column mailbox uuid;
