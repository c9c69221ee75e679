-- Where versions run. An environment holds deployed versions (a new deployment of an application instance replaces
-- the previous one) and released versions (many can be supported at once, as for mobile apps or libraries).
-- Everything here cascades from versions, pacticipants and environments: deleting one removes its records.

create table environments (
    id           bigserial primary key,
    uuid         uuid        not null,
    name         text        not null,
    display_name text        not null,
    production   boolean     not null,
    -- [{"name": …, "details": {…}}] as given, or null when none were given.
    contacts     jsonb,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint environments_uuid_unique unique (uuid),
    constraint environments_name_unique unique (name)
);

-- Every deployment ever recorded; undeployed_at is set when it is replaced or undeployed.
create table deployed_versions (
    id                   bigserial primary key,
    uuid                 uuid        not null,
    version_id           bigint      not null references versions (id) on delete cascade,
    pacticipant_id       bigint      not null references pacticipants (id) on delete cascade,
    environment_id       bigint      not null references environments (id) on delete cascade,
    -- The application instance (the Pact Broker's former "target"); null for the only instance.
    application_instance text,
    undeployed_at        timestamptz,
    -- Recorded because a version was tagged with the environment's name, not by record-deployment.
    auto_created         boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint deployed_versions_uuid_unique unique (uuid)
);
create index deployed_versions_by_version on deployed_versions (version_id, environment_id);
create index deployed_versions_by_pacticipant on deployed_versions (pacticipant_id, environment_id);
create index deployed_versions_by_environment on deployed_versions (environment_id);

-- Derived, maintained on write: the deployment currently running for each pacticipant × environment × application
-- instance. "Which versions are in production?" and the deployed selectors read only this table.
create table currently_deployed_versions (
    pacticipant_id           bigint not null references pacticipants (id) on delete cascade,
    environment_id           bigint not null references environments (id) on delete cascade,
    -- The application instance, or '' for none, so that the key is unique with SQL's null semantics.
    application_instance_key text   not null,
    version_id               bigint not null references versions (id) on delete cascade,
    deployed_version_id      bigint not null references deployed_versions (id) on delete cascade,
    constraint currently_deployed_versions_key unique (pacticipant_id, environment_id, application_instance_key),
    constraint currently_deployed_versions_deployment_unique unique (deployed_version_id)
);
create index currently_deployed_versions_by_environment on currently_deployed_versions (environment_id, pacticipant_id);
create index currently_deployed_versions_by_version on currently_deployed_versions (version_id);

-- One row per version × environment; support_ended_at is null while the release is supported.
create table released_versions (
    id               bigserial primary key,
    uuid             uuid        not null,
    version_id       bigint      not null references versions (id) on delete cascade,
    pacticipant_id   bigint      not null references pacticipants (id) on delete cascade,
    environment_id   bigint      not null references environments (id) on delete cascade,
    support_ended_at timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint released_versions_uuid_unique unique (uuid),
    constraint released_versions_version_environment_unique unique (version_id, environment_id)
);
create index released_versions_supported_by_environment on released_versions (environment_id, pacticipant_id)
    where support_ended_at is null;
create index released_versions_supported_by_pacticipant on released_versions (pacticipant_id, environment_id)
    where support_ended_at is null;
create index released_versions_by_environment on released_versions (environment_id);
create index released_versions_by_pacticipant on released_versions (pacticipant_id);
