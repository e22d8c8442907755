-- SPDX-License-Identifier: EUPL-1.2
-- Encryption at rest (ADR 38): an application's answers are kept sealed with the municipality's key
-- (sealed_data); the jsonb column stays for answers written before, which the rotation job seals.
-- Attachments' content is sealed in place (a header tells sealed from older content).
alter table procedure.application add column sealed_data bytea;
