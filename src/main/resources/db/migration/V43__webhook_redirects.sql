-- Whether the sender follows redirects of the webhook's target. It is off by default, because a
-- redirect can point at an address that the target URL check would reject. When it is on, every
-- redirect target is checked the same way before it is contacted.
ALTER TABLE webhook ADD COLUMN follow_redirects BOOLEAN NOT NULL DEFAULT FALSE;
