-- SPDX-License-Identifier: EUPL-1.2
-- Texts of decisions an administrator edits per municipality: the letterhead (procedure_type '*')
-- and the legal remedy notice (Rechtsbehelfsbelehrung) per procedure type ('*': rejections).
-- Without a row the decision template's own text applies.
create table procedure.decision_text (
    tenant_id      uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    procedure_type text not null check (procedure_type = '*' or procedure_type ~ '^[a-z0-9-]{1,64}$'),
    kind           text not null check (kind in ('LETTERHEAD', 'REMEDY')),
    body           text not null check (char_length(body) between 1 and 4000),
    changed_at     timestamptz not null,
    changed_by     uuid not null,
    primary key (tenant_id, procedure_type, kind),
    check (kind = 'REMEDY' or procedure_type = '*')
);

alter table procedure.decision_text enable row level security;
alter table procedure.decision_text force row level security;
create policy tenant_isolation on procedure.decision_text using (tenant_id = tenancy.current_tenant())
    with check (tenant_id = tenancy.current_tenant());
