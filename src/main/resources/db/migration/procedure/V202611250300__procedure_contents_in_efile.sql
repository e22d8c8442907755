-- SPDX-License-Identifier: EUPL-1.2
-- Once the e-file holds a submitted application's attachments and its decision, the application keeps
-- only their SHA-256 and reads the contents from the e-file (ADR 11): one copy, one retention.
alter table procedure.attachment alter column content drop not null;
alter table procedure.decision alter column document drop not null;
alter table procedure.decision add column sha256 text;
update procedure.decision set sha256 = encode(sha256(document), 'hex');
alter table procedure.decision alter column sha256 set not null;
