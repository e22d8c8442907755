-- SPDX-License-Identifier: EUPL-1.2
-- The council office (Ratsbüro) and the data protection officer arrived in two migrations written side by
-- side, each naming the roles it knew; the later one would leave the other out. Here both, with all others.
alter table account.staff_role drop constraint staff_role_role_check;
alter table account.staff_role add constraint staff_role_role_check
    check (role in ('CLERK', 'ADMIN', 'REVIEWER', 'BOARD', 'RECORDS_MANAGER', 'TREASURY', 'COUNCIL_OFFICE',
                    'DATA_PROTECTION_OFFICER'));
