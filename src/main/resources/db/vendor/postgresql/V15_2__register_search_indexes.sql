-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}; H2 has no such folder and keeps
-- scanning, which the demo's size allows). Version numbers are shared with db/migration: never reuse one.
--
-- The register's reads at 10,000 agreements (PostgresScaleBenchmark, "plans"): each index serves one
-- query of AgreementService or PartnerService exactly as written there; the expressions must match.

-- Trigram indexes for the case-insensitive substring search (UPPER(column) LIKE '%TEXT%'), which a
-- B-tree cannot serve. pg_trgm ships with PostgreSQL and is a trusted extension: a database owner
-- may create it. Searches shorter than three characters give no trigram and still read every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The register's text search: reference, title and scope (AgreementService.where, the first UNION branch).
CREATE INDEX ix_agreement_text_trgm ON agreement
    USING gin (UPPER(reference) gin_trgm_ops, UPPER(title) gin_trgm_ops, UPPER(scope) gin_trgm_ops);

-- Partner name and acronym: the second branch of the register's text search, and the partners' list search.
CREATE INDEX ix_partner_text_trgm ON partner USING gin (UPPER(name) gin_trgm_ops, UPPER(acronym) gin_trgm_ops);

-- A partner by acronym, whatever the case (the register's partner filter, openProposal at every proposal,
-- PartnerService.findByAcronym), and the partners' list in its order (LOWER(acronym), acronym).
CREATE INDEX ix_partner_acronym_lower ON partner (LOWER(acronym), acronym);

-- What a Family secretariat reads: the agreements whose CMS Family instruments name it, as
-- AgreementService.familyKeys normalises them (",aewa,eurobats,"), searched with LIKE '%,aewa,%'.
CREATE INDEX ix_agreement_family_keys_trgm ON agreement
    USING gin ((',' || REGEXP_REPLACE(LOWER(family_instruments), '[^a-z0-9,]', '', 'g') || ',') gin_trgm_ops);
