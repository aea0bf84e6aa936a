-- Target responsibility (目标责任状): goals at the start of the year, mid-year inspection,
-- year-end assessment, per branch and year.
create table annual_assessment (
    id                uuid primary key,
    branch_id         uuid          not null references branch (id),
    community_id      uuid          not null,
    year              integer       not null,
    goals             varchar(4000) not null,
    mid_year_notes    varchar(4000),
    year_end_score    integer,
    year_end_notes    varchar(4000),
    created_at        timestamptz   not null default now(),
    version           bigint        not null default 0,
    constraint annual_assessment_one_per_year unique (branch_id, year)
);
create index annual_assessment_community on annual_assessment (community_id, year);

-- Honours (先进樓幢党支部, 文明樓幢, 社区优秀党员) awarded per year with their basis.
create table honour (
    id           uuid primary key,
    kind         varchar(40)   not null,
    year         integer       not null,
    community_id uuid          not null,
    branch_id    uuid references branch (id),
    building_id  uuid references building (id),
    member_id    uuid,
    basis        varchar(4000) not null,
    awarded_on   date          not null,
    created_at   timestamptz   not null default now(),
    constraint honour_once_per_year unique nulls not distinct (kind, year, branch_id, building_id, member_id)
);
create index honour_community_year on honour (community_id, year);
