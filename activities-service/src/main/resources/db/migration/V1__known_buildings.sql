-- Buildings registered in branches-service, mirrored from BuildingRegistered events.
create table known_building (
    id           uuid primary key,
    community_id uuid         not null,
    name         varchar(100) not null,
    units        integer      not null,
    address      varchar(300),
    version      bigint       not null,
    updated_at   timestamptz  not null default now()
);
create index known_building_community on known_building (community_id);
