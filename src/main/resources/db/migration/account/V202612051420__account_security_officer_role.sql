-- SPDX-License-Identifier: EUPL-1.2
-- The information security officer (Informationssicherheitsbeauftragte) assesses protection needs and keeps the
-- ISMS register; every earlier role stays.
alter table account.staff_role drop constraint staff_role_role_check;
alter table account.staff_role add constraint staff_role_role_check
    check (role in ('CLERK', 'ADMIN', 'REVIEWER', 'BOARD', 'RECORDS_MANAGER', 'TREASURY', 'COUNCIL_OFFICE',
                    'DATA_PROTECTION_OFFICER', 'POST_ROOM', 'SECURITY_OFFICER'));
