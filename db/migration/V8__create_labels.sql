-- Labels group pacticipants (webhooks can target every consumer or provider with a label).
create table labels (
    pacticipant_id bigint      not null references pacticipants (id) on delete cascade,
    name           text        not null,
    created_at     timestamptz not null default now(),
    primary key (pacticipant_id, name)
);
create index labels_by_name on labels (name);
