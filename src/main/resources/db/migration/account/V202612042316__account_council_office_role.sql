-- SPDX-License-Identifier: EUPL-1.2
-- The council office role (Ratsbüro): keeps bodies, persons, meetings, agendas, papers and their consultations.
alter table account.staff_role drop constraint staff_role_role_check;
alter table account.staff_role add constraint staff_role_role_check
    check (role in ('CLERK', 'ADMIN', 'REVIEWER', 'BOARD', 'RECORDS_MANAGER', 'TREASURY', 'COUNCIL_OFFICE'));
