-- The live tracks whose keys are still in the inventory (not yet stored as recordings, or left behind when storing
-- failed): start-up recovery looks them up. Live keys are shredded once their call's recordings are stored, so this
-- index stays as small as the calls in flight.
CREATE INDEX data_key_live_tracks ON data_key (owner_id)
    WHERE owner_type IN ('live-caller', 'live-agent') AND shredded_at IS NULL;
