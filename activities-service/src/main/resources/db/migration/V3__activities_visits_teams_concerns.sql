-- Meetings and activities of a branch, with the expected attendees snapshot and attendance.
create table activity (
    id                  uuid primary key,
    branch_id           uuid         not null,
    community_id        uuid         not null,
    type                varchar(40)  not null,
    title               varchar(200) not null,
    starts_at           timestamptz  not null,
    ends_at             timestamptz,
    place               varchar(200),
    host_member_id      uuid,
    recorder_member_id  uuid,
    lecturer            varchar(100),
    summary             text,
    status              varchar(20)  not null,
    held_at             timestamptz,
    attendance_updated_at timestamptz,
    created_at          timestamptz  not null default now(),
    version             bigint       not null
);
create index activity_branch_time on activity (branch_id, starts_at);
create index activity_community on activity (community_id);

create table activity_attendee (
    activity_id  uuid         not null references activity (id),
    member_id    uuid         not null,
    member_name  varchar(100),
    branch_id    uuid         not null,
    community_id uuid         not null,
    attendance   varchar(20),
    leave_reason varchar(300),
    recorded_at  timestamptz,
    primary key (activity_id, member_id)
);

-- Household visits (走访).
create table visit (
    id                 uuid primary key,
    branch_id          uuid         not null,
    community_id       uuid         not null,
    household_id       uuid         not null,
    visitor_member_id  uuid         not null,
    visited_at         timestamptz  not null,
    kind               varchar(20)  not null,
    notes              varchar(2000),
    follow_up_needed   boolean      not null,
    follow_up_resolved boolean      not null default false,
    follow_up_note     varchar(2000),
    follow_up_resolved_at timestamptz,
    created_at         timestamptz  not null default now(),
    version            bigint       not null
);
create index visit_branch_time on visit (branch_id, visited_at);
create index visit_household_time on visit (household_id, visited_at);
create index visit_community on visit (community_id);

-- Volunteer service teams (党员志愿者服务队).
create table volunteer_team (
    id           uuid primary key,
    branch_id    uuid         not null,
    community_id uuid         not null,
    name         varchar(100) not null,
    kind         varchar(30)  not null,
    description  varchar(1000),
    created_at   timestamptz  not null default now(),
    version      bigint       not null
);
create index volunteer_team_branch on volunteer_team (branch_id);

create table volunteer_team_member (
    team_id      uuid         not null references volunteer_team (id),
    member_id    uuid         not null,
    member_name  varchar(100),
    branch_id    uuid         not null,
    community_id uuid         not null,
    joined_at    timestamptz  not null default now(),
    primary key (team_id, member_id)
);

create table volunteer_service (
    id           uuid primary key,
    team_id      uuid          not null references volunteer_team (id),
    branch_id    uuid          not null,
    community_id uuid          not null,
    member_id    uuid          not null,
    member_name  varchar(100),
    served_on    date          not null,
    hours        numeric(4, 1) not null check (hours > 0 and hours <= 24),
    description  varchar(500),
    created_at   timestamptz   not null default now()
);
create index volunteer_service_branch on volunteer_service (branch_id, served_on);
create index volunteer_service_team on volunteer_service (team_id, served_on);

-- Residents' opinions, suggestions and difficulties (意见建议、困难问题).
create table concern (
    id                   uuid primary key,
    branch_id            uuid          not null,
    community_id         uuid          not null,
    category             varchar(20)   not null,
    title                varchar(200)  not null,
    description          varchar(4000),
    raised_by_name       varchar(100),
    raised_by_member_id  uuid,
    building_id          uuid,
    household_id         uuid,
    location             varchar(200),
    status               varchar(20)   not null,
    assignee_member_id   uuid,
    resolution           varchar(2000),
    escalated_to         varchar(20),
    escalation_note      varchar(2000),
    raised_at            timestamptz   not null,
    assigned_at          timestamptz,
    resolved_at          timestamptz,
    escalated_at         timestamptz,
    version              bigint        not null
);
create index concern_branch_status on concern (branch_id, status, raised_at);
create index concern_community on concern (community_id);
