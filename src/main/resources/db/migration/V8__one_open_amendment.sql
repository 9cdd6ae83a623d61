-- "One open amendment of an agreement at a time" as a database rule: open_for_agreement_id holds the
-- agreement's id while the amendment is OPEN and is NULL once it is adopted or rejected. NULLs are
-- distinct under UNIQUE in H2 and PostgreSQL alike, so closed amendments never collide, and of two
-- amendments opened at once for the same agreement only one can commit (the other gets 409).
ALTER TABLE agreement_amendment ADD COLUMN open_for_agreement_id BIGINT;
UPDATE agreement_amendment SET open_for_agreement_id = agreement_id WHERE status = 'OPEN';
ALTER TABLE agreement_amendment ADD CONSTRAINT uq_amendment_open_for_agreement UNIQUE (open_for_agreement_id);
