-- Person entities of the entities module are screened automatically (when recorded or re-marked, and
-- when a list changes). Each person entity has one run of kind ENTITY with one subject; run, subject and
-- hits carry the entity's marking. entity_id names the entity; entity_digest is a digest of the
-- particulars and marking last screened, so an unchanged entity is not written again.
ALTER TABLE screening_run DROP CONSTRAINT screening_run_kind;
ALTER TABLE screening_run ADD CONSTRAINT screening_run_kind CHECK (kind IN ('BATCH', 'MANIFEST', 'ENTITY'));

ALTER TABLE screening_hit DROP CONSTRAINT screening_hit_origin;
ALTER TABLE screening_hit ADD CONSTRAINT screening_hit_origin CHECK (origin IN ('SCREENING', 'RESCREENING', 'ENTITY'));

ALTER TABLE screening_subject ADD COLUMN entity_id VARCHAR(36);
ALTER TABLE screening_subject ADD COLUMN entity_digest VARCHAR(64);
CREATE UNIQUE INDEX screening_subject_entity ON screening_subject (entity_id);
