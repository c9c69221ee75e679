-- Webhooks: what to call on which events, for which consumers and providers (by name or label).
create table webhooks (
    id             bigserial primary key,
    uuid           text        not null,
    description    text,
    -- A webhook for a named pacticipant goes with it; the name is kept to show it without asking for it.
    consumer_id    bigint references pacticipants (id) on delete cascade,
    consumer_name  text,
    consumer_label text,
    provider_id    bigint references pacticipants (id) on delete cascade,
    provider_name  text,
    provider_label text,
    enabled        boolean     not null default true,
    events         text[]      not null,
    -- The request template as given (method, url, headers, body, username, password), rendered at delivery.
    request        jsonb       not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint webhooks_uuid_unique unique (uuid)
);
create index webhooks_by_consumer on webhooks (consumer_id);
create index webhooks_by_provider on webhooks (provider_id);

-- The outbox: one row per delivery an event triggered, written in the transaction of the publication or
-- verification that caused it. The dispatcher claims due rows (FOR UPDATE SKIP LOCKED), leases them while it
-- calls out, and moves them to success, retrying or failure. A row whose lease expired is claimed again.
create table triggered_webhooks (
    id               bigserial primary key,
    uuid             text        not null,
    webhook_id       bigint references webhooks (id) on delete set null,
    webhook_uuid     text        not null,
    event_name       text        not null,
    -- The template variables, resolved when the event happened.
    variables        jsonb       not null,
    consumer_name    text        not null,
    provider_name    text        not null,
    consumer_version text        not null,
    -- Set for the events of a verification result: the number in its URL.
    verification_number bigint,
    pact_sha         text,
    status           text        not null default 'not_run',
    attempts_made    integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    lease_until      timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint triggered_webhooks_uuid_unique unique (uuid),
    constraint triggered_webhooks_status check (status in ('not_run', 'retrying', 'success', 'failure'))
);
create index triggered_webhooks_due on triggered_webhooks (next_attempt_at) where status in ('not_run', 'retrying');
create index triggered_webhooks_by_publication on triggered_webhooks (provider_name, consumer_name, consumer_version);
create index triggered_webhooks_by_webhook on triggered_webhooks (webhook_id);

-- Every attempt: the request as sent (credentials redacted), the answer or the error, and how long it took.
create table webhook_executions (
    id                   bigserial primary key,
    triggered_webhook_id bigint      not null references triggered_webhooks (id) on delete cascade,
    attempt              integer     not null,
    success              boolean     not null,
    request              jsonb       not null,
    response_status      integer,
    response_headers     jsonb,
    response_body        text,
    error                text,
    duration_ms          bigint      not null,
    logs                 text        not null,
    created_at           timestamptz not null default now(),
    constraint webhook_executions_attempt_unique unique (triggered_webhook_id, attempt)
);
