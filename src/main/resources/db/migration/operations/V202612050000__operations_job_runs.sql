-- SPDX-License-Identifier: EUPL-1.2
-- The last run of each scheduled job in the cluster, for the administrators' page: which node ran it, when,
-- and how it ended (FAILED keeps only the exception's class: messages may hold personal data).
create table operations.job_run (
    name        varchar(64)  primary key,
    node        varchar(255) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    outcome     varchar(16)  not null check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    failure     varchar(255)
);
