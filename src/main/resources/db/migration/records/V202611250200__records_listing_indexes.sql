-- SPDX-License-Identifier: EUPL-1.2
-- Listing cases of a file or a department newest first (clerks' views and the records API) without
-- reading the whole table: measured with 1,000,000 cases (docs/benchmarks.md).
create index record_case_file on records.record_case (file_id, created_at desc, id desc);
create index record_case_department on records.record_case (department, created_at desc, id desc);
create index file_department on records.file (department, reference);
