-- The member list's usual filters (community, category, status) in one index, in the list's order
-- (name, id): a page reads only its own rows, in order, and the page's count is an index-only scan
-- instead of visiting every member of the community (docs/performance.md, "Member list").
create index member_community_filters on member (community_id, category, status, name, id);
