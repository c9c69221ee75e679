-- Who publishes and verifies contracts, and which versions of them exist.
-- Child rows cascade: deleting a pacticipant or a version removes everything that hangs off it.

create table pacticipants (
    id                   bigserial primary key,
    name                 text        not null,
    display_name         text,
    main_branch          text,
    repository_url       text,
    repository_name      text,
    repository_namespace text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint pacticipants_name_unique unique (name)
);

-- "Latest" means most recently created, as the Pact Broker's default order_versions_by_date:
-- a global sequence gives every version its order at creation.
create sequence version_order_seq;

create table versions (
    id             bigserial primary key,
    pacticipant_id bigint      not null references pacticipants (id) on delete cascade,
    number         text        not null,
    version_order  bigint      not null default nextval('version_order_seq'),
    build_url      text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint versions_pacticipant_number_unique unique (pacticipant_id, number)
);
create index versions_latest on versions (pacticipant_id, version_order desc);

create table branches (
    id             bigserial primary key,
    pacticipant_id bigint      not null references pacticipants (id) on delete cascade,
    name           text        not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint branches_pacticipant_name_unique unique (pacticipant_id, name)
);

create table branch_versions (
    id             bigserial primary key,
    branch_id      bigint      not null references branches (id) on delete cascade,
    version_id     bigint      not null references versions (id) on delete cascade,
    pacticipant_id bigint      not null references pacticipants (id) on delete cascade,
    branch_name    text        not null,
    version_order  bigint      not null,
    auto_created   boolean     not null default false,
    created_at     timestamptz not null default now(),
    constraint branch_versions_branch_version_unique unique (branch_id, version_id)
);
create index branch_versions_by_version on branch_versions (version_id);
create index branch_versions_by_branch_order on branch_versions (branch_id, version_order desc);

-- The head of a branch is the version most recently *added* to it (not the highest order).
create table branch_heads (
    branch_id         bigint primary key references branches (id) on delete cascade,
    branch_version_id bigint not null references branch_versions (id) on delete cascade,
    version_id        bigint not null references versions (id) on delete cascade,
    pacticipant_id    bigint not null references pacticipants (id) on delete cascade,
    branch_name       text   not null
);
create index branch_heads_by_version on branch_heads (version_id);
create index branch_heads_by_pacticipant on branch_heads (pacticipant_id, branch_name);

create table tags (
    version_id     bigint      not null references versions (id) on delete cascade,
    name           text        not null,
    pacticipant_id bigint      not null references pacticipants (id) on delete cascade,
    version_order  bigint      not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (version_id, name)
);
create index tags_latest_by_name on tags (pacticipant_id, name, version_order desc);
