-- SPDX-License-Identifier: EUPL-1.2
-- Runs after every migration, as the owner role that created the schemas. The application role
-- (${app_role}) may read and write the modules' rows, but owns nothing: it cannot alter a table or
-- switch off a trigger. The audit trail it may only read and append to.
do $$
declare s record;
begin
  for s in select nspname from pg_namespace
           where nspowner = current_user::regrole and nspname <> 'public' and nspname not like 'pg\_%'
             and nspname <> 'information_schema' loop
    execute format('grant usage on schema %I to %I', s.nspname, '${app_role}');
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', s.nspname, '${app_role}');
    execute format('grant usage, select, update on all sequences in schema %I to %I', s.nspname, '${app_role}');
  end loop;
end $$;

revoke update, delete, truncate on records.audit_entry from ${app_role};
revoke update, delete, truncate on records.audit_checkpoint from ${app_role};
