-- SPDX-License-Identifier: EUPL-1.2
-- Scheduled jobs run once per cluster: a node takes a job's lock (ShedLock) before it runs it; the lock
-- ends when the run ends (but not before lock_at_least_for) or, if the node died, at lock_until.
create table operations.scheduler_lock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
