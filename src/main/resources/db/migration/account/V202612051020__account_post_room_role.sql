-- SPDX-License-Identifier: EUPL-1.2
-- The post room (Poststelle) prints the daily batch of letters to citizens; every earlier role stays.
alter table account.staff_role drop constraint staff_role_role_check;
alter table account.staff_role add constraint staff_role_role_check
    check (role in ('CLERK', 'ADMIN', 'REVIEWER', 'BOARD', 'RECORDS_MANAGER', 'TREASURY', 'COUNCIL_OFFICE',
                    'DATA_PROTECTION_OFFICER', 'POST_ROOM'));
