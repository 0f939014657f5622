-- Location rules (Z4; issue 13): ordered allow/deny rules per path pattern for the server's web
-- apps, API and internal services, one rule set shared by every node. The first rule whose pattern
-- matches the request path and whose principal applies decides; an implicit deny-all ends the list.
-- Principals: '?' anonymous, '*' everyone, '@' authenticated, 'user:<id>', 'group:<id>'.
-- bw_location_rule_set holds one row whose version rises with every change: a node reads that one
-- number per request and reloads the rules only when it changed, so a change counts on the next
-- request on every node. Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE bw_location_rule (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    rule_order INTEGER      NOT NULL,
    pattern    VARCHAR(255) NOT NULL,
    effect     VARCHAR(8)   NOT NULL,
    who        VARCHAR(80)  NOT NULL,
    CONSTRAINT bw_location_rule_effect CHECK (effect IN ('ALLOW', 'DENY')),
    CONSTRAINT bw_location_rule_order UNIQUE (rule_order)
);

CREATE TABLE bw_location_rule_set (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL,
    CONSTRAINT bw_location_rule_set_one CHECK (id = 1)
);
INSERT INTO bw_location_rule_set (id, version) VALUES (1, 1);

-- The default set equals the behaviour before location rules: the public pages are public, every
-- other location of the three service groups needs a signed-in user; the engine's grants decide
-- the rest (Z1, Z2). Anything else (another path) meets the implicit deny.
INSERT INTO bw_location_rule (id, rule_order, pattern, effect, who) VALUES
    ('public-home', 0, '/', 'ALLOW', '*'),
    ('public-login', 1, '/app/login', 'ALLOW', '*'),
    ('public-denied', 2, '/app/denied', 'ALLOW', '*'),
    ('public-assets', 3, '/app/assets/**', 'ALLOW', '*'),
    ('public-lost-password', 4, '/app/account/lost-password', 'ALLOW', '*'),
    ('public-reset-password', 5, '/app/account/reset', 'ALLOW', '*'),
    ('public-verify-email', 6, '/app/account/verify-email', 'ALLOW', '*'),
    ('web-apps', 7, '/app/**', 'ALLOW', '@'),
    ('integration-api', 8, '/engine-rest/**', 'ALLOW', '@'),
    ('internal-services', 9, '/internal/**', 'ALLOW', '@');
