-- Provider verification results. A verification hangs off pact *content* (pact_versions), so one successful
-- verification counts for every consumer version that published that content.

create sequence verification_number_seq;

create table verifications (
    id                         bigserial primary key,
    -- The number in the result's URL, from one global sequence as in the Pact Broker.
    number                     bigint      not null default nextval('verification_number_seq') unique,
    pact_version_id            bigint      not null references pact_versions (id) on delete cascade,
    consumer_id                bigint      not null references pacticipants (id) on delete cascade,
    provider_id                bigint      not null references pacticipants (id) on delete cascade,
    provider_version_id        bigint      not null references versions (id) on delete cascade,
    success                    boolean     not null,
    build_url                  text,
    verified_by                jsonb,
    -- The test results exactly as the verifier sent them, echoed back when the result is read.
    test_results               jsonb,
    -- Published through a WIP pact URL: such a result never ends the pact's WIP status by itself.
    wip                        boolean     not null default false,
    pact_pending               boolean     not null default false,
    consumer_version_selectors jsonb,
    -- The provider version's tags when the result was published (legacy tag-based pending uses them).
    provider_version_tags      text[]      not null default '{}',
    execution_date             timestamptz not null default now(),
    created_at                 timestamptz not null default now()
);
create index verifications_by_pact_version on verifications (pact_version_id, id desc);
create index verifications_by_provider_version on verifications (provider_version_id);
create index verifications_successful on verifications (provider_id, pact_version_id, created_at)
    where success;

-- Each interaction's outcome as data: the matrix, the UI and can-i-deploy explanations name the failing
-- interaction and its mismatches.
create table verification_interaction_results (
    id              bigserial primary key,
    verification_id bigint  not null references verifications (id) on delete cascade,
    position        integer not null,
    -- The interaction's _id as echoed by the verifier, and the interaction it resolves to (when it does).
    interaction_key text,
    interaction     bigint  references interactions (id) on delete set null,
    description     text,
    success         boolean not null
);
create index verification_interaction_results_by_verification on verification_interaction_results (verification_id);

create table verification_mismatches (
    id                 bigserial primary key,
    interaction_result bigint not null references verification_interaction_results (id) on delete cascade,
    attribute          text,
    identifier         text,
    description        text   not null
);
create index verification_mismatches_by_result on verification_mismatches (interaction_result);

-- Derived, maintained on write: the latest verification of each content by each provider version. The matrix
-- and can-i-deploy join this instead of scanning every verification.
create table latest_verifications (
    pact_version_id     bigint      not null references pact_versions (id) on delete cascade,
    provider_version_id bigint      not null references versions (id) on delete cascade,
    verification_id     bigint      not null unique references verifications (id) on delete cascade,
    consumer_id         bigint      not null references pacticipants (id) on delete cascade,
    provider_id         bigint      not null references pacticipants (id) on delete cascade,
    success             boolean     not null,
    created_at          timestamptz not null,
    primary key (pact_version_id, provider_version_id)
);
create index latest_verifications_by_provider_version on latest_verifications (provider_version_id);
