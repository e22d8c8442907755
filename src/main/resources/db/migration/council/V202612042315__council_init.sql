-- SPDX-License-Identifier: EUPL-1.2
-- Council information (Ratsinformation) of a municipality: bodies (council, committees, district councils,
-- parliamentary groups), legislative terms, persons and their memberships, meetings with agenda items, papers
-- with files, their consultation sequence (Beratungsfolge) and the results. Every row carries created and
-- modified and is deleted softly (deleted = true, modified set), so the OParl API can report deletions.
create schema if not exists council;

create table council.legislative_term (
    id         uuid primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    name       text not null check (char_length(name) between 1 and 200),
    start_date date not null,
    end_date   date,
    created    timestamptz not null,
    modified   timestamptz not null,
    deleted    boolean not null default false,
    check (end_date is null or end_date >= start_date)
);

create table council.organization (
    id         uuid primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    kind       text not null check (kind in ('COUNCIL', 'COMMITTEE', 'DISTRICT_COUNCIL', 'GROUP')),
    name       text not null check (char_length(name) between 1 and 200),
    short_name text check (char_length(short_name) between 1 and 40),
    start_date date,
    end_date   date,
    created    timestamptz not null,
    modified   timestamptz not null,
    deleted    boolean not null default false
);

create table council.person (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    given_name      text not null check (char_length(given_name) between 1 and 100),
    family_name     text not null check (char_length(family_name) between 1 and 100),
    form_of_address text check (char_length(form_of_address) <= 40),
    created         timestamptz not null,
    modified        timestamptz not null,
    deleted         boolean not null default false
);

create table council.membership (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    person_id       uuid not null references council.person (id),
    organization_id uuid not null references council.organization (id),
    role            text not null check (char_length(role) between 1 and 100),
    voting_right    boolean not null default true,
    on_behalf_of    uuid references council.organization (id),
    start_date      date not null,
    end_date        date,
    created         timestamptz not null,
    modified        timestamptz not null,
    deleted         boolean not null default false,
    check (end_date is null or end_date >= start_date)
);
create index membership_person on council.membership (person_id);
create index membership_organization on council.membership (organization_id);

create table council.meeting (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    organization_id uuid not null references council.organization (id),
    name            text not null check (char_length(name) between 1 and 200),
    starts_at       timestamptz not null,
    ends_at         timestamptz,
    location        text check (char_length(location) <= 200),
    cancelled       boolean not null default false,
    created         timestamptz not null,
    modified        timestamptz not null,
    deleted         boolean not null default false
);
create index meeting_starts on council.meeting (tenant_id, starts_at);

create table council.paper (
    id                     uuid primary key,
    tenant_id              uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    reference              text not null check (char_length(reference) between 1 and 40),
    name                   text not null check (char_length(name) between 1 and 500),
    paper_type             text not null check (paper_type in ('MOTION', 'QUESTION', 'STATEMENT', 'PROPOSAL')),
    paper_date             date not null,
    originator             uuid references council.organization (id),
    public                 boolean not null default true,
    body_text              text not null default '',
    status                 text not null default 'NEW'
                           check (status in ('NEW', 'IN_CONSULTATION', 'DECIDED', 'REJECTED', 'CONCLUDED')),
    search                 tsvector generated always as (to_tsvector('german', reference || ' ' || name || ' ' || body_text)) stored,
    created                timestamptz not null,
    modified               timestamptz not null,
    deleted                boolean not null default false,
    unique (tenant_id, reference)
);
create index paper_search on council.paper using gin (search);
create index paper_modified on council.paper (tenant_id, modified);

create table council.paper_file (
    id         uuid primary key,
    tenant_id  uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    paper_id   uuid not null references council.paper (id),
    main       boolean not null default false,
    name       text not null check (char_length(name) between 1 and 200),
    file_name  text not null check (char_length(file_name) between 1 and 200),
    mime_type  text not null,
    content    bytea not null,
    size       bigint not null,
    sha256     text not null,
    file_date  date not null,
    created    timestamptz not null,
    modified   timestamptz not null,
    deleted    boolean not null default false
);
create index paper_file_paper on council.paper_file (paper_id);

-- the consultation sequence: the paper runs through the bodies in this order, the lead committee first
create table council.consultation (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    paper_id        uuid not null references council.paper (id),
    position        integer not null check (position >= 1),
    organization_id uuid not null references council.organization (id),
    role            text not null check (role in ('ADVICE', 'DECISION')),
    authoritative   boolean not null default false,
    public          boolean not null default true,
    result          text check (result in ('DECIDED', 'AMENDED', 'REFERRED', 'REJECTED')),
    created         timestamptz not null,
    modified        timestamptz not null,
    deleted         boolean not null default false
);
create unique index consultation_position on council.consultation (paper_id, position) where not deleted;

create table council.agenda_item (
    id              uuid primary key,
    tenant_id       uuid not null default tenancy.current_tenant() references tenancy.tenant (id),
    meeting_id      uuid not null references council.meeting (id),
    position        integer not null check (position >= 1),
    number          text not null check (char_length(number) between 1 and 20),
    name            text not null check (char_length(name) between 1 and 500),
    public          boolean not null default true,
    consultation_id uuid references council.consultation (id),
    result          text check (result in ('DECIDED', 'AMENDED', 'DEFERRED', 'REFERRED', 'REJECTED')),
    resolution_text text,
    votes_yes       integer check (votes_yes >= 0),
    votes_no        integer check (votes_no >= 0),
    votes_abstain   integer check (votes_abstain >= 0),
    created         timestamptz not null,
    modified        timestamptz not null,
    deleted         boolean not null default false
);
create index agenda_item_meeting on council.agenda_item (meeting_id, position);
create index agenda_item_consultation on council.agenda_item (consultation_id);

do $$
declare t text;
begin
    foreach t in array array['legislative_term', 'organization', 'person', 'membership', 'meeting', 'paper', 'paper_file',
                             'consultation', 'agenda_item'] loop
        execute format('alter table council.%I enable row level security', t);
        execute format('alter table council.%I force row level security', t);
        execute format('create policy tenant_isolation on council.%I using (tenant_id = tenancy.current_tenant()) '
                       'with check (tenant_id = tenancy.current_tenant())', t);
        execute format('create index %I on council.%I (tenant_id, id)', t || '_tenant_id', t);
    end loop;
end $$;
