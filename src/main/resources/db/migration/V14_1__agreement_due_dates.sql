-- The morning sweep asks every day which agreements in force have their review or the end of their
-- term due (AgreementService.reviewsDueBy, expiringBy). Without an index PostgreSQL reads the whole
-- agreement table for each (a sequential scan in PostgresScaleBenchmark's plans); with them it reads
-- only the rows due, however large the register grows.
CREATE INDEX ix_agreement_next_review ON agreement (next_review_on);
CREATE INDEX ix_agreement_expires ON agreement (expires_on);
