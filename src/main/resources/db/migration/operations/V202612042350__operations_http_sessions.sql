-- SPDX-License-Identifier: EUPL-1.2
-- HTTP sessions in the database (Spring Session JDBC), so that any node behind the load balancer can serve
-- any request and a node can die without signing anybody out. Sessions belong to no municipality: the
-- session id is the secret, and the tables are read only by the session repository (no row level security).
-- principal_name holds the account's id (account's session index), not the e-mail address.
create schema if not exists operations;

create table operations.http_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index http_session_id on operations.http_session (session_id);
create index http_session_expiry on operations.http_session (expiry_time);
create index http_session_principal on operations.http_session (principal_name);

create table operations.http_session_attributes (
    session_primary_id char(36)     not null references operations.http_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
