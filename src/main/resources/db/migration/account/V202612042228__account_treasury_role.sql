-- SPDX-License-Identifier: EUPL-1.2
-- The treasury role (Stadtkasse): reconciliation, refunds and the accounting export of payments.
alter table account.staff_role drop constraint staff_role_role_check;
alter table account.staff_role add constraint staff_role_role_check
    check (role in ('CLERK', 'ADMIN', 'REVIEWER', 'BOARD', 'RECORDS_MANAGER', 'TREASURY'));
