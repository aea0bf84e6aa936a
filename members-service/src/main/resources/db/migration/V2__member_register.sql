-- The member register (登记造册): households, members, their histories, sensitive profiles and
-- transfers. Every table keeps community_id (and branch_id where it has one) so security can
-- scope queries by the caller's place in the organisation tree with a WHERE clause.

-- A household (家庭): the people living at one address.
create table household (
    id           uuid primary key,
    community_id uuid        not null,
    building_id  uuid        not null,
    unit         varchar(20) not null,
    room         varchar(20) not null,
    created_at   timestamptz not null default now(),
    constraint household_address unique (building_id, unit, room)
);
create index household_community on household (community_id);

create table member (
    id                 uuid primary key,
    name               varchar(50)  not null,
    gender             varchar(10)  not null,
    birth_date         date         not null,
    ethnicity          varchar(30),
    phone              varchar(30),
    standing           varchar(20)  not null,
    joined_on          date,
    full_member_on     date,
    category           varchar(20)  not null,
    membership_held    varchar(20)  not null,
    membership_org     varchar(200),
    work_unit          varchar(200),
    position           varchar(100),
    community_id       uuid         not null,
    building_id        uuid         not null,
    unit               varchar(20)  not null,
    room               varchar(20)  not null,
    household_id       uuid         not null references household (id),
    branch_id          uuid,
    roster_version     bigint       not null default 0,
    status             varchar(20)  not null,
    status_since       date         not null,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    version            bigint       not null
);
create index member_community on member (community_id, name, id);
create index member_building on member (building_id, name, id);
create index member_household on member (household_id);
create index member_branch on member (branch_id);
create index member_status on member (status, status_since);
create index member_birth_date on member (birth_date);

-- Hobbies and specialties (爱好特长) as tags, searchable.
create table member_specialty (
    member_id uuid        not null references member (id) on delete cascade,
    tag       varchar(30) not null,
    primary key (member_id, tag)
);
create index member_specialty_tag on member_specialty (tag);

-- Status history (状态变更记录): every change with its effective date and reason.
create table member_status_history (
    id             uuid primary key,
    member_id      uuid         not null references member (id) on delete cascade,
    community_id   uuid         not null,
    from_status    varchar(20),
    to_status      varchar(20)  not null,
    effective_date date         not null,
    reason         varchar(500),
    recorded_at    timestamptz  not null default now()
);
create index member_status_history_member on member_status_history (member_id, recorded_at);

-- Residence history (搬迁记录): each relocation with its from and to address.
create table residence_history (
    id                 uuid primary key,
    member_id          uuid        not null references member (id) on delete cascade,
    community_id       uuid        not null,
    from_building_id   uuid        not null,
    from_unit          varchar(20) not null,
    from_room          varchar(20) not null,
    from_household_id  uuid        not null,
    to_community_id    uuid        not null,
    to_building_id     uuid        not null,
    to_unit            varchar(20) not null,
    to_room            varchar(20) not null,
    to_household_id    uuid        not null,
    effective_at       timestamptz not null,
    recorded_at        timestamptz not null default now()
);
create index residence_history_member on residence_history (member_id, effective_at);

-- Sensitive personal information (PIPL 敏感个人信息), stored apart, 1:1 with member.
create table member_sensitive_profile (
    member_id        uuid primary key references member (id) on delete cascade,
    community_id     uuid         not null,
    health           varchar(2000),
    living_situation varchar(2000),
    family_members   jsonb        not null default '[]',
    hardship         boolean      not null default false,
    hardship_reason  varchar(1000),
    updated_at       timestamptz  not null default now(),
    version          bigint       not null
);

-- Transfers of membership (组织关系转接) in and out of a community.
create table member_transfer (
    id                      uuid primary key,
    direction               varchar(10)  not null,
    state                   varchar(20)  not null,
    community_id            uuid         not null,
    member_id               uuid references member (id),
    letter_number           varchar(60)  not null,
    valid_until             date         not null,
    counterpart_org         varchar(200) not null,
    note                    varchar(500),
    arriving_member         jsonb,
    requested_at            timestamptz  not null,
    decided_at              timestamptz,
    decision_reason         varchar(500),
    version                 bigint       not null
);
create index member_transfer_community on member_transfer (community_id, requested_at);
create index member_transfer_member on member_transfer (member_id);
