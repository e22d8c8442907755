-- SPDX-License-Identifier: EUPL-1.2
-- The data protection officer (Datenschutzbeauftragte): keeps the register of processing activities (Art. 30 GDPR).
alter table account.staff_role drop constraint staff_role_role_check;
alter table account.staff_role add constraint staff_role_role_check
    check (role in ('CLERK', 'ADMIN', 'REVIEWER', 'BOARD', 'RECORDS_MANAGER', 'TREASURY', 'DATA_PROTECTION_OFFICER'));
