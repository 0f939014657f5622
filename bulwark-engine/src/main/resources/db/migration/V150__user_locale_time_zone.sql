-- Z9: a user's locale (BCP 47 tag of a Java runtime locale, e.g. de-CH) and time zone (IANA ID,
-- e.g. Europe/Zurich), both optional profile attributes the user edits. Checked by the engine
-- before they are stored. Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE bw_user ADD COLUMN locale VARCHAR(35);
ALTER TABLE bw_user ADD COLUMN time_zone VARCHAR(64);
