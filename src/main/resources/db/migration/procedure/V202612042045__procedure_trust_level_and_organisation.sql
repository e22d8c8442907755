-- SPDX-License-Identifier: EUPL-1.2
-- An application records the trust level of the sign-in it was submitted with (a federated sign-in's level holds
-- for its session only, so the account cannot tell later), and, when it was made by someone acting for an
-- organisation (docs/adr/0020-federated-accounts.md), the organisation it belongs to: all its members see it.
alter table procedure.application add column submitted_trust_level text
    check (submitted_trust_level in ('LOW', 'SUBSTANTIAL', 'HIGH'));
alter table procedure.application add column organisation_id uuid;
create index application_organisation on procedure.application (tenant_id, organisation_id, updated_at desc)
    where organisation_id is not null;
