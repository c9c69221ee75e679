-- A btree entry holds at most about 2,700 bytes, so a pact reading a field whose path is longer (generated keys,
-- base64 used as a key) could not be published at all. Field paths are only ever looked up by equality ("who
-- reads $.total_cents?"), which a hash index serves at any length.
drop index interaction_fields_by_path;
create index interaction_fields_by_path on interaction_fields using hash (path);
