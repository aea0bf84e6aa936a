create table building (
    id           uuid primary key,
    community_id uuid         not null,
    name         varchar(100) not null,
    units        integer      not null,
    address      varchar(300),
    created_at   timestamptz  not null default now(),
    version      bigint       not null default 0,
    constraint building_name_unique_in_community unique (community_id, name)
);
create index building_community on building (community_id);
