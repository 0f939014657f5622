-- Login throttling (A5), shared by every node on the database. Same SQL on H2 and PostgreSQL.
-- Accounts are keyed by the user ID as typed, with no foreign key: unknown IDs are throttled
-- exactly like known ones (A6). Client addresses are IPv4 addresses or IPv6 /64 networks.

-- Failures of one account from one client address since its last success; last_success marks an
-- address the user signed in from (exempt from the account-wide lock for a while).
CREATE TABLE bw_login_failure (
    account_id     VARCHAR(64)              NOT NULL,
    client_address VARCHAR(64)              NOT NULL,
    failures       INTEGER                  NOT NULL,
    last_attempt   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_success   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, client_address)
);

CREATE INDEX bw_login_failure_attempt ON bw_login_failure (last_attempt);

-- The failure rate of one client address, whatever the account: the time its bucket is empty again
-- (generic cell rate algorithm).
CREATE TABLE bw_login_address (
    client_address VARCHAR(64)              NOT NULL PRIMARY KEY,
    empty_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
