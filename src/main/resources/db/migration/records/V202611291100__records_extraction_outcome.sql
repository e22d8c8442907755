-- SPDX-License-Identifier: EUPL-1.2
-- Why a version has no full text (TOO_LARGE, TIME_LIMIT, UNREADABLE, ENCRYPTED, NO_TEXT, ABORTED), and how
-- often its extraction was started: a document that brought the instance down is not tried for ever.
alter table records.version_text add column problem text;
alter table records.version_text add column attempts integer not null default 0;
