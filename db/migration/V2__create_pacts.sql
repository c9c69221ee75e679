-- Published contracts. Content is stored once per (consumer, provider, content sha); every consumer
-- version that publishes that content points at it through a publication.

create table pact_versions (
    id                  bigserial primary key,
    consumer_id         bigint      not null references pacticipants (id) on delete cascade,
    provider_id         bigint      not null references pacticipants (id) on delete cascade,
    -- SHA-256 (hex) of the content that affects verification, normalised so that key order,
    -- interaction order and whitespace do not change it.
    sha                 text        not null,
    -- The pact document exactly as published (the text, so that key order survives).
    content             text        not null,
    specification       text,
    interactions_count  integer     not null,
    messages_count      integer     not null,
    created_at          timestamptz not null default now(),
    constraint pact_versions_content_unique unique (consumer_id, provider_id, sha)
);
create index pact_versions_by_provider on pact_versions (provider_id);

create table pact_publications (
    id                     bigserial primary key,
    consumer_version_id    bigint      not null references versions (id) on delete cascade,
    consumer_id            bigint      not null references pacticipants (id) on delete cascade,
    provider_id            bigint      not null references pacticipants (id) on delete cascade,
    pact_version_id        bigint      not null references pact_versions (id) on delete cascade,
    revision_number        integer     not null,
    consumer_version_order bigint      not null,
    created_at             timestamptz not null default now(),
    constraint pact_publications_revision_unique unique (consumer_version_id, provider_id, revision_number)
);
create index pact_publications_by_integration on pact_publications (consumer_id, provider_id, consumer_version_order desc);
create index pact_publications_by_provider on pact_publications (provider_id, created_at);
create index pact_publications_by_pact_version on pact_publications (pact_version_id);

-- Derived, maintained on write: the current (latest) revision for each consumer version × provider.
-- Every "which pact does this version have" question reads this table instead of all revisions.
create table latest_pact_publications (
    consumer_version_id    bigint      not null references versions (id) on delete cascade,
    provider_id            bigint      not null references pacticipants (id) on delete cascade,
    consumer_id            bigint      not null references pacticipants (id) on delete cascade,
    pact_publication_id    bigint      not null unique references pact_publications (id) on delete cascade,
    pact_version_id        bigint      not null references pact_versions (id) on delete cascade,
    consumer_version_order bigint      not null,
    created_at             timestamptz not null,
    primary key (consumer_version_id, provider_id)
);
create index latest_pact_publications_by_integration on latest_pact_publications (consumer_id, provider_id, consumer_version_order desc);
create index latest_pact_publications_by_provider on latest_pact_publications (provider_id, consumer_version_order desc);
create index latest_pact_publications_by_pact_version on latest_pact_publications (pact_version_id, consumer_version_order desc);

create table integrations (
    id                       bigserial primary key,
    consumer_id              bigint      not null references pacticipants (id) on delete cascade,
    provider_id              bigint      not null references pacticipants (id) on delete cascade,
    created_at               timestamptz not null default now(),
    contract_data_updated_at timestamptz not null default now(),
    constraint integrations_pair_unique unique (consumer_id, provider_id)
);
create index integrations_by_provider on integrations (provider_id);

-- The normalised model, parsed once at publication: one row per interaction of a content version...
create table interactions (
    id              bigserial primary key,
    pact_version_id bigint  not null references pact_versions (id) on delete cascade,
    position        integer not null,
    -- The _id the Pact Broker adds to each interaction (SHA-1 of its key-sorted JSON); verifiers echo it
    -- back as testResults[].interactionId.
    interaction_id  text    not null,
    kind            text    not null check (kind in ('http', 'asynchronous_message', 'synchronous_message')),
    description     text    not null,
    provider_states jsonb   not null default '[]',
    request_method  text,
    request_path    text,
    response_status integer,
    pending         boolean not null default false,
    -- Every matching rule of the interaction, normalised to the v3/v4 shape (v2 flat rules converted).
    matching_rules  jsonb   not null default '[]',
    constraint interactions_position_unique unique (pact_version_id, position)
);
create index interactions_by_interaction_id on interactions (pact_version_id, interaction_id);

-- ...and one row per field the consumer sends (request) or reads (response, message contents), with the
-- matcher that applies to it. This is what field-level impact ("who reads $.total_cents?") queries.
create table interaction_fields (
    id             bigserial primary key,
    interaction_id bigint not null references interactions (id) on delete cascade,
    direction      text   not null check (direction in ('sends', 'reads')),
    part           text   not null,
    path           text   not null,
    value_type     text   not null,
    example        jsonb,
    matchers       jsonb
);
create index interaction_fields_by_interaction on interaction_fields (interaction_id);
create index interaction_fields_by_path on interaction_fields (path);
