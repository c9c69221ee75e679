-- What runs where now: each current deployment (per application instance) and each release still supported.
-- The deployment module owns this meaning and publishes it as this view, so that other modules (the matrix,
-- can-i-deploy) read one definition instead of re-implementing it over the tables behind it.
-- The left join is never empty-handed (deployed_version_id is a non-null foreign key); it lets PostgreSQL drop
-- the join when a query reads neither uuid nor since.
create view versions_in_environments as
select c.version_id, c.pacticipant_id, c.environment_id, 'DEPLOYED'::text as kind,
       nullif(c.application_instance_key, '') as application_instance, d.uuid, d.created_at as since
from currently_deployed_versions c
left join deployed_versions d on d.id = c.deployed_version_id
union all
select r.version_id, r.pacticipant_id, r.environment_id, 'RELEASED'::text, null, r.uuid, r.created_at
from released_versions r
where r.support_ended_at is null;
