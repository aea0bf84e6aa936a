-- Organisation tree (树状组织): street → community → branch → party group, plus unit
-- organisations and the floating-member station under a community.
create table org_unit (
    id           uuid primary key,
    parent_id    uuid references org_unit (id),
    kind         varchar(40)  not null,
    name         varchar(200) not null,
    code         varchar(50),
    -- the community this unit belongs to (its own id for a community; null for a street)
    community_id uuid,
    created_at   timestamptz  not null default now(),
    version      bigint       not null default 0
);
create index org_unit_parent on org_unit (parent_id);
create index org_unit_community on org_unit (community_id);
create unique index org_unit_code_unique on org_unit (code) where code is not null;
create unique index org_unit_name_unique_under_parent on org_unit (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

-- Resident party members as members-service last told us (snapshot of members.events).
create table resident (
    member_id      uuid primary key,
    building_id    uuid,
    household_id   uuid,
    name           varchar(200),
    standing       varchar(20)  not null,
    category       varchar(20)  not null,
    status         varchar(20)  not null,
    community_id   uuid,
    member_version bigint       not null,
    updated_at     timestamptz  not null default now()
);
create index resident_building on resident (building_id);
create index resident_community on resident (community_id);

-- A building branch or joint branch: an org unit (same id) plus branch data.
create table branch (
    id              uuid primary key references org_unit (id),
    community_id    uuid         not null,
    kind            varchar(40)  not null,
    name            varchar(200) not null,
    status          varchar(20)  not null,
    established_on  date         not null,
    dissolved_on    date,
    dissolved_reason varchar(500),
    merged_into     uuid references branch (id),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create index branch_community on branch (community_id);

-- Current coverage of active branches: a building belongs to at most one branch (primary key).
create table branch_building (
    building_id  uuid primary key references building (id),
    branch_id    uuid not null references branch (id),
    community_id uuid not null
);
create index branch_building_branch on branch_building (branch_id);

-- The branch each member is on now (null: on no roster). version counts RosterChanged events.
create table roster_entry (
    member_id    uuid primary key,
    branch_id    uuid references branch (id),
    community_id uuid,
    version      bigint not null default 0
);
create index roster_entry_branch on roster_entry (branch_id);

-- Committee terms (届) with their seats.
create table term (
    id              uuid primary key,
    branch_id       uuid         not null references branch (id),
    community_id    uuid         not null,
    number          integer      not null,
    start_date      date         not null,
    end_date        date         not null,
    election_method varchar(40)  not null,
    is_current      boolean      not null,
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    constraint term_number_unique unique (branch_id, number)
);
create unique index term_one_current_per_branch on term (branch_id) where is_current;
create index term_end_date on term (end_date) where is_current;

create table term_seat (
    term_id     uuid         not null references term (id),
    member_id   uuid         not null,
    role        varchar(40)  not null,
    member_name varchar(200),
    seat_order  integer      not null,
    primary key (term_id, seat_order)
);

-- Support resources checklist (保障措施) per branch.
create table branch_resources (
    branch_id                uuid primary key references branch (id),
    community_id             uuid          not null,
    activity_room            boolean       not null default false,
    room_area_m2             numeric(8, 2),
    yearly_funding_yuan      numeric(12, 2),
    branch_plaque            boolean       not null default false,
    party_member_home_plaque boolean       not null default false,
    sign                     boolean       not null default false,
    work_systems_board       boolean       not null default false,
    bookcase                 boolean       not null default false,
    ledger                   boolean       not null default false,
    record_book              boolean       not null default false,
    subscriptions            varchar(1000),
    updated_at               timestamptz   not null default now(),
    version                  bigint        not null default 0
);
