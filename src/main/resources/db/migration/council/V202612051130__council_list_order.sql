-- SPDX-License-Identifier: EUPL-1.2
-- OParl lists are ordered and paged by (created, id) within the municipality: without an index each page
-- sorted every row of the table (with 100,000 papers, 150 ms for the first page; docs/benchmarks.md).
create index organization_list on council.organization (tenant_id, created, id);
create index person_list on council.person (tenant_id, created, id);
create index membership_list on council.membership (tenant_id, created, id);
create index meeting_list on council.meeting (tenant_id, created, id);
create index agenda_item_list on council.agenda_item (tenant_id, created, id);
create index paper_list on council.paper (tenant_id, created, id);
create index consultation_list on council.consultation (tenant_id, created, id);
create index paper_file_list on council.paper_file (tenant_id, created, id);
create index legislative_term_list on council.legislative_term (tenant_id, created, id);
create index consultation_paper on council.consultation (paper_id, position);
