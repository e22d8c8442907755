-- SPDX-License-Identifier: EUPL-1.2
-- The decision's readable text, taken from the same XHTML its PDF is rendered from, kept beside the
-- decision's own copy of the document until the e-file holds it: the e-file indexes the decision by this
-- text instead of extracting it again from the sealed PDF. Decisions issued before have none; the e-file
-- extracts theirs from the PDF as before.
alter table procedure.decision add column text text;
