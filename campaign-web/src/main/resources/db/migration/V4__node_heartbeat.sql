-- Application nodes announce themselves here, so that each can take its fair share of the event processors'
-- segments (SegmentBalancer) even before it owns any.
CREATE TABLE node_heartbeat (
    node_id VARCHAR(255) NOT NULL PRIMARY KEY,
    seen_at BIGINT       NOT NULL
);
