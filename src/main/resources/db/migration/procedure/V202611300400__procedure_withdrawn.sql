-- SPDX-License-Identifier: EUPL-1.2
-- An applicant may withdraw a submitted application before it is decided (Application.withdraw).
alter table procedure.application drop constraint application_status_check;
alter table procedure.application add constraint application_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'IN_PROGRESS', 'INFORMATION_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
