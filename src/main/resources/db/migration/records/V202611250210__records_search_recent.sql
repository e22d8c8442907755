-- SPDX-License-Identifier: EUPL-1.2
-- Search over a million documents: a word found in most of them would otherwise rank every match.
-- The department is kept beside the text (a case never changes department) so that the newest
-- matches of the searcher's departments are found walking the index on extraction time, without
-- joining each candidate to its case (ADR 10, docs/benchmarks.md).
alter table records.version_text add column department text;
update records.version_text t set department = c.department
  from records.document_version v join records.document d on d.id = v.document_id join records.record_case c on c.id = d.case_id
 where t.version_id = v.id;
create index version_text_recent on records.version_text (extracted_at desc);
