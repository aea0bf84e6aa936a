-- The local "who is where" view, kept current from members.events and branches.events only.

-- Members as members-service announced them (non-sensitive snapshot fields only).
create table member_view (
    member_id      uuid primary key,
    community_id   uuid,
    name           varchar(100) not null,
    household_id   uuid,
    building_id    uuid,
    unit           varchar(20),
    room           varchar(20),
    standing       varchar(20),
    category       varchar(20),
    status         varchar(20),
    -- tags, lower case, as ",medical,repair," so a tag is found with like '%,tag,%'
    specialties    varchar(1000) not null default ',',
    member_version bigint       not null,
    updated_at     timestamptz  not null default now()
);
create index member_view_household on member_view (household_id);
create index member_view_community on member_view (community_id);

-- Branches as branches-service announced them.
create table branch_view (
    branch_id      uuid primary key,
    community_id   uuid         not null,
    name           varchar(200),
    kind           varchar(30),
    status         varchar(20)  not null,
    -- covered buildings as ",id1,id2,"
    building_ids   varchar(4000) not null default ',',
    branch_version bigint       not null,
    updated_at     timestamptz  not null default now()
);
create index branch_view_community on branch_view (community_id);

-- Current roster membership of each member (from RosterChanged; null branch after LEFT).
create table roster_assignment (
    member_id      uuid primary key,
    branch_id      uuid,
    community_id   uuid,
    household_id   uuid,
    building_id    uuid,
    member_name    varchar(100),
    roster_version bigint      not null,
    updated_at     timestamptz not null default now()
);
create index roster_assignment_branch on roster_assignment (branch_id);

-- Who was on which roster when, per household: answers "from that moment" questions.
create table roster_history (
    id           bigserial primary key,
    member_id    uuid        not null,
    branch_id    uuid        not null,
    community_id uuid,
    household_id uuid        not null,
    from_time    timestamptz not null,
    to_time      timestamptz
);
create index roster_history_member_open on roster_history (member_id) where to_time is null;
create index roster_history_branch on roster_history (branch_id, from_time);
create index roster_history_household on roster_history (household_id);
